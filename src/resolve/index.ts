import type { Article } from '../model/schema.js';
import { createGazetteer } from '../extract/entities/gazetteer.js';
import type { Extraction } from '../extract/index.js';
import { createEntityResolver, type ResolvedEntity } from './entities.js';

export interface Resolution {
  entities: ResolvedEntity[];
}

/** The resolve stage: mentions → entities within one article (coreference, names, roles, affiliations). */
export function createResolver() {
  const resolveEntities = createEntityResolver(createGazetteer());
  return (article: Article, extraction: Extraction): Resolution => {
    const { mentions, roles, possessives, sentenceBlocks } = extraction.entities;
    return { entities: resolveEntities(article.text, mentions, roles, possessives, sentenceBlocks) };
  };
}

export type { ResolvedEntity };
