/**
 * Attributions of one paragraph block from the two-stage tagger's output (tagger.ts), by named rules:
 *
 * - `attribution/cue-roles`: each cue the cue tagger found, with the content spans the role tagger gave it
 *   (one or more fragments: `"A," she said, "B."` is one attribution with two) and, of the source spans it
 *   gave, the one nearest the cue. A cue given no content gives nothing (an attribution needs content).
 * - `attribution/speech-verb`, `attribution/reporting-noun`, `attribution/that-clause`: the same for a cue proposed
 *   by rule (cue-proposals.ts) rather than by the cue tagger.
 * - `content/opening-clause`: a cue inside a sentence's opening subordinate clause ("After the AP reported that X,
 *   the moderators …") has its content end where the main clause starts.
 * - `cue/preposition`: a preposition the cue selects, right after it ("spoke about X"), is the cue's, not content.
 * - `content/recipient`: the person addressed by a tell-type cue ("told reporters that …") is not content.
 * - `content/earlier-quotation`: "He said C" after `“A,” X said. “B.”` does not also take B (X's continuation).
 * - `content/raising-subject`: the subject of a raising cue or of a passive one before an infinitive ("Ms. Kelly
 *   seemed certain to leave", "The bank is expected to act") is content, not source.
 * - `attribution/shared-source`: "X said A and offered B": a cue after "and" that the role tagger gave no source
 *   shares the source of the cue before it in its sentence.
 * - "X said A and warned B": a content fragment that runs over a later cue joined to it by "and"/"but" ends
 *   before the conjunction.
 * - `content/whole-quotation`: a content fragment that starts or ends inside a quotation runs to its marks.
 * - A source that ends at a possessor runs on through the possessive and its nouns ("Trump" → "Trump's team").
 * - A quotation belongs to the cue of its own sentence: a content fragment in another sentence that a cue of
 *   that sentence also claims is dropped from the first cue.
 * - `attribution/according-to`: a sentence opening "According to X, …" whose cue the role tagger gave a
 *   source but no content (it rarely saw the clause after the comma in training): content the rest of the
 *   sentence after the comma that closes X.
 * - `attribution/continued-quote`: a quotation with no cue of its own that continues the previous speaker:
 *   cue and source null, and `continues` set so the resolve stage gives it the previous attribution's speaker
 *   (news style runs a speaker's quote over several sentences or paragraphs and names them once). Either a
 *   paragraph that is one quotation right after a paragraph whose last attribution quotes someone, or a
 *   content fragment the role tagger gave a cue that is a whole quoted sentence after the cue's sentence
 *   (`"A," he wrote. "B."`: B is its own attribution, where PolNeAR would make A and B one content).
 *
 * - `attribution/colon-next-paragraph`: a cue that ends its paragraph with a colon ("Caddell continued:",
 *   "The New York Times reports:") and found no content there introduces the next paragraph, when that one
 *   opens with a quotation mark: its words are the content.
 * - `attribution/speaker-label`: a paragraph or line that opens "NAME: …" (a transcript, an interview, a
 *   headline "Pence: …") where NAME is a person or organisation by the NER tagger, or written in capitals:
 *   cue the colon, source NAME, content the rest of the line. Words that label without naming a speaker
 *   ("Note:", "UPDATE:") are listed in lexicon.ts.
 * - `attribution/dash-credit`: a line that is a quotation credited after a dash (`“…” ― Name`): cue the
 *   dash, source the name, content the quotation.
 * The layout rules stand aside where the tagger already found an attribution with that cue.
 *
 * kind: `direct` if every word of the content is inside quotation marks, `mixed` if some are, else `indirect`.
 */
import type { TextLayer } from '../../text/types.js';
import { F_ALLCAPS, F_CAP, hashWord } from '../entities/ner/features.js';
import { A_ACCORDING, A_CUE, A_IN_QUOTE, A_QUOTE_CLOSE, A_QUOTE_OPEN, A_SENT_START, NER_ORG, NER_PERSON, type AttributionBuffer } from './features.js';
import { ADDRESSEE_VERB_LEMMAS, CREDIT_DASHES, CUE_PREPOSITIONS, NON_SPEAKER_LABELS, OPENING_SUBORDINATORS, QUESTION_OPENERS, RECIPIENT_VERB_LEMMAS, SUBJECT_PRONOUNS, TOLD_CONTENT_OPENERS } from './lexicon.js';
import { cueForms } from '../../lexicon/cues.js';
import { FINITE_OR_MODAL_TAGS, tagIndex, tagSet, VERB_TAGS } from '../pos/tags.js';
import type { BlockRange, CueRoles, RoleSpan } from './tagger.js';
import { cueVoice, PASSIVE, RAISING_CUE } from './role-features.js';

export interface OffsetSpan {
  start: number;
  end: number;
}

export type AttributionRule =
  | 'attribution/cue-roles'
  | 'attribution/speech-verb'
  | 'attribution/reporting-noun'
  | 'attribution/that-clause'
  | 'attribution/shared-source'
  | 'attribution/according-to'
  | 'attribution/continued-quote'
  | 'attribution/colon-next-paragraph'
  | 'attribution/speaker-label'
  | 'attribution/dash-credit'
  | 'attribution/clause-before-source'
  | 'attribution/content-near-cue';

export interface AttributionFinding {
  kind: 'direct' | 'mixed' | 'indirect';
  /** The content's fragments, in text order. */
  content: OffsetSpan[];
  cue: OffsetSpan | null;
  source: OffsetSpan | null;
  /** The finding whose quotation this one continues (same speaker, named there), or null. */
  continues: AttributionFinding | null;
  rule: AttributionRule;
}

const ROLE_SOURCE = 0, ROLE_CONTENT = 2;

/** Tokens between two token ranges (0 when adjacent or overlapping). */
const gap = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.max(0, b.start - a.end, a.start - b.end);

