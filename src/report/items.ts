import type { Story } from '../model/schema.js';
import { createSegmenter } from '../text/index.js';
import { spanHighlight, type Highlight } from './highlights.js';

/** Built on first use: importing the report should not compile the text layer's lexicons. */
let segmentSentences: ReturnType<typeof createSegmenter> | null = null;

type StoryArticle = Story['articles'][number];

/** Every extracted item of an article as marks on its text (entity mentions, quotes, cues, sources, dates). */
export function articleHighlights(entry: StoryArticle): Highlight[] {
  const out: Highlight[] = [];
  for (const entity of entry.entities) {
    for (const m of entity.mentions) out.push(spanHighlight(m, 'entity', entity.id, `${entity.name} (${entity.type})`));
  }
  for (const a of entry.attributions) {
    const speaker = entry.entities.find((e) => e.id === a.speaker)?.name ?? a.source?.text ?? 'unknown source';
    for (const c of a.content) out.push(spanHighlight(c, 'quote', a.id, `${a.kind} attribution to ${speaker}`));
    if (a.cue) out.push(spanHighlight(a.cue, 'cue', a.id, `cue of ${a.id}`));
    if (a.source) out.push(spanHighlight(a.source, 'source', a.id, `source of ${a.id}`));
  }
  for (const [i, d] of entry.dates.entries()) {
    out.push(spanHighlight(d.span, 'date', `d${i + 1}`, d.value ? `${d.value} (${d.grain ?? 'date'})` : 'unresolved date'));
  }
  return out;
}

/** A short label for the article: outlet, else the input name. */
export function articleLabel(entry: StoryArticle): string {
  return entry.article.source ?? entry.input;
}

export function countItems(entry: StoryArticle): { entities: number; attributions: number; dates: number } {
  return { entities: entry.entities.length, attributions: entry.attributions.length, dates: entry.dates.length };
}

/** Longest headline shown before cutting at a word boundary. */
const DEFAULT_HEADLINE_MAX_LENGTH = 140;

/**
 * The report's headline: the first article title, else the opening sentence of the earliest
 * article's first paragraph — the article's own words, never invented ones.
 */
export function storyHeadline(story: Story): string {
  if (story.title) return story.title;
  const first = story.articles[0];
  const lead = first?.article.blocks.find((b) => b.kind === 'paragraph');
  if (!first || !lead) return `Story ${story.id}`;
  // Only the lead paragraph is segmented: the headline needs its first sentence, not the whole article's.
  segmentSentences ??= createSegmenter();
  const opening = segmentSentences({ text: first.article.text, blocks: [lead] }).sentences[0];
  const sentence = first.article.text.slice(opening?.start ?? lead.start, opening?.end ?? lead.end).replace(/\s+/g, ' ');
  if (sentence.length <= DEFAULT_HEADLINE_MAX_LENGTH) return sentence;
  return `${sentence.slice(0, DEFAULT_HEADLINE_MAX_LENGTH).replace(/\s+\S*$/, '')} …`;
}
