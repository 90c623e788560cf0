/**
 * A quick scorer for iterating on the attribution tagger (held-out slices of train, PolNeAR dev):
 * data.md's scoring — spans trimmed to their first and last letter or digit, exact-match P/R/F1 per role
 * as a multiset per article, and attribution-level content / content+source F1 with one-to-one pairing
 * by best content Jaccard (≥ 0.5). The official scorer is src/eval/eval-attribution.ts.
 */

export interface Frag { start: number; end: number }
/** An attribution as scored: content fragments (one list per content span), source and cue fragments. */
export interface ScoredAttribution {
  content: Frag[][];
  source: Frag[] | null;
  cue: Frag[] | null;
}

const ALNUM = /[\p{L}\p{N}]/u;

/** Fragments trimmed to their first and last letter or digit, empty ones dropped, sorted. */
export function trimFragments(text: string, frags: readonly Frag[]): Frag[] {
  const out: Frag[] = [];
  for (const f of frags) {
    let s = f.start, e = f.end;
    while (s < e && !ALNUM.test(text[s]!)) s++;
    while (e > s && !ALNUM.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const keyOf = (f: readonly Frag[]): string => f.map((x) => `${x.start}-${x.end}`).join(';');

export class Counts {
  tp = 0; pred = 0; gold = 0;
  add(tp: number, pred: number, gold: number): void { this.tp += tp; this.pred += pred; this.gold += gold; }
  get p(): number { return this.pred ? this.tp / this.pred : 0; }
  get r(): number { return this.gold ? this.tp / this.gold : 0; }
  get f1(): number { return this.p + this.r ? (2 * this.p * this.r) / (this.p + this.r) : 0; }
}

function multisetMatch(pred: readonly string[], gold: readonly string[]): number {
  const m = new Map<string, number>();
  for (const g of gold) m.set(g, (m.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of pred) { const c = m.get(p) ?? 0; if (c > 0) { tp++; m.set(p, c - 1); } }
  return tp;
}

/** Letter/digit positions covered by fragments. */
function alnumSet(text: string, frags: readonly Frag[]): Set<number> {
  const s = new Set<number>();
  for (const f of frags) for (let i = f.start; i < f.end; i++) if (ALNUM.test(text[i]!)) s.add(i);
  return s;
}
const overlaps = (a: readonly Frag[], b: readonly Frag[]): boolean => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

export interface QuickScores {
  source: Counts; cue: Counts; content: Counts;
  attrContent: Counts; attrContentSource: Counts;
}

export const emptyScores = (): QuickScores => ({ source: new Counts(), cue: new Counts(), content: new Counts(), attrContent: new Counts(), attrContentSource: new Counts() });

/** Adds one article's predicted and gold attributions (untrimmed offsets) to the totals. */
export function scoreArticle(text: string, predicted: readonly ScoredAttribution[], gold: readonly ScoredAttribution[], into: QuickScores): void {
  const norm = (a: ScoredAttribution): ScoredAttribution => ({
    content: a.content.map((c) => trimFragments(text, c)).filter((c) => c.length),
    source: a.source ? trimFragments(text, a.source) : null,
    cue: a.cue ? trimFragments(text, a.cue) : null,
  });
  const P = predicted.map(norm), G = gold.map(norm);
  for (const role of ['source', 'cue'] as const) {
    const p = P.flatMap((a) => (a[role]?.length ? [keyOf(a[role]!)] : []));
    const g = G.flatMap((a) => (a[role]?.length ? [keyOf(a[role]!)] : []));
    into[role].add(multisetMatch(p, g), p.length, g.length);
  }
  const pc = P.flatMap((a) => a.content.map(keyOf)), gc = G.flatMap((a) => a.content.map(keyOf));
  into.content.add(multisetMatch(pc, gc), pc.length, gc.length);
  // Attribution level: one-to-one pairs by best content Jaccard first, pairs under 0.5 left out.
  const ps = P.map((a) => alnumSet(text, a.content.flat())), gs = G.map((a) => alnumSet(text, a.content.flat()));
  const pairs: Array<[number, number, number]> = [];
  ps.forEach((p, i) => gs.forEach((g, j) => {
    let inter = 0;
    for (const x of p) if (g.has(x)) inter++;
    const union = p.size + g.size - inter;
    const jac = union ? inter / union : 0;
    if (jac >= 0.5) pairs.push([jac, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedP = new Set<number>(), usedG = new Set<number>();
  let tp = 0, tpSource = 0;
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i); usedG.add(j); tp++;
    const a = P[i]!.source, b = G[j]!.source;
    if ((!a?.length && !b?.length) || (a?.length && b?.length && overlaps(a, b))) tpSource++;
  }
  into.attrContent.add(tp, P.length, G.length);
  into.attrContentSource.add(tpSource, P.length, G.length);
}

/** Adds one set of scores to another (pooling folds of a cross-validation). */
export function addScores(into: QuickScores, from: QuickScores): void {
  for (const k of ['source', 'cue', 'content', 'attrContent', 'attrContentSource'] as const) into[k].add(from[k].tp, from[k].pred, from[k].gold);
}

const pct = (x: number): string => (100 * x).toFixed(1);
/** One line per measure: P / R / F1. */
export function formatScores(s: QuickScores): string {
  const rows: Array<[string, Counts]> = [['source', s.source], ['cue', s.cue], ['content', s.content], ['attr content', s.attrContent], ['attr content+source', s.attrContentSource]];
  return rows.map(([name, c]) => `${name.padEnd(20)} P ${pct(c.p).padStart(5)}  R ${pct(c.r).padStart(5)}  F1 ${pct(c.f1).padStart(5)}  (gold ${c.gold}, pred ${c.pred}, match ${c.tp})`).join('\n');
}
