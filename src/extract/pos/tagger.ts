/**
 * `createPosTagger(options)`: part-of-speech tags (tags.ts) for the tokens of a text layer, read left to
 * right one sentence at a time, each token's tag the best under the averaged-perceptron weights given the
 * two tags before it (greedy: as accurate as Viterbi for tagging, and several times faster); words the
 * training data always tags alike take their tag from the model's dictionary. The model
 * (models/pos-conll2003.bin.gz, trained here by `npm run train:pos`) is read once, on first use.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../config/paths.js';
import type { TextLayer } from '../../text/types.js';
import { ArticleBuffer, readArticle } from '../entities/ner/features.js';
import { addRows, cachedModelLoader } from '../entities/ner/weights.js';
import { MAX_POS_FEATURES, posFeatures } from './features.js';
import { decodePosModel, type PosModel } from './model.js';
import { NUM_POS } from './tags.js';

export const DEFAULT_POS_MODEL = join(REPO_ROOT, 'models', 'pos-conll2003.bin.gz');

const loadModelFile = cachedModelLoader(decodePosModel);

export interface PosTaggerOptions {
  /** A model file written by `npm run train:pos`; default models/pos-conll2003.bin.gz. */
  modelPath?: string;
}

/**
 * Tags of every token of the layer (indexes into POS_TAGS); `sentences` limits the work to those sentence
 * indexes; `read`: a buffer the caller already read this layer's tokens into (../entities/ner/features.ts readArticle).
 */
export type PosTagger = (text: string, layer: TextLayer, sentences?: readonly number[], read?: ArticleBuffer) => Uint8Array;

/** Tags the tokens [from, to) of one sentence greedily into `tags` (shared with training's held-out check). */
export function tagSentence(table: PosModel, buf: ArticleBuffer, from: number, to: number, tags: Uint8Array, feats: Int32Array, scores: Int32Array): void {
  const mask = (1 << table.bits) - 1;
  const dictionary = table.dictionary, word = buf.word;
  let prev1 = -1, prev2 = -1;
  for (let i = from; i < to; i++) {
    const known = dictionary.get(word[i]!, -1);
    if (known >= 0) {
      tags[i] = known;
      prev2 = prev1;
      prev1 = known;
      continue;
    }
    const n = posFeatures(buf, i, from, to, prev1, prev2, mask, feats, 0);
    scores.fill(0);
    addRows(table, feats, 0, n, scores, 0);
    let best = 0;
    for (let l = 1; l < NUM_POS; l++) if (scores[l]! > scores[best]!) best = l;
    tags[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
}

export function createPosTagger(options: PosTaggerOptions = {}): PosTagger {
  const path = options.modelPath ?? DEFAULT_POS_MODEL;
  const buf = new ArticleBuffer();
  const feats = new Int32Array(MAX_POS_FEATURES);
  const scores = new Int32Array(NUM_POS);
  return (text, layer, sentences, read) => {
    const table = loadModelFile(path);
    const tags = new Uint8Array(layer.tokens.length);
    const words = read ?? buf;
    if (!read) readArticle(text, layer.tokens, buf);
    const tagOne = (k: number): void => {
      const s = layer.sentences[k]!;
      tagSentence(table, words, s.tokenStart, s.tokenEnd, tags, feats, scores);
    };
    if (sentences) for (const k of sentences) tagOne(k);
    else for (let k = 0; k < layer.sentences.length; k++) tagOne(k);
    return tags;
  };
}
