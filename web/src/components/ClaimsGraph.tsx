/**
 * The claims map as a graph: the accusing side in the middle column, what it cites on the left, the accused and
 * those who deny or answer on the right; one edge per claim, coloured and dashed by type, each edge a button
 * that shows the claim's words. A list version (every outlet's words, each clickable) follows the drawing.
 */
import { useId, type KeyboardEvent } from 'react';
import { SpanLink, useShowSpan } from '../highlight';
import { clip, entityName, outletName, type StoryIndex } from '../model';
import type { Claim, ClaimType } from '../types';

export const CLAIM_STYLE: Record<ClaimType, { color: string; dash: string; verb: string; label: string }> = {
  accusation: { color: '#b3261e', dash: '', verb: 'accuses', label: 'accusation' },
  denial: { color: '#1f5f9e', dash: '9 5', verb: 'denies, against', label: 'denial' },
  response: { color: '#6a4c93', dash: '2 5', verb: 'responds to', label: 'response' },
  evidence: { color: '#5f6b5f', dash: '12 4 3 4', verb: 'cites', label: 'evidence cited' },
};

const NODE_W = 170;
const NODE_H = 48;
/** Vertical space between the nodes of a column, and between edge ends along a node's side. */
const V_GAP = 18;
const PORT_GAP = 10;
const PAD = 16;
const WIDTH = 660;

interface Node {
  id: string;
  /** One or two lines of label. */
  lines: string[];
  sub: string | null;
  title: string;
  col: number;
  /** Height: taller when many edges meet it. */
  h: number;
  x: number;
  y: number;
  kind: 'entity' | 'evidence';
}

/** Words in at most `n` lines of about `width` characters, the last clipped. */
function wrap(text: string, width: number, n: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (line && (line + ' ' + w).length > width) {
      if (lines.length === n - 1) {
        lines.push(clip(`${line} ${words.slice(i).join(' ')}`, width));
        return lines;
      }
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

function claimSentence(ix: StoryIndex, c: Claim): string {
  const by = entityName(ix, c.by);
  const also = c.alsoBy.length ? ` (also named: ${c.alsoBy.map((id) => entityName(ix, id)).join(', ')})` : '';
  const outlets = [...new Set(c.mentions.map((m) => outletName(ix.story, m.article)))].join(', ');
  const first = c.mentions[0]?.spans[0]?.text ?? '';
  const what =
    c.type === 'evidence' ? `${by}${also} cites “${clip(first, 60)}”` : c.type === 'accusation' ? `${by}${also} accuses ${entityName(ix, c.against)}` : c.type === 'denial' ? `${by}${also} denies the accusation by ${entityName(ix, c.against)}` : `${by}${also} responds to ${entityName(ix, c.against)}`;
  return `${c.id}, ${c.type}: ${what}${outlets ? ` — ${outlets}` : ''}`;
}

function layout(ix: StoryIndex, claims: Claim[]) {
  const accusing = new Set<string>();
  for (const c of claims) {
    if (c.type === 'accusation' || c.type === 'evidence') accusing.add(c.by);
    if ((c.type === 'denial' || c.type === 'response') && c.against) accusing.add(c.against);
  }
  const degree = new Map<string, number>();
  const bump = (id: string | null) => id && degree.set(id, (degree.get(id) ?? 0) + 1);
  for (const c of claims) {
    bump(c.by);
    bump(c.against);
  }
  const hasEvidence = claims.some((c) => c.type === 'evidence');
  const cols: Node[][] = [[], [], []];
  const seen = new Set<string>();
  const addEntity = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const e = ix.entity.get(id);
    const alsoBy = [...new Set(claims.filter((c) => c.by === id).flatMap((c) => c.alsoBy))].map((a) => entityName(ix, a));
    const name = e?.name ?? id;
    const sub = alsoBy.length ? `also: ${alsoBy.join(', ')}` : e?.roles[0] ?? (e ? e.type : null);
    cols[accusing.has(id) ? 1 : 2]!.push({ id, lines: [clip(name, 24)], sub: sub ? clip(sub, 30) : null, title: [name, sub].filter(Boolean).join(' — '), col: 0, h: NODE_H, x: 0, y: 0, kind: 'entity' });
  };
  const entityIds = [...new Set(claims.flatMap((c) => [c.by, c.against].filter((x): x is string => !!x)))];
  entityIds.sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || entityName(ix, a).localeCompare(entityName(ix, b)));
  entityIds.forEach(addEntity);
  for (const c of claims) {
    if (c.type !== 'evidence') continue;
    const words = c.mentions[0]?.spans.map((s) => s.text).join(' … ') ?? c.id;
    cols[0]!.push({ id: `evidence:${c.id}`, lines: wrap(words, 25, 2), sub: [...new Set(c.mentions.map((m) => outletName(ix.story, m.article)))].join(', '), title: words, col: 0, h: NODE_H, x: 0, y: 0, kind: 'evidence' });
  }
  const used = hasEvidence ? [0, 1, 2] : [1, 2];
  // A node is as tall as the edges meeting one of its sides need (they are spread along it).
  const colOf = new Map<string, number>();
  for (const c of used) for (const n of cols[c]!) colOf.set(n.id, c);
  const ports = new Map<string, number>();
  const count = (k: string) => ports.set(k, (ports.get(k) ?? 0) + 1);
  for (const c of claims) {
    const to = c.type === 'evidence' ? `evidence:${c.id}` : c.against;
    const fc = colOf.get(c.by);
    const tc = to ? colOf.get(to) : undefined;
    if (fc === undefined || tc === undefined || !to) continue;
    count(`${c.by}|${fc === tc || fc < tc ? 'r' : 'l'}`);
    count(`${to}|${fc === tc || fc > tc ? 'r' : 'l'}`);
  }
  for (const c of used)
    for (const n of cols[c]!) n.h = Math.max(NODE_H, 14 + PORT_GAP * Math.max(ports.get(`${n.id}|l`) ?? 0, ports.get(`${n.id}|r`) ?? 0));
  const colHeight = (c: number) => cols[c]!.reduce((sum, n) => sum + n.h, 0) + Math.max(0, cols[c]!.length - 1) * V_GAP;
  const tallest = Math.max(NODE_H, ...used.map(colHeight));
  const height = PAD * 2 + tallest;
  const gap = used.length > 1 ? (WIDTH - PAD * 2 - NODE_W) / (used.length - 1) : 0;
  const nodes = new Map<string, Node>();
  used.forEach((c, i) => {
    let y = PAD + (tallest - colHeight(c)) / 2;
    for (const n of cols[c]!) {
      n.col = c;
      n.x = PAD + i * gap;
      n.y = y;
      y += n.h + V_GAP;
      nodes.set(n.id, n);
    }
  });
  return { nodes, height };
}

