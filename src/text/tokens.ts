/**
 * The tokenizer: one left-to-right pass over a block with O(1) work per character (bounded
 * look-ahead only), so any input is tokenized in linear time. It also gives each token a role that
 * the sentence splitter reads (terminal punctuation, abbreviation class, opening/closing mark).
 *
 * Conventions (close to the Penn Treebank, so CoNLL-style data lines up):
 * - `door-to-door`, `COVID-19`, `O'Brien`, `1990s` are one token; `3.5`, `1,000`, `10:30`, `9/11` are numbers.
 * - Clitics are their own `word` tokens: `Labour` `'s`, `They` `'re`, `do` `n't`; so is the plural
 *   possessive apostrophe in `volunteers' homes`. `’90s` is one word.
 * - Abbreviations keep their period: `U.S.`, `J.K.`, `a.m.`, `Ms.`, `Inc.`, `J.` (an initial);
 *   `Nov.` and `No.` only before a number ("Nov. 5", "No. 1").
 * - `...`, `…`, `. . .` are one ellipsis token; `?!` is one token; `--` is one token.
 * - URLs and e-mail addresses (found beforehand by links.ts) are single tokens.
 */
import type { AbbreviationCategory } from './abbreviations.js';
import {
  C_DIGIT, C_LETTER, C_LOWER, C_MARK, C_PUNCT, C_QUOTE, C_SPACE, C_UPPER,
  charAt, classAt, isApostrophe, isAsciiDigit, isLetterClass, isSingleQuote,
} from './chars.js';
import type { LinkSpan } from './links.js';
import type { Token, TokenKind } from './types.js';

/** Token roles read by the sentence splitter (internal; not part of Token). */
export const R_NONE = 0;
/** `.` `!` `?` `?!` `....` */
export const R_TERMINAL = 1;
/** `...` `…` `. . .` */
export const R_ELLIPSIS = 2;
/** `Ms.` `Gov.`: never ends a sentence. */
export const R_ABBR_TITLE = 3;
/** `J.` in "Donald J. Trump". */
export const R_ABBR_INITIAL = 4;
/** `Nov.` `No.` before a number. */
export const R_ABBR_NUMBER = 5;
/** `U.S.` `Inc.` `a.m.`: may end a sentence. */
export const R_ABBR_OTHER = 6;
/** Opening quote or bracket. */
export const R_OPEN = 7;
/** Closing quote or bracket. */
export const R_CLOSE = 8;

export interface Lexicon {
  abbreviations: ReadonlyMap<string, AbbreviationCategory>;
  starters: ReadonlySet<string>;
}

/** Tokens and their roles, appended to in parallel. */
export interface TokenBuffer {
  tokens: Token[];
  roles: number[];
}

const DOT = 0x2e;
/** How far past an abbreviation we look for the digit of "Nov. 5" (spaces only). */
const MAX_SPACES_BEFORE_NUMBER = 3;

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function isWordStart(cls: number): boolean {
  return cls === C_UPPER || cls === C_LOWER || cls === C_LETTER || cls === C_DIGIT;
}

/** Length of the clitic (`'s 'd 'm 're 've 'll`) starting at the apostrophe at `j`, or 0. */
function cliticLength(text: string, j: number, end: number): number {
  if (j + 1 >= end) return 0;
  const a = lowerAscii(text.charCodeAt(j + 1));
  const b = j + 2 < end ? lowerAscii(text.charCodeAt(j + 2)) : -1;
  let len: number;
  if (a === 0x73 || a === 0x64 || a === 0x6d) len = 2; // 's 'd 'm
  else if ((a === 0x72 && b === 0x65) || (a === 0x76 && b === 0x65) || (a === 0x6c && b === 0x6c)) len = 3; // 're 've 'll
  else return 0;
  const after = classAt(text, j + len, end);
  return isWordStart(after) || after === C_MARK ? 0 : len;
}

let scannedLetter = false;

/**
 * End of the word or number starting at `i` (an alphanumeric); sets `scannedLetter`.
 * Joins hyphenated parts, in-word apostrophes and digit groups; stops before a clitic.
 */
