/**
 * Span highlighting: any item of a page (a quote, a claim's words, a date…) is a SpanLink; clicking it asks the
 * page to show that span in its article — the article view scrolls to it, marks it and moves focus there.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Span } from './types';

export interface Highlight {
  /** The article's id (`article.id`). */
  article: string;
  /** The first is the span shown and focused; the others (the rest of a quotation in parts) are marked too. */
  spans: Span[];
  /** Changes on every click, so clicking the same item again scrolls to it again. */
  key: number;
  /** What was clicked, to return to it. */
  origin: HTMLElement | null;
}

export type ShowSpan = (article: string, spans: Span[], origin?: HTMLElement | null) => void;

/** Where a span is shown: the page's address with `?hl=ARTICLE:START-END` (a link that can be shared). */
export type LinkFor = (article: string, span: Pick<Span, 'start' | 'end'>) => string;

const HighlightContext = createContext<{ show: ShowSpan; linkFor: LinkFor }>({ show: () => undefined, linkFor: () => '#' });

export function useHighlightState(initial?: Omit<Highlight, 'key' | 'origin'> | null) {
  const counter = useRef(0);
  const [highlight, setHighlight] = useState<Highlight | null>(() => (initial ? { ...initial, key: 0, origin: null } : null));
  const show = useCallback<ShowSpan>((article, spans, origin) => {
    if (!spans.length) return;
    counter.current += 1;
    setHighlight({ article, spans, key: counter.current, origin: origin ?? null });
  }, []);
  const clear = useCallback(() => setHighlight(null), []);
  return { highlight, show, clear };
}

export function HighlightProvider({ show, linkFor, children }: { show: ShowSpan; linkFor: LinkFor; children: ReactNode }) {
  const value = useMemo(() => ({ show, linkFor }), [show, linkFor]);
  return <HighlightContext.Provider value={value}>{children}</HighlightContext.Provider>;
}

export const useShowSpan = () => useContext(HighlightContext).show;

/** `data-span` of a highlighted mark and of the link to it: `ARTICLE_ID:START-END`. */
export const spanKey = (article: string, span: Pick<Span, 'start' | 'end'>) => `${article}:${span.start}-${span.end}`;

/** "0:291-319"-style highlight in the address: `ARTICLE_ID:START-END`. */
export function parseSpanKey(value: string | null): { article: string; start: number; end: number } | null {
  const m = value ? /^(.+):(\d+)-(\d+)$/.exec(value) : null;
  return m ? { article: m[1]!, start: Number(m[2]), end: Number(m[3]) } : null;
}

interface SpanLinkProps {
  article: string;
  span?: Span;
  /** Several spans (a quotation in parts): the first is the one scrolled to. */
  spans?: Span[];
  children?: ReactNode;
  className?: string;
  /** Accessible name when the visible text is not enough ("show in CNBC"). */
  label?: string;
  title?: string;
}

/**
 * A link to its span: clicking shows the span in the article on this page (the address changes to the span's
 * link without a new page); opened in a new tab, the link opens the page on that span. By default its text is
 * the span's text.
 */
export function SpanLink({ article, span, spans, children, className, label, title }: SpanLinkProps) {
  const { show, linkFor } = useContext(HighlightContext);
  const all = spans ?? (span ? [span] : []);
  const first = all[0];
  if (!first) return <>{children}</>;
  return (
    <a
      href={linkFor(article, first)}
      className={`span-link${className ? ` ${className}` : ''}`}
      data-span-link={spanKey(article, first)}
      aria-label={label}
      title={title ?? 'Show in the article'}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        show(article, all, e.currentTarget);
      }}
    >
      {children ?? first.text}
    </a>
  );
}
