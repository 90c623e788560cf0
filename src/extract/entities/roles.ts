/**
 * Roles and titles of people (and organisations), each with the span it came from:
 * - `role/title-before`: "Deputy Prime Minister Angela Rayner", "Trump campaign lawyer Gary Lawkowski";
 * - `role/apposition-after`: "Sofia Patel, the head of operations at Labour, said";
 * - `role/apposition-before`: "Mr Starmer's chief of staff and former campaign manager, Morgan McSweeney,";
 * and affiliations: a possessor ("Labour's Sofia Patel", "The U.K.'s Prime Minister") or a name after
 * at/of/for inside the role ("head of operations at Labour").
 */
import { cueForms } from '../../lexicon/cues.js';
import { AUXILIARIES, SUBJECT_PRONOUNS } from '../../lexicon/function-words.js';
import { ORG_NAME_WORDS } from './lexicon/organizations.js';
import { COUNTRIES } from './lexicon/places.js';
import { ROLE_HEADS, ROLE_MODIFIERS } from './lexicon/people.js';
import type { TokenView } from './token-view.js';
import type { Mention, RoleFinding } from './types.js';

/** Appositions are short noun phrases; a longer comma clause is something else. */
const DEFAULT_MAX_APPOSITION_TOKENS = 12;
/** Title chains before a name: "former U.S. president" is 3 tokens, "Democratic nominee and current Vice President" 6. */
const DEFAULT_MAX_TITLE_TOKENS = 8;

/** Heads of organisation descriptions in appositions: "the principal campaign committee of …". */
const ORG_ROLE_HEADS = ['committee', 'body', 'group', 'agency', 'firm', 'company', 'organisation', 'organization', 'union', 'broadcaster', 'newspaper', 'network', 'charity', 'movement', 'regulator', 'watchdog', 'party'] as const;

