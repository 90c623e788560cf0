/** The shell: skip link, header with navigation and a search box, the routed page in <main>, footer with the store's state. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from './api';
import { useAsync } from './common';
import { plural } from './model';
import { AddPage } from './pages/AddPage';
import { ArticlePage } from './pages/ArticlePage';
import { SearchPage } from './pages/SearchPage';
import { StoriesPage } from './pages/StoriesPage';
import { StoryPage } from './pages/StoryPage';
import { href, navigate, useRoute, type Route } from './router';

function Page({ route }: { route: Route }) {
  const [first, second] = route.parts;
  if (!first || (first === 'stories' && !second)) return <StoriesPage route={route} />;
  if (first === 'stories' && second) return <StoryPage id={second} route={route} />;
  if (first === 'articles' && second) return <ArticlePage id={second} route={route} />;
  if (first === 'search') return <SearchPage route={route} />;
  if (first === 'add') return <AddPage />;
  return (
    <div className="page">
      <h1 tabIndex={-1}>Not found</h1>
      <p>
        There is no page at <code>{route.path}</code>. <a href={href('/stories')}>See the stories</a>.
      </p>
    </div>
  );
}

function HeaderSearch({ current }: { current: string }) {
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(href('/search', { q: q.trim() }));
  };
  return (
    <form role="search" className="header-search" onSubmit={submit} aria-label="Search articles">
      <label htmlFor="header-q" className="sr-only">
        Search articles
      </label>
      <input id="header-q" type="search" placeholder="Search articles" value={q} onChange={(e) => setQ(e.target.value)} />
      <button type="submit">Search</button>
    </form>
  );
}

/** The store's totals, read again on every page change (an upload or another process adds articles). */
function Footer({ pageKey }: { pageKey: string }) {
  const health = useAsync((signal) => api.health(signal), [pageKey]);
  const s = health.data?.store;
  return (
    <footer className="site-footer">
      <span>Parallax{health.data ? ` ${health.data.version}` : ''}</span>
      {s && (
        <span>
          {' '}
          · store: {s.engine}, {plural(s.articles, 'article')} in {plural(s.stories, 'story', 'stories')}, {plural(s.duplicates, 'copy', 'copies')}
        </span>
      )}
      {health.error && <span className="error-text"> · the server is not answering ({health.error.message})</span>}
    </footer>
  );
}

export function App() {
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const section = route.parts[0] ?? 'stories';
  const pageKey = route.parts.slice(0, 2).join('/');
  const firstRender = useRef(true);
  // A new page: to the top, focus on its heading (screen readers announce it); not on the first load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const t = window.setTimeout(() => mainRef.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true }), 0);
    return () => window.clearTimeout(t);
  }, [pageKey]);
  const nav = (to: string, label: string, active: boolean) => (
    <a href={href(to)} aria-current={active ? 'page' : undefined} className={active ? 'active' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="site-header">
        <a className="brand" href={href('/stories')}>
          Parallax
        </a>
        <nav aria-label="Main">
          {nav('/stories', 'Stories', section === 'stories')}
          {nav('/search', 'Search', section === 'search')}
          {nav('/add', 'Add articles', section === 'add')}
        </nav>
        {section !== 'search' && <HeaderSearch current="" />}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Page route={route} />
      </main>
      <Footer pageKey={pageKey} />
    </>
  );
}
