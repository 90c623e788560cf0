import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreClusters } from './cluster-score.js';

describe('clustering scores', () => {
  it('scores pairs and BCubed as data.md defines them', () => {
    // Gold: {0,1,2} {3,4}; predicted: {0,1} {2,3,4}.
    const s = scoreClusters(['a', 'a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y', 'y']);
    // Pairs: predicted 1 + 3 = 4, gold 3 + 1 = 4, right 1 (0–1) + 1 (3–4) = 2.
    assert.deepEqual([s.pairwise.precision, s.pairwise.recall], [0.5, 0.5]);
    // BCubed precision: 0,1: 2/2; 2: 1/3; 3,4: 2/3 → (1+1+1/3+2/3+2/3)/5.
    assert.ok(Math.abs(s.bcubed.precision - (1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5) < 1e-12);
    // BCubed recall: 0,1: 2/3; 2: 1/3; 3,4: 2/2 → (2/3+2/3+1/3+1+1)/5.
    assert.ok(Math.abs(s.bcubed.recall - (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5) < 1e-12);
    assert.deepEqual([s.goldStories, s.predictedStories], [2, 2]);
  });
  it('is perfect for the same partition under other names', () => {
    const s = scoreClusters(['a', 'a', 'b'], ['q', 'q', 'r']);
    assert.deepEqual([s.pairwise.f1, s.bcubed.f1], [1, 1]);
  });
});