// Characters trimmed from the edges of a content fragment: spaces, quotation marks, , ; : and dashes.
// e.g. `“We will win,”` → `We will win`.
const EDGE = /[\s"'“”‘’«»„,;:\u2013\u2014-]/u;

/** The fragment without the quotation marks and separators at its edges, and without a final period unless it ends an abbreviation ("U.S."). */
function trimContent(text: string, start: number, end: number): OffsetSpan | null {
  let s = start, e = end;
  for (;;) {
    while (s < e && EDGE.test(text[s]!)) s++;
    while (e > s && EDGE.test(text[e - 1]!)) e--;
    if (e > s && text[e - 1] === '.' && !/(^|[^A-Za-z])[A-Z]\.$|\.[A-Za-z]\.$/.test(text.slice(Math.max(s, e - 4), e))) { e--; continue; }
    break;
  }
  return e > s ? { start: s, end: e } : null;
}

const NON_SPEAKER = new Set<string>(NON_SPEAKER_LABELS);
const H_COMMA = hashWord(',');
const H_AND = hashWord('and');
const H_BUT = hashWord('but');
const H_THAT = hashWord('that');
const H_TO = hashWord('to');
const LETTER = /\p{L}/u;
/** A token that ends a sentence. */
const SENTENCE_END_MARK = /^[.!?…]+$/;
const POS_POSSESSIVE = tagIndex('POS');
const H_POSSESSIVE = hashWord("'s");
const NOUN_TAGS = tagSet(['NN', 'NNS', 'NNP']);
/** Tokens at most of a sentence opening before an interrupting source and cue (`content/interrupted`). */
const DEFAULT_MAX_OPENING = 12;
const SUBORDINATORS: ReadonlySet<number> = new Set(OPENING_SUBORDINATORS.map(hashWord));
// A sentence-initial "Asked" has no subject of its own, whatever tense the tagger reads in it.
const PARTICIPLE_TAGS = tagSet(['VBN', 'VBG', 'VBD']);
/** Tags of a simple noun phrase: a main clause's subject ("the PBS debate moderators"), a recipient ("his aides"). */
const NOUN_PHRASE_TAGS = tagSet(['DT', 'JJ', 'NN', 'NNS', 'NNP', 'PRP', 'PRP$', 'POS', 'CD']);
const RECIPIENT_VERBS: ReadonlySet<number> = new Set(Array.from(cueForms(RECIPIENT_VERB_LEMMAS), hashWord));
const QUESTION_OPENER: ReadonlySet<number> = new Set(QUESTION_OPENERS.map(hashWord));
const ADDRESSEE_VERBS: ReadonlySet<number> = new Set(Array.from(cueForms(ADDRESSEE_VERB_LEMMAS), hashWord));
const TOLD_OPENERS: ReadonlySet<number> = new Set(TOLD_CONTENT_OPENERS.map(hashWord));
const H_OF = hashWord('of'), H_ABOUT = hashWord('about');
const SUBJECT_PRONOUN: ReadonlySet<number> = new Set(SUBJECT_PRONOUNS.map(hashWord));
const CUE_PREPOSITION: ReadonlySet<number> = new Set(CUE_PREPOSITIONS.map(hashWord));
const PERSONAL_TAGS = tagSet(['PRP', 'NNP', 'NNS']);
/** Tokens at most in a recipient. */
const DEFAULT_MAX_RECIPIENT = 6;
/** Most tokens `content/sentence-end` runs a content on by (five folds of PolNeAR train: a plateau from 6 to 10). */
const DEFAULT_MAX_TAIL = 8;
/** Tokens at most in that subject. */
const DEFAULT_MAX_SUBJECT = 8;
/** Words at most between a cue and the quotation or "that" it is given (`attribution/content-near-cue`). */
const DEFAULT_MAX_NEAR = 6;
const POS_VBN = tagIndex('VBN');
const POS_IN = tagIndex('IN');
/** Sentence openings that set a scene rather than start a clause's subject ("In 1963, he declared …", "Since then, …"). */
const SCENE_OPENING_TAGS = tagSet(['IN', 'RB', 'WRB', 'VBG', 'VBN', 'CC', 'TO']);
/** What may follow a clause's source and cue at its end: the sentence's end, a comma, a time or place ("… Comey said Tuesday in Paris"). */
const CLAUSE_END_TAGS = tagSet(['IN', 'NNP', 'CD', 'RB']);
/** Nouns at most after a possessive that still belong to the source ("Trump's campaign team"). */
const DEFAULT_MAX_POSSESSED = 4;
// "“Donald Trump scares me.” ― Krystal Correa": a quotation, a credit dash, a name of capitalised words to the line's end.
const DASH_CREDIT = new RegExp(`^(\\s*["“”«„])(.+?)["”»“]?[^\\S\\n]*[${CREDIT_DASHES.join('')}][^\\S\\n]*(\\p{Lu}[\\p{L}.'’-]*(?:[^\\S\\n]+\\p{Lu}[\\p{L}.'’-]*){0,4})[^\\S\\n]*\\.?[^\\S\\n]*$`, 'du');
// "WALLACE: Let's start …", "Pence: Gennifer Flowers Won't …": up to three capitalised words and a colon opening a line.
const SPEAKER_LABEL = /^(["“”]?)(\p{Lu}[\p{L}.'’-]*(?:[^\S\n]\p{Lu}[\p{L}.'’-]*){0,2}):[^\S\n]+(?=\S)/u;
// What may stand between a cue and the end of its paragraph for colon-next-paragraph: the colon.
const COLON_END = /^\s*:\s*$/;

/**
 * `content/not-its-own-cue`: content fragments with the attribution's own cue and source cut out — a fragment
 * stretched over them (a quotation mark misread as opening) is two fragments, either side.
 */
export function withoutSpans(parts: readonly RoleSpan[], cut: readonly { start: number; end: number }[]): RoleSpan[] {
  let out = [...parts];
  for (const c of cut) {
    out = out.flatMap((p) => {
      if (c.end <= p.start || c.start >= p.end) return [p];
      const pieces: RoleSpan[] = [];
      if (p.start < c.start) pieces.push({ ...p, end: c.start });
      if (c.end < p.end) pieces.push({ ...p, start: c.end });
      return pieces;
    });
  }
  return out;
}

/** Reads one article's blocks into findings; keeps what the cross-paragraph rules need. */
export class BlockAssembler {
  /** The last finding of the latest block that had one (continued-quote), and that block. */
  private lastFinding: AttributionFinding | null = null;
  private lastBlock = -2;
  /** A cue ending the previous paragraph with a colon, waiting for its content (colon-next-paragraph). */
  private pending: { block: number; cue: OffsetSpan; source: OffsetSpan | null } | null = null;

  constructor(private readonly text: string, private readonly layer: TextLayer, private readonly buf: AttributionBuffer) {}

  private charSpan(s: { start: number; end: number }): OffsetSpan {
    const tokens = this.layer.tokens;
    return { start: tokens[s.start]!.start, end: tokens[s.end - 1]!.end };
  }

  /** Whether token i is a word or a number (not punctuation or a quotation mark). */
  private isWord(i: number): boolean {
    const kind = this.layer.tokens[i]!.kind;
    return kind === 'word' || kind === 'number';
  }

  private kindOf(parts: readonly { start: number; end: number }[]): AttributionFinding['kind'] {
    let quoted = 0, plain = 0;
    const attr = this.buf.attr;
    for (const p of parts) {
      for (let i = p.start; i < p.end; i++) {
        const a = attr[i]!;
        if (a & (A_QUOTE_OPEN | A_QUOTE_CLOSE)) continue;
        if (a & A_IN_QUOTE) quoted++;
        else if (this.isWord(i)) plain++;
      }
    }
    return quoted > 0 && plain === 0 ? 'direct' : quoted > 0 ? 'mixed' : 'indirect';
  }

  private contentSpans(parts: readonly RoleSpan[]): OffsetSpan[] {
    return parts.flatMap((p) => {
      const c = this.charSpan(p);
      const t = trimContent(this.text, c.start, c.end);
      return t ? [t] : [];
    });
  }

  /**
   * `attribution/continued-quote`: the block's tokens [from, to) open with a quotation mark and the quotation
   * runs to the block's end (or its last closing mark ends the block), with no other words outside it.
   */
  private wholeQuote(from: number, to: number): { start: number; end: number } | null {
    const attr = this.buf.attr;
    if (!(attr[from]! & A_QUOTE_OPEN)) return null;
    for (let i = from; i < to; i++) {
      if (!(attr[i]! & (A_IN_QUOTE | A_QUOTE_CLOSE)) && this.isWord(i)) return null;
    }
    return { start: from, end: to };
  }

  /**
   * `attribution/continued-quote` inside a paragraph: `“A,” he said. “B.”` — the sentences after the one holding
   * token `after - 1` that are each a quotation and nothing else (no words outside its marks), up to the first that
   * is not, continue the quotation before them. One that another cue's content claims is that cue's.
   */
  private quotesAfter(after: number, range: BlockRange, contents: ReadonlyArray<readonly RoleSpan[]>): Array<{ start: number; end: number }> {
    const attr = this.buf.attr, sent = this.buf.sentence;
    const out: Array<{ start: number; end: number }> = [];
    let i = this.sentenceEnd(after, range.to, sent[after - 1]);
    while (i < range.to && attr[i]! & A_QUOTE_OPEN) {
      let end = i + 1, j = i + 1;
      for (; j < range.to; j++) {
        if (attr[j]! & A_QUOTE_OPEN) break; // the next quotation
        if (attr[j]! & (A_IN_QUOTE | A_QUOTE_CLOSE)) end = j + 1;
        else if (this.isWord(j)) break;
      }
      // Words after the closing mark in its sentence (“B,” she added.): that sentence has a cue of its own.
      if (j < range.to && sent[j] === sent[end - 1]) break;
      if (contents.some((parts) => parts.some((p) => p.start < end && i < p.end))) break;
      out.push({ start: i, end });
      i = this.sentenceEnd(end, range.to, sent[end - 1]);
    }
    return out;
  }

  /**
   * The content fragments of a cue that stay its own, and those that continue its quotation in later sentences:
   * after the first fragment, one that starts a sentence after the cue's, with every word inside quotation marks.
   */
  private splitContinuations(cue: RoleSpan, parts: readonly RoleSpan[]): { own: RoleSpan[]; later: RoleSpan[] } {
    const attr = this.buf.attr, sent = this.buf.sentence;
    const own: RoleSpan[] = [], later: RoleSpan[] = [];
    for (const p of parts) {
      // The fragment starts its sentence, itself or right after the quotation mark that does.
      const lead = p.start > 0 && attr[p.start - 1]! & A_QUOTE_OPEN ? p.start - 1 : p.start;
      const startsSentence = (attr[p.start]! | attr[lead]!) & A_SENT_START;
      if (own.length > 0 && startsSentence && sent[p.start]! > sent[cue.end - 1]! && this.kindOf([p]) === 'direct') later.push(p);
      else own.push(p);
    }
    return { own, later };
  }

  /**
   * `content/quote-then-cue`: in `“…,” a spokesperson said in emailed comments to CNBC.` the quotation before the cue
   * is the content and the words after the cue in its sentence, unquoted, say how it was said: a fragment there
   * with no quotation mark is dropped. So is one there that a preposition governs, quoted or not, after any content
   * before the cue: `“…,” he said on “Meet the Press.”` names where it was said (over five folds of PolNeAR train,
   * none of 21 such contents was right). After a quotation, a quoted fragment after the cue is a second quotation
   * only right after the cue and source or after a comma or colon (`“A,” he said in a statement, “B.”`); after other
   * words it is a title (`“A,” McGraw told the program “Inside Edition.”`) and is dropped.
   */
  private withoutTrailingPhrase(cue: RoleSpan, source: RoleSpan | null, parts: readonly RoleSpan[]): RoleSpan[] {
    const attr = this.buf.attr, sent = this.buf.sentence, pos = this.buf.pos, word = this.buf.words.word;
    const before = parts.filter((p) => p.end <= cue.start && sent[p.end - 1] === sent[cue.start]);
    if (!before.length) return [...parts];
    const quotedBefore = before.some((p) => this.kindOf([p]) === 'direct');
    return parts.filter((p) => {
      if (p.start < cue.end || sent[p.start] !== sent[cue.start]) return true;
      // The token before the fragment, past its opening quotation marks.
      let k = p.start - 1;
      while (k >= cue.end && attr[k]! & A_QUOTE_OPEN) k--;
      if (k >= cue.end && pos[k] === POS_IN && word[k] !== H_THAT) return false;
      if (!quotedBefore) return true;
      // A second quotation right after the cue and source ("“A,” he said, “B.”"), not one after words of the writer's ("said on NBC's “Meet the Press”").
      const afterComma = k >= cue.end && (word[k] === H_COMMA || this.text[this.layer.tokens[k]!.start] === ':');
      for (let i = cue.end; i < p.start && !afterComma; i++) if (this.isWord(i) && !(source && i >= source.start && i < source.end)) return false;
      for (let i = p.start; i < p.end; i++) if (attr[i]! & (A_IN_QUOTE | A_QUOTE_OPEN | A_QUOTE_CLOSE)) return true;
      return false;
    });
  }

  /**
   * `content/stray-fragment`: a content's fragments are parted by its own cue or source, or by punctuation and
   * quotation marks. Fragments that other words part from the run nearest the cue are dropped: in "Ruiz said the road
   * would reopen on Monday after the engineers had checked ▌ the bridge twice" the role tagger's stray pick is not what
   * was said. PolNeAR train draws such a gap in about 3 % of its multi-fragment contents.
   */
  private withoutStrayFragments(cue: RoleSpan, source: RoleSpan | null, parts: readonly RoleSpan[]): RoleSpan[] {
    if (parts.length < 2) return [...parts];
    const holds = (s: RoleSpan | null, from: number, to: number): boolean => !!s && s.start >= from && s.end <= to;
    const parted = (from: number, to: number): boolean => {
      if (holds(cue, from, to) || holds(source, from, to)) return false;
      for (let i = from; i < to; i++) if (this.isWord(i)) return true;
      return false;
    };
    const sorted = [...parts].sort((a, b) => a.start - b.start);
    const runs: RoleSpan[][] = [[sorted[0]!]];
    for (let i = 1; i < sorted.length; i++) {
      if (parted(sorted[i - 1]!.end, sorted[i]!.start)) runs.push([sorted[i]!]);
      else runs[runs.length - 1]!.push(sorted[i]!);
    }
    if (runs.length === 1) return sorted;
    const distance = (run: RoleSpan[]): number => gap({ start: run[0]!.start, end: run[run.length - 1]!.end }, cue);
    let best = runs[0]!;
    for (const run of runs) if (distance(run) < distance(best)) best = run;
    return best;
  }

  /** `attribution/according-to`: the tokens after the comma closing the source of a sentence-initial "According to", to the sentence end. */
  private accordingTo(cue: RoleSpan, source: RoleSpan, range: BlockRange): { start: number; end: number } | null {
    const attr = this.buf.attr, word = this.buf.words.word, sent = this.buf.sentence;
    if (!(attr[cue.start]! & A_SENT_START) || !(attr[cue.start]! & A_ACCORDING) || source.start !== cue.end) return null;
    if (source.end >= range.to || word[source.end] !== H_COMMA) return null;
    const end = this.sentenceEnd(source.end + 1, range.to, sent[cue.start]);
    return end > source.end + 1 ? { start: source.end + 1, end } : null;
  }

  /**
   * `content/according-to-phrase`: "According to early results of exit polls conducted for the AP and television
   * networks, Clinton led …" — after a sentence-initial "According to", the comma closes the source; a content that
   * the role tagger started inside that phrase starts after the comma, and the phrase is the source.
   */
  private afterAccordingPhrase(cue: RoleSpan, source: RoleSpan | null, parts: readonly RoleSpan[], range: BlockRange): { source: RoleSpan | null; parts: RoleSpan[] } {
    const attr = this.buf.attr, word = this.buf.words.word, sent = this.buf.sentence;
    const first = parts[0];
    if (!first || !(attr[cue.start]! & A_SENT_START) || !(attr[cue.start]! & A_ACCORDING)) return { source, parts: [...parts] };
    let comma = cue.end;
    while (comma < range.to && sent[comma] === sent[cue.start] && word[comma] !== H_COMMA) comma++;
    if (comma >= range.to || word[comma] !== H_COMMA || first.start <= cue.end || first.start >= comma || first.end <= comma + 1) return { source, parts: [...parts] };
    if (source && (source.start < cue.end || source.end > comma)) return { source, parts: [...parts] };
    return { source: { start: cue.end, end: comma, role: ROLE_SOURCE }, parts: [{ ...first, start: comma + 1 }, ...parts.slice(1)] };
  }

  /**
   * `content/opening-clause`: "After the AP reported that X, the moderators did not ask her about it." — a cue inside
   * a sentence's opening subordinate clause (the sentence starts with a subordinator, or with the cue itself as a
   * participle: "Asked if …, the candidate said …") has its content end at the comma after which the main clause
   * starts (a noun phrase, then a finite verb). Outside quotation marks only.
   */
  private openingClauseCut(cue: RoleSpan, parts: readonly RoleSpan[], range: BlockRange): RoleSpan[] {
    const attr = this.buf.attr, word = this.buf.words.word, pos = this.buf.pos, sent = this.buf.sentence;
    const first = this.sentenceStart(cue.start, range.from);
    const opensSubordinate = SUBORDINATORS.has(word[first]!) || (first === cue.start && PARTICIPLE_TAGS.has(pos[cue.start]!) && !(attr[cue.start]! & A_ACCORDING));
    // The cue is in that clause (no comma before it) and its content follows it.
    if (!opensSubordinate || !parts.length || parts.some((p) => p.start < cue.end)) return [...parts];
    for (let i = first; i < cue.start; i++) if (word[i] === H_COMMA) return [...parts];
    const last = Math.max(...parts.map((p) => p.end));
    for (let c = cue.end; c < last; c++) {
      if (sent[c] !== sent[cue.start]) break;
      if (word[c] !== H_COMMA || attr[c]! & A_IN_QUOTE) continue;
      let k = c + 1;
      while (k < range.to && k - c <= DEFAULT_MAX_SUBJECT && NOUN_PHRASE_TAGS.has(pos[k]!)) k++;
      if (k > c + 1 && k < range.to && FINITE_OR_MODAL_TAGS.has(pos[k]!) && sent[k] === sent[c]) {
        const cut = parts.filter((p) => p.start < c).map((p) => ({ ...p, end: Math.min(p.end, c) }));
        return cut.length ? cut : [...parts];
      }
    }
    return [...parts];
  }

  /**
   * `cue/preposition`: a content that starts right after its cue with a preposition the cue selects ("spoke about the
   * deal", "was known as the fixer") gives it to the cue: the content is what follows. The cue tagger often stops at
   * the verb, and the role tagger, trained on PolNeAR's cues, never saw content start there.
   */
  private prepositionIntoCue(cue: RoleSpan, parts: RoleSpan[]): { cue: RoleSpan; parts: RoleSpan[] } {
    const first = parts[0];
    if (!first || first.start !== cue.end || first.end - first.start < 2 || !CUE_PREPOSITION.has(this.buf.words.word[first.start]!)
      || this.buf.attr[first.start]! & (A_IN_QUOTE | A_QUOTE_OPEN)) return { cue, parts };
    return { cue: { ...cue, end: cue.end + 1 }, parts: [{ ...first, start: first.start + 1 }, ...parts.slice(1)] };
  }

  /**
   * `content/recipient`: "told reporters that …", "is telling a town hall in Salem that …", "reminded voters of …" —
   * the person addressed by a tell-type cue (lexicon.ts RECIPIENT_VERB_LEMMAS) is not part of what was said: a content
   * starting right after the cue loses the noun phrase there when what follows opens a clause or a quotation. Before
   * "of"/"about" only a person-like recipient (ending in a pronoun, a name, a plural) counts ("told a tale of …" keeps
   * its object). Any cue's recipient after "to" ("complained to CBS that …"), and any cue's person-like object before
   * an indirect question ("asked Ms. Kelly whether …", lexicon.ts QUESTION_OPENERS), is left out too.
   */
  private withoutRecipient(cue: RoleSpan, parts: readonly RoleSpan[]): RoleSpan[] {
    const word = this.buf.words.word, pos = this.buf.pos, attr = this.buf.attr, sent = this.buf.sentence;
    const first = parts[0];
    if (!first || first.start !== cue.end || attr[first.start]! & (A_IN_QUOTE | A_QUOTE_OPEN)) return [...parts];
    // Any cue's recipient after "to": "complained to CBS that …", "wrote to Mrs. Clinton about …" (not an infinitive: "to comment").
    const toRecipient = word[first.start] === H_TO && first.start + 1 < first.end && NOUN_PHRASE_TAGS.has(pos[first.start + 1]!);
    // Any other cue's only before an indirect question ("asked Ms. Kelly whether …"), checked below.
    const anyVerb = !toRecipient && !RECIPIENT_VERBS.has(word[cue.end - 1]!);
    const from = toRecipient ? first.start + 1 : first.start;
    let k = from;
    while (k < first.end && k - from < DEFAULT_MAX_RECIPIENT && NOUN_PHRASE_TAGS.has(pos[k]!) && !(k > from && SUBJECT_PRONOUN.has(word[k]!))) k++;
    // A prepositional phrase inside the recipient ("a town hall in Salem") runs to the opener.
    if (k < first.end && pos[k] === POS_IN && !TOLD_OPENERS.has(word[k]!)) {
      let j = k + 1;
      while (j < first.end && j - first.start < 2 * DEFAULT_MAX_RECIPIENT && NOUN_PHRASE_TAGS.has(pos[j]!) && !SUBJECT_PRONOUN.has(word[j]!)) j++;
      if (j > k + 1) k = j;
    }
    if (k === from || k >= first.end || sent[k] !== sent[cue.start]) return [...parts];
    const w = word[k]!;
    // Before "of"/"about" the recipient ends in a pronoun, a name or a plural ("reminded voters of"; "the class of 2014" is one noun phrase).
    const personalEnd = PERSONAL_TAGS.has(pos[k - 1]!) || this.buf.ner[k - 1] === NER_PERSON || this.buf.ner[k - 1] === NER_ORG;
    // A "that" followed by a verb opens a relative clause ("responses that could resound"), not what was told.
    const relative = w === H_THAT && k + 1 < first.end && VERB_TAGS.has(pos[k + 1]!);
    const opens = (TOLD_OPENERS.has(w) && ((w !== H_OF && w !== H_ABOUT) || personalEnd) && !relative) || SUBJECT_PRONOUN.has(w) || attr[k]! & A_QUOTE_OPEN
      || (w === H_COMMA && k + 1 < first.end && attr[k + 1]! & A_QUOTE_OPEN);
    if (!opens || (anyVerb && !(personalEnd && QUESTION_OPENER.has(w)))) return [...parts];
    return [{ ...first, start: w === H_COMMA ? k + 1 : k }, ...parts.slice(1)];
  }

  /**
   * `content/addressee`: the subject of a passive ask- or tell-type cue (lexicon.ts ADDRESSEE_VERB_LEMMAS: "Ms. Kelly was
   * asked whether …", "Voters were told that …") is who was addressed, not part of what was asked: a content fragment
   * before the cue in its sentence is dropped. Not before an infinitive ("Rubio was asked to name …"), which PolNeAR
   * draws both ways (content/raising-subject).
   */
  private withoutAddressee(cue: RoleSpan, parts: readonly RoleSpan[], range: BlockRange): RoleSpan[] {
    const word = this.buf.words.word, sent = this.buf.sentence;
    if (!ADDRESSEE_VERBS.has(word[cue.end - 1]!) || cueVoice(this.buf, cue.start, cue.end, range.from) !== PASSIVE) return [...parts];
    const after = parts.find((p) => p.start >= cue.end);
    if (!after || word[after.start] === H_TO) return [...parts];
    return parts.filter((p) => p.start >= cue.end || sent[p.start] !== sent[cue.start]);
  }

  /**
   * `content/raising-subject`: the subject of a raising cue ("Ms. Kelly seemed certain to leave") or of a passive one
   * taking an infinitive ("The central bank is expected to act") is part of what is held, not who holds it: PolNeAR
   * train gives 154 of 158 raising cues no source and 144 a content starting before the cue. A source the role
   * tagger put just before such a cue, with no content there, becomes the content's first fragment. (Not other
   * passives: "Trump was asked about …" — on five-fold cross-validation that cost 14 exact contents.)
   */
  private subjectAsContent(cue: RoleSpan, source: RoleSpan, parts: readonly RoleSpan[], range: BlockRange): RoleSpan | null {
    if (source.end > cue.start || parts.some((p) => p.start < cue.start)) return null;
    const voice = cueVoice(this.buf, cue.start, cue.end, range.from);
    const word = this.buf.words.word;
    const infinitive = cue.end < range.to && word[cue.end] === H_TO;
    if (!(voice === RAISING_CUE || (voice === PASSIVE && infinitive))) return null;
    return { start: source.start, end: source.end, role: ROLE_CONTENT };
  }

  /**
   * `content/earlier-quotation`: `“A,” Okafor said. “B.” He said C.` — a cue with content of its own after it in its
   * sentence ("He said C") does not also take a fragment from an earlier sentence when another cue of the paragraph
   * comes before that fragment: B continues that cue's quotation, and one span attributed twice would be read as
   * two statements.
   */
  private withoutEarlierQuotation(cue: RoleSpan, parts: readonly RoleSpan[], tagged: readonly CueRoles[]): RoleSpan[] {
    const sent = this.buf.sentence;
    const ownAfter = parts.some((p) => p.start >= cue.end && sent[p.start] === sent[cue.start]);
    if (!ownAfter) return [...parts];
    return parts.filter((p) => sent[p.end - 1]! >= sent[cue.start]! || !tagged.some((o) => o.cue !== cue && o.cue.end <= p.start));
  }

  /**
   * `content/interrupted`: "Recently, he said, he has realized …", "Nationally, according to a poll, …": a source and
   * cue set off by commas inside the sentence interrupt its content — the words before them, from the sentence's
   * start, are content too. Only a short opening of no other cue (an adverbial, a subject), so "Asked about it, he
   * said, …" is not read that way.
   */
  private interruptedOpening(cue: RoleSpan, source: RoleSpan | null, parts: readonly RoleSpan[], range: BlockRange): RoleSpan | null {
    const word = this.buf.words.word, attr = this.buf.attr;
    const first = parts[0];
    // A quotation after the cue starts afresh: "In the excerpt, the author wrote, “…”".
    if (!first || first.start < cue.end || attr[first.start]! & A_QUOTE_OPEN || (first.start > 0 && attr[first.start - 1]! & A_QUOTE_OPEN)) return null;
    const opening = this.openingBefore(cue, source, range);
    if (!opening || first.start !== opening.right + 1 || word[opening.right] !== H_COMMA) return null;
    const { start, end } = opening;
    if (end - start > DEFAULT_MAX_OPENING || this.buf.pos[start] === POS_VBN) return null;
    return { start, end, role: ROLE_CONTENT };
  }

  /**
   * The words a source and cue set off by a comma come after, from the sentence's start (past an opening quotation
   * mark) to that comma — "Recently, | he said", "X won the primary, | the AP declared" — and where the source and cue
   * end (`right`); null when the source and cue are apart, or the opening is inside a quotation or holds a cue word
   * read as a verb (a noun "state" is no cue). Shared by `content/interrupted` and `attribution/clause-before-source`.
   */
  private openingBefore(cue: RoleSpan, source: RoleSpan | null, range: BlockRange): { start: number; end: number; right: number } | null {
    const { attr, pos, sentence: sent } = this.buf, word = this.buf.words.word;
    if (source && gap(source, cue) > 0) return null;
    const left = Math.min(cue.start, source?.start ?? cue.start), right = Math.max(cue.end, source?.end ?? cue.end);
    if (left - 1 <= range.from || word[left - 1] !== H_COMMA) return null;
    let start = this.sentenceStart(left - 1, range.from, sent[cue.start]);
    if (attr[start]! & A_QUOTE_OPEN) start++;
    const end = left - 1;
    if (end <= start || attr[start]! & A_IN_QUOTE) return null;
    for (let i = start; i < end; i++) if (attr[i]! & A_CUE && VERB_TAGS.has(pos[i]!)) return null;
    return { start, end, right };
  }

  /**
   * `attribution/content-near-cue`: a source and cue given no content by the role tagger, next to a quotation or a
   * "that" clause of their sentence: `“GROWING PARTY,” he declared in a tweet`, `Mr. Trump said of the episode, “I
   * don't like it”`, `Clinton said Wednesday that she called Sanders`. Only across a few words with no verb or cue.
   */
  private contentNearCue(cue: RoleSpan, source: RoleSpan, range: BlockRange): RoleSpan | null {
    const { attr, pos, sentence: sent } = this.buf, word = this.buf.words.word;
    if (gap(source, cue) > 0) return null;
    const left = Math.min(cue.start, source.start), right = Math.max(cue.end, source.end), k = sent[cue.start]!;
    // A quotation closing just before: `“…,” he declared`.
    let i = left - 1;
    if (i >= range.from && word[i] === H_COMMA) i--;
    if (i - 1 >= range.from && sent[i] === k && attr[i]! & A_QUOTE_CLOSE && !(attr[i - 1]! & A_QUOTE_OPEN)) return { start: i - 1, end: i, role: ROLE_CONTENT };
    for (let j = right; j < range.to && sent[j] === k && j - right <= DEFAULT_MAX_NEAR; j++) {
      if (attr[j]! & A_QUOTE_OPEN) return j + 1 < range.to && sent[j + 1] === k ? { start: j + 1, end: j + 2, role: ROLE_CONTENT } : null;
      if (word[j] === H_THAT) {
        const end = this.sentenceEnd(j + 1, range.to, k);
        return end > j + 1 ? { start: j, end, role: ROLE_CONTENT } : null;
      }
      if (VERB_TAGS.has(pos[j]!) || attr[j]! & A_CUE) return null;
    }
    return null;
  }

  /**
   * `attribution/clause-before-source`: "Hillary Clinton won the primary, the Associated Press declared on Thursday." —
   * a source and cue after a comma closing a clause, given no content by the role tagger: the clause before them,
   * from the sentence's start, is what they said. Only a clause (a finite verb, not a scene-setting opening: "In a
   * 1963 speech, he declared …"), and only when nothing but the sentence's end, a comma, or a time or place follows
   * the cue (so "…, Bush pinned his hopes on …" is not read so).
   */
  private clauseBeforeSource(cue: RoleSpan, source: RoleSpan, range: BlockRange): RoleSpan | null {
    const { pos, sentence: sent } = this.buf, word = this.buf.words.word, tokens = this.layer.tokens;
    const opening = this.openingBefore(cue, source, range);
    if (!opening) return null;
    const { start, end, right } = opening;
    if (right < range.to && sent[right] === sent[cue.start]) {
      const next = this.text.slice(tokens[right]!.start, tokens[right]!.end);
      if (!SENTENCE_END_MARK.test(next) && word[right] !== H_COMMA && (!CLAUSE_END_TAGS.has(pos[right]!) || word[right] === H_THAT)) return null;
    }
    if (SCENE_OPENING_TAGS.has(pos[start]!)) return null;
    for (let i = start; i < end; i++) if (FINITE_OR_MODAL_TAGS.has(pos[i]!)) return { start, end, role: ROLE_CONTENT };
    return null;
  }

  /** The first token of sentence k (default: token i's) from token i back, not before `from`. */
  private sentenceStart(i: number, from: number, k = this.buf.sentence[i]): number {
    const sent = this.buf.sentence;
    while (i - 1 >= from && sent[i - 1] === k) i--;
    return i;
  }

  /** One past the last token of sentence k (default: token i's) from token i on, at most `to`. */
  private sentenceEnd(i: number, to: number, k = this.buf.sentence[i]): number {
    const sent = this.buf.sentence;
    while (i < to && sent[i] === k) i++;
    return i;
  }

  /** Token indexes [start, end) of the tokens inside the character range (the block's tokens [from, to)). */
  private tokensIn(from: number, to: number, start: number, end: number): { start: number; end: number } {
    const tokens = this.layer.tokens;
    let s = from;
    while (s < to && tokens[s]!.end <= start) s++;
    let e = s;
    while (e < to && tokens[e]!.start < end) e++;
    return { start: s, end: e };
  }

  /** `attribution/speaker-label` and `attribution/dash-credit` over the block's lines. */
  /** (`at`: the character offset findings are ordered by.) */
  private layoutRules(range: BlockRange, cueStarts: ReadonlySet<number>): Array<AttributionFinding & { at: number }> {
    const out: Array<AttributionFinding & { at: number }> = [];
    const tokens = this.layer.tokens, text = this.text;
    const blockStart = tokens[range.from]!.start, blockEnd = tokens[range.to - 1]!.end;
    const { flags } = this.buf.words, ner = this.buf.ner;
    for (let lineStart = blockStart; lineStart < blockEnd;) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > blockEnd) lineEnd = blockEnd;
      const line = text.slice(lineStart, lineEnd);
      const label = SPEAKER_LABEL.exec(line);
      if (label && !NON_SPEAKER.has(label[2]!.toLowerCase())) {
        const nameStart = lineStart + label[1]!.length, nameEnd = nameStart + label[2]!.length;
        const name = this.tokensIn(range.from, range.to, nameStart, nameEnd);
        let named = name.end > name.start;
        for (let i = name.start; i < name.end && named; i++) {
          named = (ner[i] === NER_PERSON || ner[i] === NER_ORG || (flags[i]! & F_ALLCAPS) !== 0) && (flags[i]! & (F_CAP | F_ALLCAPS)) !== 0;
        }
        const colon = this.tokensIn(range.from, range.to, nameEnd, nameEnd + 1);
        const contentStart = lineStart + label[0].length;
        const body = this.tokensIn(range.from, range.to, contentStart, lineEnd);
        const content = trimContent(text, contentStart, lineEnd);
        // A line of figures ("Clinton: 2,316") is a results table, not speech.
        if (named && !cueStarts.has(colon.start) && content && body.end > body.start && LETTER.test(text.slice(content.start, content.end))) {
          out.push({ kind: this.kindOf([body]), content: [content], cue: { start: nameEnd, end: nameEnd + 1 }, source: { start: nameStart, end: nameEnd }, continues: null, rule: 'attribution/speaker-label', at: nameStart });
        }
      }
      const credit = DASH_CREDIT.exec(line);
      if (credit?.indices) {
        const quoteStart = lineStart + credit.indices[2]![0];
        const content = trimContent(text, quoteStart, lineStart + credit.indices[2]![1]);
        // The name ends before a sentence period, not before an initial's ("Julie A. Diaz Martinez.", "Sam Jr.").
        let [nameStart, nameEnd] = credit.indices[3]!.map((k) => lineStart + k) as [number, number];
        if (text[nameEnd - 1] === '.' && /\p{L}{3,}\.$/u.test(text.slice(nameStart, nameEnd))) nameEnd--;
        const dash = text.slice(quoteStart, nameStart).search(new RegExp(`[${CREDIT_DASHES.join('')}]\\s*$`, 'u')) + quoteStart;
        const body = content ? this.tokensIn(range.from, range.to, content.start, content.end) : null;
        if (content && body && !cueStarts.has(this.tokensIn(range.from, range.to, dash, dash + 1).start)) {
          out.push({ kind: this.kindOf([{ start: Math.max(range.from, body.start - 1), end: body.end }]), content: [content], cue: { start: dash, end: dash + 1 }, source: { start: nameStart, end: nameEnd }, continues: null, rule: 'attribution/dash-credit', at: quoteStart });
        }
      }
      lineStart = lineEnd + 1;
    }
    return out;
  }

  /**
   * `content/whole-quotation`: a content fragment that starts or ends inside a quotation runs to the quotation's
   * marks — a quotation is quoted whole or not at all, and the role tagger sometimes starts one a sentence late.
   * Fragments that come to overlap are merged.
   */
  private wholeQuotations(parts: readonly RoleSpan[], range: BlockRange): RoleSpan[] {
    const attr = this.buf.attr;
    const inside = (i: number): boolean => (attr[i]! & A_IN_QUOTE) !== 0 && (attr[i]! & (A_QUOTE_OPEN | A_QUOTE_CLOSE)) === 0;
    const out: RoleSpan[] = [];
    for (const p of parts) {
      let start = p.start, end = p.end;
      if (inside(start)) while (start - 1 >= range.from && inside(start - 1)) start--;
      if (inside(end - 1)) while (end < range.to && inside(end)) end++;
      const last = out[out.length - 1];
      if (last && start <= last.end) last.end = Math.max(last.end, end);
      else out.push({ ...p, start, end });
    }
    return out;
  }

  /** Whether tokens [from, to) hold any of the source, a cue, or another cue's roles: a content is not widened over them. */
  private claimed(from: number, to: number, cue: RoleSpan, source: RoleSpan | null, tagged: readonly CueRoles[]): boolean {
    const taken = (s: RoleSpan): boolean => s.start < to && s.end > from;
    return (!!source && taken(source)) || tagged.some((t) => taken(t.cue) || (t.cue !== cue && t.roles.some(taken)));
  }

  /**
   * `content/sentence-end`: a content's last fragment after its cue that the role tagger stopped a few words short of
   * its sentence's end, and not at a comma ("… to be hit even harder than they were hit by France ▌ in airstrikes on
   * Sunday night.", "I'd see this once ▌ before I died"), runs on to the end: a short trailing phrase belongs to the
   * clause reported. Not past a comma (a clause or apposition of the writer's may follow), over more than
   * DEFAULT_MAX_TAIL tokens, from inside a quotation, or over a cue word, a source or another cue's content.
   */
  private toSentenceEnd(cue: RoleSpan, source: RoleSpan | null, parts: readonly RoleSpan[], range: BlockRange, tagged: readonly CueRoles[]): RoleSpan[] {
    const last = parts[parts.length - 1];
    if (!last || last.start < cue.end) return [...parts];
    const attr = this.buf.attr;
    let end = this.sentenceEnd(last.end - 1, range.to);
    while (end > last.end && !this.isWord(end - 1)) end--;
    if (end <= last.end || end - last.end > DEFAULT_MAX_TAIL || this.buf.words.word[last.end] === H_COMMA) return [...parts];
    if (attr[last.end - 1]! & A_IN_QUOTE && !(attr[last.end - 1]! & A_QUOTE_CLOSE)) return [...parts];
    if (this.claimed(last.end, end, cue, source, tagged)) return [...parts];
    for (let i = last.end; i < end; i++) if (attr[i]! & A_CUE) return [...parts];
    return [...parts.slice(0, -1), { ...last, end }];
  }

  /**
   * `content/sentence-start`: a content's first fragment, a clause before its cue, that the role tagger started
   * inside its sentence ("But ▌ that is not good enough, he said", "Mr. Trump, ▌ who is not taking large donations, …,
   * he added", "After ▌ Mr. Trump took possession of the jet, he made changes, …", `He had “▌wanted to be a pilot,”
   * she told …`) starts at the sentence's start (past an opening quotation mark): a mixed quotation's lead-in, an
   * opening conjunction or clause and a sentence's subject are part of what is reported. Not over a source, cue or
   * another cue's content between.
   */
  private fromSentenceStart(cue: RoleSpan, source: RoleSpan | null, parts: readonly RoleSpan[], range: BlockRange, tagged: readonly CueRoles[]): RoleSpan[] {
    const first = parts[0];
    if (!first || first.end > cue.start) return [...parts];
    const attr = this.buf.attr;
    let start = this.sentenceStart(first.start, range.from);
    if (attr[start]! & A_QUOTE_OPEN && start + 1 < first.start) start++;
    if (start >= first.start) return [...parts];
    // A clause (a finite verb in it), not a noun phrase or relative word whose content runs on after the cue ("which ▌ was …").
    let clause = false;
    for (let i = first.start; i < first.end && !clause; i++) clause = FINITE_OR_MODAL_TAGS.has(this.buf.pos[i]!);
    if (!clause) return [...parts];
    if (this.claimed(start, first.start, cue, source, tagged)) return [...parts];
    return [{ ...first, start }, ...parts.slice(1)];
  }

  /**
   * "X said A and warned B": a content fragment that runs over a later cue joined to it by "and" or "but" (a cue
   * with content of its own) ends before the conjunction — A is what was said, B what was warned.
   */
  private beforeCoordinated(parts: readonly RoleSpan[], tagged: readonly CueRoles[], contents: readonly (readonly RoleSpan[])[]): RoleSpan[] {
    const word = this.buf.words.word;
    return parts.map((p) => {
      let end = p.end;
      tagged.forEach((o, j) => {
        const at = o.cue.start;
        if (at <= p.start || at >= end || contents[j]!.length === 0 || at - 1 <= p.start) return;
        if (word[at - 1] !== H_AND && word[at - 1] !== H_BUT) return;
        end = at - 1;
        if (end > p.start && word[end - 1] === H_COMMA) end--;
      });
      return end === p.end ? p : { ...p, end };
    });
  }

  /** A source that ends at a possessor ("Trump" of "Trump's team") runs on through the possessive and its nouns: `source/possessive`. */
  private wholeSource(source: RoleSpan, to: number): RoleSpan {
    const pos = this.buf.pos;
    // The tagger sometimes reads a possessive 's as "is": the word decides.
    if (source.end >= to || (pos[source.end] !== POS_POSSESSIVE && this.buf.words.word[source.end] !== H_POSSESSIVE)) return source;
    let end = source.end + 1;
    while (end < to && end - source.end <= DEFAULT_MAX_POSSESSED && NOUN_TAGS.has(pos[end]!)) end++;
    return end > source.end + 1 ? { ...source, end } : source;
  }

  /** Findings of one block (in text order of their first span). */
  block(range: BlockRange, tagged: readonly CueRoles[]): AttributionFinding[] {
    const out: Array<AttributionFinding & { at: number }> = [];
    const pending = this.pending?.block === range.block - 1 ? this.pending : null;
    this.pending = null;
    const blockEnd = this.layer.tokens[range.to - 1]!.end;
    const sent = this.buf.sentence, word = this.buf.words.word;
    // A quotation belongs to the cue of its own sentence: a content fragment in another sentence than its cue's
    // that another cue of that sentence also claims is dropped from the first (`"A," X told Y. "B," Z said.`).
    // Likewise a fragment that another cue of its sentence claiming those words stands between belongs to that
    // nearer cue: `“A,” said X, adding that “B.”` — B is what was added (`content/nearer-cue`).
    const between = (o: RoleSpan, cue: RoleSpan, r: RoleSpan): boolean => (cue.end <= o.start && o.end <= r.start) || (r.end <= o.start && o.end <= cue.start);
    // (A fragment's sentences: a quotation may run over several, its cue after the last.)
    const within = (k: number, r: RoleSpan): boolean => k >= sent[r.start]! && k <= sent[r.end - 1]!;
    const contents = tagged.map(({ cue, roles }) => roles.filter((r) => r.role === ROLE_CONTENT && !tagged.some((o) =>
      o.cue !== cue && within(sent[o.cue.start]!, r) && (!within(sent[cue.start]!, r) || between(o.cue, cue, r))
      && o.roles.some((x) => x.role === ROLE_CONTENT && x.start < r.end && r.start < x.end)))).map((parts, k) => this.withoutEarlierQuotation(tagged[k]!.cue, parts, tagged));
    let previous: { finding: AttributionFinding; cue: RoleSpan; source: RoleSpan | null } | null = null;
    tagged.forEach(({ cue, roles, origin, frame }, k) => {
      let parts = this.beforeCoordinated(contents[k]!, tagged, contents);
      let source: RoleSpan | null = null;
      for (const r of roles) if (r.role === ROLE_SOURCE && (!source || gap(r, cue) < gap(source, cue))) source = r;
      let rule: AttributionRule = origin === 'tagger' ? 'attribution/cue-roles' : `attribution/${origin}`;
      if (frame) {
        // A proposal's construction fixes where its content starts ("that") and, for a reporting noun, its source (the by-phrase or possessor).
        if (frame.source) source = { ...frame.source, role: ROLE_SOURCE };
        parts = parts.filter((p) => p.end > frame.contentStart).map((p) => ({ ...p, start: Math.max(p.start, frame.contentStart) }));
        if (!parts.length) {
          const end = this.sentenceEnd(frame.contentStart, range.to);
          parts = [{ start: frame.contentStart, end, role: ROLE_CONTENT }];
        }
      }
      if (source) {
        const subject = this.subjectAsContent(cue, source, parts, range);
        if (subject) { parts = [subject, ...parts]; source = null; }
      }
      if (source) source = this.wholeSource(source, range.to);
      const opening = this.interruptedOpening(cue, source, parts, range);
      if (opening) parts = [opening, ...parts];
      const clause = !parts.length && source && origin === 'tagger' ? this.clauseBeforeSource(cue, source, range) : null;
      if (clause) { parts = [clause]; rule = 'attribution/clause-before-source'; }
      const near = !parts.length && source && origin === 'tagger' ? this.contentNearCue(cue, source, range) : null;
      if (near) { parts = [near]; rule = 'attribution/content-near-cue'; }
      parts = this.withoutAddressee(cue, this.withoutRecipient(cue, this.openingClauseCut(cue, parts, range)), range);
      ({ cue, parts } = this.prepositionIntoCue(cue, parts));
      ({ source, parts } = this.afterAccordingPhrase(cue, source, parts, range));
      parts = withoutSpans(this.wholeQuotations(parts, range), source ? [cue, source] : [cue]);
      parts = this.toSentenceEnd(cue, source, this.fromSentenceStart(cue, source, parts, range, tagged), range, tagged);
      // "X said A and offered B": a cue with no source after "and" shares the source of the cue before it in its sentence.
      if (!source && previous?.source && sent[previous.cue.start] === sent[cue.start] && cue.start > range.from && word[cue.start - 1] === H_AND) {
        source = previous.source;
        rule = 'attribution/shared-source';
      }
      const cueSpan = this.charSpan(cue);
      const after = !parts.length && source ? this.accordingTo(cue, source, range) : null;
      const afterContent = after ? this.contentSpans([{ ...after, role: ROLE_CONTENT }]) : [];
      if (after && afterContent.length) {
        out.push({ kind: this.kindOf([after]), content: afterContent, cue: cueSpan, source: this.charSpan(source!), continues: null, rule: 'attribution/according-to', at: cueSpan.start });
        return;
      }
      if (!parts.length) {
        if (COLON_END.test(this.text.slice(cueSpan.end, blockEnd)) || this.text.slice(cueSpan.start, cueSpan.end).endsWith(':')) {
          this.pending = { block: range.block, cue: cueSpan, source: source ? this.charSpan(source) : null };
        }
        return;
      }
      parts = this.withoutStrayFragments(cue, source, this.withoutTrailingPhrase(cue, source, parts));
      const { own, later } = this.splitContinuations(cue, parts);
      const ownContent = this.contentSpans(own);
      if (!ownContent.length) return;
      const head: AttributionFinding & { at: number } = { kind: this.kindOf(own), content: ownContent, cue: cueSpan, source: source ? this.charSpan(source) : null, continues: null, rule, at: Math.min(cueSpan.start, ownContent[0]!.start) };
      out.push(head);
      previous = { finding: head, cue, source };
      // The tagger's later fragments, then the quoted sentences after them that it did not give to the cue.
      const last = Math.max(cue.end, ...own.map((p) => p.end), ...later.map((p) => p.end));
      const quotes = head.kind !== 'indirect' ? this.quotesAfter(last, range, contents).map((q) => ({ ...q, role: ROLE_CONTENT })) : [];
      for (const part of [...later, ...quotes]) {
        const more = this.contentSpans([part]);
        if (more.length) out.push({ kind: this.kindOf([part]), content: more, cue: null, source: null, continues: head, rule: 'attribution/continued-quote', at: more[0]!.start });
      }
    });
    if (pending && this.buf.attr[range.from]! & (A_QUOTE_OPEN | A_QUOTE_CLOSE)) {
      const content = this.contentSpans([{ start: range.from, end: range.to, role: ROLE_CONTENT }]);
      if (content.length) out.push({ kind: this.kindOf([{ start: range.from, end: range.to }]), content, cue: pending.cue, source: pending.source, continues: null, rule: 'attribution/colon-next-paragraph', at: content[0]!.start });
    }
    out.push(...this.layoutRules(range, new Set(tagged.map((t) => t.cue.start))));
    const quoted = this.lastFinding && this.lastFinding.kind !== 'indirect' && this.lastBlock === range.block - 1 ? this.lastFinding : null;
    if (out.length === 0 && quoted) {
      const whole = this.wholeQuote(range.from, range.to);
      const content = whole ? this.contentSpans([{ ...whole, role: ROLE_CONTENT }]) : [];
      // The quotation continues the attribution the previous one continues, if any (one head per quotation).
      if (whole && content.length) out.push({ kind: this.kindOf([whole]), content, cue: null, source: null, continues: quoted.continues ?? quoted, rule: 'attribution/continued-quote', at: content[0]!.start });
    }
    out.sort((a, b) => a.at - b.at);
    // Findings are returned without `at`, but continuations point at their heads: strip `at` in place.
    for (const f of out) delete (f as Partial<typeof f>).at;
    const last = out[out.length - 1];
    if (last) { this.lastFinding = last; this.lastBlock = range.block; }
    return out;
  }
}
