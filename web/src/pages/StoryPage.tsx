/**
 * `#/stories/ID`: one story's cross-outlet analysis, its sections on the left and the outlets' texts side by side
 * on the right; every item shows its span there. The highlighted span is kept in the address (`?hl=ID:START-END`)
 * so a link can point at it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { ArticleText } from '../components/ArticleText';
import { ErrorBox, Loading, OutletChip, useAsync, usePageTitle } from '../common';
import { HighlightProvider, parseSpanKey, spanKey, useHighlightState, type Highlight, type ShowSpan } from '../highlight';
import { formatDay, formatRange, indexStory, outletName, plural } from '../model';
import { articleHref, href, replaceHash, storyHref, type Route } from '../router';
import type { StoryResponse } from '../types';
import { BriefSection, ClaimsSection, ConflictsSection, CopiesSection, NumbersSection, OnlyInSection, PeopleSection, QuotesSection, TimelineSection } from './story-sections';

/** At most this many article columns side by side by default (more can be switched on; they then scroll sideways). */
const DEFAULT_COLUMNS = 2;

export function StoryPage({ id, route }: { id: string; route: Route }) {
  const res = useAsync((signal) => api.story(id, signal), [id]);
  usePageTitle(res.data?.summary.title ?? res.data?.analysis.title ?? `Story ${id}`);
  if (res.error) return <div className="page"><h1 tabIndex={-1}>Story {id}</h1><ErrorBox error={res.error} title="The story could not be loaded" /></div>;
  if (!res.data) return <div className="page"><Loading what={`story ${id}`} /></div>;
  return <StoryView key={res.data.summary.id} data={res.data} requested={id} hl={route.params.get('hl')} />;
}

const SECTIONS: Array<[string, string]> = [
  ['brief', 'In brief'],
  ['quotes', 'Quotes'],
  ['conflicts', 'Conflicts'],
  ['claims', 'Claims'],
  ['people', 'People'],
  ['timeline', 'Timeline'],
  ['numbers', 'Numbers'],
  ['only', 'Only in one'],
  ['copies', 'Copies'],
];

function StoryView({ data, requested, hl }: { data: StoryResponse; requested: string; hl: string | null }) {
  const story = data.analysis;
  const ix = useMemo(() => indexStory(story), [story]);
  const { highlight, show } = useHighlightState();
  const [visible, setVisible] = useState<number[]>(() => story.articles.slice(0, DEFAULT_COLUMNS).map((_, i) => i));
  const storyId = data.summary.id;

  const showSpan = useCallback<ShowSpan>(
    (article, spans, origin) => {
      const i = story.articles.findIndex((a) => a.article.id === article);
      if (i < 0) return;
      setVisible((v) => (v.includes(i) ? v : [...v.slice(-(DEFAULT_COLUMNS - 1)), i].sort((a, b) => a - b)));
      show(article, spans, origin);
    },
    [story, show],
  );

  const linkFor = useCallback((article: string, span: { start: number; end: number }) => href(`/stories/${encodeURIComponent(requested)}`, { hl: spanKey(article, span) }), [requested]);

  // A span named in the address (a shared link): show it once the story is here.
  const initial = useRef(hl);
  useEffect(() => {
    const p = parseSpanKey(initial.current);
    const a = p && story.articles.find((x) => x.article.id === p.article)?.article;
    if (p && a && p.end <= a.text.length && p.start < p.end) showSpan(a.id, [{ start: p.start, end: p.end, text: a.text.slice(p.start, p.end) }]);
  }, [story, showSpan]);

  useEffect(() => {
    if (highlight) replaceHash(linkFor(highlight.article, highlight.spans[0]!));
  }, [highlight, linkFor]);

  const title = data.summary.title ?? story.title ?? story.summary[0]?.span.text ?? `Story ${storyId}`;
  const copies = data.summary.articles - data.summary.originals;
  return (
    <HighlightProvider show={showSpan} linkFor={linkFor}>
      <div className="page page-story" data-story-id={storyId}>
        <header className="story-header">
          <p className="crumbs">
            <a href={href('/stories')}>Stories</a> / <span>{storyId}</span>
          </p>
          <h1 tabIndex={-1}>{title}</h1>
          {storyId !== requested && (
            <p className="notice" role="note">
              Story {requested} was merged into this one ({storyId}).
            </p>
          )}
          <p className="story-meta">
            <span>{formatRange(data.summary.firstDay ?? story.dateRange.first, data.summary.lastDay ?? story.dateRange.last)}</span>
            <span aria-hidden="true"> · </span>
            <span>
              {plural(story.articles.length, 'article')}
              {copies > 0 && `, ${plural(copies, 'copy', 'copies')}`}
            </span>
            <span aria-hidden="true"> · </span>
            <span>{plural(story.entities.length, 'entity', 'entities')}</span>
          </p>
          <ul className="chips" aria-label="Outlets">
            {story.articles.map((a, i) => (
              <li key={a.article.id}>
                <OutletChip name={outletName(story, i)} index={i} />
              </li>
            ))}
          </ul>
          <nav className="toc" aria-label="Sections of this story">
            {SECTIONS.map(([sid, label]) => (
              <button key={sid} type="button" className="link-button" onClick={() => {
                const el = document.getElementById(sid);
                if (!el) return;
                el.scrollIntoView({ block: 'start' });
                document.getElementById(`${sid}-h`)?.focus({ preventScroll: true });
              }}>
                {label}
              </button>
            ))}
          </nav>
        </header>
        <div className="story-layout">
          <div className="story-analysis">
            <BriefSection ix={ix} />
            <QuotesSection ix={ix} />
            <ConflictsSection ix={ix} />
            <ClaimsSection ix={ix} />
            <PeopleSection ix={ix} />
            <TimelineSection ix={ix} />
            <NumbersSection ix={ix} />
            <OnlyInSection ix={ix} />
            <CopiesSection duplicates={data.duplicates} history={data.history} storyId={storyId} />
            <p className="small muted">
              Analysis generated {formatDay(story.generated)} · <a href={storyHref(storyId)}>link to this story</a>
            </p>
          </div>
          <ArticleColumns data={data} highlight={highlight} visible={visible} setVisible={setVisible} />
        </div>
      </div>
    </HighlightProvider>
  );
}

