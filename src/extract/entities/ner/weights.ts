/**
 * The compact weight table shared by the statistical taggers (NER, attributions): averaged dense
 * weights (buckets × labels) pruned to sparse rows of 16-bit weights, an open-addressing look-up table
 * used when tagging, and the gzipped binary container both model files use:
 *
 *   MAGIC, u32 header length, header JSON (utf-8, with `arrays: [{name, type, length}]`), zero padding
 *   to 4 bytes, then each named array (little-endian), each padded to 4 bytes.
 */
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface WeightTable {
  /** log2 of the number of feature buckets. */
  bits: number;
  /** Row r's weights are quantised[rowStart[r] .. rowStart[r+1]) for labels[…] (sparse). */
  rowStart: Uint32Array;
  labels: Uint8Array;
  /** As stored: bucket of each row, weights / scale as 16-bit integers. */
  rows: Uint32Array;
  quantised: Int16Array;
  scale: number;
}

/**
 * The look-up structure `addRows` tags with (small enough to stay in cache): open addressing over `slotMask + 1`
 * slots, slot k holding the bucket in `slots[2k]` (-1: empty) and its row packed in `slots[2k + 1]` as
 * `start << 5 | count` into `packed`, whose entries are `quantised << 5 | label`. Built on first use: a tagger
 * that reads the table densely (`denseTable`) never needs it, and it is four times the stored table's size.
 */
interface TableLookup {
  slots: Int32Array;
  slotMask: number;
  /** One bit per bucket: set when the bucket has a row (most features have none; this rejects them from cache). */
  present: Int32Array;
  packed: Int32Array;
}

/** Labels a table can hold (the packed look-up entries keep the label in 5 bits). */
export const MAX_TABLE_LABELS = 32;

/**
 * The sparse table from dense averaged weights (buckets × numLabels): entries with |weight| ≤ `prune`
 * are dropped, rows keep only their non-zero labels, weights are quantised to 16 bits (as in the file).
 */
export function compactTable(dense: Float32Array | Float64Array, bits: number, numLabels: number, prune = 0): WeightTable {
  const L = numLabels;
  const buckets = 1 << bits;
  assert(L <= MAX_TABLE_LABELS, 'a weight table holds at most 32 labels');
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
  return tableFromArrays(bits, scale, Uint32Array.from(rows), Uint32Array.from(rowStart), Uint8Array.from(labels), Int16Array.from(quantised));
}

const denseCache = new WeakMap<WeightTable, Map<number, Int16Array>>();
/**
 * The table as a dense array (bucket × `stride` labels, 16-bit quantised weights), built once per table and
 * stride: one memory access per feature instead of the sparse look-up's probe and row. Worth it when the
 * buckets × stride × 2 bytes stay small enough to sit mostly in cache.
 */
export function denseTable(table: WeightTable, stride: number): Int16Array {
  let byStride = denseCache.get(table);
  if (!byStride) denseCache.set(table, (byStride = new Map()));
  let dense = byStride.get(stride);
  if (dense) return dense;
  dense = new Int16Array((1 << table.bits) * stride);
  const { rows, rowStart, labels, quantised } = table;
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * stride;
    for (let e = rowStart[r]!, stop = rowStart[r + 1]!; e < stop; e++) dense[base + labels[e]!] = quantised[e]!;
  }
  byStride.set(stride, dense);
  return dense;
}

/** Mixes a bucket id into a slot of the look-up table. */
export const slotOf = (bucket: number, mask: number): number => Math.imul(bucket, 0x9e3779b1) >>> 12 & mask;

/** The table from the stored arrays (its look-up structure is built when first tagged with: `lookupOf`). */
export function tableFromArrays(bits: number, scale: number, rows: ArrayLike<number>, rowStart: Uint32Array, labels: Uint8Array, quantised: Int16Array): WeightTable {
  if (quantised.length >= 1 << 26) throw new RangeError('weight table: too many weights for the packed look-up table');
  return { bits, rowStart, labels, scale, quantised, rows: rows instanceof Uint32Array ? rows : Uint32Array.from(rows) };
}

const lookupCache = new WeakMap<WeightTable, TableLookup>();
function lookupOf(table: WeightTable): TableLookup {
  let lookup = lookupCache.get(table);
  if (lookup) return lookup;
  const { rows, rowStart, labels, quantised, bits } = table;
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
  lookup = { slots, slotMask, present, packed };
  lookupCache.set(table, lookup);
  return lookup;
}

