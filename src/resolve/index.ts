import type { Article, Attribution, DateMention } from '../model/schema.js';
import { resolveAttributions } from './attributions.js';
import { resolveDates } from './dates.js';
import { createGazetteer } from '../extract/entities/gazetteer.js';
import type { Extraction } from '../extract/index.js';
import { createEntityResolver, type ResolvedEntity } from './entities.js';

export interface Resolution {
  entities: ResolvedEntity[];
  attributions: Attribution[];
  dates: DateMention[];
}

/** The resolve stage: mentions → entities within one article (coreference, names, roles, affiliations); attributions → records with speakers; dates → records with the entities of their events. */
export function createResolver() {
  const resolveEntities = createEntityResolver(createGazetteer());
  return (article: Article, extraction: Extraction): Resolution => {
    const { mentions, roles, possessives, sentenceBlocks } = extraction.entities;
    const entities = resolveEntities(article.text, mentions, roles, possessives, sentenceBlocks);
    return { entities, attributions: resolveAttributions(article.text, extraction.attributions, entities), dates: resolveDates(article.text, extraction.dates, entities) };
  };
}

export type { ResolvedEntity };
