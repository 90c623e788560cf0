/** `#/articles/ID`: one stored article — its text, and its entities, attributions and dates, each clickable to its span. */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { api } from '../api';
import { ArticleText } from '../components/ArticleText';
import { ErrorBox, Loading, OutletChip, Section, useAsync, usePageTitle } from '../common';
import { HighlightProvider, SpanLink, parseSpanKey, spanKey, useHighlightState } from '../highlight';
import { clip, formatDay, plural } from '../model';
import { articleHref, href, replaceHash, storyHref, type Route } from '../router';
import type { ArticleResponse, EntityType } from '../types';

export function ArticlePage({ id, route }: { id: string; route: Route }) {
  const res = useAsync((signal) => api.article(id, signal), [id]);
  usePageTitle(res.data?.summary.title ?? res.data?.record.article.title ?? `Article ${id}`);
  if (res.error)
    return (
      <div className="page">
        <h1 tabIndex={-1}>Article {id}</h1>
        <ErrorBox error={res.error} title="The article could not be loaded" />
      </div>
    );
  if (!res.data) return <div className="page"><Loading what={`article ${id}`} /></div>;
  return <ArticleView key={id} data={res.data} hl={route.params.get('hl')} />;
}

const TYPE_ORDER: EntityType[] = ['person', 'organization', 'place', 'other'];
const TYPE_LABEL: Record<EntityType, string> = { person: 'People', organization: 'Organisations', place: 'Places', other: 'Other' };

