/**
 * The entity extractor: NER proposals, rule-based mentions (honorifics, alias tables, groups,
 * descriptions, speaker pronouns), roles and affiliations. Resolution into entities is the
 * resolve stage's job (src/resolve/entities.ts).
 */
import type { Article } from '../../model/schema.js';
import type { TextLayer } from '../../text/types.js';
import { createGazetteer } from './gazetteer.js';
import { createMentionFinder } from './mentions.js';
import { createNerTagger, type NerMention, type NerTaggerOptions } from './ner/index.js';
import { createRoleFinder, possessiveAffiliations } from './roles.js';
import type { Mention, RoleFinding } from './types.js';

export interface EntityFindings {
  mentions: Mention[];
  /** The block of each sentence (by sentence index): resolution looks back by paragraphs as well as sentences. */
  sentenceBlocks: number[];
  roles: RoleFinding[];
  possessives: { mention: number; affiliation: number }[];
}

/** The sentences in paragraph blocks: only prose is read (headings, captions, credits and boilerplate give nothing). */
export function proseSentences(article: Pick<Article, 'blocks'>, layer: TextLayer): number[] {
  return layer.sentences.flatMap((s, i) => ((article.blocks[s.block]?.kind ?? 'paragraph') === 'paragraph' ? [i] : []));
}

export interface EntityExtractorOptions {
  ner?: NerTaggerOptions;
}

export function createEntityExtractor(options: EntityExtractorOptions = {}) {
  const tag = createNerTagger(options.ner);
  const findMentions = createMentionFinder();
  const findRoles = createRoleFinder();
  /** `tagged`: the NER tagger's mentions when the caller already ran it (the extract stage shares one pass). */
  return (article: Pick<Article, 'text' | 'blocks' | 'links'>, layer: TextLayer, tagged: readonly NerMention[] = tag(article.text, layer, proseSentences(article, layer))): EntityFindings => {
    const { mentions, view } = findMentions(article, layer, tagged);
    return { mentions, sentenceBlocks: layer.sentences.map((s) => s.block), roles: findRoles(view, mentions), possessives: possessiveAffiliations(view, mentions) };
  };
}

export { createGazetteer };
export type { Mention, RoleFinding };
