/**
 * Hash routing (`#/stories`, `#/stories/s1`, `#/articles/ID`, `#/search?q=…`, `#/add`), so the server serves
 * one index.html and needs no route fallback.
 */
import { useEffect, useState } from 'react';

export interface Route {
  /** The path after `#`, e.g. `/stories/s1`. */
  path: string;
  /** The path split on `/`, decoded: `['stories', 's1']`. */
  parts: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/stories';
  const [pathPart = '', queryPart = ''] = raw.split('?', 2) as [string?, string?];
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { path, parts, params: new URLSearchParams(queryPart) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** `href` for a route: `href('/stories', {q: 'x'})` → `#/stories?q=x` (empty values left out). */
export function href(path: string, params?: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export const storyHref = (id: string) => href(`/stories/${encodeURIComponent(id)}`);
export const articleHref = (id: string) => href(`/articles/${encodeURIComponent(id)}`);

export function navigate(to: string): void {
  window.location.hash = to.replace(/^#/, '');
}

/** Change the address without a new history entry or a hashchange (e.g. the highlighted span). */
export function replaceHash(to: string): void {
  if (window.location.hash !== to) window.history.replaceState(window.history.state, '', to);
}