interface Edge {
  claim: Claim;
  from: Node;
  to: Node;
}

interface Placed extends Edge {
  d: string;
}

/**
 * Each edge's path: ends spread over the side of the node they leave or reach (ordered by the other end's height,
 * so edges do not cross at the node), horizontal tangents at both ends; edges within one column bulge right.
 */
function routeEdges(edges: Edge[]): Placed[] {
  type Side = 'left' | 'right';
  const sides = edges.map((e): [Side, Side] => (e.from.col === e.to.col ? ['right', 'right'] : e.from.x < e.to.x ? ['right', 'left'] : ['left', 'right']));
  const ports = new Map<string, Array<{ i: number; end: 0 | 1; other: number }>>();
  edges.forEach((e, i) => {
    const [sf, st] = sides[i]!;
    const add = (node: Node, side: Side, end: 0 | 1, other: Node) => {
      const k = `${node.id}|${side}`;
      const list = ports.get(k) ?? [];
      list.push({ i, end, other: other.y + (other.col === node.col ? 0.5 : 0) });
      ports.set(k, list);
    };
    add(e.from, sf, 0, e.to);
    add(e.to, st, 1, e.from);
  });
  const ys = edges.map(() => [0, 0] as [number, number]);
  for (const list of ports.values()) {
    const first = list[0]!;
    const node = first.end === 0 ? edges[first.i]!.from : edges[first.i]!.to;
    list.sort((a, b) => a.other - b.other || a.i - b.i);
    list.forEach((p, j) => {
      ys[p.i]![p.end] = node.y + 6 + ((node.h - 12) * (j + 1)) / (list.length + 1);
    });
  }
  return edges.map((e, i) => {
    const [sf, st] = sides[i]!;
    const [y1, y2] = ys[i]!;
    const x1 = sf === 'right' ? e.from.x + NODE_W : e.from.x;
    const x2 = st === 'right' ? e.to.x + NODE_W + 3 : e.to.x - 3;
    if (e.from.col === e.to.col) {
      const cx = x1 + 60;
      return { ...e, d: `M ${x1} ${y1} C ${cx} ${y1}, ${cx} ${y2}, ${x2} ${y2}` };
    }
    const dx = (x2 - x1) * 0.5;
    return { ...e, d: `M ${x1} ${y1} C ${x1 + dx} ${y1}, ${x2 - dx} ${y2}, ${x2} ${y2}` };
  });
}

