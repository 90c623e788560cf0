/**
 * `createAttributionExtractor(options)`: who said what. A statistical tagger (averaged perceptron,
 * BIO over SOURCE / CUE / CONTENT, trained by train-attribution.ts on PolNeAR train,
 * models/attribution-polnear.bin.gz) labels each paragraph block; group.ts turns the spans into
 * attributions. The model is read once, on first use. Only paragraph blocks are read.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../config/paths.js';
import type { Article } from '../../model/schema.js';
import type { TextLayer } from '../../text/types.js';
import { createNerTagger, type NerMention } from '../entities/ner/index.js';
import { groupBlock, type AttributionFinding } from './group.js';
import { cachedModelLoader } from '../entities/ner/weights.js';
import { decodeAttributionModel, type AttributionModel } from './model.js';
import { AttributionDecoder, nerByToken, paragraphRanges, type BlockRange } from './tagger.js';

export type { AttributionFinding, AttributionRule, OffsetSpan } from './group.js';

export interface AttributionExtractorOptions {
  /** A model file written by `npm run train:attribution`; default models/attribution-polnear.bin.gz. */
  modelPath?: string;
  /** The NER model the attribution model was trained with (default: the bundled one). */
  nerModelPath?: string;
}

export const DEFAULT_ATTRIBUTION_MODEL = join(REPO_ROOT, 'models', 'attribution-polnear.bin.gz');


const loadModelFile = cachedModelLoader(decodeAttributionModel);

/** Reads (once per path and process) a model file. */
export function loadAttributionModel(path: string = DEFAULT_ATTRIBUTION_MODEL): AttributionModel {
  return loadModelFile(path);
}

/**
 * `nerMentions`: the NER tagger's mentions of this article/layer when the caller already ran it (the
 * pipeline shares one NER pass); they must cover at least the paragraph sentences. Omitted: the
 * extractor runs the NER tagger itself over the paragraph sentences.
 */
export type AttributionExtractor = (article: Pick<Article, 'text' | 'blocks' | 'links'>, layer: TextLayer, nerMentions?: readonly NerMention[]) => AttributionFinding[];

export function createAttributionExtractor(options: AttributionExtractorOptions = {}): AttributionExtractor {
  if (options.modelPath !== undefined && typeof options.modelPath !== 'string') {
    throw new TypeError(`createAttributionExtractor(options): modelPath must be a string, got ${typeof options.modelPath}`);
  }
  const path = options.modelPath ?? DEFAULT_ATTRIBUTION_MODEL;
  const ner = createNerTagger(options.nerModelPath === undefined ? {} : { modelPath: options.nerModelPath });
  let decoder: AttributionDecoder | null = null;
  return (article, layer, nerMentions) => {
    if (typeof article?.text !== 'string') throw new TypeError('attributionExtractor(article, layer): article.text must be a string');
    const ranges = paragraphRanges(article, layer);
    if (ranges.length === 0) return [];
    decoder ??= new AttributionDecoder(loadAttributionModel(path));
    let mentions = nerMentions;
    if (mentions === undefined) {
      const sentenceIndexes: number[] = [];
      for (const r of ranges) for (let k = r.sentenceStart; k < r.sentenceEnd; k++) sentenceIndexes.push(k);
      mentions = ner(article.text, layer, sentenceIndexes);
    }
    const nerTypes = nerByToken(mentions, layer.tokens.length);
    return attributionsOf(decoder, article.text, layer, ranges, nerTypes);
  };
}

/** Tags the ranges and groups each block's spans (shared by the extractor, training checks and evaluation). */
export function attributionsOf(decoder: AttributionDecoder, text: string, layer: TextLayer, ranges: readonly BlockRange[], ner: Uint8Array | null): AttributionFinding[] {
  return decoder.tagArticle(text, layer, ranges, ner).flatMap((spans, k) => groupBlock(text, layer, decoder.buf, spans, ranges[k]));
}
