import type { Article, Message } from '../model/schema.js';
import type { TextLayer } from '../text/types.js';
import { createAttributionExtractor, type AttributionFinding } from './attributions/index.js';
import { createDateExtractor, type DateFinding } from './dates/index.js';
import { createEntityExtractor, proseSentences, type EntityExtractorOptions, type EntityFindings } from './entities/index.js';
import { createNerTagger } from './entities/ner/index.js';

/** What the extract stage finds in one article; every item carries offsets into `article.text`. */
export interface Extraction {
  entities: EntityFindings;
  attributions: AttributionFinding[];
  dates: DateFinding[];
  messages: Message[];
}

export interface ExtractorOptions {
  entities?: EntityExtractorOptions;
  /** Run the attribution extractor (default true); false gives entities only, faster. */
  attributions?: boolean;
  /** Run the date extractor (default true). */
  dates?: boolean;
  /** Adds each extractor's time (ms) under its name (ner, entities, attributions, dates): where extraction spends its time. */
  timings?: Map<string, number>;
}

/**
 * The extract stage: `createExtractor(options)` compiles lexicons and loads models once; the
 * returned function works per article on its text layer. One NER pass feeds both the entity rules
 * and the attribution tagger; dates are read against the article's publication date.
 */
export function createExtractor(options: ExtractorOptions = {}): (article: Article, layer: TextLayer) => Extraction {
  const tag = createNerTagger(options.entities?.ner);
  const findEntities = createEntityExtractor(options.entities);
  const findAttributions = options.attributions === false ? null : createAttributionExtractor();
  const findDates = options.dates === false ? null : createDateExtractor();
  const timings = options.timings;
  const timed = <T>(name: string, work: () => T): T => {
    if (!timings) return work();
    const start = performance.now();
    const result = work();
    timings.set(name, (timings.get(name) ?? 0) + performance.now() - start);
    return result;
  };
  return (article, layer) => {
    const tagged = timed('ner', () => tag(article.text, layer, proseSentences(article, layer)));
    return {
      entities: timed('entities', () => findEntities(article, layer, tagged)),
      attributions: findAttributions ? timed('attributions', () => findAttributions(article, layer, tagged)) : [],
      dates: findDates ? timed('dates', () => findDates(article, layer)) : [],
      messages: [],
    };
  };
}
