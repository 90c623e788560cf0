/**
 * The story's timeline on a date axis: one mark per event at its start date, labelled with the date and the
 * outlets reporting it. Gaps are drawn on a square-root scale and long ones (over two months) broken, so
 * events days apart stay apart next to one years earlier. Each mark is a button showing the event's sentence.
 */
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { SpanLink, useShowSpan } from '../highlight';
import { clip, formatDay, outletColor, outletName, type StoryIndex } from '../model';
import type { TimelineEvent } from '../types';

const DAY = 86_400_000;
/** Gaps longer than this many days are drawn broken (a fixed width and "≈ 5 years"). */
const BREAK_DAYS = 60;
const UNIT = 26; // px per √day
const BREAK_W = 56;
const LABEL_H = 34;
const AXIS_PAD = 40;
const LEFT = 20;

function dayOf(iso: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / DAY;
}

function gapLabel(days: number): string {
  if (days >= 700) return `≈ ${Math.round((days / 365) * 2) / 2} years`;
  if (days >= 330) return '≈ 1 year';
  return `≈ ${Math.round(days / 30)} months`;
}

interface Placed {
  ev: TimelineEvent;
  x: number;
  lane: number;
  line1: string;
}

const labelWidth = (line1: string) => Math.max(line1.length * 7.4, 60) + 16;

/**
 * Positions: each gap between successive days √days·UNIT wide (scaled to fit `fit` pixels when given, not below
 * half), gaps over BREAK_DAYS a fixed break; labels stacked in lanes so none overlaps.
 */
function layoutAt(events: TimelineEvent[], unit: number) {
  const days = [...new Set(events.map((e) => dayOf(e.start)).filter((d) => !Number.isNaN(d)))].sort((a, b) => a - b);
  const xOf = new Map<number, number>();
  const breaks: Array<{ x: number; label: string }> = [];
  let x = LEFT + 6;
  days.forEach((d, i) => {
    if (i > 0) {
      const gap = d - days[i - 1]!;
      if (gap > BREAK_DAYS) {
        breaks.push({ x: x + BREAK_W / 2, label: gapLabel(gap) });
        x += BREAK_W;
      } else x += Math.max(8, Math.sqrt(gap) * unit);
    }
    xOf.set(d, x);
  });
  const laneEnd: number[] = [];
  const placed: Placed[] = [];
  for (const ev of events) {
    const ex = xOf.get(dayOf(ev.start));
    if (ex === undefined) continue;
    const line1 = formatDay(ev.value);
    const w = labelWidth(line1);
    let lane = laneEnd.findIndex((end) => end < ex);
    if (lane < 0) lane = laneEnd.length;
    laneEnd[lane] = ex + w;
    placed.push({ ev, x: ex, lane, line1 });
  }
  const lanes = Math.max(1, laneEnd.length);
  const width = Math.max(x, ...laneEnd) + 24;
  return { placed, breaks, lanes, width, axisStart: LEFT, axisEnd: x + 10 };
}

/** The layout, its gaps scaled (between half and twice the default) so that it fits `fit` pixels when it can. */
export function layoutTimeline(events: TimelineEvent[], fit?: number) {
  let unit = UNIT;
  let out = layoutAt(events, unit);
  for (let i = 0; fit && i < 6 && Math.abs(out.width - fit) > 4; i++) {
    const next = Math.min(UNIT * 2, Math.max(UNIT / 2, unit * (1 + (fit - out.width) / Math.max(1, out.axisEnd - LEFT))));
    if (Math.abs(next - unit) < 0.01) break;
    unit = next;
    out = layoutAt(events, unit);
  }
  return out;
}

/** The width of an element, followed as it changes. */
function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number | undefined] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number>();
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