export function createRoleFinder() {
  const heads = new Set<string>([...ROLE_HEADS.map((h) => h.split(' ').at(-1)!), ...ORG_ROLE_HEADS]);
  const multiHeads = ROLE_HEADS.filter((h) => h.includes(' ')).map((h) => h.split(' '));
  const modifiers = new Set<string>(ROLE_MODIFIERS);
  const demonyms = new Set(COUNTRIES.flatMap((c) => [...c.demonyms, ...c.aliases, c.name]));
  const clauseWords = new Set<string>([...AUXILIARIES, ...SUBJECT_PRONOUNS, ...cueForms(), 'who', 'which', 'that', 'when', 'where']);
  const orgHeads = new Set<string>(ORG_ROLE_HEADS);
  const orgNameWords = new Set<string>(ORG_NAME_WORDS);
  let covered = new Uint8Array(0);

  /** Two or three capitalised words with no organisation word: "Morgan McSweeney" may be a person mistyped as an organisation. */
  const looksLikePersonName = (view: TokenView, m: Mention) =>
    m.tokenEnd - m.tokenStart >= 2 && m.tokenEnd - m.tokenStart <= 3 &&
    Array.from({ length: m.tokenEnd - m.tokenStart }, (_, j) => m.tokenStart + j).every((k) => view.isCapitalized(k) && !orgNameWords.has(view.lower(k)));

  const isHeadAt = (view: TokenView, i: number) => heads.has(view.lower(i));
  /** "head of operations", "chief of staff": a head followed by of + noun that is still the role. */
  const isOfHead = (view: TokenView, i: number) => ['head', 'chief', 'director', 'secretary', 'minister', 'member', 'leader', 'chair'].includes(view.lower(i));

  /** Per article: mention indexes by the token they start and end at, so lookups cost no scan of every mention. */
  let startsAt = new Map<number, number[]>();
  let endsAt = new Map<number, number[]>();

  /** The name or group ending right before a possessive `'s` at token `k`: "Labour" in "Labour's". */
  function possessorAt(mentions: readonly Mention[], k: number): number {
    return endsAt.get(k)?.find((i) => mentions[i]!.kind === 'name' || mentions[i]!.kind === 'group') ?? -1;
  }

  /** The first mention starting inside [ts, te) and ending by te that passes `test`. */
  function mentionWithin(mentions: readonly Mention[], ts: number, te: number, test: (m: Mention, i: number) => boolean): number {
    for (let k = ts; k < te; k++) {
      const found = startsAt.get(k)?.find((i) => mentions[i]!.tokenEnd <= te && test(mentions[i]!, i));
      if (found !== undefined) return found;
    }
    return -1;
  }

  /** A title word: a role head or modifier, a demonym or country, a word of a name, or a capitalised word that qualifies a head after it. */
  function isTitleWord(view: TokenView, i: number): boolean {
    const w = view.lower(i);
    if (heads.has(w) || modifiers.has(w) || demonyms.has(view.word(i)) || covered[i] === 1) return true;
    return view.isCapitalized(i) && view.layer.tokens[i]!.kind === 'word' && i > 0;
  }

  /** Splits "Democratic nominee and current Vice President" into its roles; each must end in a head. */
  function splitRoles(view: TokenView, ts: number, te: number): [number, number][] {
    const parts: [number, number][] = [];
    let start = ts;
    for (let k = ts; k <= te; k++) {
      if (k === te || view.lower(k) === 'and') {
        if (k > start) parts.push([start, k]);
        start = k + 1;
      }
    }
    return parts.every(([, e]) => isHeadAt(view, e - 1) || multiHeads.some((h) => h.at(-1) === view.lower(e - 1))) ? parts : [[ts, te]];
  }

  function finding(view: TokenView, mention: number, ts: number, te: number, rule: string, affiliation?: number): RoleFinding {
    const start = view.layer.tokens[ts]!.start;
    const end = view.layer.tokens[te - 1]!.end;
    return { mention, role: view.text.slice(start, end).replace(/\s+/g, ' '), start, end, rule, affiliation: affiliation !== undefined && affiliation >= 0 ? affiliation : undefined };
  }

  /** `role/title-before`: the title words right before a name, ending in a role head. */
  function titleBefore(view: TokenView, mentions: readonly Mention[], mi: number, out: RoleFinding[]): void {
    const m = mentions[mi]!;
    let k = m.tokenStart - 1;
    if (k < 0 || view.sentenceOf(k) !== m.sentence || !isHeadAt(view, k)) return;
    const end = k + 1;
    while (k >= 0 && view.sentenceOf(k) === m.sentence && end - k <= DEFAULT_MAX_TITLE_TOKENS) {
      const w = view.lower(k);
      if (w === 'and' && k - 1 >= 0 && isHeadAt(view, k - 1)) {
        k--;
        continue;
      }
      if (w === "'s" || !isTitleWord(view, k)) break;
      // A sentence-initial capitalised word is a title word only when it is a known one ("Republican" is, "On" is not).
      if (k > 0 && view.sentenceOf(k - 1) !== m.sentence && !heads.has(w) && !modifiers.has(w) && !demonyms.has(view.word(k)) && covered[k] !== 1 && !/^[A-Z][a-z]+an$/.test(view.word(k))) break;
      k--;
    }
    const start = k + 1;
    // The possessor before the title: "Labour's Environment Secretary", "The U.K.'s Prime Minister".
    const possessor = view.lower(k) === "'s" ? possessorAt(mentions, k) : -1;
    for (const [ts, te] of splitRoles(view, start, end)) {
      const inner = mentionWithin(mentions, ts, te, (o, oi) => oi !== mi && o.kind === 'group');
      out.push(finding(view, mi, ts, te, 'role/title-before', inner >= 0 ? inner : possessor));
    }
  }

  /** The role phrase of an apposition [ts, te): determiner dropped, must contain a head early on. */
  function appositionRole(view: TokenView, ts: number, te: number): [number, number] | null {
    if (['the', 'a', 'an'].includes(view.lower(ts))) ts++;
    if (te - ts < 1 || te - ts > DEFAULT_MAX_APPOSITION_TOKENS) return null;
    // A verb or a pronoun makes it a clause ("the prime minister said"), not a noun phrase.
    for (let k = ts; k < te; k++) if (clauseWords.has(view.lower(k))) return null;
    for (let k = ts; k < Math.min(te, ts + 5); k++) {
      if (isHeadAt(view, k) && (k + 1 === te || view.lower(k + 1) === 'of' || view.lower(k + 1) === 'at' || view.lower(k + 1) === 'for' || view.lower(k + 1) === 'and' || view.lower(k + 1) === 'to' || isOfHead(view, k))) {
        return [ts, te];
      }
    }
    return null;
  }

  /** The affiliation inside a role: the name after at / of / for ("head of operations at Labour"). */
  function affiliationIn(view: TokenView, mentions: readonly Mention[], ts: number, te: number, self: number): number {
    for (let k = ts; k < te; k++) {
      if (!['at', 'of', 'for', 'with'].includes(view.lower(k))) continue;
      const idx = mentionWithin(mentions, k + 1, te, (o, oi) => oi !== self && (o.type === 'organization' || o.type === 'place') && o.kind !== 'description');
      if (idx >= 0) return idx;
    }
    return -1;
  }

  /** `role/apposition-after`: "NAME, the ROLE," — the phrase between commas after a name. */
  function appositionAfter(view: TokenView, mentions: readonly Mention[], mi: number, out: RoleFinding[]): void {
    const m = mentions[mi]!;
    if (view.word(m.tokenEnd) !== ',') return;
    const ts = m.tokenEnd + 1;
    if (!['the', 'a', 'an'].includes(view.lower(ts)) && !modifiers.has(view.lower(ts))) return;
    let te = ts;
    while (te < view.count && view.sentenceOf(te) === m.sentence && ![',', '.', ';', ':', '(', ')', '"', '—', '–'].includes(view.word(te))) te++;
    const role = appositionRole(view, ts, te);
    if (!role) return;
    for (const [rs, re] of splitRoles(view, role[0], role[1])) {
      out.push(finding(view, mi, rs, re, 'role/apposition-after', affiliationIn(view, mentions, rs, re, mi)));
    }
  }

  /** `role/apposition-before`: "POSSESSOR's ROLE, NAME," — a role phrase, a comma, then the name. */
  function appositionBefore(view: TokenView, mentions: readonly Mention[], mi: number, out: RoleFinding[]): void {
    const m = mentions[mi]!;
    if (m.tokenStart < 2 || view.word(m.tokenStart - 1) !== ',') return;
    if (view.word(m.tokenEnd) !== ',' && view.word(m.tokenEnd) !== '.') return;
    const te = m.tokenStart - 1;
    if (!isHeadAt(view, te - 1)) return;
    let ts = te - 1;
    while (ts > 0 && view.sentenceOf(ts - 1) === m.sentence && te - ts < DEFAULT_MAX_APPOSITION_TOKENS) {
      const w = view.lower(ts - 1);
      if (w === "'s" || [',', '.', ';', ':', '"'].includes(w) || ['the', 'a', 'an', 'his', 'her', 'their', 'its'].includes(w)) break;
      if (!(isTitleWord(view, ts - 1) || w === 'and' || w === 'of' || /^[a-z-]+$/.test(view.word(ts - 1)))) break;
      ts--;
    }
    const possessor = view.lower(ts - 1) === "'s" ? possessorAt(mentions, ts - 1) : -1;
    // A verb-led clause is not a role: require every word to be a title word or a lower-case noun-like word.
    for (const [rs, re] of splitRoles(view, ts, te)) {
      if (!isHeadAt(view, re - 1) && !multiHeads.some((h) => h.every((w, j) => view.lower(re - h.length + j) === w))) continue;
      out.push(finding(view, mi, rs, re, 'role/apposition-before', possessor));
    }
  }

  /**
   * Finds roles for every name but the alias tables' places, then `type/person-role`: a name that holds a
   * person's role ("Vice President Kamala Harris", "Morgan McSweeney" after "chief of staff,") is a person,
   * whatever the tagger typed it. Organisation roles ("the principal campaign committee of …") keep the type.
   */
  return function findRoles(view: TokenView, mentions: Mention[]): RoleFinding[] {
    const out: RoleFinding[] = [];
    covered = new Uint8Array(view.count);
    startsAt = new Map();
    endsAt = new Map();
    mentions.forEach((m, i) => {
      if (m.kind === 'name' || m.kind === 'group') covered.fill(1, m.tokenStart, m.tokenEnd);
      startsAt.set(m.tokenStart, [...(startsAt.get(m.tokenStart) ?? []), i]);
      endsAt.set(m.tokenEnd, [...(endsAt.get(m.tokenEnd) ?? []), i]);
    });
    mentions.forEach((m, mi) => {
      if (m.kind !== 'name' || (m.type === 'place' && m.canonical)) return;
      const before = out.length;
      const mayBePerson = m.type !== 'organization' || looksLikePersonName(view, m);
      if (mayBePerson) titleBefore(view, mentions, mi, out);
      appositionAfter(view, mentions, mi, out);
      if (mayBePerson) appositionBefore(view, mentions, mi, out);
      const personRole = out.slice(before).some((r) => !orgHeads.has(roleHeadWord(r)));
      if (personRole && m.type !== 'person' && mayBePerson) {
        m.type = 'person';
        m.rule = `${m.rule}+type/person-role`;
      }
      // An organisation only keeps roles that describe a body; "Parliament, Deputy Prime Minister …" is no role of Parliament.
      if (m.type === 'organization') out.splice(before, out.length - before, ...out.slice(before).filter((r) => orgHeads.has(roleHeadWord(r))));
    });
    return out;
  };

  /** The head word of a role: the last word before of/at/for, else the last word. */
  function roleHeadWord(r: RoleFinding): string {
    const words = r.role.toLowerCase().split(' ');
    const cut = words.findIndex((w) => w === 'of' || w === 'at' || w === 'for');
    return (cut > 0 ? words[cut - 1] : words.at(-1)) ?? '';
  }
}

/** `affiliation/possessive`: "Labour's Sofia Patel" — an organisation or place possessing a person's name. */
export function possessiveAffiliations(view: TokenView, mentions: readonly Mention[]): { mention: number; affiliation: number }[] {
  const out: { mention: number; affiliation: number }[] = [];
  const orgEndingAt = new Map<number, number>();
  mentions.forEach((o, oi) => {
    if (o.kind === 'name' && o.type === 'organization') orgEndingAt.set(o.tokenEnd, oi);
  });
  mentions.forEach((m, mi) => {
    if (m.kind !== 'name' || m.type !== 'person') return;
    if (view.lower(m.tokenStart - 1) !== "'s") return;
    const owner = orgEndingAt.get(m.tokenStart - 1);
    if (owner !== undefined) out.push({ mention: mi, affiliation: owner });
  });
  return out;
}
