/**
 * The NER model: hashed feature weights per BILOU label, label transitions, the lexicons read from the
 * training data; constrained Viterbi decoding; and the compact gzipped binary file format.
 *
 * File (gzip of): "PLXNER1\n", u32 header length, header JSON (utf-8), zero padding to 4 bytes, then the
 * arrays named in header.arrays in order (little-endian): feature rows (u32 bucket ids), row weights
 * (i16, × header.scale), transitions (f32), lexicon keys and values.
 */
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { IntMap } from './intmap.js';
import { NUM_LABELS, labelPos, labelType, POS_B, POS_I, POS_L, POS_U, type Lexicons } from './features.js';

const L = NUM_LABELS;
const MAGIC = 'PLXNER1\n';

export interface NerModel {
  /** log2 of the number of feature buckets. */
  bits: number;
  /** Row r's weights are weights[rowStart[r] .. rowStart[r+1]) for labels[…] (sparse). */
  rowStart: Uint32Array;
  /**
   * The look-up table used when tagging (small enough to stay in cache): open addressing over
   * `slotMask + 1` slots, slot k holding the bucket in `slots[2k]` (-1: empty) and its row packed in
   * `slots[2k + 1]` as `start << 5 | count` into `packed`, whose entries are `quantised << 5 | label`.
   */
  slots: Int32Array;
  slotMask: number;
  /** One bit per bucket: set when the bucket has a row (most features have none; this rejects them from cache). */
  present: Int32Array;
  packed: Int32Array;
  labels: Uint8Array;
  weights: Float64Array;
  /** As stored: bucket of each row, weights / scale as 16-bit integers. */
  rows: Uint32Array;
  quantised: Int16Array;
  scale: number;
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

interface Header {
  bits: number;
  labels: number;
  scale: number;
  rows: number;
  info: Record<string, unknown>;
  arrays: Array<{ name: string; type: 'u8' | 'u32' | 'i32' | 'i16' | 'u16' | 'f32'; length: number }>;
}

const CTORS = { u8: Uint8Array, u32: Uint32Array, i32: Int32Array, i16: Int16Array, u16: Uint16Array, f32: Float32Array } as const;

/**
 * The compact model from dense averaged weights (buckets × L): entries with |weight| ≤ `prune` are
 * dropped, rows keep only their non-zero labels, weights are quantised to 16 bits (as in the file).
 */
export function compactModel(dense: Float32Array | Float64Array, bits: number, transitions: ArrayLike<number>, lexicons: Lexicons, info: Record<string, unknown>, prune = 0): NerModel {
  const buckets = 1 << bits;
  assert(dense.length === buckets * L, 'dense weights must be buckets × labels');
  let maxAbs = 0;
  for (let k = 0; k < dense.length; k++) maxAbs = Math.max(maxAbs, Math.abs(dense[k]!));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const rows: number[] = [];
  const rowStart: number[] = [0];
  const labels: number[] = [];
  const quantised: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const before = labels.length;
    for (let l = 0; l < L; l++) {
      const w = dense[b * L + l]!;
      const q = Math.round(w / scale);
      if (Math.abs(w) > prune && q !== 0) { labels.push(l); quantised.push(q); }
    }
    if (labels.length > before) { rows.push(b); rowStart.push(labels.length); }
  }
  return fromArrays(bits, scale, Uint32Array.from(rows), Uint32Array.from(rowStart), Uint8Array.from(labels), Int16Array.from(quantised), transitions, lexicons, info);
}

/** Mixes a bucket id into a slot of the look-up table. */
export const slotOf = (bucket: number, mask: number): number => Math.imul(bucket, 0x9e3779b1) >>> 12 & mask;

