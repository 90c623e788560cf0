import type { Article, Attribution, DateMention, Entity, Message } from '../model/schema.js';
import type { TextLayer } from '../text/types.js';

/** What the extract stage finds in one article; every item carries Spans into `article.text`. */
export interface Extraction {
  entities: Entity[];
  attributions: Attribution[];
  dates: DateMention[];
  messages: Message[];
}

export interface ExtractorOptions {
  /** Reserved for the entity, attribution and date extractors as they land. */
  readonly locale?: 'en';
}

/**
 * The extract stage: `createExtractor(options)` compiles lexicons once; the returned function
 * works per article on its text layer. Entities, attributions and dates are filled in by their
 * own extractors (issues 3–5); until then the lists are empty, as the contract allows.
 */
export function createExtractor(_options: ExtractorOptions = {}): (article: Article, layer: TextLayer) => Extraction {
  return (_article, _layer) => ({ entities: [], attributions: [], dates: [], messages: [] });
}
