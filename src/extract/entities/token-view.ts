import type { Article } from '../../model/schema.js';
import type { TextLayer } from '../../text/types.js';

/** Curly apostrophes and quotes folded to ASCII so lexicons match "Labour’s" and "Labour's" alike. */
const CURLY = /[’‘`´“”«»„]/;
export function foldQuotes(s: string): string {
  // Most tokens have none: test first, so the common case allocates nothing.
  return CURLY.test(s) ? s.replace(/[’‘`´]/g, "'").replace(/[“”«»„]/g, '"') : s;
}

/**
 * Per-token lookups shared by the entity rules: token text, lower-case folded form, sentence,
 * and whether the token lies in prose (a paragraph block) — headings and credits give no entities.
 */
export interface TokenView {
  text: string;
  layer: TextLayer;
  count: number;
  word(i: number): string;
  lower(i: number): string;
  sentenceOf(i: number): number;
  inProse(i: number): boolean;
  isCapitalized(i: number): boolean;
  /** First token index whose start is ≥ offset. */
  tokenAt(offset: number): number;
}

const CAPITALIZED = /^\p{Lu}/u;

/** Upper-case initial, with an ASCII fast path: this runs for every token of every article. */
function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITALIZED.test(w);
}

export function createTokenView(article: Pick<Article, 'text' | 'blocks'>, layer: TextLayer): TokenView {
  const { text } = article;
  const n = layer.tokens.length;
  const words = new Array<string>(n);
  const lowers = new Array<string>(n);
  const sentence = new Int32Array(n).fill(-1);
  const prose = new Uint8Array(n);
  const capitalized = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = layer.tokens[i]!;
    const w = foldQuotes(text.slice(t.start, t.end));
    words[i] = w;
    lowers[i] = w.toLowerCase();
    capitalized[i] = startsUpper(w) ? 1 : 0;
  }
  layer.sentences.forEach((s, si) => {
    const blockKind = article.blocks[s.block]?.kind ?? 'paragraph';
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      sentence[i] = si;
      prose[i] = blockKind === 'paragraph' ? 1 : 0;
    }
  });
  return {
    text,
    layer,
    count: n,
    word: (i) => words[i] ?? '',
    lower: (i) => lowers[i] ?? '',
    sentenceOf: (i) => sentence[i] ?? -1,
    inProse: (i) => prose[i] === 1,
    isCapitalized: (i) => capitalized[i] === 1,
    tokenAt(offset) {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (layer.tokens[mid]!.start < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
