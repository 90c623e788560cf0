/**
 * `createSegmenter(options)`: the text layer's stage factory. The lexicons are compiled once in the
 * factory; the returned function tokenizes and splits one article, block by block, so no sentence
 * ever crosses a block boundary.
 */
import type { Article } from '../model/schema.js';
import {
  BEFORE_NUMBER_ABBREVIATIONS, OTHER_ABBREVIATIONS, SENTENCE_STARTERS, TITLE_ABBREVIATIONS,
  type AbbreviationCategory,
} from './abbreviations.js';
import { findLinks } from './links.js';
import { splitSentences } from './sentences.js';
import { tokenizeRange, type Lexicon, type TokenBuffer } from './tokens.js';
import type { SegmenterOptions, Sentence, TextLayer } from './types.js';

export type Segment = (article: Pick<Article, 'text' | 'blocks'>) => TextLayer;

function checkList(name: string, value: unknown): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) {
    throw new TypeError(`createSegmenter(options): ${name} must be an array of non-empty strings, got ${JSON.stringify(value)}`);
  }
  return value as readonly string[];
}

/** Builds the lexicon: built-in entries, then the options' (a later entry overrides an earlier one's category). */
export function compileLexicon(options: SegmenterOptions = {}): Lexicon {
  const abbreviations = new Map<string, AbbreviationCategory>();
  const add = (words: readonly string[], category: AbbreviationCategory): void => {
    for (const w of words) abbreviations.set(w.endsWith('.') ? w.slice(0, -1) : w, category);
  };
  add(OTHER_ABBREVIATIONS, 'other');
  add(BEFORE_NUMBER_ABBREVIATIONS, 'beforeNumber');
  add(TITLE_ABBREVIATIONS, 'title');
  const extra = options.abbreviations ?? {};
  add(checkList('abbreviations.other', extra.other), 'other');
  add(checkList('abbreviations.beforeNumber', extra.beforeNumber), 'beforeNumber');
  add(checkList('abbreviations.title', extra.title), 'title');
  const starters = new Set<string>([...SENTENCE_STARTERS, ...checkList('starters', options.starters)]);
  return { abbreviations, starters };
}

function clampOffset(x: unknown, length: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) return 0;
  return Math.max(0, Math.min(length, Math.floor(x)));
}

/** Returns a function that segments an article into tokens and sentences. */
export function createSegmenter(options: SegmenterOptions = {}): Segment {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`createSegmenter(options): expected an object, got ${String(options)}`);
  }
  const lex = compileLexicon(options);
  return (article) => {
    const text = article?.text;
    if (typeof text !== 'string') {
      throw new TypeError(`segment(article): expected article.text to be a string, got ${typeof text}`);
    }
    const blocks = Array.isArray(article.blocks) && article.blocks.length > 0
      ? article.blocks
      : [{ start: 0, end: text.length }];
    // Blocks in text order; an overlapping block is cut to start where the previous one ended,
    // so tokens stay sorted and each belongs to one block.
    const order = blocks.map((_, i) => i);
    order.sort((a, b) => clampOffset(blocks[a]!.start, text.length) - clampOffset(blocks[b]!.start, text.length) || a - b);
    const links = findLinks(text);
    const buf: TokenBuffer = { tokens: [], roles: [] };
    const sentences: Sentence[] = [];
    let cursor = 0;
    for (const b of order) {
      const start = Math.max(cursor, clampOffset(blocks[b]!.start, text.length));
      const end = clampOffset(blocks[b]!.end, text.length);
      if (end <= start) continue;
      cursor = end;
      const from = buf.tokens.length;
      tokenizeRange(text, start, end, links, lex, buf);
      splitSentences(text, buf, from, buf.tokens.length, end, b, lex, sentences);
    }
    return { sentences, tokens: buf.tokens };
  };
}