function scanWord(text: string, i: number, lim: number, end: number): number {
  let j = i;
  let hasLetter = false;
  let prevDigit = false;
  while (j < lim) {
    const c = text.charCodeAt(j);
    const p = charAt(text, j, lim);
    const cls = p >> 2;
    if (cls === C_UPPER || cls === C_LOWER || cls === C_LETTER) {
      hasLetter = true;
      prevDigit = false;
      j += p & 3;
      continue;
    }
    if (cls === C_MARK) {
      j += p & 3;
      continue;
    }
    if (cls === C_DIGIT) {
      prevDigit = isAsciiDigit(c);
      j += p & 3;
      continue;
    }
    const next = j + 1;
    if (next >= lim) break;
    // "door-to-door", "COVID-19" (hyphen, U+2010 hyphen, U+2011 non-breaking hyphen)
    if (c === 0x2d || c === 0x2010 || c === 0x2011) {
      if (isWordStart(classAt(text, next, lim))) {
        j = next;
        prevDigit = false;
        continue;
      }
      break;
    }
    // "3.5", "1,000", "10:30", "9/11"
    if ((c === DOT || c === 0x2c || c === 0x3a || c === 0x2f) && prevDigit && isAsciiDigit(text.charCodeAt(next))) {
      j = next;
      continue;
    }
    if (isApostrophe(c) && isLetterClass(classAt(text, next, lim))) {
      if (cliticLength(text, j, end) > 0) break; // "Labour's" → "Labour" + "'s"
      // "don't" → "do" + "n't"
      if (
        lowerAscii(text.charCodeAt(next)) === 0x74 &&
        !isWordStart(classAt(text, next + 1, end)) &&
        j - 1 > i &&
        lowerAscii(text.charCodeAt(j - 1)) === 0x6e
      ) {
        j -= 1;
        break;
      }
      j = next; // "O'Brien"
      prevDigit = false;
      continue;
    }
    break;
  }
  scannedLetter = hasLetter;
  return j;
}

/**
 * End of a dotted abbreviation ("U.S.", "J.K.", "a.m.", "Ph.D.") whose first segment ends at the
 * period `j`, or -1: every segment is one or two letters followed by a period, at least two segments.
 */
function scanDotted(text: string, j: number, lim: number): number {
  let k = j + 1;
  let last = -1;
  for (;;) {
    let n = 0;
    while (k < lim && n < 3 && isLetterClass(classAt(text, k, lim)) && !(text.charCodeAt(k) >= 0xd800 && text.charCodeAt(k) <= 0xdfff)) {
      k++;
      n++;
    }
    if (n === 0 || n > 2 || k >= lim || text.charCodeAt(k) !== DOT) break;
    k++;
    last = k;
  }
  return last;
}

function isLettersOnly(text: string, i: number, j: number, lim: number): boolean {
  for (let k = i; k < j; k++) if (!isLetterClass(classAt(text, k, lim))) return false;
  return true;
}

/** Whether the next non-space character after `k` (within a few spaces) is an ASCII digit. */
function digitFollows(text: string, k: number, end: number): boolean {
  let spaces = 0;
  while (k < end && spaces <= MAX_SPACES_BEFORE_NUMBER) {
    const c = text.charCodeAt(k);
    if (isAsciiDigit(c)) return true;
    if (classAt(text, k, end) !== C_SPACE) return false;
    spaces++;
    k++;
  }
  return false;
}

/** Nominal direction of a quote character when context does not decide: 1 opening, -1 closing, 0 either. */
function nominalDirection(c: number): number {
  switch (c) {
    case 0x201c: case 0x2018: case 0x201e: case 0x201a: case 0xab: case 0x2039: case 0x300c: case 0x300e: case 0x275d: case 0x275b: case 0x301d:
      return 1;
    case 0x201d: case 0x2019: case 0xbb: case 0x203a: case 0x300d: case 0x300f: case 0x275e: case 0x275c: case 0x301e:
      return -1;
    default:
      return 0;
  }
}