function ArticleView({ data, hl }: { data: ArticleResponse; hl: string | null }) {
  const { record, summary } = data;
  const a = record.article;
  const { highlight, show } = useHighlightState();
  const names = useMemo(() => new Map(record.entities.map((e) => [e.id, e.name])), [record]);
  const name = (id: string | null) => (id ? names.get(id) ?? id : 'unknown');

  const initial = useRef(hl);
  useEffect(() => {
    const p = parseSpanKey(initial.current);
    if (p && p.article === a.id && p.start < p.end && p.end <= a.text.length) show(a.id, [{ start: p.start, end: p.end, text: a.text.slice(p.start, p.end) }]);
  }, [a, show]);
  const linkFor = useCallback((article: string, span: { start: number; end: number }) => href(`/articles/${encodeURIComponent(a.id)}`, { hl: spanKey(article, span) }), [a.id]);
  useEffect(() => {
    if (highlight) replaceHash(linkFor(highlight.article, highlight.spans[0]!));
  }, [highlight, linkFor]);

  const title = summary.title ?? a.title ?? clip(a.text, 90);
  return (
    <HighlightProvider show={show} linkFor={linkFor}>
      <div className="page page-article" data-article-page={a.id}>
        <header className="story-header">
          <p className="crumbs">
            <a href={href('/stories')}>Stories</a> / <a href={storyHref(summary.story)}>story {summary.story}</a> / <span>{a.id}</span>
          </p>
          <h1 tabIndex={-1}>{title}</h1>
          <p className="story-meta">
            <OutletChip name={a.source ?? 'outlet unknown'} index={0} /> <span>{formatDay(a.published)}</span>
            {a.byline && <span> · {a.byline}</span>}
            {a.url && (
              <span>
                {' '}
                · <a href={a.url} rel="noreferrer noopener" target="_blank">original page</a>
              </span>
            )}
            <span> · {plural(a.text.length, 'character')}</span>
          </p>
          {summary.duplicateOf && (
            <p className="notice" role="note">
              This article is a copy of <a href={articleHref(summary.duplicateOf)}>{summary.duplicateOf}</a>.
            </p>
          )}
        </header>
        <div className="story-layout article-layout">
          <div className="story-analysis">
            <Section id="entities" title="Entities" count={record.entities.length}>
              {TYPE_ORDER.map((t) => {
                const es = record.entities.filter((e) => e.type === t);
                if (!es.length) return null;
                return (
                  <div key={t}>
                    <h3 className="sub">{TYPE_LABEL[t]}</h3>
                    <ul className="entity-list">
                      {es.map((e) => (
                        <li key={e.id} data-entity={e.id}>
                          <strong>{e.name}</strong>
                          {e.roles.length > 0 && <span className="muted"> ({e.roles.join('; ')})</span>}{' '}
                          <span className="mention-links" aria-label={`Mentions of ${e.name}`}>
                            {e.mentions.map((m, k) => (
                              <SpanLink key={k} article={a.id} span={m} className="mention-chip" label={`Mention ${k + 1} of ${e.name}: ${m.text}`} title={m.text}>
                                {k === 0 || m.text !== e.mentions[k - 1]?.text ? m.text : k + 1}
                              </SpanLink>
                            ))}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </Section>
            <Section id="attributions" title="Who said what" count={record.attributions.length}>
              <ol className="attr-list">
                {record.attributions.map((at) => (
                  <li key={at.id} data-attribution={at.id}>
                    <span className={`badge kind-${at.kind}`}>{at.kind}</span>{' '}
                    {at.source ? (
                      <SpanLink article={a.id} span={at.source}>
                        {clip(at.source.text, 60)}
                      </SpanLink>
                    ) : (
                      <span className="muted">no source named</span>
                    )}
                    {at.speaker && at.source?.text !== name(at.speaker) && <span className="muted"> ({name(at.speaker)}{at.alternatives?.length ? ` or ${at.alternatives.map(name).join(' or ')}` : ''})</span>}{' '}
                    {at.cue && <SpanLink article={a.id} span={at.cue} className="cue" />}
                    {': '}
                    <SpanLink article={a.id} spans={at.content}>
                      {at.kind === 'direct' ? '“' : ''}
                      {clip(at.content.map((c) => c.text).join(' … '), 240)}
                      {at.kind === 'direct' ? '”' : ''}
                    </SpanLink>
                    {at.via.length > 0 && (
                      <span className="small muted">
                        {' '}
                        — via{' '}
                        {at.via.map((v, k) => (
                          <SpanLink key={k} article={a.id} span={v.span} />
                        ))}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </Section>
            <Section id="dates" title="Dates" count={record.dates.length}>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">As written</th>
                    <th scope="col">Means</th>
                    <th scope="col">What happened then</th>
                  </tr>
                </thead>
                <tbody>
                  {record.dates.map((d, k) => (
                    <tr key={k} data-date={d.value ?? ''}>
                      <td>
                        <SpanLink article={a.id} span={d.span} />
                      </td>
                      <td className="nowrap">{d.value ? formatDay(d.value) : <span className="muted">{d.reason ?? 'unresolved'}</span>}</td>
                      <td className="small">{d.event ? <SpanLink article={a.id} span={d.event.span}>{clip(d.event.span.text, 160)}</SpanLink> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>
            {record.messages && record.messages.length > 0 && (
              <Section id="messages" title="Notes from reading the article" count={record.messages.length}>
                <ul className="mentions">
                  {record.messages.map((m, k) => (
                    <li key={k}>
                      <span className={`badge severity-${m.severity}`}>{m.severity}</span> {m.reason}{' '}
                      {m.span && <SpanLink article={a.id} span={m.span}>(show)</SpanLink>}
                    </li>
                  ))}
                </ul>
              </Section>
            )}
          </div>
          <aside className="outlets" aria-label="The article text">
            <div className="columns" style={{ gridTemplateColumns: 'minmax(0, 1fr)' }}>
              <section className="column" aria-label="Article text" data-column={0} data-article-id={a.id}>
                <header className="column-head">
                  <h2 className="column-title">Text</h2>
                  {highlight?.origin && (
                    <button type="button" className="link-button small back" onClick={() => highlight.origin?.isConnected && highlight.origin.focus()}>
                      ↩ Back to the item
                    </button>
                  )}
                </header>
                <ArticleText article={a} highlight={highlight} label={`${a.source ?? 'Article'}: text`} />
              </section>
            </div>
          </aside>
        </div>
      </div>
    </HighlightProvider>
  );
}
