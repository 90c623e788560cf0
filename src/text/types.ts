/**
 * Types of the text layer: tokens and sentences as half-open UTF-16 offsets into `article.text`.
 * `article.text.slice(token.start, token.end)` is the token; the same holds for sentences.
 */

/** What a token is; the discriminant later stages switch on. */
export type TokenKind = 'word' | 'number' | 'punct' | 'quote' | 'symbol' | 'url' | 'email';

/** One token: offsets into `article.text`, end exclusive. Clitics (`'s`, `n't`) are tokens of kind `word`. */
export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
}

/**
 * One sentence: offsets into `article.text` (trimmed of surrounding whitespace), the index of the
 * block it lies in (into `article.blocks`, or 0 when the article has no blocks), and its tokens
 * `tokens[tokenStart .. tokenEnd)`.
 */
export interface Sentence {
  start: number;
  end: number;
  block: number;
  tokenStart: number;
  tokenEnd: number;
}

export interface TextLayer {
  sentences: Sentence[];
  tokens: Token[];
}

/** Extra lexicon entries, added to the built-in English ones (see abbreviations.ts). */
export interface SegmenterOptions {
  /** Abbreviations (without the final period) by how they behave before the next word. */
  abbreviations?: {
    /** Precede a name and never end a sentence, e.g. `Gov` in "Gov. Newsom". */
    title?: readonly string[];
    /** Take their period only before a number, e.g. `Nov` in "Nov. 5" (so `"No." Then` still splits). */
    beforeNumber?: readonly string[];
    /** May end a sentence, e.g. `Inc`: split after them only before a sentence-starter word. */
    other?: readonly string[];
  };
  /** Capitalised words that start a sentence after an ambiguous abbreviation, e.g. `The` in "the U.S. The". */
  starters?: readonly string[];
}
