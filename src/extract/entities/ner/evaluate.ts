/** Scores a decoder on labelled CoNLL articles (exact span and type, PER/ORG/LOC). */
import type { Article } from '../../../model/schema.js';
import type { TextLayer } from '../../../text/types.js';
import type { ConllDoc } from './conll.js';
import { Decoder } from './decode.js';
import { addMatches, micro, newCounts, type Counts, type Scored } from './metrics.js';
import type { NerModel } from './model.js';

export interface Evaluation {
  perType: Counts[];
  overall: Scored;
  /** Wall time of tagging alone, in ms. */
  ms: number;
  sentences: number;
}

export function evaluateModel(model: NerModel, docs: readonly ConllDoc[], layers: readonly TextLayer[], articles: readonly Article[]): Evaluation {
  const decoder = new Decoder(model);
  const perType = newCounts();
  let ms = 0;
  let sentences = 0;
  docs.forEach((doc, k) => {
    const layer = layers[k]!;
    const t0 = performance.now();
    const spans = decoder.tagArticle(articles[k]!.text, layer.tokens, layer.sentences);
    ms += performance.now() - t0;
    sentences += layer.sentences.length;
    const predicted = spans.map((s) => ({ start: layer.tokens[s.tokenStart]!.start, end: layer.tokens[s.tokenEnd - 1]!.end, type: s.type }));
    addMatches(perType, doc.entities, predicted);
  });
  return { perType, overall: micro(perType), ms, sentences };
}
