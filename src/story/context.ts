/**
 * What every cross-outlet section of the story reads: the articles in story order, their paragraphs, and the map
 * from an article's entity ids to the story's (entities merged across outlets).
 */
import type { Attribution, ExtractRecord } from '../model/schema.js';
import { createSegmenter } from '../text/index.js';
import type { StoryEntity } from './entities.js';

export interface StoryContext {
  records: readonly ExtractRecord[];
  entities: readonly StoryEntity[];
  /** The story entity id of article `article`'s entity `id`, or null. */
  storyId(article: number, id: string | null | undefined): string | null;
  /** The story entity ids an attribution gives its words to: its speaker and, when ambiguous, the alternatives. */
  speakersOf(article: number, a: Attribution): string[];
  /** Story entity ids linked to `id` by affiliation in any article (the campaign and its candidate, the lawyer and the campaign). */
  related(id: string): ReadonlySet<string>;
  /** The paragraph blocks of an article, as ranges of its text. */
  paragraphs(article: number): Array<{ start: number; end: number }>;
  /** The sentences of an article's paragraphs (the text layer, computed once per article). */
  sentences(article: number): Array<{ start: number; end: number }>;
}

export function storyContext(records: readonly ExtractRecord[], entities: readonly StoryEntity[]): StoryContext {
  const byRef = new Map<string, string>();
  for (const s of entities) for (const ref of s.in) byRef.set(`${ref.article}:${ref.entity}`, s.id);
  const storyId = (article: number, id: string | null | undefined): string | null => (id ? byRef.get(`${article}:${id}`) ?? null : null);
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (a === b) return;
    (links.get(a) ?? links.set(a, new Set()).get(a)!).add(b);
    (links.get(b) ?? links.set(b, new Set()).get(b)!).add(a);
  };
  records.forEach((r, k) => {
    for (const e of r.entities) {
      const self = storyId(k, e.id);
      for (const aff of e.affiliations) {
        const other = storyId(k, aff);
        if (self && other) link(self, other);
      }
    }
  });
  const segment = createSegmenter();
  const sentenceCache = new Map<number, Array<{ start: number; end: number }>>();
  const paragraphs = (article: number): Array<{ start: number; end: number }> => records[article]!.article.blocks.filter((b) => b.kind === 'paragraph').map((b) => ({ start: b.start, end: b.end }));
  return {
    records,
    entities,
    storyId,
    speakersOf: (article, a) => [...new Set([a.speaker, ...(a.alternatives ?? [])].map((id) => storyId(article, id)).filter((x): x is string => x !== null))],
    related: (id) => links.get(id) ?? new Set(),
    paragraphs,
    sentences: (article) => {
      let list = sentenceCache.get(article);
      if (!list) {
        const { article: a } = records[article]!;
        const layer = segment({ text: a.text, blocks: a.blocks });
        list = layer.sentences.filter((st) => a.blocks[st.block]?.kind === 'paragraph').map((st) => ({ start: st.start, end: st.end }));
        sentenceCache.set(article, list);
      }
      return list;
    },
  };
}
