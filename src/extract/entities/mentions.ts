/**
 * Mention finding: proposals from the NER tagger, then rules that add what a tagger trained on
 * 1996 Reuters misses or mistypes in today's news, each rule named. Only prose (paragraph blocks)
 * is searched: headings, captions and credits give no entities.
 */
import type { Article, EntityType } from '../../model/schema.js';
import type { TextLayer } from '../../text/types.js';
import { cueForms } from '../../lexicon/cues.js';
import { createGazetteer, type Gazetteer } from './gazetteer.js';
import { INSTITUTION_KIND_NOUNS, ORG_NAME_WORDS } from './lexicon/organizations.js';
import {
  CAMPAIGN_OFFICES, GROUP_NOUNS, HONORIFICS, NAME_SUFFIXES, NAME_TRAILING_FUNCTION_WORDS, NON_NAME_WORDS, PARTY_ADJECTIVES, PERSONAL_PRONOUNS, ROLE_HEADS, ROLE_MODIFIERS,
} from './lexicon/people.js';
import { PERSON_TITLE_ABBREVIATIONS } from '../../lexicon/titles.js';
import { COUNTRIES } from './lexicon/places.js';
import { createTokenView, type TokenView } from './token-view.js';
import type { Mention } from './types.js';

/** A mention proposed by a sequence tagger, in token and character coordinates. */
export interface TaggedMention {
  start: number;
  end: number;
  type: EntityType;
  tokenStart: number;
  tokenEnd: number;
  rule: string;
}

/** Words between a pronoun and its speech verb: "he also said", "she later told". */
const DEFAULT_MAX_ADVERBS_BEFORE_CUE = 2;
/** Longest description considered: "the British public broadcaster" is 4 tokens. */
const DEFAULT_MAX_DESCRIPTION_TOKENS = 5;

const strip = (w: string) => w.replace(/\.$/, '');

