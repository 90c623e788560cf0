/**
 * The NER model: hashed feature weights per BILOU label, label transitions, the lexicons read from the
 * training data; constrained Viterbi decoding; and the compact gzipped binary file format.
 *
 * File (gzip of): "PLXNER1\n", u32 header length, header JSON (utf-8), zero padding to 4 bytes, then the
 * arrays named in header.arrays in order (little-endian): feature rows (u32 bucket ids), row weights
 * (i16, × header.scale), transitions (f32), lexicon keys and values.
 */
import { IntMap } from './intmap.js';
import { compactTable, decodeContainer, encodeContainer, slotOf, tableFromContainer, tableParts, type WeightTable } from './weights.js';
import { NUM_LABELS, labelPos, labelType, POS_B, POS_I, POS_L, POS_U, type Lexicons } from './features.js';

const L = NUM_LABELS;
const MAGIC = 'PLXNER1\n';

export interface NerModel extends WeightTable {
  /** (NUM_LABELS + 1) × NUM_LABELS: from label p (row NUM_LABELS is the sentence start) to label l. */
  transitions: Float64Array;
  /** The transitions in units of `scale` (tagging sums the quantised weights as exact integers). */
  transitionsQ: Float64Array;
  lexicons: Lexicons;
  /** Free-form provenance (data, epochs, scores), kept in the file header. */
  info: Record<string, unknown>;
}

/** Whether label l may follow p in BILOU (p = NUM_LABELS: sentence start). */
export function allowed(p: number, l: number): boolean {
  const open = p !== L && p !== 0 && (labelPos(p) === POS_B || labelPos(p) === POS_I);
  if (open) return l !== 0 && labelType(l) === labelType(p) && (labelPos(l) === POS_I || labelPos(l) === POS_L);
  return l === 0 || labelPos(l) === POS_B || labelPos(l) === POS_U;
}
/** Whether a sentence may end on label p. */
export const allowedEnd = (p: number): boolean => p === 0 || labelPos(p) === POS_L || labelPos(p) === POS_U;

const ALLOWED = (() => {
  const a = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) for (let l = 0; l < L; l++) a[p * L + l] = allowed(p, l) ? 1 : 0;
  return a;
})();
const ALLOWED_END = Uint8Array.from({ length: L }, (_, l) => (allowedEnd(l) ? 1 : 0));
/** For each label l, the labels that may precede it: PREV[PREV_START[l] .. PREV_START[l+1]). */
const [PREV, PREV_START] = (() => {
  const prev: number[] = [];
  const start: number[] = [0];
  for (let l = 0; l < L; l++) {
    for (let p = 0; p < L; p++) if (allowed(p, l)) prev.push(p);
    start.push(prev.length);
  }
  return [Uint8Array.from(prev), Uint16Array.from(start)];
})();

/** Labels that close an entity (or are O): what O, B-x and U-x may follow. */
const CLOSED = Uint8Array.from({ length: L }, (_, l) => l).filter((l) => l === 0 || labelPos(l) === POS_L || labelPos(l) === POS_U);
/** Labels that may follow a closed one: O, B-x, U-x. */
const STARTS = Uint8Array.from({ length: L }, (_, l) => l).filter((l) => l === 0 || labelPos(l) === POS_B || labelPos(l) === POS_U);
// The unrolled Viterbi below relies on BILOU's shape; check it against allowed().
for (let p = 0; p < L; p++) {
  for (let l = 0; l < L; l++) {
    const unrolled = (CLOSED.includes(p) && STARTS.includes(l)) || (p !== 0 && l !== 0 && labelType(p) === labelType(l) && (labelPos(p) === POS_B || labelPos(p) === POS_I) && (labelPos(l) === POS_I || labelPos(l) === POS_L));
    if (unrolled !== allowed(p, l)) throw new Error(`viterbi: BILOU transitions ${p} → ${l} not as unrolled`);
  }
}

/** Scratch arrays for Viterbi, grown as needed. */
export class ViterbiBuffer {
  delta = new Float64Array(64 * L);
  readonly closed = new Float64Array(CLOSED.length);
  readonly alive = new Uint8Array(CLOSED.length);
  /** transitions[CLOSED[j] → STARTS[k]] at k × |CLOSED| + j. */
  readonly transClosed = new Float64Array(CLOSED.length * STARTS.length);
  reserve(n: number): void {
    if (n * L <= this.delta.length) return;
    this.delta = new Float64Array(n * L * 2);
  }
}

/**
 * Best well-formed BILOU sequence for per-token label scores (n × L) and transitions; written to `out`.
 */
