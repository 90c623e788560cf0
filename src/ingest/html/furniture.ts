/**
 * What a page's markup says of an element inside the article: its class and id words name site furniture
 * ("share-bar", "article__byline", "related-links", "newsletter-signup"), a caption or a credit; a `<figure>` holds
 * captions. Readability keeps such elements when they sit beside the article's paragraphs; their blocks are marked
 * by kind here, so the text keeps them (with spans) but the body does not count them.
 */
import { CAPTION_CLASS_WORDS, CREDIT_CLASS_WORDS, FURNITURE_CLASS_WORDS } from '../lexicon.js';
import type { DomElement } from './dom.js';
import type { BlockSignal } from './text-builder.js';

const FURNITURE: ReadonlySet<string> = new Set(FURNITURE_CLASS_WORDS);
const CAPTION: ReadonlySet<string> = new Set(CAPTION_CLASS_WORDS);
const CREDIT: ReadonlySet<string> = new Set(CREDIT_CLASS_WORDS);

/** The words of class and id values: split at spaces, hyphens, underscores and lower-to-upper case changes. */
export function classWords(el: DomElement): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!raw.trim()) return [];
  return raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/).filter(Boolean);
}

/** The signal an element gives the blocks inside it, or null. */
export function elementSignal(el: DomElement, tag: string, element: number): BlockSignal | null {
  if (tag === 'figure') return { kind: 'caption', rule: 'html/figure', element };
  const words = classWords(el);
  for (const w of words) if (CREDIT.has(w)) return { kind: 'credit', rule: `html/class-${w}`, element };
  for (const w of words) if (CAPTION.has(w)) return { kind: 'caption', rule: `html/class-${w}`, element };
  for (const w of words) if (FURNITURE.has(w)) return { kind: 'boilerplate', rule: `html/class-${w}`, element };
  return null;
}

/**
 * Share of the text above which an element's signal is not believed: WordPress marks the whole post
 * `tag-news`, a theme wraps the article in `hidden-xs`. Furniture is a small part of a page's article.
 */
export const DEFAULT_SIGNAL_MAX_SHARE = 0.3;

/** The signal each block keeps: the outermost of its elements' signals whose blocks are a small part of the text. */
export function believedSignals(blocks: ReadonlyArray<{ start: number; end: number; signals: readonly BlockSignal[] }>, maxShare = DEFAULT_SIGNAL_MAX_SHARE): Array<BlockSignal | null> {
  const total = blocks.reduce((n, b) => n + b.end - b.start, 0);
  const covered = new Map<number, number>();
  for (const b of blocks) for (const s of b.signals) covered.set(s.element, (covered.get(s.element) ?? 0) + b.end - b.start);
  return blocks.map((b) => b.signals.find((s) => covered.get(s.element)! <= maxShare * total) ?? null);
}
