/**
 * Within-article coreference: mentions become entities, one per real-world referent. Each merge
 * records the rule that made it (`coref/surname`, `coref/description-role` …) so a user can see why.
 * The method, in order: names by exact form or alias table; surnames and organisation short forms;
 * groups named through a person; roles and affiliations; definite descriptions by role or kind,
 * else by a unique recent referent; speaker pronouns by the nearest earlier person of matching gender.
 */
import type { Entity, EntityType, Span } from '../model/schema.js';
import type { Gazetteer } from '../extract/entities/gazetteer.js';
import { INSTITUTIONS, INSTITUTION_KIND_NOUNS, ORG_GENERIC_SUFFIXES } from '../extract/entities/lexicon/organizations.js';
import { PARTY_ADJECTIVES, type Gender } from '../extract/entities/lexicon/people.js';
import { foldQuotes } from '../extract/entities/token-view.js';
import type { Mention, RoleFinding } from '../extract/entities/types.js';

/** How far back (in sentences) a pronoun or a bare description looks for its referent. */
const DEFAULT_PRONOUN_WINDOW = 2;
const DEFAULT_DESCRIPTION_WINDOW = 1;

/** Role heads that describe the same office: "the Republican candidate" = "Republican presidential nominee". */
const HEAD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  candidate: ['candidate', 'nominee', 'contender', 'challenger'],
  nominee: ['nominee', 'candidate'],
  spokesperson: ['spokesperson', 'spokesman', 'spokeswoman'],
  spokesman: ['spokesperson', 'spokesman'],
  spokeswoman: ['spokesperson', 'spokeswoman'],
  lawyer: ['lawyer', 'attorney', 'counsel'],
};

/** An entity of one article, with its mentions and how each joined. */
export interface ResolvedEntity extends Entity {
  canonical: string;
  /** Parallel to `mentions`: the rule that found or merged each mention. */
  mentionRules: string[];
  roleMentions: { role: string; span: Span; rule: string }[];
  links: string[];
  group?: { of: string; noun: string };
}

interface Cluster {
  type: EntityType;
  mentions: number[];
  rules: string[];
  key: string;
  gender: Gender;
  roles: RoleFinding[];
  affiliations: Set<Cluster>;
  canonical?: string;
  group?: { owner: Cluster; noun: string };
  links: Set<string>;
}

const partyAdjectives = new Set(PARTY_ADJECTIVES.map((w) => w.toLowerCase()));
const normalize = (s: string) => foldQuotes(s).replace(/\s+/g, ' ').trim().toLowerCase();
const institutionKinds = new Map(INSTITUTIONS.map((i) => [i.name, i.kind]));

function shortOrgForm(name: string): string | null {
  const words = name.split(' ');
  if (words.length < 2) return null;
  return ORG_GENERIC_SUFFIXES.includes(words.at(-1)!.toLowerCase() as never) ? words.slice(0, -1).join(' ') : null;
}

