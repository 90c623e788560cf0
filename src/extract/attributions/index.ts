/**
 * `createAttributionExtractor(options)`: who said what. A two-stage statistical tagger (averaged
 * perceptrons trained by train-attribution.ts on PolNeAR train, models/attribution-polnear.bin.gz) finds
 * the cues of each paragraph block, then each cue's source and content; group.ts turns them into
 * attributions. The model is read once, on first use. Only paragraph blocks are read.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../config/paths.js';
import type { Article } from '../../model/schema.js';
import type { TextLayer } from '../../text/types.js';
import { createNerTagger, type NerMention } from '../entities/ner/index.js';
import { createPosTagger } from '../pos/tagger.js';
import { readArticle } from '../entities/ner/features.js';
import type { TokenEvidence } from './features.js';
import { BlockAssembler, type AttributionFinding } from './group.js';
import { cachedModelLoader } from '../entities/ner/weights.js';
import { decodeAttributionModel, type AttributionModel } from './model.js';
import { AttributionDecoder, nerByToken, paragraphRanges, type BlockRange, type RoleSpan } from './tagger.js';

export type { AttributionFinding, AttributionRule, OffsetSpan } from './group.js';

export interface AttributionExtractorOptions {
  /** A model file written by `npm run train:attribution`; default models/attribution-polnear.bin.gz. */
  modelPath?: string;
  /** The NER model the attribution model was trained with (default: the bundled one). */
  nerModelPath?: string;
  /** The part-of-speech model the attribution model was trained with (default: the bundled one). */
  posModelPath?: string;
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
  const pos = createPosTagger(options.posModelPath === undefined ? {} : { modelPath: options.posModelPath });
  let decoder: AttributionDecoder | null = null;
  return (article, layer, nerMentions) => {
    if (typeof article?.text !== 'string') throw new TypeError('attributionExtractor(article, layer): article.text must be a string');
    const ranges = paragraphRanges(article, layer);
    if (ranges.length === 0) return [];
    decoder ??= new AttributionDecoder(loadAttributionModel(path));
    const sentences: number[] = [];
    for (const r of ranges) for (let k = r.sentenceStart; k < r.sentenceEnd; k++) sentences.push(k);
    const nerTypes = nerByToken(nerMentions ?? ner(article.text, layer, sentences), layer.tokens.length);
    // One read of the tokens' hashes serves the part-of-speech tagger and the attribution tagger.
    readArticle(article.text, layer.tokens, decoder.buf.words);
    const tags = pos(article.text, layer, sentences, decoder.buf.words);
    return attributionsOf(decoder, article.text, layer, ranges, { ner: nerTypes, pos: tags }, undefined, true);
  };
}

/** Tags the ranges and assembles each block's attributions (shared by the extractor, training checks and evaluation). */
export function attributionsOf(decoder: AttributionDecoder, text: string, layer: TextLayer, ranges: readonly BlockRange[], evidence: TokenEvidence, givenCues?: (range: BlockRange) => RoleSpan[], wordsRead = false): AttributionFinding[] {
  const assembler = new BlockAssembler(text, layer, decoder.buf);
  return decoder.tagArticle(text, layer, ranges, evidence, givenCues, wordsRead).flatMap((tagged, k) => assembler.block(ranges[k]!, tagged));
}
