/**
 * The sentence splitter: reads the tokens of one block (with the roles the tokenizer gave them)
 * and decides after each terminal mark or abbreviation whether a sentence ends there.
 *
 * Rules, in order:
 * 1. Closing quotes and brackets right after the mark belong to the sentence: `He said: "No." Then`.
 * 2. After `.` `!` `?`: split unless the next token starts with a lower-case letter or is
 *    `,` `;` `:` `)` (`"Why?" he asked`, `"Go!", she said`).
 * 3. After an ellipsis: as 2, but only when the ellipsis is attached to the word before it or closed
 *    by a quote ("He paused... Then" splits; "has been ... Kamala" does not).
 * 4. After a title (`Ms.`), or an abbreviation before a number (`Nov. 5`): never.
 * 5. After an initial (`J.`) or another abbreviation (`U.S.`, `Inc.`, `p.m.`): only before a
 *    sentence-starter word (`The`, `He`, ...) or an opening quote followed by a capital; as 2 when
 *    a closing quote follows the abbreviation (`"... in the U.S." Then`), not a bracket (`(U.S.) 4:11`).
 * 6. A blank line (or U+2029) inside a block always ends a sentence.
 */
import { C_LOWER, C_PUNCT, C_UPPER, classAt } from './chars.js';
import {
  R_ABBR_NUMBER, R_ABBR_OTHER, R_ABBR_TITLE, R_CLOSE, R_ELLIPSIS, R_OPEN, R_TERMINAL,
  type Lexicon, type TokenBuffer,
} from './tokens.js';
import type { Sentence } from './types.js';

/**
 * `,` `;` `:` `)` `]` `}` `%`: continue the sentence after a terminal mark (`"Go!", she said`).
 * Dashes do not: after a period a dash usually opens a credit line ("the bank said. -- Warsaw Newsroom").
 */
function continuesSentence(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x29 || c === 0x5d || c === 0x7d || c === 0x25;
}

/** Whether the gap between two tokens holds a blank line or a paragraph separator. */
function isParagraphBreak(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) {
      if (++newlines >= 2) return true;
    } else if (c === 0x2029) return true;
  }
  return false;
}

/**
 * Appends the sentences of the block whose tokens are `buf.tokens[from, to)`.
 * `end` is the block end (look-ahead never reads past it).
 */
export function splitSentences(
  text: string,
  buf: TokenBuffer,
  from: number,
  to: number,
  end: number,
  block: number,
  lex: Lexicon,
  out: Sentence[],
): void {
  const { tokens, roles } = buf;
  const emit = (a: number, b: number): void => {
    out.push({ start: tokens[a]!.start, end: tokens[b - 1]!.end, block, tokenStart: a, tokenEnd: b });
  };

  /** The kind of "next token starts a sentence" test after mark `k`, next token `n`. */
  const plainSplit = (n: number): boolean => {
    const t = tokens[n]!;
    const cls = classAt(text, t.start, end);
    if (cls === C_LOWER) return false;
    if (cls === C_PUNCT && continuesSentence(text.charCodeAt(t.start))) return false;
    return true;
  };
  const starterSplit = (n: number): boolean => {
    const t = tokens[n]!;
    if (t.kind === 'word' && lex.starters.has(text.slice(t.start, t.end))) return true;
    if (t.kind === 'quote' && roles[n] === R_OPEN) return classAt(text, t.end, end) === C_UPPER;
    return false;
  };

  let s = from;
  for (let k = from; k < to; k++) {
    const role = roles[k]!;
    let last = -1; // index of the last token of a sentence ending here
    if (role === R_TERMINAL || role === R_ELLIPSIS || (role >= R_ABBR_TITLE && role <= R_ABBR_OTHER)) {
      let m = k;
      let quoted = false; // a closing quote (not only a bracket) follows the mark
      while (m + 1 < to && roles[m + 1] === R_CLOSE && tokens[m + 1]!.start === tokens[m]!.end) {
        m++;
        if (tokens[m]!.kind === 'quote') quoted = true;
      }
      const closed = m > k;
      const n = m + 1;
      if (n < to) {
        let split: boolean;
        switch (role) {
          case R_TERMINAL:
            split = plainSplit(n);
            break;
          case R_ELLIPSIS: {
            const attached = k > s && tokens[k - 1]!.end === tokens[k]!.start;
            split = (attached || closed) && plainSplit(n);
            break;
          }
          case R_ABBR_TITLE:
          case R_ABBR_NUMBER:
            split = false;
            break;
          default: // R_ABBR_INITIAL, R_ABBR_OTHER
            // "... in the U.S." Then → split; "(U.S.) 4:11.06" → the bracket closes the abbreviation only
            split = quoted && role === R_ABBR_OTHER ? plainSplit(n) : starterSplit(n);
        }
        if (split) last = m;
      }
    }
    if (last < 0 && k + 1 < to && isParagraphBreak(text, tokens[k]!.end, tokens[k + 1]!.start)) last = k;
    if (last >= 0) {
      emit(s, last + 1);
      s = last + 1;
      k = last;
    }
  }
  if (s < to) emit(s, to);
}