/** Adds the quantised weights of features feats[from .. to) to out[base + label] (units of table.scale). */
export function addRows(table: WeightTable, feats: Int32Array, from: number, to: number, out: Int32Array | Float64Array, base: number): void {
  const { slots, slotMask, packed, present } = lookupOf(table);
  for (let k = from; k < to; k++) {
    const bucket = feats[k]!;
    if (!(present[bucket >>> 5]! & (1 << (bucket & 31)))) continue;
    let s = slotOf(bucket, slotMask);
    for (;;) {
      const key = slots[2 * s]!;
      if (key === bucket) {
        const v = slots[2 * s + 1]!;
        for (let e = v >>> 5, stop = e + (v & 31); e < stop; e++) {
          const p = packed[e]!;
          const at = base + (p & 31);
          out[at] = out[at]! + (p >> 5);
        }
        break;
      }
      if (key === -1) break;
      s = (s + 1) & slotMask;
    }
  }
}

export type ArrayType = 'u8' | 'u32' | 'i32' | 'i16' | 'u16' | 'f32';
export const ARRAY_TYPES = { u8: Uint8Array, u32: Uint32Array, i32: Int32Array, i16: Int16Array, u16: Uint16Array, f32: Float32Array } as const;
export type ContainerPart = [name: string, type: ArrayType, array: ArrayBufferView & { length: number }];

/** The table's arrays as container parts (rows, rowStart, labels, weights), their names prefixed (a file may hold several tables). */
export const tableParts = (t: WeightTable, prefix = ''): ContainerPart[] => [[`${prefix}rows`, 'u32', t.rows], [`${prefix}rowStart`, 'u32', t.rowStart], [`${prefix}labels`, 'u8', t.labels], [`${prefix}weights`, 'i16', t.quantised]];

/** Serialises a header (any JSON object; `arrays` is added) and named arrays: gzip, level 9. */
export function encodeContainer(magic: string, header: Record<string, unknown>, parts: readonly ContainerPart[]): Buffer {
  const json = Buffer.from(JSON.stringify({ ...header, arrays: parts.map(([name, type, a]) => ({ name, type, length: a.length })) }), 'utf8');
  const chunks: Buffer[] = [Buffer.from(magic, 'latin1')];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  chunks.push(len, json);
  let size = magic.length + 4 + json.length;
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

export interface Container<H> {
  header: H;
  get<C extends ArrayType>(name: string, type: C): InstanceType<(typeof ARRAY_TYPES)[C]>;
}

/** Reads a container written by encodeContainer; `what` names the file kind in errors. */
export function decodeContainer<H>(magic: string, gz: Uint8Array, what: string): Container<H> {
  const raw = gunzipSync(gz);
  if (raw.subarray(0, magic.length).toString('latin1') !== magic) throw new TypeError(`decodeModel: not a Parallax ${what} model file`);
  const jsonLength = raw.readUInt32LE(magic.length);
  let at = magic.length + 4;
  const header = JSON.parse(raw.subarray(at, at + jsonLength).toString('utf8')) as H & { arrays: Array<{ name: string; type: ArrayType; length: number }> };
  at += jsonLength;
  at += (4 - (at % 4)) % 4;
  const arrays = new Map<string, ArrayBufferView>();
  for (const { name, type, length } of header.arrays) {
    const Ctor = ARRAY_TYPES[type];
    const bytes = length * Ctor.BYTES_PER_ELEMENT;
    // Copy into an aligned buffer (the gunzipped buffer may be pooled or unaligned).
    const copy = new Uint8Array(bytes);
    copy.set(raw.subarray(at, at + bytes));
    arrays.set(name, new Ctor(copy.buffer));
    at += bytes;
    at += (4 - (at % 4)) % 4;
  }
  return {
    header,
    get<C extends ArrayType>(name: string, type: C): InstanceType<(typeof ARRAY_TYPES)[C]> {
      const a = arrays.get(name);
      if (!(a instanceof ARRAY_TYPES[type])) throw new TypeError(`decodeModel: array ${name} missing`);
      return a as InstanceType<(typeof ARRAY_TYPES)[C]>;
    },
  };
}

/** The table stored in a container by tableParts (with the same prefix); bits and scale from the header unless given. */
export function tableFromContainer(c: Container<unknown>, prefix = '', { bits, scale } = c.header as { bits: number; scale: number }): WeightTable {
  return tableFromArrays(bits, scale, c.get(`${prefix}rows`, 'u32'), c.get(`${prefix}rowStart`, 'u32'), c.get(`${prefix}labels`, 'u8'), c.get(`${prefix}weights`, 'i16'));
}

/** A loader that reads and decodes each model file once per process, by path. */
export function cachedModelLoader<M>(decode: (bytes: Buffer) => M): (path: string) => M {
  const cache = new Map<string, M>();
  return (path) => {
    let model = cache.get(path);
    if (!model) {
      model = decode(readFileSync(path));
      cache.set(path, model);
    }
    return model;
  };
}
