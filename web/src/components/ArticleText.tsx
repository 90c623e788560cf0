/**
 * An article's text as its blocks (paragraphs, headings, captions, credits; site furniture muted), in its own
 * scroll box, with the highlighted spans marked: the first as `<mark class="highlight" data-span="ID:START-END">`,
 * scrolled to and focused; the rest of a multi-part span as `<mark class="highlight-more">`.
 * Text is rendered by React only (never as HTML).
 */
import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { spanKey, type Highlight } from '../highlight';
import type { Article, BlockKind } from '../types';

interface Segment {
  start: number;
  end: number;
  kind: BlockKind | 'gap';
}

/** The blocks in order, plus any stretch of text outside them that is not whitespace (so no span is unreachable). */
export function segments(article: Article): Segment[] {
  const text = article.text;
  const blocks = [...article.blocks].filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
  if (!blocks.length) return text ? [{ start: 0, end: text.length, kind: 'paragraph' }] : [];
  const out: Segment[] = [];
  let pos = 0;
  for (const b of blocks) {
    const start = Math.max(b.start, pos);
    if (start > pos && /\S/.test(text.slice(pos, start))) out.push({ start: pos, end: start, kind: 'gap' });
    if (b.end > start) out.push({ start, end: b.end, kind: b.kind });
    pos = Math.max(pos, b.end);
  }
  if (pos < text.length && /\S/.test(text.slice(pos))) out.push({ start: pos, end: text.length, kind: 'gap' });
  return out;
}

interface Props {
  article: Article;
  /** The highlight when it is in this article. */
  highlight: Highlight | null;
  /** A label for the scroll region ("CNBC article text"). */
  label: string;
  className?: string;
}

export function ArticleText({ article, highlight, label, className }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const markRef = useRef<HTMLElement>(null);
  const segs = useMemo(() => segments(article), [article]);
  const spans = highlight?.article === article.id ? highlight.spans : [];
  const primary = spans[0];

  useLayoutEffect(() => {
    const mark = markRef.current;
    const box = boxRef.current;
    if (!highlight || highlight.article !== article.id || !mark || !box) return;
    // The span a third of the way down its column; then, only if it is still out of the window (a stacked
    // layout, a scrolled page), the window too — so the item clicked stays in view where it can.
    const offset = mark.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTop = Math.max(0, offset - box.clientHeight / 3);
    const r = mark.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  }, [highlight, article.id]);

  let primaryDone = false;
  const render = (seg: Segment) => {
    const text = article.text;
    const pieces = spans
      .map((s) => ({ start: Math.max(s.start, seg.start), end: Math.min(s.end, seg.end), primary: s === primary }))
      .filter((p) => p.end > p.start)
      .sort((a, b) => a.start - b.start);
    const out: ReactNode[] = [];
    let pos = seg.start;
    for (const p of pieces) {
      if (p.start < pos) continue; // overlapping parts: the earlier one wins
      if (p.start > pos) out.push(text.slice(pos, p.start));
      const isPrimary = p.primary && !primaryDone;
      if (isPrimary && primary) {
        primaryDone = true;
        out.push(
          <mark key={p.start} ref={markRef} className="highlight" data-span={spanKey(article.id, primary)} tabIndex={-1}>
            {text.slice(p.start, p.end)}
          </mark>,
        );
      } else {
        out.push(
          <mark key={p.start} className="highlight-more">
            {text.slice(p.start, p.end)}
          </mark>,
        );
      }
      pos = p.end;
    }
    if (pos < seg.end) out.push(text.slice(pos, seg.end));
    return out;
  };

  return (
    <div ref={boxRef} className={`article-text${className ? ` ${className}` : ''}`} role="region" aria-label={label} data-article={article.id} tabIndex={0} lang={article.language ?? undefined}>
      {segs.length === 0 && <p className="muted">(no text)</p>}
      {segs.map((seg) => {
        const content = render(seg);
        const common = { 'data-start': seg.start, 'data-end': seg.end };
        if (seg.kind === 'heading') return <p key={seg.start} {...common} className="block block-heading" role="heading" aria-level={4}>{content}</p>;
        if (seg.kind === 'boilerplate' || seg.kind === 'gap')
          return (
            <p key={seg.start} {...common} className="block block-furniture" title={seg.kind === 'gap' ? 'text outside the article body' : 'site furniture (not the article body)'}>
              {content}
            </p>
          );
        return <p key={seg.start} {...common} className={`block block-${seg.kind}`}>{content}</p>;
      })}
    </div>
  );
}