export function createMentionFinder() {
  const gazetteer: Gazetteer = createGazetteer();
  const honorifics = new Map(Object.entries(HONORIFICS).map(([k, g]) => [k.toLowerCase(), g]));
  const titleAbbreviations = new Set(PERSON_TITLE_ABBREVIATIONS.map((t) => t.toLowerCase()));
  const nonName = new Set<string>(NON_NAME_WORDS);
  const cues = cueForms();
  const roleHeadWords = new Set(ROLE_HEADS.map((h) => h.split(' ').at(-1)!));
  const modifiers = new Set<string>(ROLE_MODIFIERS);
  const demonyms = new Set(COUNTRIES.flatMap((c) => c.demonyms.map((d) => d.toLowerCase())));
  const groupNouns = Object.keys(GROUP_NOUNS)
    .sort((a, b) => b.split(' ').length - a.split(' ').length)
    .map((noun) => ({ noun, words: noun.split(' ') }));
  const kindNouns = new Set(Object.keys(INSTITUTION_KIND_NOUNS));
  const pronouns = PERSONAL_PRONOUNS;
  const trailingFunctionWords = new Set<string>(NAME_TRAILING_FUNCTION_WORDS);
  const adjectiveNames = new Set<string>([...PARTY_ADJECTIVES, ...COUNTRIES.flatMap((c) => c.demonyms)]);
  const campaignOffices = new Set<string>(CAMPAIGN_OFFICES);
  const nameSuffixes = new Set<string>(NAME_SUFFIXES);
  const orgNameWords = new Set<string>(ORG_NAME_WORDS);

  const honorificWord = (word: string) => {
    const w = strip(word).toLowerCase();
    return honorifics.has(w) || (word.endsWith('.') && titleAbbreviations.has(w));
  };
  /** Per article: which tokens are honorifics, computed once (every rule asks). */
  let honorificTokens = new Uint8Array(0);
  const isHonorific = (view: TokenView, i: number) => honorificTokens[i] === 1 && i < view.count;
  const isNameWord = (view: TokenView, i: number) =>
    view.inProse(i) && view.isCapitalized(i) && view.layer.tokens[i]!.kind === 'word' && !nonName.has(view.lower(i)) && !isHonorific(view, i);

  function span(view: TokenView, ts: number, te: number) {
    return { start: view.layer.tokens[ts]!.start, end: view.layer.tokens[te - 1]!.end };
  }

  /**
   * Every mention is built here with all its fields in one order, so they share one shape: the passes below
   * read mention fields in hot loops, and mixed object shapes would make every one of those reads slow.
   */
  function makeMention(view: TokenView, ts: number, te: number, kind: Mention['kind'], type: Mention['type'], rule: string, extra: Partial<Mention> = {}): Mention {
    return {
      start: view.layer.tokens[ts]!.start,
      end: view.layer.tokens[te - 1]!.end,
      tokenStart: ts,
      tokenEnd: te,
      sentence: extra.sentence ?? view.sentenceOf(ts),
      kind,
      type,
      rule,
      gender: extra.gender,
      canonical: extra.canonical,
      owner: extra.owner,
      groupNoun: extra.groupNoun,
      head: extra.head,
      modifiers: extra.modifiers,
      links: extra.links,
    };
  }


  /**
   * `ner/*`: the tagger's proposals in prose, trimmed to the name: possessive clitics and trailing function
   * words off the end ("Labour Party of"), lower-case words off the start ("center-left Labour Party"),
   * a leading honorific kept out (it becomes the gender).
   */
  function fromTagger(view: TokenView, tagged: readonly TaggedMention[]): Mention[] {
    const out: Mention[] = [];
    for (const t of tagged) {
      let te = t.tokenEnd;
      let ts = t.tokenStart;
      while (te > ts && (view.lower(te - 1) === "'s" || view.lower(te - 1) === "'" || trailingFunctionWords.has(view.lower(te - 1)))) te--;
      while (ts < te - 1 && (!view.isCapitalized(ts) || isHonorific(view, ts)) && view.layer.tokens[ts]!.kind === 'word' && !/^\d/.test(view.word(ts))) ts++;
      if (te <= ts || !view.inProse(ts)) continue;
      const rule = ts !== t.tokenStart || te !== t.tokenEnd ? `${t.rule}+trim` : t.rule;
      out.push(makeMention(view, ts, te, 'name', t.type, rule));
    }
    return out;
  }

  /** `ner/split-coordination`: "Washington Post and Telegraph" tagged as one name is two when both sides are known names. */
  function splitCoordinations(view: TokenView, mentions: Mention[]): void {
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k]!;
      for (let a = m.tokenStart + 1; a < m.tokenEnd - 1; a++) {
        if (view.lower(a) !== 'and') continue;
        const left = gazetteer.lookup(view.text.slice(m.start, view.layer.tokens[a - 1]!.end));
        const right = gazetteer.lookup(view.text.slice(view.layer.tokens[a + 1]!.start, m.end));
        if (!left || !right) continue;
        const parts = [[m.tokenStart, a, left], [a + 1, m.tokenEnd, right]] as const;
        mentions.splice(k, 1, ...parts.map(([ts, te, entry]) => makeMention(view, ts, te, 'name', entry.type, 'ner/split-coordination', { canonical: entry.canonical, sentence: m.sentence })));
        break;
      }
    }
  }

  /**
   * `name/for-office`: a campaign committee named "X for President" ("Harris for President", "Friends of
   * Jane Doe for Senate") is an organisation, even when a tagger split it into a person and an office.
   */
  function campaignCommittees(view: TokenView, mentions: Mention[]): void {
    for (let k = 0; k < mentions.length; k++) {
      const m = mentions[k]!;
      if (m.kind !== 'name' || view.lower(m.tokenEnd) !== 'for' || !campaignOffices.has(view.word(m.tokenEnd + 1))) continue;
      const end = m.tokenEnd + 2;
      const absorbed = mentions.filter((o) => o !== m && o.tokenStart >= m.tokenStart && o.tokenEnd <= end);
      for (const o of absorbed) mentions.splice(mentions.indexOf(o), 1);
      Object.assign(m, { end: span(view, m.tokenStart, end).end, tokenEnd: end, type: 'organization', rule: 'name/for-office' });
      k = mentions.indexOf(m);
    }
  }

  /**
   * `type/person-name`: a name that equals a person's name or surname found elsewhere in the article is that
   * person, whatever the tagger typed it in this context ("the Kamala Harris campaign", "Trump" before "Tower").
   * People count when an honorific, or a tagged name of two or more words, says so.
   */
  function personNames(view: TokenView, mentions: Mention[]): void {
    const wordsOf = (m: Mention) => {
      const out: string[] = [];
      for (let k = m.tokenStart; k < m.tokenEnd; k++) out.push(view.word(k));
      return out;
    };
    const names = new Set<string>();
    for (const m of mentions) {
      if (m.kind !== 'name' || m.type !== 'person') continue;
      if (m.tokenEnd - m.tokenStart < 2 && m.rule !== 'name/honorific' && m.gender === undefined) continue;
      const words = wordsOf(m);
      names.add(words.join(' '));
      names.add(words.at(-1)!);
    }
    if (names.size === 0) return;
    // Two or three capitalised words with no organisation word ("Kamala Harris", not "Harris Group").
    const personLike = (m: Mention) => {
      if (m.tokenEnd - m.tokenStart < 2 || m.tokenEnd - m.tokenStart > 3) return false;
      for (let k = m.tokenStart; k < m.tokenEnd; k++) if (!view.isCapitalized(k) || orgNameWords.has(view.lower(k))) return false;
      return true;
    };
    for (const m of mentions) {
      if (m.kind !== 'name' || m.type === 'person' || m.canonical || m.rule === 'name/for-office') continue;
      // The same name, or a first name and a known surname ("Kamala Harris" where "Ms Harris" is a person).
      const words = wordsOf(m);
      if (names.has(words.join(' ')) || (names.has(words.at(-1)!) && personLike(m))) {
        m.type = 'person';
        m.rule = `${m.rule}+type/person-name`;
      }
    }
  }

  /** `name/suffix`: a generational suffix after a person's name is part of it ("John G. Roberts Jr."). */
  function suffixes(view: TokenView, mentions: Mention[]): void {
    for (const m of mentions) {
      if (m.kind !== 'name' || m.type !== 'person') continue;
      const k = view.word(m.tokenEnd) === ',' && nameSuffixes.has(view.word(m.tokenEnd + 1)) ? m.tokenEnd + 1 : m.tokenEnd;
      if (!nameSuffixes.has(view.word(k)) || view.sentenceOf(k) !== m.sentence) continue;
      Object.assign(m, { end: view.layer.tokens[k]!.end, tokenEnd: k + 1, rule: `${m.rule}+name/suffix` });
    }
  }

  /**
   * `name/known-surname`: a capitalised word that is the surname of a person named in full elsewhere in the
   * article is that person where the tagger missed it ("Pence said" after "Mike Pence"; "PENCE" in a transcript).
   */
  function knownSurnames(view: TokenView, mentions: Mention[]): void {
    const surnames = new Set<string>();
    for (const m of mentions) {
      if (m.kind !== 'name' || m.type !== 'person' || m.tokenEnd - m.tokenStart < 2) continue;
      let last = m.tokenEnd - 1;
      while (last > m.tokenStart && nameSuffixes.has(view.word(last))) last--;
      surnames.add(view.word(last).toUpperCase());
    }
    if (surnames.size === 0) return;
    const covered = new Uint8Array(view.count);
    for (const m of mentions) covered.fill(1, m.tokenStart, m.tokenEnd);
    for (let i = 0; i < view.count; i++) {
      if (covered[i] || !view.inProse(i) || !view.isCapitalized(i) || view.layer.tokens[i]!.kind !== 'word') continue;
      const w = view.word(i);
      if (w.length < 2 || !surnames.has(w.toUpperCase())) continue;
      // Part of a longer capitalised name the tagger did not propose ("Trump Tower"): leave it.
      if (view.isCapitalized(i + 1) && view.layer.tokens[i + 1]?.kind === 'word' && view.sentenceOf(i + 1) === view.sentenceOf(i) && view.lower(i + 1) !== "'s") continue;
      mentions.push(makeMention(view, i, i + 1, 'name', 'person', 'name/known-surname'));
    }
  }

  /** `name/transcript-speaker`: an interview transcript opens a turn with the speaker in capitals and a colon ("WALLACE: …"). */
  function transcriptSpeakers(view: TokenView, mentions: Mention[]): void {
    const cover = new Coverage(view.count, mentions);
    for (const s of view.layer.sentences) {
      let i = s.tokenStart;
      // A quoted transcript turn: "WALLACE: …
      while (i < s.tokenEnd && view.layer.tokens[i]!.kind === 'quote') i++;
      let k = i;
      while (k < s.tokenEnd && k - i < 3 && view.layer.tokens[k]!.kind === 'word' && /^\p{Lu}[\p{Lu}.'-]+$/u.test(view.word(k))) k++;
      if (k === i || view.word(k) !== ':' || !view.inProse(i) || cover.find(i, k)) continue;
      cover.push(makeMention(view, i, k, 'name', 'person', 'name/transcript-speaker'));
    }
  }

  /** `other/adjective`: demonyms and party adjectives ("British", "Republican") are words about entities, not entities. */
  function dropAdjectives(view: TokenView, mentions: Mention[]): void {
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k]!;
      if (m.kind === 'name' && m.type === 'other' && m.tokenEnd - m.tokenStart === 1 && adjectiveNames.has(view.word(m.tokenStart))) mentions.splice(k, 1);
    }
  }

  /** `name/honorific`: "Mr Starmer", "Ms. Patel" — an honorific makes the following capitalised words a person. */
  function honorificNames(view: TokenView, mentions: Mention[]): void {
    const cover = new Coverage(view.count, mentions);
    for (let i = 0; i + 1 < view.count; i++) {
      if (!view.inProse(i) || !isHonorific(view, i) || !view.isCapitalized(i)) continue;
      const gender = honorifics.get(strip(view.word(i)).toLowerCase()) ?? 'unknown';
      let te = i + 1;
      while (te < view.count && isNameWord(view, te) && view.sentenceOf(te) === view.sentenceOf(i)) te++;
      if (te === i + 1) continue;
      const existing = cover.find(i + 1, te);
      if (existing) {
        if (existing.tokenStart === i + 1) {
          existing.type = 'person';
          existing.gender = gender;
        }
        continue;
      }
      cover.push(makeMention(view, i + 1, te, 'name', 'person', 'name/honorific', { gender, sentence: view.sentenceOf(i) }));
    }
  }

  /** `lexicon/*`: countries, US states and common institutions from the alias tables, with their canonical names. */
  function lexiconNames(view: TokenView, mentions: Mention[]): void {
    const cover = new Coverage(view.count, mentions);
    for (let i = 0; i < view.count; i++) {
      // Every alias starts with a capital letter or a digit ("No 10"): other tokens cannot start a match.
      if (!view.inProse(i) || (!view.isCapitalized(i) && view.layer.tokens[i]!.kind !== 'number')) continue;
      const match = gazetteer.matchAt(view, i);
      if (!match) continue;
      const { tokenStart, tokenEnd, entry } = match;
      const existing = cover.find(tokenStart, tokenEnd);
      // The longer known name wins over a tagger's shorter one inside it: "USA Today" over "USA", "Washington Post" over "Washington".
      if (existing && existing.rule.startsWith('ner/') && existing.tokenStart >= tokenStart && existing.tokenEnd <= tokenEnd && tokenEnd - tokenStart > existing.tokenEnd - existing.tokenStart && !cover.find(tokenStart, tokenEnd, existing)) {
        Object.assign(existing, { ...span(view, tokenStart, tokenEnd), tokenStart, tokenEnd, type: entry.type, rule: `lexicon/${entry.source}`, canonical: entry.canonical } satisfies Partial<Mention>);
        cover.remark(existing);
        i = tokenEnd - 1;
        continue;
      }
      if (existing) {
        // A country before a known institution names the same body: "US Federal Election Commission".
        if (existing.tokenEnd === tokenEnd && existing.tokenStart < tokenStart && existing.type === entry.type && !existing.canonical) {
          const prefix = view.text.slice(existing.start, view.layer.tokens[tokenStart - 1]!.end);
          if (gazetteer.lookup(prefix)?.source === 'country' || adjectiveNames.has(prefix)) existing.canonical = entry.canonical;
        }
        // The same words: take the canonical name; a mistyped single word (a state typed as a person) is corrected.
        if (existing.tokenStart === tokenStart && existing.tokenEnd === tokenEnd) {
          existing.canonical = entry.canonical;
          if (existing.type !== entry.type && existing.rule.startsWith('ner/') && existing.gender === undefined) {
            existing.type = entry.type;
            existing.rule = `${existing.rule}+lexicon/${entry.source}`;
          }
        }
        continue;
      }
      // A capitalised word right after the match makes it part of a longer name ("Virginia Woolf", "Reuters Institute").
      if (tokenEnd < view.count && isNameWord(view, tokenEnd) && view.sentenceOf(tokenEnd) === view.sentenceOf(i)) continue;
      cover.push(makeMention(view, tokenStart, tokenEnd, 'name', entry.type, `lexicon/${entry.source}`, { canonical: entry.canonical }));
      i = tokenEnd - 1;
    }
  }

  /**
   * `type/list`: in a coordinated list of names ("North Carolina, Nevada, Pennsylvania and Virginia")
   * the items share a type; the majority type wins, so a state is not a person.
   */
  function listTypes(view: TokenView, mentions: Mention[]): void {
    const names = mentions.filter((m) => m.kind === 'name').sort((a, b) => a.tokenStart - b.tokenStart);
    let run: Mention[] = [];
    const flush = () => {
      if (run.length >= 3) {
        const counts = new Map<EntityType, number>();
        for (const m of run) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
        const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
        if (n > run.length / 2) {
          for (const m of run) {
            if (m.type !== top && m.gender === undefined) {
              m.type = top;
              m.rule = `${m.rule}+type/list`;
            }
          }
        }
      }
      run = [];
    };
    for (const m of names) {
      const prev = run.at(-1);
      if (prev) {
        const between = [];
        for (let k = prev.tokenEnd; k < m.tokenStart; k++) between.push(view.lower(k));
        const joined = between.join(' ');
        if (joined === ',' || joined === 'and' || joined === ', and' || joined === 'or' || joined === ', or') {
          run.push(m);
          if (joined !== ',') flush();
          continue;
        }
        flush();
      }
      run.push(m);
    }
    flush();
  }

  /**
   * `group/person`: an organisation named through a person — "Trump's campaign team", "Ms Harris's team",
   * "the Trump campaign", "Trump campaign lawyer" (the "Trump campaign" part).
   */
  function groups(view: TokenView, mentions: Mention[]): void {
    const people = mentions.map((m, i) => [m, i] as const).filter(([m]) => m.kind === 'name' && m.type === 'person');
    for (const [person, owner] of people) {
      let k = person.tokenEnd;
      if (view.lower(k) === "'s") k++;
      for (const { noun, words } of groupNouns) {
        if (!words.every((w, j) => view.lower(k + j) === w)) continue;
        const end = k + words.length;
        // "team" and "camp" only as the person's own group; not "Trump team player".
        // The span starts at the name (an honorific included: "Mr Trump's team"); a leading "the" is not part of the name.
        let start = person.tokenStart;
        while (start > 0 && isHonorific(view, start - 1)) start--;
        mentions.push(makeMention(view, start, end, 'group', 'organization', 'group/person', { sentence: person.sentence, owner, groupNoun: GROUP_NOUNS[noun]! }));
        break;
      }
    }
  }

  /**
   * `description/definite`: "the prime minister", "the US candidate", "the British public broadcaster",
   * "the party" — a definite noun phrase whose head is a role or an institution kind. Kept for
   * resolution; one that resolves to nothing is dropped there.
   */
  function descriptions(view: TokenView, mentions: Mention[]): void {
    const cover = new Coverage(view.count, mentions);
    const nameEnds = new Set(mentions.filter((m) => m.kind === 'name').map((m) => m.tokenEnd));
    for (let i = 0; i < view.count; i++) {
      if (view.lower(i) !== 'the' || !view.inProse(i)) continue;
      const afterName = view.word(i - 1) === ',' && nameEnds.has(i - 1);
      let j = i + 1;
      const mods: string[] = [];
      while (j < view.count && j - i <= DEFAULT_MAX_DESCRIPTION_TOKENS && view.layer.tokens[j]!.kind === 'word') {
        const w = view.lower(j);
        const next = view.lower(j + 1);
        const isHead = (roleHeadWords.has(w) || kindNouns.has(w)) && !(roleHeadWords.has(next) || kindNouns.has(next) || modifiers.has(next));
        if (isHead && (view.layer.tokens[j + 1]?.kind !== 'word' || !view.isCapitalized(j + 1))) {
          const head = mods.length && ['prime', 'vice', 'deputy'].includes(mods.at(-1)!.toLowerCase()) ? `${mods.pop()!.toLowerCase()} ${w}` : w;
          // A place inside is a modifier ("the US candidate"); any other name there makes it no description.
          if (cover.find(i, j + 1, undefined, (o) => o.type !== 'place')) break;
          // "Sofia Patel, the head of operations at Labour," is an apposition: the name's role (roles.ts), not a second
          // mention. "…with Donald Trump, the prime minister said" goes on with a verb: a new subject, kept.
          if (afterName && [',', 'of', 'at', 'for', 'and', '.'].includes(view.lower(j + 1))) break;
          const isOrg = kindNouns.has(w) && !roleHeadWords.has(w);
          cover.push(makeMention(view, i, j + 1, 'description', isOrg ? 'organization' : 'person', 'description/definite', { head, modifiers: mods.map((m) => m.toLowerCase()) }));
          break;
        }
        // Adjectives seen in descriptions: demonyms, party names, role modifiers, plain lower-case words.
        const ok = demonyms.has(w) || modifiers.has(w) || /^[a-z]+$/.test(view.word(j)) || /^[A-Z][a-z]+$/.test(view.word(j)) || /^(U\.S\.|U\.K\.|US|UK)$/.test(view.word(j));
        if (!ok) break;
        mods.push(view.word(j));
        j++;
      }
    }
  }

  /** `pronoun/speaker`: "he said", "she also told", "they wrote" — a pronoun that is the subject of a speech verb. */
  function pronounSpeakers(view: TokenView, mentions: Mention[]): void {
    for (let i = 0; i < view.count; i++) {
      const w = view.lower(i);
      if (w !== 'he' && w !== 'she' && w !== 'they') continue;
      const info = pronouns[w];
      if (!info || !view.inProse(i)) continue;
      let j = i + 1;
      while (j < view.count && j - i <= DEFAULT_MAX_ADVERBS_BEFORE_CUE && /ly$|^(also|then|later|previously|again|once|has|had|have|would|will)$/.test(view.lower(j))) j++;
      if (!cues.has(view.lower(j))) continue;
      mentions.push(makeMention(view, i, i + 1, 'pronoun', 'person', 'pronoun/speaker', { gender: info.gender }));
    }
  }

  /** `link/anchor`: a link whose anchor text is a mention (topic pages like /tags/keir-starmer/) is kept as evidence. */
  function attachLinks(article: Pick<Article, 'links'>, mentions: Mention[]): void {
    for (const link of article.links) {
      for (const m of mentions) {
        if (m.kind === 'name' && m.start >= link.start && m.end <= link.end) (m.links ??= []).push(link.href);
      }
    }
  }

  return function findMentions(article: Pick<Article, 'text' | 'blocks' | 'links'>, layer: TextLayer, tagged: readonly TaggedMention[]): { mentions: Mention[]; view: TokenView } {
    const view = createTokenView(article, layer);
    honorificTokens = new Uint8Array(view.count);
    for (let i = 0; i < view.count; i++) if (view.isCapitalized(i) && honorificWord(view.word(i))) honorificTokens[i] = 1;
    const mentions = fromTagger(view, tagged);
    // Order matters: coordinations are split and committees named before honorifics settle people; the tables
    // then name places and institutions, lists and person names fix types, adjectives go, and groups and
    // descriptions are built on the names found so far.
    splitCoordinations(view, mentions);
    campaignCommittees(view, mentions);
    honorificNames(view, mentions);
    lexiconNames(view, mentions);
    listTypes(view, mentions);
    personNames(view, mentions);
    suffixes(view, mentions);
    transcriptSpeakers(view, mentions);
    knownSurnames(view, mentions);
    dropAdjectives(view, mentions);
    groups(view, mentions);
    descriptions(view, mentions);
    pronounSpeakers(view, mentions);
    attachLinks(article, mentions);
    return { mentions: sortMentions(mentions), view };
  };
}

