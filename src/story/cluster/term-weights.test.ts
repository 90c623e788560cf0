import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TermWeights } from './term-weights.js';

/** A deterministic pseudo-random sequence (no Math.random in tests). */
function* lcg(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    yield x;
  }
}

describe('TermWeights', () => {
  it('answers as a Map does through growth, for present and absent terms', () => {
    const tw = new TermWeights();
    const map = new Map<number, number>();
    const random = lcg(7);
    for (let k = 0; k < 5000; k++) {
      // Small consecutive ids (as the clusterer makes them) and large scattered ones, some set twice.
      const t = k % 3 === 0 ? random.next().value! % 100_000 : k;
      const w = (random.next().value! % 1000) / 7;
      tw.set(t, (tw.get(t) ?? 0) + w);
      map.set(t, (map.get(t) ?? 0) + w);
    }
    assert.equal(tw.size, map.size);
    for (let t = 0; t < 100_000; t += 13) {
      assert.equal(tw.get(t), map.get(t));
      assert.equal(tw.weightOf(t), map.get(t) ?? 0);
    }
  });

  it('iterates in insertion order, like a Map, also after it grew', () => {
    const tw = new TermWeights();
    const ids = [900, 3, 77_777, 12, 5, 4096, 1, 0, 65_536, 31];
    for (let round = 0; round < 20; round++) for (const t of ids) tw.set(t + round * 1_000_003, round + t / 10);
    const map = new Map<number, number>();
    for (let round = 0; round < 20; round++) for (const t of ids) map.set(t + round * 1_000_003, round + t / 10);
    assert.deepEqual([...tw], [...map]);
    assert.deepEqual([...tw.keys()], [...map.keys()]);
    assert.deepEqual([...tw.values()], [...map.values()]);
  });

  it('keeps a term\'s first position when it is set again, and is empty after clear', () => {
    const tw = new TermWeights([[5, 1], [6, 2]]);
    tw.set(5, 10);
    assert.deepEqual([...tw], [[5, 10], [6, 2]]);
    tw.clear();
    assert.equal(tw.size, 0);
    assert.equal(tw.get(5), undefined);
    assert.equal(tw.weightOf(6), 0);
    tw.set(6, 3);
    assert.deepEqual([...tw], [[6, 3]]);
  });

  it('adds to a weight and takes dot products over its own terms', () => {
    const a = new TermWeights([[1, 2], [2, 3]]);
    a.add(2, 1);
    a.add(9, 5);
    assert.deepEqual([...a], [[1, 2], [2, 4], [9, 5]]);
    const b = new TermWeights([[2, 0.5], [9, 2], [40, 7]]);
    assert.equal(a.dot(b), 4 * 0.5 + 5 * 2);
    assert.equal(b.dot(a), a.dot(b));
    assert.equal(a.dot(new TermWeights()), 0);
  });
});
