import type { Story } from '../model/schema.js';
import { spanHighlight, type Highlight } from './highlights.js';

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