function isOpenBracket(c: number): boolean {
  return c === 0x28 || c === 0x5b || c === 0x7b;
}
function isCloseBracket(c: number): boolean {
  return c === 0x29 || c === 0x5d || c === 0x7d;
}
function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0x2212;
}

/** First link whose end is after `pos`. */
function firstLinkAfter(links: readonly LinkSpan[], pos: number): number {
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Appends the tokens of `text[start, end)` to `out`. */
export function tokenizeRange(
  text: string,
  start: number,
  end: number,
  links: readonly LinkSpan[],
  lex: Lexicon,
  out: TokenBuffer,
): void {
  const { tokens, roles } = out;
  const first = tokens.length;
  const push = (s: number, e: number, kind: TokenKind, role: number): void => {
    tokens.push({ start: s, end: e, kind });
    roles.push(role);
  };
  let li = firstLinkAfter(links, start);
  let singleOpen = false; // an opening single quote is waiting for its close
  let doubleOpen = false; // same for straight double quotes
  let i = start;
  while (i < end) {
    while (li < links.length && links[li]!.end <= i) li++;
    let lim = end;
    if (li < links.length) {
      const link = links[li]!;
      if (link.start <= i) {
        const e = Math.min(link.end, end);
        push(i, e, link.kind, R_NONE);
        i = e;
        continue;
      }
      if (link.start < lim) lim = link.start;
    }
    const p = charAt(text, i, lim);
    const cls = p >> 2;
    const w = p & 3;
    const c = text.charCodeAt(i);
    if (cls === C_SPACE) {
      i += w;
      continue;
    }

    if (isWordStart(cls)) {
      let j = scanWord(text, i, lim, end);
      const hasLetter = scannedLetter;
      let role = R_NONE;
      if (hasLetter && j < lim && text.charCodeAt(j) === DOT) {
        if (j - i <= 2 && isLettersOnly(text, i, j, lim)) {
          const d = scanDotted(text, j, lim);
          if (d > 0) {
            push(i, d, 'word', R_ABBR_OTHER); // "U.S.", "a.m."
            i = d;
            continue;
          }
        }
        if (j - i === 1 && cls === C_UPPER) {
          role = R_ABBR_INITIAL; // "J." in "Donald J. Trump"
          j++;
        } else {
          const category = lex.abbreviations.get(text.slice(i, j));
          if (category === 'title') role = R_ABBR_TITLE;
          else if (category === 'other') role = R_ABBR_OTHER;
          else if (category === 'beforeNumber' && digitFollows(text, j + 1, end)) role = R_ABBR_NUMBER;
          if (role !== R_NONE) j++;
        }
      }
      push(i, j, hasLetter ? 'word' : 'number', role);
      i = j;
      continue;
    }

    if (cls === C_QUOTE) {
      const prev = tokens.length > first ? tokens[tokens.length - 1]! : undefined;
      const adjacent = prev !== undefined && prev.end === i && (prev.kind === 'word' || prev.kind === 'number');
      if (isApostrophe(c)) {
        if (adjacent) {
          const cl = cliticLength(text, i, end);
          if (cl > 0) {
            push(i, i + cl, 'word', R_NONE); // "'s" after "U.S." or a number
            i += cl;
            continue;
          }
        }
        if (!adjacent && i + 1 < lim && isAsciiDigit(text.charCodeAt(i + 1))) {
          const j = scanWord(text, i + 1, lim, end);
          push(i, j, 'word', R_NONE); // "’90s"
          i = j;
          continue;
        }
        if (adjacent && !singleOpen && lowerAscii(text.charCodeAt(i - 1)) === 0x73 && classAt(text, i + 1, end) === C_SPACE) {
          let k = i + 1;
          while (k < end && classAt(text, k, end) === C_SPACE && k - i < 4) k++;
          if (isWordStart(classAt(text, k, end))) {
            push(i, i + 1, 'word', R_NONE); // plural possessive: "volunteers' homes"
            i += 1;
            continue;
          }
        }
      }
      // `` and '' (typewriter doubled quotes) are one token
      const len = (c === 0x27 || c === 0x60) && i + 1 < lim && text.charCodeAt(i + 1) === c ? 2 : w;
      const beforeCls = classAt(text, i - 1, end);
      const beforeCode = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      const openBefore =
        i === start || beforeCls === C_SPACE || isOpenBracket(beforeCode) || isDash(beforeCode) ||
        (prev !== undefined && prev.end === i && roles[roles.length - 1] === R_OPEN);
      const afterCls = classAt(text, i + len, end);
      const afterCode = i + len < end ? text.charCodeAt(i + len) : 0x20;
      const closeAfter = i + len >= end || afterCls === C_SPACE || (afterCls === C_PUNCT && !isOpenBracket(afterCode)) || afterCls === C_QUOTE;
      let dir: number;
      if (openBefore && !closeAfter) dir = 1;
      else if (!openBefore && closeAfter) dir = -1;
      else {
        dir = nominalDirection(c);
        if (dir === 0) dir = (isSingleQuote(c) ? singleOpen : doubleOpen) ? -1 : 1;
      }
      if (isSingleQuote(c) && len === 1) singleOpen = dir > 0;
      else doubleOpen = dir > 0;
      push(i, i + len, 'quote', dir > 0 ? R_OPEN : R_CLOSE);
      i += len;
      continue;
    }

    // Terminal punctuation and ellipses: ". . ." (spaced), "...", "…", "?!", "....", "。"
    // ".441" (a batting average), ".5": a number when the period follows no digit and precedes one
    if (c === DOT && i + 1 < lim && isAsciiDigit(text.charCodeAt(i + 1)) && !isAsciiDigit(i > start ? text.charCodeAt(i - 1) : 0x20)) {
      const j = scanWord(text, i + 1, lim, end);
      push(i, j, scannedLetter ? 'word' : 'number', R_NONE);
      i = j;
      continue;
    }

    if (c === DOT || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f) {
      if (c === DOT && i + 5 <= lim && text.startsWith('. . .', i)) {
        push(i, i + 5, 'punct', R_ELLIPSIS);
        i += 5;
        continue;
      }
      let j = i;
      let dots = 0;
      let ellipses = 0;
      let others = 0;
      for (; j < lim; j++) {
        const d = text.charCodeAt(j);
        if (d === DOT) dots++;
        else if (d === 0x2026) ellipses++;
        else if (d === 0x21 || d === 0x3f || d === 0x3002 || d === 0xff01 || d === 0xff1f) others++;
        else break;
      }
      const ellipsis = others === 0 && ((ellipses > 0 && dots === 0) || (ellipses === 0 && dots >= 2 && dots <= 3));
      push(i, j, 'punct', ellipsis ? R_ELLIPSIS : R_TERMINAL);
      i = j;
      continue;
    }

    if (cls === C_PUNCT) {
      if (c === 0x2d) {
        let j = i + 1;
        while (j < lim && text.charCodeAt(j) === 0x2d) j++;
        push(i, j, 'punct', R_NONE); // "-", "--"
        i = j;
        continue;
      }
      push(i, i + w, 'punct', isOpenBracket(c) ? R_OPEN : isCloseBracket(c) ? R_CLOSE : R_NONE);
      i += w;
      continue;
    }

    // Symbols ($, %, emoji) with their modifiers: "👍🏽", "👨‍👩‍👧" (ZWJ sequences)
    let j = i + w;
    while (j < lim) {
      const q = charAt(text, j, lim);
      const k = q >> 2;
      const d = text.charCodeAt(j);
      if (k === C_MARK || (d === 0xd83c && j + 1 < lim && text.charCodeAt(j + 1) >= 0xdffb && text.charCodeAt(j + 1) <= 0xdfff)) {
        j += q & 3;
        if (d === 0x200d && j < lim && classAt(text, j, lim) !== C_SPACE) j += charAt(text, j, lim) & 3;
        continue;
      }
      break;
    }
    push(i, j, 'symbol', R_NONE);
    i = j;
  }
}
