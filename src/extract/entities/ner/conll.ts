/**
 * CoNLL-2003 (IOB2) → plain-text articles, as ../shared/docs/data.md prescribes: each document's
 * sentences one per line, tokens joined by single spaces, every line ending with `\n`; a gold entity
 * is the character span from its first token's start to its last token's end. Articles go through the
 * product's own ingest and segmenter, so training and evaluation see the runtime's tokens.
 */
import { readFileSync } from 'node:fs';
import { buildArticle } from '../../../ingest/article.js';
import { readPlainText } from '../../../ingest/plain-text.js';
import type { Article } from '../../../model/schema.js';
import { createSegmenter } from '../../../text/index.js';
import type { TextLayer } from '../../../text/types.js';
import { ENTITY_TYPES, POS_B, POS_I, POS_L, POS_U, label } from './features.js';
import type { LabeledDoc } from './train.js';

export interface GoldEntity {
  start: number;
  end: number;
  /** Index into ENTITY_TYPES. */
  type: number;
}

/** A CoNLL token: its character span in the article text and its part-of-speech and chunk columns. */
export interface ConllToken {
  start: number;
  end: number;
  pos: string;
  chunk: string;
}

export interface ConllDoc {
  text: string;
  entities: GoldEntity[];
  tokens: ConllToken[];
}

// Clitics CoNLL writes as tokens of their own ("council 's", "does n't") that running text attaches.
const CLITIC = /^(?:'(?:s|re|ll|ve|m|d)|n't)$/i;

/**
 * Parses an IOB2 file (token POS chunk tag) into articles with gold character spans. By default the tokens
 * are joined by single spaces (../shared/docs/data.md's form for scoring NER); `attachClitics` writes "'s",
 * "n't" … against the word before, as running text has them, so that our tokenizer splits them as it does at
 * run time ("council's" → council + 's, where "council 's" would give ' + s).
 */
export function readConll(path: string, options: { attachClitics?: boolean } = {}): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let text = '';
  /** The line's text so far. */
  let line = '';
  let entities: GoldEntity[] = [];
  let tokens: ConllToken[] = [];
  let open: { start: number; end: number; type: number } | null = null;
  const flushEntity = (): void => {
    if (open) entities.push(open);
    open = null;
  };
  const flushLine = (): void => {
    flushEntity();
    if (line.length) text += line + '\n';
    line = '';
  };
  const flushDoc = (): void => {
    flushLine();
    if (text) docs.push({ text, entities, tokens });
    text = '';
    entities = [];
    tokens = [];
  };
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const row = raw.trim();
    if (!row) { flushLine(); continue; }
    const cols = row.split(' ');
    const word = cols[0] ?? '';
    const tag = cols[cols.length - 1] ?? 'O';
    if (word === '-DOCSTART-') { flushDoc(); continue; }
    const attach = options.attachClitics === true && line.length > 0 && CLITIC.test(word);
    if (line.length && !attach) line += ' ';
    const start = text.length + line.length;
    const end = start + word.length;
    line += word;
    tokens.push({ start, end, pos: cols[1] ?? '', chunk: cols[2] ?? '' });
    const type = ENTITY_TYPES.indexOf(tag.slice(2) as (typeof ENTITY_TYPES)[number]);
    if (tag === 'O' || type < 0) flushEntity();
    else if (tag.startsWith('B-') || !open || open.type !== type) {
      flushEntity();
      open = { start, end, type };
    } else open.end = end;
  }
  flushDoc();
  return docs;
}

/** The article the product would read from this text (plain-text ingest). */
export function conllArticle(text: string): Article {
  return buildArticle(readPlainText(text), { source: 'conll' }).article;
}

export interface AlignStats {
  entities: number;
  /** Entities whose edges fall inside a token of ours. */
  misaligned: number;
  /** Entities split across two of our sentences. */
  crossSentence: number;
}

/** Labels our tokens of a CoNLL article with BILOU from its gold spans. */
export function labelDoc(doc: ConllDoc, layer: TextLayer, stats: AlignStats): LabeledDoc {
  const { tokens, sentences } = layer;
  const labels = new Uint8Array(tokens.length);
  const sentenceOf = new Int32Array(tokens.length);
  sentences.forEach((s, k) => sentenceOf.fill(k, s.tokenStart, s.tokenEnd));
  let t = 0;
  for (const e of doc.entities) {
    stats.entities++;
    while (t < tokens.length && tokens[t]!.end <= e.start) t++;
    // Tokens inside the span.
    let first = -1, last = -1;
    for (let k = t; k < tokens.length && tokens[k]!.start < e.end; k++) {
      const tok = tokens[k]!;
      if (tok.end <= e.start) continue;
      if (tok.start < e.start || tok.end > e.end) { stats.misaligned++; first = -1; break; }
      if (first < 0) first = k;
      last = k;
    }
    if (first < 0) continue;
    if (sentenceOf[first] !== sentenceOf[last]) { stats.crossSentence++; continue; }
    if (first === last) labels[first] = label(e.type, POS_U);
    else {
      labels[first] = label(e.type, POS_B);
      for (let k = first + 1; k < last; k++) labels[k] = label(e.type, POS_I);
      labels[last] = label(e.type, POS_L);
    }
  }
  return { text: doc.text, tokens, sentences, labels };
}

/** Reads, segments and labels a CoNLL file. */
export function loadLabeled(path: string): { docs: ConllDoc[]; labeled: LabeledDoc[]; layers: TextLayer[]; articles: Article[]; stats: AlignStats } {
  const segment = createSegmenter();
  const docs = readConll(path);
  const stats: AlignStats = { entities: 0, misaligned: 0, crossSentence: 0 };
  const labeled: LabeledDoc[] = [];
  const layers: TextLayer[] = [];
  const articles: Article[] = [];
  for (const doc of docs) {
    const article = conllArticle(doc.text);
    const layer = segment(article);
    articles.push(article);
    layers.push(layer);
    labeled.push(labelDoc(doc, layer, stats));
  }
  return { docs, labeled, layers, articles, stats };
}