function fromArrays(bits: number, scale: number, rows: ArrayLike<number>, rowStart: Uint32Array, labels: Uint8Array, quantised: Int16Array, transitions: ArrayLike<number>, lexicons: Lexicons, info: Record<string, unknown>): NerModel {
  const weights = new Float64Array(quantised.length);
  for (let k = 0; k < quantised.length; k++) weights[k] = quantised[k]! * scale;
  if (quantised.length >= 1 << 26) throw new RangeError('NER model: too many weights for the packed look-up table');
  const packed = new Int32Array(quantised.length);
  for (let k = 0; k < quantised.length; k++) packed[k] = (quantised[k]! << 5) | labels[k]!;
  let size = 1024;
  while (size < rows.length * 2) size *= 2;
  const slotMask = size - 1;
  const slots = new Int32Array(2 * size).fill(-1);
  for (let r = 0; r < rows.length; r++) {
    let k = slotOf(rows[r]!, slotMask);
    while (slots[2 * k] !== -1) k = (k + 1) & slotMask;
    slots[2 * k] = rows[r]!;
    slots[2 * k + 1] = (rowStart[r]! << 5) | (rowStart[r + 1]! - rowStart[r]!);
  }
  const present = new Int32Array(Math.max(1, (1 << bits) >>> 5));
  for (let r = 0; r < rows.length; r++) present[rows[r]! >>> 5] = present[rows[r]! >>> 5]! | (1 << (rows[r]! & 31));
  const trans = Float64Array.from(transitions);
  const transitionsQ = trans.map((t) => t / scale);
  return { bits, rowStart, labels, weights, slots, slotMask, present, packed, transitions: trans, transitionsQ, lexicons, info, scale, quantised, rows: Uint32Array.from(rows) };
}

/** Serialises a model made by compactModel (gzip, level 9). */
export function encodeModel(model: NerModel): Buffer {
  const lex = model.lexicons;
  const parts: Array<[string, Header['arrays'][number]['type'], ArrayBufferView & { length: number }]> = [
    ['rows', 'u32', model.rows], ['rowStart', 'u32', model.rowStart], ['labels', 'u8', model.labels], ['weights', 'i16', model.quantised],
    ['transitions', 'f32', Float32Array.from(model.transitions)],
    ['wordKeys', 'i32', lex.words.keys], ['wordVals', 'i32', lex.words.values],
    ['phraseKeys', 'i32', lex.phrases.keys], ['phraseVals', 'i32', lex.phrases.values],
    ['lowerKeys', 'i32', lex.lowerVocab.keys], ['lowerVals', 'i32', lex.lowerVocab.values],
  ];
  const header: Header = {
    bits: model.bits, labels: L, scale: model.scale, rows: model.rows.length, info: model.info,
    arrays: parts.map(([name, type, a]) => ({ name, type, length: a.length })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const chunks: Buffer[] = [Buffer.from(MAGIC, 'latin1')];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  chunks.push(len, json);
  let size = MAGIC.length + 4 + json.length;
  const pad = (4 - (size % 4)) % 4;
  chunks.push(Buffer.alloc(pad));
  size += pad;
  for (const [, , a] of parts) {
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    chunks.push(bytes);
    size += bytes.length;
    const p = (4 - (size % 4)) % 4;
    chunks.push(Buffer.alloc(p));
    size += p;
  }
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

/** Reads a model written by encodeModel. */
export function decodeModel(gz: Uint8Array): NerModel {
  const raw = gunzipSync(gz);
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new TypeError('decodeModel: not a Parallax NER model file');
  const jsonLength = raw.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4;
  const header = JSON.parse(raw.subarray(at, at + jsonLength).toString('utf8')) as Header;
  if (header.labels !== L) throw new TypeError(`decodeModel: model has ${header.labels} labels, this code ${L}`);
  at += jsonLength;
  at += (4 - (at % 4)) % 4;
  const arrays = new Map<string, ArrayBufferView>();
  for (const { name, type, length } of header.arrays) {
    const Ctor = CTORS[type];
    const bytes = length * Ctor.BYTES_PER_ELEMENT;
    // Copy into an aligned buffer (the gunzipped buffer may be pooled or unaligned).
    const copy = new Uint8Array(bytes);
    copy.set(raw.subarray(at, at + bytes));
    arrays.set(name, new Ctor(copy.buffer));
    at += bytes;
    at += (4 - (at % 4)) % 4;
  }
  function get<C extends keyof typeof CTORS>(name: string, type: C): InstanceType<(typeof CTORS)[C]> {
    const a = arrays.get(name);
    if (!(a instanceof CTORS[type])) throw new TypeError(`decodeModel: array ${name} missing`);
    return a as InstanceType<(typeof CTORS)[C]>;
  }
  const lexicons: Lexicons = {
    words: new IntMap(get('wordKeys', 'i32'), get('wordVals', 'i32')),
    phrases: new IntMap(get('phraseKeys', 'i32'), get('phraseVals', 'i32')),
    lowerVocab: new IntMap(get('lowerKeys', 'i32'), get('lowerVals', 'i32')),
  };
  return fromArrays(header.bits, header.scale, get('rows', 'u32'), get('rowStart', 'u32'), get('labels', 'u8'), get('weights', 'i16'), get('transitions', 'f32'), lexicons, header.info);
}
