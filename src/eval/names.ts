/**
 * The "name part" of a gold attribution source span (docs/evaluation.md, eval:entities):
 * maximal runs of capitalised tokens, ignoring pronouns, determiners and sentence-initial
 * common words, and which run is the one the span is about (its principal run).
 */
import { COUNTRIES, US_STATES } from '../extract/entities/lexicon/places.js';
import type { Fragment } from './brat.js';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Followed by a possessive `'s` / `’s` / bare `’` (not part of the token's range). */
  possessive: boolean;
}

export interface NameRun {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** The last token: the one a mention must cover. */
  head: Token;
  /** Capitalised tokens that are not titles (`Mr.`, `Sen.`, `President`…): 1 = single-word name. */
  words: number;
  /** Lies before the first comma, parenthesis, dash, colon or relative pronoun of the span. */
  inCore: boolean;
  /** A place qualifying the name before it ("of New York"): not the run the span is about. */
  qualifier?: boolean;
}

export interface SourceName {
  /** Has at least one name run. */
  qualifies: boolean;
  runs: NameRun[];
  /** The run scored: the last run of the core, else the first run after it; null when none. */
  principal: NameRun | null;
}

/** Words that never start or form a name run (pronouns, determiners, quantifiers, relative words). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs ' +
    'one ones someone somebody anyone everyone everybody nobody none who whom whose which what that this these those ' +
    'the a an some many much more most few several both all each every either neither no any another other others such ' +
    'there here'
  ).split(' '),
);

/**
 * Sentence-initial words that are common nouns or adjectives in sources, treated as not naming anyone even
 * when the article never writes them in lower case (the article-level check below catches the rest).
 */
export const COMMON_SOURCE_WORDS: ReadonlySet<string> = new Set(
  (
    'officials official sources source aides aide critics critic experts expert analysts analyst supporters ' +
    'voters people police authorities reports report polls poll surveys survey studies study researchers ' +
    'spokesman spokeswoman spokesperson lawyers lawyer attorneys prosecutors investigators witnesses residents ' +
    'protesters activists advocates observers insiders staffers leaders members organizers economists scientists ' +
    'former current fellow retired senior top local state federal new younger older only small just even ' +
    'readers viewers parents students schools scholars proponents opponents lawmakers lawmaker legislators ' +
    'polling video videos tweet tweets data documents records emails statement statements documents ' +
    'zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen twenty thirty ' +
    'forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions dozens percent half'
  ).split(' '),
);

/** Dates are not names: weekdays and the months that are not also given names. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february september october november december'.split(' '),
);

/** Titles: part of a run (so "Mr. Trump" is one run) but not counted as name words. */
export const TITLES: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr prof sir dame lord lady rev sen senator rep representative gov governor gen general ' +
    'lt col capt sgt adm president vice secretary minister prime chancellor mayor judge justice chief ' +
    'speaker ambassador director chairman chairwoman chair commissioner deputy attorney candidate nominee jr sr'
  ).split(' '),
);

/** Lower-case words allowed inside a run between capitalised tokens: "Center for American Progress". */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'the', 'de', 'del', 'la', 'le', 'du', 'da', 'van', 'von', 'der', 'al', 'bin']);

const RELATIVE = new Set(['who', 'whom', 'whose', 'which', 'that']);
const ABBREVIATION_BEFORE = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Rev|Prof|St|Jr|Sr|Ft|Mt|[A-Z])\.$/u;