export function ClaimsGraph({ ix }: { ix: StoryIndex }) {
  const claims = ix.story.claims;
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const show = useShowSpan();
  if (!claims.length) return <p className="muted">No accusations, denials or evidence were found in these articles.</p>;
  const { nodes, height } = layout(ix, claims);
  const edges: Edge[] = [];
  for (const c of claims) {
    const from = nodes.get(c.by);
    const to = c.type === 'evidence' ? nodes.get(`evidence:${c.id}`) : c.against ? nodes.get(c.against) : undefined;
    if (!from || !to) continue;
    edges.push({ claim: c, from, to });
  }
  const routed = routeEdges(edges);

  const activate = (c: Claim, target: Element) => {
    const m = c.mentions.find((x) => x.spans.length);
    const article = m && ix.story.articles[m.article]?.article.id;
    if (m && article) show(article, m.spans, target as HTMLElement);
  };
  const onKey = (c: Claim) => (ev: KeyboardEvent<SVGGElement>) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      activate(c, ev.currentTarget);
    }
  };
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  return (
    <figure className="graph" data-claims-graph="">
      <div className="graph-legend" aria-hidden="true">
        {(Object.keys(CLAIM_STYLE) as ClaimType[]).map((t) => (
          <span key={t} className="legend-item">
            <svg width="34" height="10" className="legend-swatch">
              <line x1="1" y1="5" x2="33" y2="5" stroke={CLAIM_STYLE[t].color} strokeWidth="2.5" strokeDasharray={CLAIM_STYLE[t].dash} />
            </svg>
            {CLAIM_STYLE[t].label}
          </span>
        ))}
        <span className="legend-item muted">arrows point from who says it to whom it is about</span>
      </div>
      <div className="graph-scroll">
        <svg className="claims-svg" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="group" aria-labelledby={titleId} aria-describedby={descId}>
          <title id={titleId}>Claims map</title>
          <desc id={descId}>
            {`${claims.length} claims among ${[...nodes.values()].filter((n) => n.kind === 'entity').length} actors. Each edge is a button showing the claim's words in the article; the same claims are listed below.`}
          </desc>
          <defs>
            {(Object.keys(CLAIM_STYLE) as ClaimType[]).map((t) => (
              <marker key={t} id={`${uid}-arrow-${t}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" fill={CLAIM_STYLE[t].color} />
              </marker>
            ))}
          </defs>
          {routed.map((e) => {
            const d = e.d;
            const st = CLAIM_STYLE[e.claim.type];
            const label = claimSentence(ix, e.claim);
            return (
              <g key={e.claim.id} className={`edge edge-${e.claim.type}`} role="button" tabIndex={0} aria-label={label} data-claim={e.claim.id} data-claim-type={e.claim.type} onClick={(ev) => activate(e.claim, ev.currentTarget)} onKeyDown={onKey(e.claim)}>
                <title>{label}</title>
                <path d={d} className="edge-hit" fill="none" stroke="transparent" strokeWidth="14" />
                <path d={d} className="edge-line" fill="none" stroke={st.color} strokeWidth="2.2" strokeDasharray={st.dash} markerEnd={`url(#${uid}-arrow-${e.claim.type})`} />
              </g>
            );
          })}
          {[...nodes.values()].map((n) => (
            <g key={n.id} className={`node node-${n.kind}`} data-node={n.id} transform={`translate(${n.x} ${n.y})`}>
              <title>{n.title}</title>
              <rect width={NODE_W} height={n.h} rx={n.kind === 'evidence' ? 2 : 8} />
              {n.lines.map((line, i) => {
                const total = n.lines.length + (n.sub ? 1 : 0);
                const top = n.h / 2 - ((total - 1) * 13) / 2 + 4;
                return (
                  <text key={i} x={NODE_W / 2} y={top + i * 13} textAnchor="middle" className="node-label">
                    {line}
                  </text>
                );
              })}
              {n.sub && (
                <text x={NODE_W / 2} y={n.h / 2 - ((n.lines.length + 1 - 1) * 13) / 2 + 4 + n.lines.length * 13} textAnchor="middle" className="node-sub">
                  {n.sub}
                </text>
              )}
            </g>
          ))}
        </svg>
      </div>
      <figcaption className="muted small">Left: what the accusing side cites. Middle: the accusing side. Right: the accused and those who deny or respond. Select an edge to see its words.</figcaption>
    </figure>
  );
}

/** The claims as a list: every claim with each outlet's words, clickable to the span. */
export function ClaimsList({ ix }: { ix: StoryIndex }) {
  const claims = ix.story.claims;
  if (!claims.length) return null;
  return (
    <ol className="claims-list" aria-label="Claims, listed">
      {claims.map((c) => {
        const st = CLAIM_STYLE[c.type];
        return (
          <li key={c.id} data-claim-item={c.id}>
            <span className="badge" style={{ borderColor: st.color, color: st.color }}>
              {st.label}
            </span>{' '}
            <strong>{entityName(ix, c.by)}</strong>
            {c.alsoBy.length > 0 && <span className="muted"> (also named: {c.alsoBy.map((id) => entityName(ix, id)).join(', ')})</span>}{' '}
            {c.type === 'evidence' ? 'cites' : c.type === 'accusation' ? 'accuses' : c.type === 'denial' ? 'denies, answering' : 'responds to'}{' '}
            {c.against && <strong>{entityName(ix, c.against)}</strong>} <span className="muted small">{c.id}</span>
            <ul className="mentions">
              {c.mentions.map((m, i) => {
                const article = ix.story.articles[m.article]?.article.id ?? '';
                return (
                  <li key={i}>
                    <span className="outlet-name">{outletName(ix.story, m.article)}:</span>{' '}
                    <SpanLink article={article} spans={m.spans}>
                      “{clip(m.spans.map((s) => s.text).join(' … '), 260)}”
                    </SpanLink>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