export function viterbi(scores: Float64Array, n: number, transitions: Float64Array, out: Uint8Array, vb: ViterbiBuffer): void {
  if (n === 0) return;
  vb.reserve(n);
  const delta = vb.delta;
  for (let l = 0; l < L; l++) delta[l] = ALLOWED[L * L + l] ? scores[l]! + transitions[L * L + l]! : -Infinity;
  // Forward: best scores only (branch-free max); the back-pointers are recomputed on the way back.
  // BILOU's shape, unrolled: O, B-x and U-x follow O, L-y or U-y (or the start); I-x and L-x follow B-x or I-x.
  const closed = vb.closed, tc = vb.transClosed;
  for (let j = 0; j < CLOSED.length; j++) for (let k = 0; k < STARTS.length; k++) tc[k * CLOSED.length + j] = transitions[CLOSED[j]! * L + STARTS[k]!]!;
  const nc = CLOSED.length, ns = STARTS.length;
  // A closed label more than `spread` below the best closed one can win no start label: skip it (exact).
  let tMin = Infinity, tMax = -Infinity;
  for (let k = 0; k < tc.length; k++) { tMin = Math.min(tMin, tc[k]!); tMax = Math.max(tMax, tc[k]!); }
  const spread = tMax - tMin;
  const alive = vb.alive;
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * L, cur = t * L;
    let top = -Infinity;
    for (let j = 0; j < nc; j++) { const d = delta[prev + CLOSED[j]!]!; closed[j] = d; top = Math.max(top, d); }
    let na = 0;
    for (let j = 0; j < nc; j++) if (closed[j]! >= top - spread) alive[na++] = j;
    for (let k = 0; k < ns; k++) {
      let best = -Infinity;
      for (let a = 0, r = k * nc; a < na; a++) { const j = alive[a]!; best = Math.max(best, closed[j]! + tc[r + j]!); }
      const l = STARTS[k]!;
      delta[cur + l] = best + scores[cur + l]!;
    }
    for (let b = 1; b < L; b += 4) {
      // b = B-x, b + 1 = I-x, b + 2 = L-x.
      const db = delta[prev + b]!, di = delta[prev + b + 1]!;
      delta[cur + b + 1] = Math.max(db + transitions[b * L + b + 1]!, di + transitions[(b + 1) * L + b + 1]!) + scores[cur + b + 1]!;
      delta[cur + b + 2] = Math.max(db + transitions[b * L + b + 2]!, di + transitions[(b + 1) * L + b + 2]!) + scores[cur + b + 2]!;
    }
  }
  let best = -Infinity, arg = 0;
  const last = (n - 1) * L;
  for (let l = 0; l < L; l++) {
    if (!ALLOWED_END[l]) continue;
    if (delta[last + l]! > best) { best = delta[last + l]!; arg = l; }
  }
  out[n - 1] = arg;
  for (let t = n - 1; t > 0; t--) {
    // The first best predecessor, as a forward pass keeping back-pointers would have chosen.
    const prev = (t - 1) * L, l = arg;
    let b = -Infinity;
    arg = 0;
    for (let k = PREV_START[l]!, end = PREV_START[l + 1]!; k < end; k++) {
      const p = PREV[k]!;
      const v = delta[prev + p]! + transitions[p * L + l]!;
      if (v > b) { b = v; arg = p; }
    }
    out[t - 1] = arg;
  }
}

/** Spans [start, end) of token indexes and their type index, from a BILOU label sequence. */
export function spansOf(labels: ArrayLike<number>, n: number): Array<{ start: number; end: number; type: number }> {
  const spans: Array<{ start: number; end: number; type: number }> = [];
  let open = -1;
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (l === 0) { open = -1; continue; }
    const pos = labelPos(l);
    if (pos === POS_U) { spans.push({ start: i, end: i + 1, type: labelType(l) }); open = -1; }
    else if (pos === POS_B) open = i;
    else if (pos === POS_L && open >= 0) { spans.push({ start: open, end: i + 1, type: labelType(l) }); open = -1; }
  }
  return spans;
}

/**
 * The compact model from dense averaged weights (buckets × L): entries with |weight| ≤ `prune` are
 * dropped, rows keep only their non-zero labels, weights are quantised to 16 bits (as in the file).
 */
export function compactModel(dense: Float32Array | Float64Array, bits: number, transitions: ArrayLike<number>, lexicons: Lexicons, info: Record<string, unknown>, prune = 0): NerModel {
  return withTable(compactTable(dense, bits, L, prune), transitions, lexicons, info);
}

export { slotOf };

function withTable(table: WeightTable, transitions: ArrayLike<number>, lexicons: Lexicons, info: Record<string, unknown>): NerModel {
  const trans = Float64Array.from(transitions);
  const transitionsQ = trans.map((t) => t / table.scale);
  return { ...table, transitions: trans, transitionsQ, lexicons, info };
}

/** Serialises a model made by compactModel (gzip, level 9). */
export function encodeModel(model: NerModel): Buffer {
  const lex = model.lexicons;
  return encodeContainer(MAGIC, { bits: model.bits, labels: L, scale: model.scale, rows: model.rows.length, info: model.info }, [
    ...tableParts(model),
    ['transitions', 'f32', Float32Array.from(model.transitions)],
    ['wordKeys', 'i32', lex.words.keys], ['wordVals', 'i32', lex.words.values],
    ['phraseKeys', 'i32', lex.phrases.keys], ['phraseVals', 'i32', lex.phrases.values],
    ['lowerKeys', 'i32', lex.lowerVocab.keys], ['lowerVals', 'i32', lex.lowerVocab.values],
  ]);
}

/** Reads a model written by encodeModel. */
export function decodeModel(gz: Uint8Array): NerModel {
  const c = decodeContainer<{ bits: number; labels: number; scale: number; info: Record<string, unknown> }>(MAGIC, gz, 'NER');
  if (c.header.labels !== L) throw new TypeError(`decodeModel: model has ${c.header.labels} labels, this code ${L}`);
  const lexicons: Lexicons = {
    words: new IntMap(c.get('wordKeys', 'i32'), c.get('wordVals', 'i32')),
    phrases: new IntMap(c.get('phraseKeys', 'i32'), c.get('phraseVals', 'i32')),
    lowerVocab: new IntMap(c.get('lowerKeys', 'i32'), c.get('lowerVals', 'i32')),
  };
  return withTable(tableFromContainer(c), c.get('transitions', 'f32'), lexicons, c.header.info);
}
