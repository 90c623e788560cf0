/** `#/stories`: the stored stories, most recent first, filtered by outlet, entity, dates and words; paged. */
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { ErrorBox, Loading, OutletChips, useAsync, usePageTitle } from '../common';
import { formatRange, plural } from '../model';
import { href, navigate, storyHref, type Route } from '../router';

export const PAGE_SIZE = 20;
const FILTERS = ['q', 'source', 'entity', 'since', 'until'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function filtersOf(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
}

export function StoriesPage({ route }: { route: Route }) {
  usePageTitle('Stories');
  const applied = filtersOf(route.params);
  const page = Math.max(1, Number(route.params.get('page')) || 1);
  const offset = (page - 1) * PAGE_SIZE;
  const key = route.params.toString();
  const res = useAsync((signal) => api.stories({ ...applied, limit: PAGE_SIZE, offset }, signal), [key]);
  const [form, setForm] = useState<Filters>(applied);
  const [formKey, setFormKey] = useState(key);
  if (formKey !== key) {
    // The address changed (back button, a link): show its filters in the form.
    setFormKey(key);
    setForm(applied);
  }
  const filtered = FILTERS.some((k) => applied[k]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href('/stories', { ...form }));
  };
  const field = (k: keyof Filters, label: string, type = 'text', placeholder?: string) => (
    <label className="field" htmlFor={`filter-${k}`}>
      <span>{label}</span>
      <input id={`filter-${k}`} name={k} type={type} value={form[k]} placeholder={placeholder} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
    </label>
  );

  return (
    <div className="page page-stories">
      <h1 tabIndex={-1}>Stories</h1>
      <form className="filters" role="search" aria-label="Filter stories" onSubmit={submit} data-story-filters="">
        {field('q', 'Words', 'search', 'e.g. foreign interference')}
        {field('source', 'Outlet', 'text', 'e.g. CNBC')}
        {field('entity', 'Person or organisation', 'text', 'e.g. Keir Starmer')}
        {field('since', 'From', 'date')}
        {field('until', 'To', 'date')}
        <div className="filter-buttons">
          <button type="submit" className="primary">
            Apply
          </button>
          {filtered && (
            <a className="button" href={href('/stories')}>
              Clear
            </a>
          )}
        </div>
      </form>

      {res.error && <ErrorBox error={res.error} title="The stories could not be loaded" />}
      {res.loading && !res.data && <Loading what="stories" />}
      {res.data && (
        <>
          <p className="result-count" role="status" aria-live="polite">
            {res.data.total === 0
              ? filtered
                ? 'No story matches these filters.'
                : 'No stories yet. Add articles to start.'
              : `${plural(res.data.total, 'story', 'stories')}${filtered ? ' match' : ''}; showing ${offset + 1}–${offset + res.data.stories.length}.`}
            {res.data.total === 0 && !filtered && (
              <>
                {' '}
                <a href={href('/add')}>Add articles</a>
              </>
            )}
          </p>
          <ol className="story-list" data-story-list="" start={offset + 1}>
            {res.data.stories.map((s) => (
              <li key={s.id} className="story-item" data-story={s.id}>
                <a className="story-title" href={storyHref(s.id)}>
                  {s.title ?? `Story ${s.id}`}
                </a>
                <div className="story-meta">
                  <span className="nowrap">{formatRange(s.firstDay, s.lastDay)}</span>
                  <span aria-hidden="true"> · </span>
                  <span>
                    {plural(s.originals, 'article')}
                    {s.articles > s.originals && `, ${plural(s.articles - s.originals, 'copy', 'copies')}`}
                  </span>
                  <span aria-hidden="true"> · </span>
                  <span className="muted">{s.id}</span>
                </div>
                <OutletChips sources={s.sources} />
              </li>
            ))}
          </ol>
          {res.data.total > PAGE_SIZE && (
            <nav className="pager" aria-label="Pages">
              {page > 1 ? (
                <a href={href('/stories', { ...applied, page: page - 1 })} rel="prev" data-page="prev">
                  ← Newer
                </a>
              ) : (
                <span />
              )}
              <span>
                Page {page} of {Math.ceil(res.data.total / PAGE_SIZE)}
              </span>
              {offset + PAGE_SIZE < res.data.total ? (
                <a href={href('/stories', { ...applied, page: page + 1 })} rel="next" data-page="next">
                  Older →
                </a>
              ) : (
                <span />
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