export function createEntityResolver(gazetteer: Gazetteer) {
  return function resolveEntities(
    text: string,
    mentions: readonly Mention[],
    roles: readonly RoleFinding[],
    possessives: readonly { mention: number; affiliation: number }[],
    sentenceBlocks: readonly number[] = [],
  ): ResolvedEntity[] {
    const blockOf = (sentence: number) => sentenceBlocks[sentence] ?? sentence;
    const clusters: Cluster[] = [];
    const clusterOf = new Map<number, Cluster>();
    const byKey = new Map<string, Cluster>();
    // Each mention's text, normalised form and words, computed once: the rules below compare them many times.
    const texts = mentions.map((m) => foldQuotes(text.slice(m.start, m.end)).replace(/\s+/g, ' '));
    const lowers = texts.map((t) => t.trim().toLowerCase());
    const words = lowers.map((t) => t.split(' '));
    const nameText = (i: number) => texts[i]!;

    const join = (c: Cluster, i: number, rule: string) => {
      c.mentions.push(i);
      c.rules.push(rule);
      clusterOf.set(i, c);
      const m = mentions[i]!;
      if (m.gender && m.gender !== 'unknown' && c.gender === 'unknown') c.gender = m.gender;
      for (const l of m.links ?? []) c.links.add(l);
    };
    const open = (i: number, key: string, rule: string): Cluster => {
      const m = mentions[i]!;
      // All fields set, in one order: one object shape for every cluster keeps the loops below fast.
      const c: Cluster = { type: m.type, mentions: [], rules: [], key, gender: 'unknown', roles: [], affiliations: new Set(), links: new Set(), canonical: m.canonical, group: undefined };
      clusters.push(c);
      byKey.set(key, c);
      join(c, i, rule);
      return c;
    };

    /**
     * A snapshot of every cluster's mention starts, sorted, answering "where was this cluster last mentioned
     * before offset x" by binary search: clusters can have thousands of mentions in a long article.
     */
    const recency = () => {
      const startsOf = new Map<Cluster, number[]>();
      for (const c of clusters) startsOf.set(c, c.mentions.map((i) => mentions[i]!.start).sort((a, b) => a - b));
      return (c: Cluster, before: number): number => {
        const starts = startsOf.get(c) ?? [];
        let lo = 0;
        let hi = starts.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (starts[mid]! < before) lo = mid + 1;
          else hi = mid;
        }
        return lo > 0 ? starts[lo - 1]! : -1;
      };
    };

    // 1. Names: the alias tables' canonical name, else the full form; people with one word wait for step 2.
    const deferred: number[] = [];
    mentions.forEach((m, i) => {
      if (m.kind !== 'name') return;
      const words = nameText(i).split(' ');
      if (m.type === 'person' && words.length === 1 && !m.canonical) {
        deferred.push(i);
        return;
      }
      const key = m.canonical ? `${m.type}:${normalize(m.canonical)}` : `${m.type}:${normalize(nameText(i))}`;
      const sameLink = m.links?.length ? clusters.find((c) => m.links!.some((l) => c.links.has(l))) : undefined;
      const existing = byKey.get(key) ?? (m.type === 'organization' ? byKey.get(`organization:${normalize(shortOrgForm(nameText(i)) ?? '')}`) : undefined);
      if (existing) join(existing, i, m.canonical && normalize(nameText(i)) !== normalize(m.canonical) ? 'coref/alias-table' : 'coref/same-name');
      else if (sameLink && sameLink.type === m.type) join(sameLink, i, 'coref/same-link');
      else {
        const c = open(i, key, m.rule);
        const short = m.type === 'organization' ? shortOrgForm(nameText(i)) : null;
        if (short) byKey.set(`organization:${normalize(short)}`, c);
      }
    });
    // 2. One-word names of people: a surname (or first name) of a person named in full, nearest first; else their own entity.
    // Full names by surname and by first name (one-word names do not add full names, so this index holds through the loop).
    const bySurname = new Map<string, Set<Cluster>>();
    const byFirstName = new Map<string, Set<Cluster>>();
    for (const c of clusters) {
      if (c.type !== 'person') continue;
      for (const j of c.mentions) {
        const parts = words[j]!;
        if (parts.length < 2) continue;
        bySurname.set(parts.at(-1)!, (bySurname.get(parts.at(-1)!) ?? new Set()).add(c));
        byFirstName.set(parts[0]!, (byFirstName.get(parts[0]!) ?? new Set()).add(c));
      }
    }
    const lastNamed = recency();
    const nearestFirst = (list: Cluster[], at: number) => (list.length > 1 ? list.sort((a, b) => lastNamed(b, at + 1) - lastNamed(a, at + 1)) : list);
    for (const i of deferred) {
      // A link to the same page (a topic page such as /tags/robert-smith/) is the strongest evidence of identity.
      const links = mentions[i]!.links;
      const linked = links?.length ? clusters.find((c) => c.type === 'person' && links.some((l) => c.links.has(l))) : undefined;
      if (linked) {
        join(linked, i, 'coref/same-link');
        continue;
      }
      const word = lowers[i]!;
      const surnameMatch = nearestFirst([...(bySurname.get(word) ?? [])], mentions[i]!.start)[0];
      const candidates = surnameMatch ? [surnameMatch] : nearestFirst([...(byFirstName.get(word) ?? [])], mentions[i]!.start);
      if (surnameMatch ?? candidates[0]) join((surnameMatch ?? candidates[0])!, i, surnameMatch ? 'coref/surname' : 'coref/first-name');
      else {
        const existing = byKey.get(`person:${word}`);
        if (existing) join(existing, i, 'coref/same-name');
        else open(i, `person:${word}`, mentions[i]!.rule);
      }
    }
    // A one-word organisation name that is a known short form of a longer one in this article ("Labour" → "Labour Party").
    const byShortForm = new Map<string, Cluster>();
    for (const o of clusters) {
      const short = o.type === 'organization' && o.mentions.length > 0 ? shortOrgForm(o.canonical ?? nameText(o.mentions[0]!))?.toLowerCase() : undefined;
      if (short && !byShortForm.has(short)) byShortForm.set(short, o);
    }
    for (const c of [...clusters]) {
      if (c.type !== 'organization' || c.mentions.length === 0) continue;
      const name = normalize(nameText(c.mentions[0]!));
      const candidate = byShortForm.get(name);
      const longer = candidate && candidate !== c && candidate.mentions.length > 0 ? candidate : undefined;
      if (longer) {
        for (const [k, i] of c.mentions.entries()) join(longer, i, k === 0 ? 'coref/org-short-form' : c.rules[k]!);
        c.mentions = [];
      }
    }

    // 3. Groups named through a person: one organisation per person and group noun.
    mentions.forEach((m, i) => {
      if (m.kind !== 'group' || m.owner === undefined) return;
      const owner = clusterOf.get(m.owner);
      if (!owner) return;
      const key = `group:${clusters.indexOf(owner)}:${m.groupNoun}`;
      const existing = byKey.get(key);
      if (existing) join(existing, i, 'coref/same-group');
      else {
        const c = open(i, key, m.rule);
        c.group = { owner, noun: m.groupNoun ?? 'group' };
        c.affiliations.add(owner);
      }
    });

    // 4. Roles and affiliations.
    for (const r of roles) {
      const c = clusterOf.get(r.mention);
      if (!c) continue;
      c.roles.push(r);
      const a = r.affiliation !== undefined ? clusterOf.get(r.affiliation) : undefined;
      if (a && a !== c) c.affiliations.add(a);
    }
    for (const p of possessives) {
      const c = clusterOf.get(p.mention);
      const a = clusterOf.get(p.affiliation);
      if (c && a && a !== c) c.affiliations.add(a);
    }
    // A committee named "Harris for President" is the campaign of the person with that surname: it absorbs their campaign group.
    const absorbGroup = (c: Cluster, owner: Cluster, rule: string) => {
      const group = clusters.find((g) => g.group?.owner === owner && g.group.noun === 'campaign' && g.mentions.length > 0);
      if (group && group !== c) {
        for (const i of group.mentions) join(c, i, rule);
        group.mentions = [];
      }
      c.affiliations.add(owner);
    };
    for (const c of clusters) {
      const first = c.mentions[0];
      if (first === undefined || mentions[first]!.rule !== 'name/for-office') continue;
      const surname = normalize(nameText(first).split(' ')[0] ?? '');
      const owner = clusters.find((o) => o.type === 'person' && o.mentions.some((j) => mentions[j]!.kind === 'name' && words[j]!.at(-1) === surname));
      if (owner) absorbGroup(c, owner, 'coref/campaign-of');
    }
    // An organisation described as a person's campaign ("…, the principal campaign committee of Vice President Kamala Harris") is that person's campaign group.
    for (const c of clusters) {
      if (c.type !== 'organization' || c.group || c.mentions.length === 0) continue;
      for (const r of c.roles) {
        if (!/\bcampaign\b/i.test(r.role)) continue;
        const person = mentions.findIndex((m) => m.kind === 'name' && m.type === 'person' && m.start >= r.start && m.end <= r.end);
        const owner = person >= 0 ? clusterOf.get(person) : undefined;
        if (owner) absorbGroup(c, owner, 'coref/campaign-of');
      }
    }

    const live = () => clusters.filter((c) => c.mentions.length > 0);
    // From here on recency is read from a snapshot of each cluster's mention starts.
    const lastBefore = recency();
    const persons = live().filter((c) => c.type === 'person');
    const organizations = live().filter((c) => c.type === 'organization');
    // Each person's roles as normalised text and words, once: every description compares against them.
    const roleWords = new Map<Cluster, { text: string; words: string[] }[]>();
    for (const c of persons) {
      roleWords.set(c, c.roles.map((r) => {
        const text = normalize(r.role);
        return { text, words: text.split(' ').filter((w) => w !== 'of' && w !== 'at' && w !== 'for') };
      }));
    }

    // 5. Definite descriptions: by role (head and qualifying words), by institution kind, else a unique recent referent.
    mentions.forEach((m, i) => {
      if (m.kind !== 'description' || !m.head) return;
      const before = m.start;
      let chosen: Cluster | undefined;
      let rule = '';
      if (m.type === 'person') {
        const heads = HEAD_SYNONYMS[m.head] ?? [m.head];
        // A party adjective restricts the referent ("the Republican candidate"); a nationality does not here.
        const qualifiers = (m.modifiers ?? []).filter((w) => partyAdjectives.has(w));
        const byRole = persons.filter((c) => c.roles.length > 0 && lastBefore(c, before) >= 0 && roleWords.get(c)!.some((r) =>
          heads.some((h) => r.text.endsWith(h) || r.words.includes(h)) && qualifiers.every((q) => r.words.includes(q))));
        byRole.sort((a, b) => lastBefore(b, before) - lastBefore(a, before));
        if (byRole[0]) {
          chosen = byRole[0];
          rule = 'coref/description-role';
        } else if (qualifiers.length === 0) {
          // The people named in the window before the description (mentions are in text order).
          const recent = new Set<Cluster>();
          for (let j = i - 1; j >= 0 && mentions[j]!.sentence >= m.sentence - DEFAULT_DESCRIPTION_WINDOW; j--) {
            const c = clusterOf.get(j);
            if (c?.type === 'person' && mentions[j]!.kind === 'name' && mentions[j]!.start < before) recent.add(c);
          }
          if (recent.size === 1) {
            chosen = [...recent][0];
            rule = 'coref/description-recent';
          }
        }
      } else {
        const kinds = INSTITUTION_KIND_NOUNS[m.head] ?? [];
        const byKind = organizations.filter((c) => c.mentions.length > 0 && lastBefore(c, before) >= 0 && (
          (c.canonical && kinds.includes(institutionKinds.get(c.canonical)!)) ||
          normalize(c.canonical ?? nameText(c.mentions[0]!)).endsWith(` ${m.head}`)));
        byKind.sort((a, b) => lastBefore(b, before) - lastBefore(a, before));
        if (byKind[0]) {
          chosen = byKind[0];
          rule = 'coref/description-kind';
        }
      }
      if (chosen) join(chosen, i, rule);
    });

    // 6. Speaker pronouns: the nearest earlier person of compatible gender within the window.
    mentions.forEach((m, i) => {
      if (m.kind !== 'pronoun' || m.gender === undefined) return;
      if (m.start > 0 && /^they$/i.test(text.slice(m.start, m.end))) return;
      // Mentions are in text order: walk back from the pronoun through the window only — the last two sentences, or
      // this paragraph and the one before (a quotation of several sentences ends in "he noted").
      let best: Cluster | undefined;
      const inWindow = (o: Mention) => o.sentence >= m.sentence - DEFAULT_PRONOUN_WINDOW || blockOf(o.sentence) >= blockOf(m.sentence) - 1;
      for (let j = i - 1; j >= 0 && inWindow(mentions[j]!); j--) {
        const c = clusterOf.get(j);
        if (!c || c.type !== 'person' || c.mentions.length === 0 || mentions[j]!.start >= m.start) continue;
        if (c.gender === 'unknown' || c.gender === m.gender || m.gender === 'unknown') {
          best = c;
          break;
        }
      }
      if (best) {
        join(best, i, 'coref/pronoun-recent');
        if (best.gender === 'unknown' && m.gender !== 'unknown') best.gender = m.gender;
      }
    });

    // Output: entities in order of first mention, with their names, roles and affiliations.
    const out = live().sort((a, b) => Math.min(...a.mentions.map((i) => mentions[i]!.start)) - Math.min(...b.mentions.map((i) => mentions[i]!.start)));
    const ids = new Map(out.map((c, k) => [c, `e${k + 1}`]));
    const displayName = (c: Cluster): string => {
      if (c.canonical) return c.canonical;
      if (c.group) return `${displayName(c.group.owner).split(' ').at(-1)} ${c.group.noun}`;
      const names = c.mentions.filter((i) => mentions[i]!.kind === 'name').map(nameText);
      return names.sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length)[0] ?? nameText(c.mentions[0]!);
    };
    return out.map((c) => {
      const order = c.mentions.map((i, k) => [i, c.rules[k]!] as const).sort((a, b) => mentions[a[0]]!.start - mentions[b[0]]!.start);
      const seen = new Set<string>();
      const spans: Span[] = [];
      const rules: string[] = [];
      for (const [i, rule] of order) {
        const m = mentions[i]!;
        const key = `${m.start}:${m.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        spans.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end) });
        rules.push(rule);
      }
      const roles: string[] = [];
      for (const r of c.roles) if (!roles.some((x) => x.toLowerCase() === r.role.toLowerCase())) roles.push(r.role);
      const name = displayName(c);
      const lookup = gazetteer.lookup(name);
      return {
        id: ids.get(c)!,
        type: c.type,
        name,
        roles,
        affiliations: [...c.affiliations].filter((a) => ids.has(a)).map((a) => ids.get(a)!),
        mentions: spans,
        canonical: c.group ? `group:${normalize(displayName(c.group.owner))}:${c.group.noun}` : `${c.type}:${normalize(lookup?.canonical ?? name)}`,
        mentionRules: rules,
        roleMentions: c.roles.map((r) => ({ role: r.role, span: { start: r.start, end: r.end, text: text.slice(r.start, r.end) }, rule: r.rule })),
        links: [...c.links],
        ...(c.group && ids.has(c.group.owner) ? { group: { of: ids.get(c.group.owner)!, noun: c.group.noun } } : {}),
      };
    });
  };
}
