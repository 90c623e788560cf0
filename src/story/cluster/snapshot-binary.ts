/**
 * The clusterer's snapshot (version 2's content) as bytes: the strings and small integers as JSON, every vector's
 * term ids and weights as raw 32-bit integers and 64-bit floats. The store writes one every 10,000 articles and
 * reads it when a process starts; as JSON (then gzipped) it was about 49 MB of text and 0.9 s to write at 30,000
 * articles, most of it printing and compressing the weights' digits.
 *
 * Layout: MAGIC (4 bytes), the JSON's byte length (uint32, little-endian), the JSON (UTF-8), zero padding to a
 * multiple of 8, the weights (float64), then the term ids (int32), both in the machine's byte order (little-endian
 * wherever Node runs): every centroid and member vector in the order the JSON lists them, each as long as the JSON
 * says.
 */
import type { ClusterSnapshot } from './online.js';

/** "PXC3": a snapshot in this layout (a gzipped JSON snapshot starts 1f 8b). */
const MAGIC = [0x50, 0x58, 0x43, 0x33];
const HEADER_BYTES = 8;

export type BinaryStory = Omit<ClusterSnapshot['stories'][number], 'centroid' | 'members'> & {
  centroid: [Int32Array, Float64Array];
  members: Array<{ id: string; day: number | null; vector: [Int32Array, Float64Array] }>;
};
/** A decoded snapshot: version 2's fields, vectors as typed arrays (views into one buffer each). */
export type BinarySnapshot = Omit<ClusterSnapshot, 'stories'> & { stories: BinaryStory[] };

type StoryIn = Omit<ClusterSnapshot['stories'][number], 'centroid' | 'members'> & {
  centroid: readonly [ArrayLike<number>, ArrayLike<number>];
  members: ReadonlyArray<{ id: string; day: number | null; vector: readonly [ArrayLike<number>, ArrayLike<number>] }>;
};

export function isBinarySnapshot(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER_BYTES && MAGIC.every((b, i) => bytes[i] === b);
}

export function encodeSnapshot(head: Omit<ClusterSnapshot, 'stories' | 'version'>, stories: Iterable<StoryIn>): Uint8Array {
  const list = [...stories];
  let total = 0;
  for (const st of list) {
    total += st.centroid[0].length;
    for (const m of st.members) total += m.vector[0].length;
  }
  const meta = {
    ...head,
    version: 3,
    stories: list.map((st) => ({
      id: st.id, n: st.centroid[0].length, size: st.size, first: st.first, last: st.last, touched: st.touched, normSq: st.normSq,
      members: st.members.map((m) => ({ id: m.id, n: m.vector[0].length, day: m.day })),
    })),
  };
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const weightsAt = Math.ceil((HEADER_BYTES + json.length) / 8) * 8;
  const out = new Uint8Array(weightsAt + total * 12);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, HEADER_BYTES);
  const weights = new Float64Array(out.buffer, weightsAt, total);
  const terms = new Int32Array(out.buffer, weightsAt + total * 8, total);
  let k = 0;
  const put = ([t, w]: readonly [ArrayLike<number>, ArrayLike<number>]): void => {
    for (let i = 0; i < t.length; i++, k++) { terms[k] = t[i]!; weights[k] = w[i]!; }
  };
  for (const st of list) {
    put(st.centroid);
    for (const m of st.members) put(m.vector);
  }
  return out;
}

export function decodeSnapshot(bytes: Uint8Array): BinarySnapshot {
  if (!isBinarySnapshot(bytes)) throw new Error('clusterer snapshot: not in the binary layout');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonBytes = view.getUint32(4, true);
  const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + jsonBytes))) as Omit<ClusterSnapshot, 'stories' | 'version'> & {
    version: 3;
    stories: Array<Omit<BinaryStory, 'centroid' | 'members'> & { n: number; members: Array<{ id: string; n: number; day: number | null }> }>;
  };
  const weightsAt = Math.ceil((HEADER_BYTES + jsonBytes) / 8) * 8;
  const total = (bytes.byteLength - weightsAt) / 12;
  if (!Number.isInteger(total)) throw new Error('clusterer snapshot: truncated');
  // Copied out once, aligned (the buffer a database driver hands back may start anywhere).
  const weights = new Float64Array(total), terms = new Int32Array(total);
  new Uint8Array(weights.buffer).set(bytes.subarray(weightsAt, weightsAt + total * 8));
  new Uint8Array(terms.buffer).set(bytes.subarray(weightsAt + total * 8, weightsAt + total * 12));
  let k = 0;
  const take = (n: number): [Int32Array, Float64Array] => {
    const v: [Int32Array, Float64Array] = [terms.subarray(k, k + n), weights.subarray(k, k + n)];
    k += n;
    return v;
  };
  const { version: _, stories, ...head } = meta;
  return {
    ...head,
    version: 2,
    stories: stories.map(({ n, members, ...st }) => ({ ...st, centroid: take(n), members: members.map((m) => ({ id: m.id, day: m.day, vector: take(m.n) })) })),
  };
}
