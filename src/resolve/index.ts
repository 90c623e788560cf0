import type { Article, Attribution } from '../model/schema.js';
import { resolveAttributions } from './attributions.js';
import { createGazetteer } from '../extract/entities/gazetteer.js';
import type { Extraction } from '../extract/index.js';
import { createEntityResolver, type ResolvedEntity } from './entities.js';

export interface Resolution {
  entities: ResolvedEntity[];
  attributions: Attribution[];
}

/** The resolve stage: mentions → entities within one article (coreference, names, roles, affiliations); attributions → records with speakers. */
export function createResolver() {
  const resolveEntities = createEntityResolver(createGazetteer());
  return (article: Article, extraction: Extraction): Resolution => {
    const { mentions, roles, possessives, sentenceBlocks } = extraction.entities;
    const entities = resolveEntities(article.text, mentions, roles, possessives, sentenceBlocks);
    return { entities, attributions: resolveAttributions(article.text, extraction.attributions, entities) };
  };
}

export type { ResolvedEntity };