/** Sorts mentions by position (longer first at the same start), keeping `owner` indexes pointing at the same mentions. */
export function sortMentions(mentions: Mention[]): Mention[] {
  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start || mentions[b]!.end - mentions[a]!.end);
  const newIndex = new Map(order.map((old, i) => [old, i]));
  return order.map((old) => {
    const m = mentions[old]!;
    return m.owner === undefined ? m : { ...m, owner: newIndex.get(m.owner)! };
  });
}

/**
 * Which mention covers each token, so "is this span taken?" costs the span's length, not the number of
 * mentions (articles can be long). Built at the start of a pass; `push` keeps it current as the pass adds.
 * Names do not overlap each other, so one mention per token is enough for the passes that use it.
 */
class Coverage {
  private readonly at: Int32Array;
  constructor(
    count: number,
    private readonly mentions: Mention[],
  ) {
    this.at = new Int32Array(count).fill(-1);
    mentions.forEach((m, i) => this.at.fill(i, m.tokenStart, m.tokenEnd));
  }
  push(m: Mention): void {
    this.mentions.push(m);
    this.at.fill(this.mentions.length - 1, m.tokenStart, m.tokenEnd);
  }
  /** After a mention grew: mark its new tokens (rare, so the index lookup is fine). */
  remark(m: Mention): void {
    this.at.fill(this.mentions.indexOf(m), m.tokenStart, m.tokenEnd);
  }
  /** A mention covering some token of [ts, te), other than `except` and passing `test`. */
  find(ts: number, te: number, except?: Mention, test?: (m: Mention) => boolean): Mention | undefined {
    for (let k = ts; k < te; k++) {
      const i = this.at[k] ?? -1;
      const m = i >= 0 ? this.mentions[i] : undefined;
      if (m && m !== except && (!test || test(m))) return m;
    }
    return undefined;
  }
}
