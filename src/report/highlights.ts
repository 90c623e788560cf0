import type { Block, Span } from '../model/schema.js';

/** An item to mark in the article text: which kind and which item it belongs to. */
export interface Highlight {
  start: number;
  end: number;
  /** `ref`: a span a story section refers to (its id is the anchor the section links to). */
  kind: 'entity' | 'quote' | 'cue' | 'source' | 'date' | 'ref';
  id: string;
  title: string;
}

export interface Segment {
  start: number;
  end: number;
  highlights: Highlight[];
  href: string | null;
}

/**
 * Cuts a block into flat segments at every highlight and link boundary, so overlapping items
 * can be shown without nesting markup across each other.
 */
export function segmentBlock(block: Pick<Block, 'start' | 'end'>, highlights: readonly Highlight[], links: readonly { start: number; end: number; href: string }[]): Segment[] {
  const inBlock = highlights.filter((h) => h.end > block.start && h.start < block.end && h.end > h.start);
  const blockLinks = links.filter((l) => l.end > block.start && l.start < block.end && l.end > l.start);
  const cuts = new Set<number>([block.start, block.end]);
  for (const s of [...inBlock, ...blockLinks]) {
    cuts.add(Math.max(block.start, s.start));
    cuts.add(Math.min(block.end, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({
      start,
      end,
      highlights: inBlock.filter((h) => h.start <= start && h.end >= end),
      href: blockLinks.find((l) => l.start <= start && l.end >= end)?.href ?? null,
    });
  }
  return segments;
}

export function spanHighlight(span: Span, kind: Highlight['kind'], id: string, title: string): Highlight {
  return { start: span.start, end: span.end, kind, id, title };
}
