/**
 * Character classes for the scanners: an ASCII table plus a cached Unicode-property lookup for the
 * rest. Every function is O(1) per call and safe on lone surrogates.
 */

export const C_SPACE = 0; // whitespace, control characters, zero-width space
export const C_UPPER = 1; // \p{Lu} \p{Lt}
export const C_LOWER = 2; // \p{Ll}
export const C_LETTER = 3; // other letters (\p{Lm} \p{Lo}) and non-decimal numbers (½, Ⅳ)
export const C_MARK = 4; // \p{M} and format characters (soft hyphen, ZWJ): continue a word
export const C_DIGIT = 5; // \p{Nd}
export const C_QUOTE = 6; // " ' “ ” ‘ ’ « » „ ‹ › 「 」 …
export const C_PUNCT = 7; // other \p{P}
export const C_SYMBOL = 8; // everything else: $ % + emoji, lone surrogates

/** Quote characters, both directions; apostrophes ' ’ are among them and are told apart by context. */
const QUOTE_CHARS = '"\'`“”„‟‘’‚‛«»‹›「」『』＂＇❝❞❛❜〝〞';

// Unicode-property tests, applied once per distinct non-ASCII code point (cached).
const RE_SPACE = /^[\s\p{Cc}\u200B\u2060]$/u; // e.g. NBSP, U+2028, NUL
const RE_UPPER = /^[\p{Lu}\p{Lt}]$/u; // e.g. É
const RE_LOWER = /^\p{Ll}$/u; // e.g. é
const RE_LETTER = /^[\p{L}\p{Nl}\p{No}]$/u; // e.g. 中, ½
const RE_MARK = /^[\p{M}\p{Cf}]$/u; // e.g. U+0301 combining acute, U+00AD soft hyphen
const RE_DIGIT = /^\p{Nd}$/u; // e.g. ٣
const RE_PUNCT = /^\p{P}$/u; // e.g. — … ¿

function classifySlow(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (QUOTE_CHARS.includes(ch)) return C_QUOTE;
  if (RE_SPACE.test(ch)) return C_SPACE;
  if (RE_LOWER.test(ch)) return C_LOWER;
  if (RE_UPPER.test(ch)) return C_UPPER;
  if (RE_LETTER.test(ch)) return C_LETTER;
  if (RE_MARK.test(ch)) return C_MARK;
  if (RE_DIGIT.test(ch)) return C_DIGIT;
  if (RE_PUNCT.test(ch)) return C_PUNCT;
  return C_SYMBOL;
}

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII[c] = classifySlow(c);

/** Bounded so that adversarial input (every code point once) cannot grow memory without limit. */
const CACHE_LIMIT = 20_000;
const cache = new Map<number, number>();

/** Class of a code point. */
export function classOf(cp: number): number {
  if (cp < 128) return ASCII[cp]!;
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const cls = classifySlow(cp);
  if (cache.size < CACHE_LIMIT) cache.set(cp, cls);
  return cls;
}

/**
 * Class and width (1 or 2 UTF-16 units) of the character at `i`, never reading at or past `limit`:
 * a surrogate pair cut by `limit`, or a lone surrogate, is one unit of class C_SYMBOL.
 * Returned packed as `cls * 4 + width` to avoid allocating.
 */
export function charAt(text: string, i: number, limit: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII[c]! * 4 + 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    if (i + 1 < limit) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return classOf(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) * 4 + 2;
    }
    return C_SYMBOL * 4 + 1;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return C_SYMBOL * 4 + 1;
  return classOf(c) * 4 + 1;
}

/** Class of the character at `i` (C_SPACE when `i` is outside [0, limit)). */
export function classAt(text: string, i: number, limit: number): number {
  if (i < 0 || i >= limit) return C_SPACE;
  return charAt(text, i, limit) >> 2;
}

export function isWordClass(cls: number): boolean {
  return cls === C_UPPER || cls === C_LOWER || cls === C_LETTER || cls === C_MARK || cls === C_DIGIT;
}

export function isLetterClass(cls: number): boolean {
  return cls === C_UPPER || cls === C_LOWER || cls === C_LETTER;
}

/** ' (U+0027), ’ (U+2019), ʼ (U+02BC): the characters used as apostrophes. */
export function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

/** Single quotes that may be an apostrophe or a quote mark: ' ‘ ’ ‚ ‛ ‹ › */
export function isSingleQuote(c: number): boolean {
  return c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b || c === 0x2039 || c === 0x203a;
}

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
