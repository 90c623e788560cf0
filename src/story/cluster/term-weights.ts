/**
 * A story centroid: term id → summed weight, as an open-addressing hash table over typed arrays. Scoring an article
 * looks up each of its terms in each candidate story's centroid, and most look-ups miss; a `Map` costs several times
 * more per look-up (the growth bench's clusterer spent a third of its time in them). Iteration follows insertion
 * order, as a `Map`'s does: sums over a centroid (its length after a merge) then come out the same after a snapshot
 * is restored. Entries are never deleted one at a time, only all at once (`clear`).
 */
const EMPTY = -1;
/** At most half full: most look-ups are misses, and a miss ends at the first empty slot. */
const MAX_LOAD = 0.5;
/** Fibonacci hashing: term ids are small consecutive integers, the multiply spreads them over the table. */
const HASH = 0x9e3779b1;

export class TermWeights {
  private ids: Int32Array;
  private weights: Float64Array;
  /** Slots in insertion order. */
  private order: Int32Array;
  private shift: number;
  private count = 0;

  constructor(entries?: Iterable<readonly [number, number]>) {
    this.ids = new Int32Array(16).fill(EMPTY);
    this.weights = new Float64Array(16);
    this.order = new Int32Array(8);
    this.shift = 32 - 4;
    if (entries) for (const [t, w] of entries) this.set(t, w);
  }

  get size(): number {
    return this.count;
  }

  private slot(t: number): number {
    const ids = this.ids, mask = ids.length - 1;
    let i = Math.imul(t, HASH) >>> this.shift;
    while (ids[i] !== t && ids[i] !== EMPTY) i = (i + 1) & mask;
    return i;
  }

  /** The weight of term `t`, 0 when absent. */
  weightOf(t: number): number {
    const ids = this.ids, mask = ids.length - 1;
    let i = Math.imul(t, HASH) >>> this.shift;
    for (;;) {
      const k = ids[i]!;
      if (k === t) return this.weights[i]!;
      if (k === EMPTY) return 0;
      i = (i + 1) & mask;
    }
  }

  get(t: number): number | undefined {
    const i = this.slot(t);
    return this.ids[i] === EMPTY ? undefined : this.weights[i];
  }

  set(t: number, w: number): this {
    let i = this.slot(t);
    if (this.ids[i] === EMPTY) {
      if (this.count + 1 > this.ids.length * MAX_LOAD) {
        this.grow();
        i = this.slot(t);
      }
      this.ids[i] = t;
      if (this.count === this.order.length) {
        const order = new Int32Array(this.order.length * 2);
        order.set(this.order);
        this.order = order;
      }
      this.order[this.count++] = i;
    }
    this.weights[i] = w;
    return this;
  }

  /** Adds `w` to term `t`'s weight (from 0 when absent). */
  add(t: number, w: number): void {
    this.set(t, this.weightOf(t) + w);
  }

  /** Σ weight × other's weight over this table's terms, in insertion order. */
  dot(other: TermWeights): number {
    let d = 0;
    for (let k = 0; k < this.count; k++) {
      const i = this.order[k]!;
      d += this.weights[i]! * other.weightOf(this.ids[i]!);
    }
    return d;
  }

  private grow(): void {
    const oldIds = this.ids, oldWeights = this.weights, oldOrder = this.order, n = this.count;
    this.ids = new Int32Array(oldIds.length * 2).fill(EMPTY);
    this.weights = new Float64Array(oldIds.length * 2);
    this.shift--;
    for (let k = 0; k < n; k++) {
      const from = oldOrder[k]!;
      const to = this.slot(oldIds[from]!);
      this.ids[to] = oldIds[from]!;
      this.weights[to] = oldWeights[from]!;
      oldOrder[k] = to;
    }
  }

  clear(): void {
    this.ids = new Int32Array(16).fill(EMPTY);
    this.weights = new Float64Array(16);
    this.order = new Int32Array(8);
    this.shift = 32 - 4;
    this.count = 0;
  }

  /** The terms, in insertion order. */
  termArray(): Int32Array {
    const out = new Int32Array(this.count);
    for (let k = 0; k < this.count; k++) out[k] = this.ids[this.order[k]!]!;
    return out;
  }

  /** The weights, in insertion order. */
  weightArray(): Float64Array {
    const out = new Float64Array(this.count);
    for (let k = 0; k < this.count; k++) out[k] = this.weights[this.order[k]!]!;
    return out;
  }

  *keys(): Generator<number> {
    for (let k = 0; k < this.count; k++) yield this.ids[this.order[k]!]!;
  }

  *values(): Generator<number> {
    for (let k = 0; k < this.count; k++) yield this.weights[this.order[k]!]!;
  }

  *[Symbol.iterator](): Generator<[number, number]> {
    for (let k = 0; k < this.count; k++) {
      const i = this.order[k]!;
      yield [this.ids[i]!, this.weights[i]!];
    }
  }
}