function ArticleColumns({ data, highlight, visible, setVisible }: { data: StoryResponse; highlight: Highlight | null; visible: number[]; setVisible: (f: (v: number[]) => number[]) => void }) {
  const story = data.analysis;
  const many = story.articles.length > 1;
  return (
    <aside className="outlets" aria-label="The outlets' texts side by side" data-outlets="">
      {story.articles.length > DEFAULT_COLUMNS && (
        <div className="column-toggles" role="group" aria-label="Outlets shown">
          {story.articles.map((a, i) => (
            <button
              key={a.article.id}
              type="button"
              className="toggle"
              aria-pressed={visible.includes(i)}
              onClick={() => setVisible((v) => (v.includes(i) ? (v.length > 1 ? v.filter((x) => x !== i) : v) : [...v, i].sort((x, y) => x - y)))}
            >
              {outletName(story, i)}
            </button>
          ))}
        </div>
      )}
      <div className="columns" style={{ gridTemplateColumns: `repeat(${Math.max(1, visible.length)}, minmax(${many ? '17rem' : '0'}, 1fr))` }}>
        {visible.map((i) => {
          const a = story.articles[i]!.article;
          const here = highlight?.article === a.id ? highlight : null;
          return (
            <section key={a.id} className="column" aria-labelledby={`col-${a.id}`} data-column={i} data-article-id={a.id}>
              <header className="column-head">
                <h2 id={`col-${a.id}`} className="column-title">
                  <OutletChip name={outletName(story, i)} index={i} />
                </h2>
                <div className="small">
                  {a.title && <div className="column-article-title">{a.title}</div>}
                  <span>{formatDay(a.published)}</span> · <a href={articleHref(a.id)}>article page</a>
                  {a.url && (
                    <>
                      {' '}
                      · <a href={a.url} rel="noreferrer noopener" target="_blank">original</a>
                    </>
                  )}
                </div>
                {here?.origin && (
                  <button type="button" className="link-button small back" onClick={() => here.origin?.isConnected && here.origin.focus()}>
                    ↩ Back to the item
                  </button>
                )}
              </header>
              <ArticleText article={a} highlight={here} label={`${outletName(story, i)}: article text`} />
            </section>
          );
        })}
      </div>
    </aside>
  );
}
