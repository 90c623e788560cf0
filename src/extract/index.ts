import type { Article, Attribution, DateMention, Message } from '../model/schema.js';
import type { TextLayer } from '../text/types.js';
import { createEntityExtractor, type EntityExtractorOptions, type EntityFindings } from './entities/index.js';

/** What the extract stage finds in one article; every item carries offsets into `article.text`. */
export interface Extraction {
  entities: EntityFindings;
  attributions: Attribution[];
  dates: DateMention[];
  messages: Message[];
}

export interface ExtractorOptions {
  entities?: EntityExtractorOptions;
}

/**
 * The extract stage: `createExtractor(options)` compiles lexicons and loads models once; the
 * returned function works per article on its text layer. Attributions and dates are filled in
 * by their own extractors (issues 4–5); until then those lists are empty, as the contract allows.
 */
export function createExtractor(options: ExtractorOptions = {}): (article: Article, layer: TextLayer) => Extraction {
  const findEntities = createEntityExtractor(options.entities);
  return (article, layer) => ({ entities: findEntities(article, layer), attributions: [], dates: [], messages: [] });
}
