/** The sections of the story page, each reading the Story JSON (docs/story.md) and linking every item to its span. */
import { Fragment, useMemo } from 'react';
import { ClaimsGraph, ClaimsList } from '../components/ClaimsGraph';
import { DiffText } from '../components/QuoteDiff';
import { Timeline, TimelineList } from '../components/Timeline';
import { Section } from '../common';
import { wordDiff } from '../diff';
import { SpanLink } from '../highlight';
import { clip, entityName, outletColor, outletName, paragraphOf, plural, type StoryIndex } from '../model';
import { articleHref, storyHref } from '../router';
import type { AlignedQuote, Duplicate, Span, SpeakerVerdict, StoryEvent } from '../types';

const aid = (ix: StoryIndex, article: number) => ix.story.articles[article]?.article.id ?? '';

/** "CNBC ¶3" */
function Where({ ix, article, span }: { ix: StoryIndex; article: number; span?: Span }) {
  const p = span ? paragraphOf(ix.story, article, span) : null;
  return (
    <span className="where" style={{ color: outletColor(article) }}>
      {outletName(ix.story, article)}
      {p !== null && <span className="muted"> ¶{p}</span>}
    </span>
  );
}

function speakerNames(ix: StoryIndex, ids: string[]): string {
  if (!ids.length) return 'no speaker named';
  return ids.map((id) => entityName(ix, id)).join(' or ');
}

