/** Lookups over a Story shared by the story page's sections: names of entities and outlets, ids across articles. */
import type { Span, Story, StoryEntity } from './types';

export interface StoryIndex {
  story: Story;
  entity: Map<string, StoryEntity>;
  /** Per article index: the article's own entity id → the story entity id. */
  toStory: Array<Map<string, string>>;
  fact: Map<string, Story['coverage']['facts'][number]>;
}

export function indexStory(story: Story): StoryIndex {
  const entity = new Map(story.entities.map((e) => [e.id, e]));
  const toStory = story.articles.map(() => new Map<string, string>());
  for (const e of story.entities) for (const i of e.in) toStory[i.article]?.set(i.entity, e.id);
  const fact = new Map(story.coverage.facts.map((f) => [f.id, f]));
  return { story, entity, toStory, fact };
}

export function entityName(ix: StoryIndex, id: string | null | undefined): string {
  if (!id) return 'unknown';
  return ix.entity.get(id)?.name ?? id;
}

/** "CNBC", or the article's title or id when the outlet is not known. */
export function outletName(story: Story, article: number): string {
  const a = story.articles[article]?.article;
  if (!a) return `article ${article + 1}`;
  return a.source ?? a.title ?? a.id;
}

/** Outlet colours: distinguishable, sober, and each also named in text wherever it is used. */
export const OUTLET_COLORS = ['#1f5f9e', '#a4521b', '#2f7d4a', '#7a3f8f', '#8a6d00', '#a3314d', '#3f6f78', '#5b5b5b'] as const;
export const outletColor = (article: number) => OUTLET_COLORS[article % OUTLET_COLORS.length]!;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-10-23" → "23 Oct 2024", "2024-10" → "Oct 2024"; other values (weeks, intervals, times) as given. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const rest = value.slice(m[0].length);
  if (rest && !/^T/.test(rest)) {
    // An interval "a/b": format both ends.
    const [from, to] = value.split('/');
    if (from && to) return `${formatDay(from)} – ${formatDay(to)}`;
    return value;
  }
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  const base = d && month ? `${Number(d)} ${month} ${y}` : month ? `${month} ${y}` : `${y}`;
  const time = /^T(\d{2}:\d{2})/.exec(rest)?.[1];
  return time ? `${base}, ${time}` : base;
}

export function formatRange(first: string | null, last: string | null): string {
  if (!first && !last) return 'undated';
  if (!last || first === last) return formatDay(first ?? last);
  return `${formatDay(first)} – ${formatDay(last)}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A span's text, shortened for labels (whole words, an ellipsis). */
export function clip(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The paragraph (1-based among paragraph-like blocks) holding a span, for "CNBC ¶3" references. */
export function paragraphOf(story: Story, article: number, span: Span): number | null {
  const blocks = story.articles[article]?.article.blocks ?? [];
  let n = 0;
  for (const b of blocks) {
    if (b.kind === 'boilerplate') continue;
    n++;
    if (span.start >= b.start && span.start < b.end) return n;
  }
  return null;
}