const TOKEN = /[\p{L}\p{N}]+(?:[.'’\-&][\p{L}\p{N}]+)*/gu;

/** Word tokens of `text` between `start` and `end`, with absolute offsets; a possessive `'s` is cut off. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN)) {
    let s = start + m.index;
    let word = m[0];
    let possessive = false;
    if (/['’][sS]$/.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (/^['’](?![\p{L}\p{N}])/u.test(text.slice(s + word.length, s + word.length + 2)) && /s$/i.test(word)) {
      possessive = true; // Sanders’
    }
    out.push({ start: s, end: s + word.length, text: word, cap: /^\p{Lu}/u.test(word), possessive });
  }
  return out;
}

/** The lower-case-initial words of an article, lower-cased: evidence that a capitalised form is a common word. */
export function lowercaseWords(text: string): Set<string> {
  const set = new Set<string>();
  for (const t of tokenize(text)) if (/^\p{Ll}/u.test(t.text)) set.add(t.text);
  return set;
}

/**
 * Whether the token opens a sentence: only spaces, opening quotes or brackets stand between it and the start
 * of the text, a line break, or sentence punctuation (`.`, `!`, `?`, `:`, `…`, not an abbreviation like `Mr.`).
 */
export function isSentenceInitial(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && /[ \t\u00a0"“‘'(\[—–-]/.test(text[j]!)) j--;
  if (j < 0) return true;
  const c = text[j]!;
  if (c === '\n' || c === '\r') return true;
  if (/[!?:…]/.test(c)) return true;
  if (/[”’"']/.test(c)) return j > 0 && /[.!?]/.test(text[j - 1]!);
  if (c === '.') return !ABBREVIATION_BEFORE.test(text.slice(Math.max(0, j - 5), j + 1));
  return false;
}

/**
 * Whether a token can be part of a name: capitalised, not a function word, weekday or month, and not a sentence-initial
 * common word (one in COMMON_SOURCE_WORDS, or whose lower-case form the article itself uses).
 */
export function isNameToken(text: string, token: Token, lower: ReadonlySet<string>): boolean {
  if (!token.cap) return false;
  const l = token.text.toLowerCase();
  if (FUNCTION_WORDS.has(l) || CALENDAR_WORDS.has(l)) return false;
  const plainCapital = /^\p{Lu}[\p{Ll}'’\-]*$/u.test(token.text); // "Officials", not "NATO", "McCain", "U.S"
  if (plainCapital && isSentenceInitial(text, token.start) && (COMMON_SOURCE_WORDS.has(l) || lower.has(l))) return false;
  return true;
}

const gapJoins = (gap: string): boolean => /^\.?\s+$/.test(gap) || /^\s*&\s*$/.test(gap);
const gapCuts = (gap: string): boolean => /[,;()\[\]:—–]|\s-\s/.test(gap);

/**
 * Finds the name runs of a source span (its fragments, in text order) in the article text. `lower` is the
 * article's lowercaseWords (computed once per article).
 */
export function analyzeSource(text: string, fragments: readonly Fragment[], lower: ReadonlySet<string> = lowercaseWords(text)): SourceName {
  const ordered = [...fragments].sort((a, b) => a.start - b.start);
  const tokens: Token[] = [];
  const fragmentOf: number[] = [];
  ordered.forEach((f, i) => {
    for (const t of tokenize(text, f.start, f.end)) {
      tokens.push(t);
      fragmentOf.push(i);
    }
  });
  // The core: up to the first cut (punctuation in a gap, a new fragment, or a relative pronoun).
  let coreEnd = tokens.length;
  for (let k = 1; k < tokens.length; k++) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    if (gapCuts(gap) || fragmentOf[k] !== fragmentOf[k - 1] || RELATIVE.has(tokens[k]!.text)) {
      coreEnd = k;
      break;
    }
  }
  const name = tokens.map((t) => isNameToken(text, t, lower));
  const runs: NameRun[] = [];
  /** Token index where a place qualifying the previous name starts ("… Rangel of [New York]"): never the principal run. */
  let placeQualifierAt = -1;
  let i = 0;
  while (i < tokens.length) {
    if (!name[i]) {
      i++;
      continue;
    }
    const members = [tokens[i]!];
    let j = i;
    for (;;) {
      const last = tokens[j]!;
      if (last.possessive || j + 1 >= tokens.length || fragmentOf[j + 1] !== fragmentOf[j]) break;
      // Next name token directly, or through connectors ("of the").
      let k = j + 1;
      const bridge: Token[] = [];
      while (k < tokens.length && !name[k] && CONNECTORS.has(tokens[k]!.text) && fragmentOf[k] === fragmentOf[j]) {
        if (!gapJoins(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
        bridge.push(tokens[k]!);
        k++;
      }
      if (k >= tokens.length || !name[k] || fragmentOf[k] !== fragmentOf[j]) break;
      // "Representative Charles B. Rangel of New York": "of" + a state or country ends a person's name run
      // ("Secretary of State John Kerry" and "Bank of America" go on: the run before "of" is a title or one word).
      if (bridge.length === 1 && bridge[0]!.text === 'of' && members.filter((t) => t.cap && !TITLES.has(t.text.toLowerCase())).length >= 2 && startsPlace(tokens, k)) {
        placeQualifierAt = k;
        break;
      }
      if (!gapJoins(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) || tokens[k - 1]!.possessive) break;
      members.push(...bridge, tokens[k]!);
      j = k;
    }
    const head = members[members.length - 1]!;
    const words = members.filter((t) => t.cap && !TITLES.has(t.text.toLowerCase())).length;
    const runStart = members[0]!.start;
    if (words > 0) {
      runs.push({
        start: runStart,
        end: head.end,
        text: text.slice(runStart, head.end),
        tokens: members,
        head,
        words,
        inCore: i < coreEnd,
        ...(i === placeQualifierAt ? { qualifier: true } : {}),
      });
    }
    i = j + 1;
  }
  const core = runs.filter((r) => r.inCore && !r.qualifier);
  const principal = core.length ? core[core.length - 1]! : (runs.find((r) => !r.inCore) ?? null);
  return { qualifies: runs.length > 0, runs, principal };
}

const PLACE_NAMES: ReadonlySet<string> = new Set([...COUNTRIES.flatMap((c) => [c.name, ...c.aliases]), ...US_STATES]);

/** Whether tokens from k on spell a country or US state ("New York", "West Virginia", "Britain"). */
function startsPlace(tokens: readonly Token[], k: number): boolean {
  for (let n = 1; n <= 3 && k + n <= tokens.length; n++) {
    if (PLACE_NAMES.has(tokens.slice(k, k + n).map((t) => t.text).join(' '))) return true;
  }
  return false;
}

/** Whether some span covers the run's head token (and so overlaps the run). */
export function coversHead(run: Pick<NameRun, 'head'>, mention: { start: number; end: number }): boolean {
  return mention.start <= run.head.start && mention.end >= run.head.end;
}