export function Timeline({ ix }: { ix: StoryIndex }) {
  const events = ix.story.timeline;
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const show = useShowSpan();
  const [boxRef, boxWidth] = useWidth<HTMLDivElement>();
  if (!events.length) return <p className="muted">No dated events were found in these articles.</p>;
  const { placed, breaks, lanes, width, axisStart, axisEnd } = layoutTimeline(events, boxWidth ? boxWidth - 2 : undefined);
  const axisY = 12 + lanes * LABEL_H + 14;
  const height = axisY + AXIS_PAD;
  const outlets = (ev: TimelineEvent) => [...new Set(ev.articles)].map((a) => outletName(ix.story, a));
  const activate = (ev: TimelineEvent, target: Element) => {
    const m = ev.mentions[0];
    const article = m && ix.story.articles[m.article]?.article.id;
    if (m && article) show(article, [m.sentence], target as HTMLElement);
  };
  const onKey = (ev: TimelineEvent) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(ev, e.currentTarget);
    }
  };
  // Axis segments between the breaks.
  const segs: Array<[number, number]> = [];
  let from = axisStart;
  for (const b of breaks) {
    segs.push([from, b.x - 8]);
    from = b.x + 8;
  }
  segs.push([from, axisEnd]);
  const titleId = `${uid}-t`;
  return (
    <figure className="graph" data-timeline="">
      <div className="graph-scroll" ref={boxRef}>
        <svg className="timeline-svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="group" aria-labelledby={titleId}>
          <title id={titleId}>{`Timeline: ${events.length} dated events from ${formatDay(events[0]!.start)} to ${formatDay(events[events.length - 1]!.start)}. Each mark is a button showing its sentence; the events are also listed below.`}</title>
          {segs.map(([a, b], i) => (
            <line key={i} x1={a} x2={b} y1={axisY} y2={axisY} className="axis" />
          ))}
          {breaks.map((b, i) => (
            <g key={i} className="axis-break">
              <path d={`M ${b.x - 12} ${axisY + 6} l 6 -12 M ${b.x + 6} ${axisY + 6} l 6 -12`} />
              <text x={b.x} y={axisY + 22} textAnchor="middle" className="axis-label">
                {b.label}
              </text>
            </g>
          ))}
          {placed.map((p) => {
            const ly = 12 + (lanes - 1 - p.lane) * LABEL_H;
            const names = outlets(p.ev);
            const label = `${formatDay(p.ev.value)} (${p.ev.grain}): reported by ${names.join(' and ')}; “${clip(p.ev.mentions[0]?.sentence.text ?? '', 120)}”`;
            return (
              <g key={p.ev.id} className="event" role="button" tabIndex={0} aria-label={label} data-event={p.ev.id} data-start={p.ev.start} onClick={(e) => activate(p.ev, e.currentTarget)} onKeyDown={onKey(p.ev)}>
                <title>{label}</title>
                <line x1={p.x} x2={p.x} y1={ly + 4} y2={axisY} className="stem" />
                <rect x={p.x - 3} y={ly - 2} width={labelWidth(p.line1) - 2} height={LABEL_H - 4} className="event-hit" />
                <text x={p.x + 5} y={ly + 11} className="event-date">
                  {p.line1}
                </text>
                <text x={p.x + 5} y={ly + 25} className="event-outlets">
                  {[...new Set(p.ev.articles)].map((a, i) => (
                    <tspan key={a} fill={outletColor(a)}>
                      {i > 0 ? ' · ' : ''}
                      {outletName(ix.story, a)}
                    </tspan>
                  ))}
                </text>
                <circle cx={p.x} cy={axisY} r={5} className="event-dot" />
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

/** The timeline as a table: each event's date, outlets and sentences, each sentence clickable to its span. */
export function TimelineList({ ix }: { ix: StoryIndex }) {
  const events = ix.story.timeline;
  if (!events.length) return null;
  return (
    <table className="data timeline-list">
      <caption className="sr-only">Timeline events</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">What happened, in each outlet's words</th>
        </tr>
      </thead>
      <tbody>
        {events.map((ev) => (
          <tr key={ev.id} data-event-row={ev.id}>
            <td className="nowrap">
              {formatDay(ev.value)}
              <div className="muted small">{ev.grain}</div>
            </td>
            <td>
              <ul className="mentions">
                {ev.mentions.map((m, i) => {
                  const article = ix.story.articles[m.article]?.article.id ?? '';
                  return (
                    <li key={i}>
                      <span className="outlet-name">{outletName(ix.story, m.article)}</span> <SpanLink article={article} span={m.date} className="date-chip" label={`“${m.date.text}” in ${outletName(ix.story, m.article)}`} /> —{' '}
                      <SpanLink article={article} span={m.sentence}>
                        {clip(m.sentence.text, 220)}
                      </SpanLink>
                    </li>
                  );
                })}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
