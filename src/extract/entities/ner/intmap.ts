/**
 * A read-mostly map from 32-bit integers to 32-bit integers: open addressing over two Int32Arrays,
 * much faster than a JS Map for the lexicon look-ups done per token. Built once from keys and values.
 */
import { mix } from './hash.js';

/** Marks an empty slot; a real key equal to it is kept aside. */
const EMPTY = -0x80000000;

export class IntMap {
  /** Slot k: key at 2k (EMPTY: free), value at 2k + 1 — one cache line per probe. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly hasEmptyKey: boolean = false;
  private readonly emptyKeyValue: number = 0;
  /** The entries, in insertion order (what the model file stores). */
  readonly keys: Int32Array;
  readonly values: Int32Array;

  constructor(keys: ArrayLike<number>, values: ArrayLike<number>) {
    if (keys.length !== values.length) throw new TypeError('IntMap(keys, values): lengths differ');
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(2 * size).fill(EMPTY);
    this.keys = Int32Array.from(keys);
    this.values = Int32Array.from(values);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]! | 0;
      if (key === EMPTY) { this.hasEmptyKey = true; this.emptyKeyValue = values[k]! | 0; continue; }
      let i = mix(key, 0x27d4eb2d) & this.mask;
      while (this.table[2 * i] !== EMPTY && this.table[2 * i] !== key) i = (i + 1) & this.mask;
      this.table[2 * i] = key;
      this.table[2 * i + 1] = values[k]! | 0;
    }
  }

  /** The table slot holding `key` (not the EMPTY key), or -1. */
  private slot(key: number): number {
    const table = this.table;
    let i = mix(key, 0x27d4eb2d) & this.mask;
    for (;;) {
      const k = table[2 * i]!;
      if (k === key) return i;
      if (k === EMPTY) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** The value of key, or `missing`. */
  get(key: number, missing = 0): number {
    if (key === EMPTY) return this.hasEmptyKey ? this.emptyKeyValue : missing;
    const i = this.slot(key);
    return i < 0 ? missing : this.table[2 * i + 1]!;
  }

  has(key: number): boolean {
    return key === EMPTY ? this.hasEmptyKey : this.slot(key) >= 0;
  }

  static fromMap(map: ReadonlyMap<number, number>): IntMap {
    return new IntMap(Array.from(map.keys()), Array.from(map.values()));
  }

  static fromSet(set: ReadonlySet<number>): IntMap {
    const keys = Array.from(set);
    return new IntMap(keys, keys.map(() => 1));
  }
}

/** A set of 32-bit integers, cleared and refilled per article (no allocation once grown). */
export class IntSet {
  private table = new Int32Array(1024).fill(EMPTY);
  private mask = 1023;
  private size = 0;
  private hasEmptyKey = false;

  clear(): void {
    if (this.size > 0) this.table.fill(EMPTY);
    this.size = 0;
    this.hasEmptyKey = false;
  }

  add(key: number): void {
    if (key === EMPTY) { this.hasEmptyKey = true; return; }
    if (2 * (this.size + 1) > this.table.length) this.grow();
    const table = this.table;
    let i = mix(key, 0x27d4eb2d) & this.mask;
    for (;;) {
      const k = table[i]!;
      if (k === key) return;
      if (k === EMPTY) { table[i] = key; this.size++; return; }
      i = (i + 1) & this.mask;
    }
  }

  has(key: number): boolean {
    if (key === EMPTY) return this.hasEmptyKey;
    const table = this.table;
    let i = mix(key, 0x27d4eb2d) & this.mask;
    for (;;) {
      const k = table[i]!;
      if (k === key) return true;
      if (k === EMPTY) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2).fill(EMPTY);
    this.mask = this.table.length - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i++) if (old[i] !== EMPTY) this.add(old[i]!);
  }
}
