/**
 * `createNerTagger(options)`: the named-entity tagger's factory. The model (trained by train-ner.ts on
 * CoNLL-2003 train, models/ner-conll2003.bin.gz) is read once, on first use; the returned function tags
 * an article's sentences with the text layer's tokens and gives mentions with exact offsets.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../../config/paths.js';
import { PERSON_TITLE_ABBREVIATIONS } from '../../../lexicon/titles.js';
import type { TextLayer, Token } from '../../../text/types.js';
import { Decoder } from './decode.js';
import { decodeModel, type NerModel } from './model.js';
import { cachedModelLoader } from './weights.js';

export type NerType = 'person' | 'organization' | 'place' | 'other';

/** Product types by model type index (ENTITY_TYPES: PER, ORG, LOC, MISC). */
export const NER_TYPES: readonly NerType[] = ['person', 'organization', 'place', 'other'];

export interface NerMention {
  /** Offsets into the text: `text.slice(start, end)` is the mention. */
  start: number;
  end: number;
  type: NerType;
  /** Token range [tokenStart, tokenEnd) into `layer.tokens`. */
  tokenStart: number;
  tokenEnd: number;
  rule: 'ner/perceptron';
}

export interface NerTaggerOptions {
  /** A model file written by `npm run train:ner`; default models/ner-conll2003.bin.gz in the repository. */
  modelPath?: string;
}

export const DEFAULT_NER_MODEL = join(REPO_ROOT, 'models', 'ner-conll2003.bin.gz');


/**
 * Titles left out of a person's mention, as CoNLL does ("Mr Smith" → "Smith"); Reuters writes them
 * without a period, so the model rarely sees "Ms." and sometimes takes it in. Mt/Ft start place names.
 */
const PERSON_TITLES: ReadonlySet<string> = new Set(PERSON_TITLE_ABBREVIATIONS);

/** The first token of a person mention after any leading titles ("Ms." "Dr"), keeping at least one token. */
function skipTitles(text: string, tokens: readonly Token[], from: number, to: number): number {
  while (to - from > 1) {
    const t = tokens[from]!;
    const word = text.slice(t.start, text.charCodeAt(t.end - 1) === 46 ? t.end - 1 : t.end);
    if (!PERSON_TITLES.has(word)) break;
    from++;
  }
  return from;
}

const loadModelFile = cachedModelLoader(decodeModel);

/** Reads (once per path and process) a model file. */
export function loadNerModel(path: string = DEFAULT_NER_MODEL): NerModel {
  return loadModelFile(path);
}

export type NerTagger = (text: string, layer: TextLayer, sentenceIndexes?: readonly number[]) => NerMention[];

export function createNerTagger(options: NerTaggerOptions = {}): NerTagger {
  if (options.modelPath !== undefined && typeof options.modelPath !== 'string') {
    throw new TypeError(`createNerTagger(options): modelPath must be a string, got ${typeof options.modelPath}`);
  }
  const path = options.modelPath ?? DEFAULT_NER_MODEL;
  let decoder: Decoder | null = null;
  return (text, layer, sentenceIndexes) => {
    if (typeof text !== 'string') throw new TypeError(`nerTagger(text, layer): expected a string, got ${typeof text}`);
    decoder ??= new Decoder(loadNerModel(path));
    const { tokens, sentences } = layer;
    return decoder.tagArticle(text, tokens, sentences, sentenceIndexes).map((span) => {
      const type = NER_TYPES[span.type]!;
      const first = type === 'person' ? skipTitles(text, tokens, span.tokenStart, span.tokenEnd) : span.tokenStart;
      return {
        start: tokens[first]!.start,
        end: tokens[span.tokenEnd - 1]!.end,
        type,
        tokenStart: first,
        tokenEnd: span.tokenEnd,
        rule: 'ner/perceptron' as const,
      };
    });
  };
}
