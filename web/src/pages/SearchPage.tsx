/** `#/search?q=…`: full-text search of the stored articles, hits with their snippet, story and article. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api';
import { ErrorBox, Loading, useAsync, usePageTitle } from '../common';
import { formatDay, plural } from '../model';
import { articleHref, href, navigate, storyHref, type Route } from '../router';

/** The snippet with the searched words marked (React elements only; the snippet is never read as HTML). */
export function markTerms(text: string, q: string): ReactNode[] {
  const terms = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].filter((t) => t.length > 1);
  if (!terms.length) return [text];
  const re = new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return text.split(re).map((part, i) => (i % 2 === 1 ? <mark key={i} className="term">{part}</mark> : part));
}

export function SearchPage({ route }: { route: Route }) {
  const q = route.params.get('q') ?? '';
  usePageTitle(q ? `Search: ${q}` : 'Search');
  const [input, setInput] = useState(q);
  const [shown, setShown] = useState(q);
  if (shown !== q) {
    setShown(q);
    setInput(q);
  }
  const res = useAsync((signal) => (q.trim() ? api.search(q, 50, signal) : Promise.resolve(null)), [q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href('/search', { q: input.trim() }));
  };
  return (
    <div className="page page-search">
      <h1 tabIndex={-1}>Search the articles</h1>
      <form role="search" className="search-form" onSubmit={submit} aria-label="Search the stored articles">
        <label htmlFor="search-q" className="sr-only">
          Words to search for
        </label>
        <input id="search-q" name="q" type="search" value={input} onChange={(e) => setInput(e.target.value)} placeholder='e.g. "foreign interference" Starmer' autoFocus={!q} />
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <p className="small muted">Titles count most; put words in "quotes" to find them together.</p>
      {res.error && <ErrorBox error={res.error} title="The search failed" />}
      {res.loading && q && <Loading what="results" />}
      {res.data && (
        <>
          <p role="status" className="result-count">
            {res.data.hits.length === 0 ? `Nothing found for “${q}”.` : `${plural(res.data.hits.length, 'article')} found for “${q}”.`}
          </p>
          <ol className="hits" data-search-results="">
            {res.data.hits.map((h) => (
              <li key={h.id} className="hit" data-hit={h.id}>
                <a className="hit-title" href={articleHref(h.id)}>
                  {h.title ?? `Article ${h.id}`}
                </a>
                <div className="story-meta small">
                  {h.source ?? 'outlet unknown'} · {formatDay(h.published)} · <a href={storyHref(h.story)}>story {h.story}</a>
                </div>
                <p className="snippet">{markTerms(h.snippet, q)}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