export function BriefSection({ ix }: { ix: StoryIndex }) {
  const s = ix.story.summary;
  return (
    <Section id="brief" title="In brief" intro="The facts most outlets report, each in one outlet's own words.">
      {s.length === 0 ? (
        <p className="muted">No summary: the articles share too few facts.</p>
      ) : (
        <ol className="brief">
          {s.map((item, i) => (
            <li key={i} data-summary={i}>
              <SpanLink article={aid(ix, item.article)} span={item.span} />{' '}
              <Where ix={ix} article={item.article} span={item.span} />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

const VERDICT_TEXT: Record<AlignedQuote['verdict'], string> = {
  identical: 'identical',
  punctuation: 'punctuation differs',
  part: 'one quotes a part',
  wording: 'wording differs',
};

function speakersText(v: SpeakerVerdict, related: boolean): string {
  switch (v) {
    case 'same':
      return 'same speaker';
    case 'different':
      return related ? 'different speakers, linked by affiliation' : 'different speakers';
    case 'ambiguous':
      return 'speaker ambiguous in one outlet';
    default:
      return 'one outlet names no speaker';
  }
}

function QuoteRow({ ix, q }: { ix: StoryIndex; q: AlignedQuote }) {
  const [a, b] = q.quotes;
  const diff = useMemo(() => wordDiff(a.span.text, b.span.text), [a.span.text, b.span.text]);
  const listed = [
    q.diff.dropped.length ? `dropped: ${q.diff.dropped.join(', ')}` : '',
    q.diff.added.length ? `added: ${q.diff.added.join(', ')}` : '',
    q.diff.changed.length ? `changed: ${q.diff.changed.map(([x, y]) => `${x} → ${y}`).join(', ')}` : '',
  ].filter(Boolean);
  return (
    <li className="quote-row" data-quote={q.id} data-verdict={q.verdict} data-speakers={q.speakers}>
      <div className="quote-head">
        <span className={`badge verdict-${q.verdict}`}>{VERDICT_TEXT[q.verdict]}</span>
        <span className={`badge speakers-${q.speakers}`}>{speakersText(q.speakers, q.related)}</span>
        <span className="quote-desc">{q.description}</span>
        <span className="muted small">{q.id}</span>
      </div>
      <div className="quote-sides">
        {[a, b].map((side, i) => (
          <div key={i} className="quote-side" data-side={i} style={{ borderColor: outletColor(side.article) }}>
            <div className="quote-who">
              <Where ix={ix} article={side.article} span={side.span} />: <strong>{speakerNames(ix, side.speakers)}</strong>
              {q.verdict === 'part' && q.longer === i && <span className="muted small"> (the longer)</span>}
            </div>
            <SpanLink article={aid(ix, side.article)} span={side.span} className="quote-text" label={`Show in ${outletName(ix.story, side.article)}: ${side.span.text}`}>
              “<DiffText tokens={i === 0 ? diff.a : diff.b} side={i === 0 ? 'a' : 'b'} />”
            </SpanLink>
          </div>
        ))}
      </div>
      {listed.length > 0 && <p className="small muted diff-summary">{listed.join('; ')}</p>}
    </li>
  );
}

export function QuotesSection({ ix }: { ix: StoryIndex }) {
  const qs = ix.story.alignedQuotes;
  return (
    <Section
      id="quotes"
      title="Aligned quotes"
      count={qs.length}
      intro={
        <>
          The same quotation in two outlets. In each pair, <del className="diff-dropped">struck words</del> are missing from the second outlet's version and{' '}
          <ins className="diff-added">underlined words</ins> are missing from the first.
        </>
      }
    >
      {qs.length === 0 ? (
        <p className="muted">No quotation appears in more than one outlet.</p>
      ) : (
        <ol className="quote-list" data-quote-list="">
          {qs.map((q) => (
            <QuoteRow key={q.id} ix={ix} q={q} />
          ))}
        </ol>
      )}
    </Section>
  );
}

export function ConflictsSection({ ix }: { ix: StoryIndex }) {
  const cs = ix.story.conflicts;
  if (!cs.length) return null;
  return (
    <Section id="conflicts" title="Attribution conflicts" count={cs.length} intro="The same words or statement given to different people by different outlets.">
      <table className="data conflicts">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Verdict</th>
            <th scope="col">One outlet</th>
            <th scope="col">The other</th>
          </tr>
        </thead>
        <tbody>
          {cs.map((c) => (
            <tr key={c.id} data-conflict={c.id}>
              <td className="muted">{c.id}</td>
              <td>
                {c.verdict === 'ambiguous' ? 'ambiguous' : 'different speakers'}
                {c.related && <div className="small muted">linked by affiliation</div>}
                {c.quote && <div className="small muted">quote {c.quote}</div>}
              </td>
              {c.sides.map((s, i) => (
                <td key={i}>
                  <Where ix={ix} article={s.article} span={s.source ?? s.cue ?? undefined} />: <strong>{speakerNames(ix, s.speakers)}</strong>
                  <div className="small">
                    {s.source && (
                      <>
                        as written: <SpanLink article={aid(ix, s.article)} span={s.source}>“{clip(s.source.text, 70)}”</SpanLink>
                      </>
                    )}
                    {s.cue && (
                      <>
                        {s.source ? ', ' : ''}cue: <SpanLink article={aid(ix, s.article)} span={s.cue} />
                      </>
                    )}
                  </div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function ClaimsSection({ ix }: { ix: StoryIndex }) {
  return (
    <Section id="claims" title="Claims map" count={ix.story.claims.length} intro="Who accuses whom, who denies or responds, and the evidence cited.">
      <ClaimsGraph ix={ix} />
      <h3 className="sub">The claims, listed</h3>
      <ClaimsList ix={ix} />
    </Section>
  );
}

/** Each person (and then organisations and places): roles, names used, how often each outlet quotes them and their words. */
export function PeopleSection({ ix }: { ix: StoryIndex }) {
  const { story } = ix;
  const quoted = story.coverage.quoted;
  // Each story entity's attributions per article (speakers are the article's own entity ids).
  const said = useMemo(() => {
    const m = new Map<string, Array<{ article: number; content: Span[]; cue: Span | null }>>();
    story.articles.forEach((a, i) => {
      for (const at of a.attributions) {
        const sid = at.speaker ? ix.toStory[i]?.get(at.speaker) : undefined;
        if (!sid) continue;
        const list = m.get(sid) ?? [];
        list.push({ article: i, content: at.content, cue: at.cue });
        m.set(sid, list);
      }
    });
    return m;
  }, [story, ix]);
  const firstMention = (sid: string, article: number): Span | undefined => {
    const e = story.entities.find((x) => x.id === sid);
    const own = e?.in.find((x) => x.article === article)?.entity;
    return story.articles[article]?.entities.find((x) => x.id === own)?.mentions[0];
  };
  const people = story.entities.filter((e) => e.type === 'person').sort((a, b) => b.mentions - a.mentions);
  const others = story.entities.filter((e) => e.type === 'organization' || e.type === 'place').sort((a, b) => b.mentions - a.mentions);
  const quotedLine = (sid: string) =>
    quoted
      .filter((q) => q.speaker === sid)
      .map((q) => `${outletName(story, q.article)} ${plural(q.attributions, 'time')} (${plural(q.words, 'word')})`)
      .join(' · ');
  const unattributed = quoted.filter((q) => q.speaker === null);
  return (
    <Section id="people" title="The people" count={people.length} intro="Who is involved, their roles, and whom each outlet quotes.">
      <ul className="people">
        {people.map((p) => {
          const words = said.get(p.id) ?? [];
          const q = quotedLine(p.id);
          return (
            <li key={p.id} className="person" data-entity={p.id}>
              <h3>{p.name}</h3>
              {p.roles.length > 0 && <p className="roles">{p.roles.join('; ')}</p>}
              {p.aliases.filter((a) => a !== p.name).length > 0 && <p className="small muted">also: {p.aliases.filter((a) => a !== p.name).join(', ')}</p>}
              <p className="small">
                Named in:{' '}
                {p.in.map((i, k) => {
                  const m = firstMention(p.id, i.article);
                  return (
                    <Fragment key={i.article}>
                      {k > 0 && ', '}
                      {m ? (
                        <SpanLink article={aid(ix, i.article)} span={m} label={`First mention of ${p.name} in ${outletName(story, i.article)}`}>
                          {outletName(story, i.article)}
                        </SpanLink>
                      ) : (
                        outletName(story, i.article)
                      )}
                    </Fragment>
                  );
                })}{' '}
                <span className="muted">({plural(p.mentions, 'mention')})</span>
              </p>
              <p className="small">{q ? <>Quoted by {q}</> : <span className="muted">Not quoted.</span>}</p>
              {words.length > 0 && (
                <details>
                  <summary>Their words ({words.length})</summary>
                  <ul className="mentions">
                    {words.map((w, k) => (
                      <li key={k}>
                        <Where ix={ix} article={w.article} span={w.content[0]} />{w.cue ? <span className="muted"> ({w.cue.text})</span> : null}:{' '}
                        <SpanLink article={aid(ix, w.article)} spans={w.content}>
                          {clip(w.content.map((c) => c.text).join(' … '), 200)}
                        </SpanLink>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>
      {unattributed.length > 0 && (
        <p className="small muted">Words with no speaker named: {unattributed.map((q) => `${outletName(story, q.article)} ${plural(q.attributions, 'time')} (${plural(q.words, 'word')})`).join(' · ')}.</p>
      )}
      {others.length > 0 && (
        <details className="others">
          <summary>Organisations and places ({others.length})</summary>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Mentions</th>
                <th scope="col">Quoted by</th>
              </tr>
            </thead>
            <tbody>
              {others.map((o) => (
                <tr key={o.id} data-entity={o.id}>
                  <td>
                    {o.name}
                    {o.aliases.filter((a) => a !== o.name).length > 0 && <div className="small muted">{clip(o.aliases.filter((a) => a !== o.name).join(', '), 90)}</div>}
                  </td>
                  <td>{o.type === 'organization' ? 'organisation' : o.type}</td>
                  <td>
                    {o.in.map((i, k) => {
                      const m = firstMention(o.id, i.article);
                      return (
                        <Fragment key={i.article}>
                          {k > 0 && ', '}
                          {m ? <SpanLink article={aid(ix, i.article)} span={m} label={`First mention of ${o.name} in ${outletName(story, i.article)}`}>{outletName(story, i.article)}</SpanLink> : outletName(story, i.article)}
                        </Fragment>
                      );
                    })}{' '}
                    <span className="muted">({o.mentions})</span>
                  </td>
                  <td className="small">{quotedLine(o.id) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </Section>
  );
}

export function TimelineSection({ ix }: { ix: StoryIndex }) {
  return (
    <Section id="timeline" title="Timeline" count={ix.story.timeline.length} intro="Dated events, merged across outlets, on a date axis (long gaps are broken).">
      <Timeline ix={ix} />
      <TimelineList ix={ix} />
    </Section>
  );
}

function interval(low: number, high: number | null): string {
  if (high === null) return `${low.toLocaleString('en')} or more`;
  if (low === high) return low.toLocaleString('en');
  return `${low.toLocaleString('en')}–${high.toLocaleString('en')}`;
}

export function NumbersSection({ ix }: { ix: StoryIndex }) {
  const ns = ix.story.numbers;
  return (
    <Section id="numbers" title="Numbers" count={ns.length} intro="Figures about the same thing, compared across outlets with their hedges.">
      {ns.length === 0 ? (
        <p className="muted">No figure is reported by more than one outlet.</p>
      ) : (
        <table className="data numbers">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Verdict</th>
              <th scope="col">Outlet</th>
              <th scope="col">Figure</th>
              <th scope="col">Counts</th>
              <th scope="col">Reads as</th>
            </tr>
          </thead>
          <tbody>
            {ns.map((n) =>
              n.quantities.map((q, k) => (
                <tr key={`${n.id}-${k}`} data-number={n.id} className={k === 0 ? 'group-start' : undefined}>
                  {k === 0 && (
                    <>
                      <td rowSpan={n.quantities.length} className="muted">
                        {n.id}
                      </td>
                      <td rowSpan={n.quantities.length}>
                        <span className={`badge number-${n.verdict}`}>{n.verdict}</span>
                      </td>
                    </>
                  )}
                  <td>
                    <Where ix={ix} article={q.article} span={q.span} />
                  </td>
                  <td>
                    <SpanLink article={aid(ix, q.article)} span={q.span}>
                      <strong>{q.span.text}</strong>
                    </SpanLink>{' '}
                    <SpanLink article={aid(ix, q.article)} span={q.sentence} className="small" label={`The sentence: ${q.sentence.text}`}>
                      (sentence)
                    </SpanLink>
                  </td>
                  <td>{q.counted}</td>
                  <td className="nowrap">
                    {interval(q.low, q.high)} <span className="muted small">{q.kind}</span>
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function OnlyInSection({ ix }: { ix: StoryIndex }) {
  const { story } = ix;
  const cov = story.coverage;
  if (story.articles.length < 2) return null;
  return (
    <Section id="only" title="Only in one outlet" intro="What each outlet reports that no other does: facts, quotations and names.">
      {story.articles.map((_, i) => {
        const facts = (cov.onlyIn.find((o) => o.article === i)?.facts ?? []).flatMap((fid) => ix.fact.get(fid)?.mentions.filter((m) => m.article === i).map((m) => ({ fid, span: m.span })) ?? []);
        const quotes = cov.uniqueQuotes.find((u) => u.article === i)?.quotes ?? [];
        const names = cov.uniqueEntities.find((u) => u.article === i)?.entities ?? [];
        // Story entity ids (as everywhere in the story); an article's own id is looked up too, to be safe.
        const storyId = (id: string) => (ix.entity.has(id) ? id : ix.toStory[i]?.get(id) ?? id);
        const nameOf = (id: string) => (ix.entity.has(storyId(id)) ? entityName(ix, storyId(id)) : story.articles[i]?.entities.find((e) => e.id === id)?.name ?? id);
        if (!facts.length && !quotes.length && !names.length) return null;
        return (
          <details key={i} className="only-in" data-only-in={i} open={i === 0}>
            <summary>
              <Where ix={ix} article={i} /> alone reports {plural(facts.length, 'sentence')}, {plural(quotes.length, 'quotation')}, {plural(names.length, 'name')}
            </summary>
            {facts.length > 0 && (
              <ul className="mentions">
                {facts.map((f, k) => (
                  <li key={k} data-fact={f.fid}>
                    <SpanLink article={aid(ix, i)} span={f.span} />
                  </li>
                ))}
              </ul>
            )}
            {quotes.length > 0 && (
              <>
                <h3 className="sub">Quotations no other outlet prints</h3>
                <ul className="mentions">
                  {quotes.map((q, k) => (
                    <li key={k}>
                      <SpanLink article={aid(ix, i)} span={q}>
                        “{clip(q.text, 220)}”
                      </SpanLink>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {names.length > 0 && (
              <>
                <h3 className="sub">Names no other outlet mentions</h3>
                <ul className="inline-list">
                  {names.map((n) => (
                    <li key={n.entity} data-entity={storyId(n.entity)}>
                      <SpanLink article={aid(ix, i)} span={n.sentence} label={`${nameOf(n.entity)}: the sentence naming them first`}>
                        {nameOf(n.entity)}
                      </SpanLink>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </details>
        );
      })}
    </Section>
  );
}

const EVENT_TEXT = (e: StoryEvent): string => {
  switch (e.type) {
    case 'new': return `new story ${e.story}, with article`;
    case 'join': return `joined story ${e.story}:`;
    case 'merge': return `story ${e.merged ?? '?'} merged into ${e.story}, by article`;
    case 'split': return `story ${e.story} split from ${e.merged ?? '?'}, on the arrival of article`;
  }
};

/** The other story an event of this story's history names: the one it merged into, or the one a split parted it from or gave articles to. */
const otherStory = (e: StoryEvent, storyId: string): string | null =>
  e.type === 'merge' ? (e.story !== storyId ? e.story : null) : e.type === 'split' && e.merged ? (e.story === storyId ? e.merged : e.story) : null;

export function CopiesSection({ duplicates, history, storyId }: { duplicates: Duplicate[]; history: StoryEvent[]; storyId: string }) {
  return (
    <Section id="copies" title="Copies and clustering history">
      <h3 className="sub">Copies ({duplicates.length})</h3>
      {duplicates.length === 0 ? (
        <p className="muted small">No article of this story is a copy of another.</p>
      ) : (
        <table className="data" data-duplicates="">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Outlet</th>
              <th scope="col">Copy of</th>
              <th scope="col">Similarity</th>
            </tr>
          </thead>
          <tbody>
            {duplicates.map((d) => (
              <tr key={d.id} data-duplicate={d.id}>
                <td>
                  <a href={articleHref(d.id)}>{d.title ?? d.id}</a>
                </td>
                <td>{d.source ?? '—'}</td>
                <td>
                  <a href={articleHref(d.duplicateOf)}>{d.duplicateOf}</a>
                </td>
                <td>{d.similarity >= 1 ? 'same words' : `${Math.round(d.similarity * 100)} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="sub">How the story formed ({history.length})</h3>
      {history.length === 0 ? (
        <p className="muted small">No history recorded.</p>
      ) : (
        <ol className="history" data-history="">
          {history.map((h, i) => {
            const other = otherStory(h, storyId);
            return (
              <li key={i} data-event-type={h.type}>
                {EVENT_TEXT(h)} <a href={articleHref(h.article)}>{h.article}</a>
                {h.score !== undefined && <span className="muted small"> (similarity {h.score.toFixed(2)})</span>}
                {other && (
                  <>
                    {' '}
                    <a href={storyHref(other)}>→ {other}</a>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

