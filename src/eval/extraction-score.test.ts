import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, scorePage, shingles } from './extraction-score.js';

describe('the article-extraction score', () => {
  it('counts overlapping word 4-grams as multisets', () => {
    assert.deepEqual([...shingles('a b c d e a b c d').entries()], [['a b c d', 2], ['b c d e', 1], ['c d e a', 1], ['d e a b', 1], ['e a b c', 1]]);
    assert.deepEqual([...shingles('Hi, there!').entries()], [['Hi there', 1]]);
  });
  it('scores a page by the shingles found, extra and missed', () => {
    const s = scorePage('one two three four five junk', 'one two three four five six');
    assert.deepEqual([s.tp, s.fp, s.fn], [2, 1, 1]);
    assert.equal(s.precision, 2 / 3);
    assert.equal(s.recall, 2 / 3);
  });
  it('leaves a page with no output out of the precision average, not the recall one', () => {
    const agg = aggregate([scorePage('', 'a b c d e'), scorePage('a b c d e', 'a b c d e')]);
    assert.deepEqual([agg.pages, agg.withOutput, agg.precision, agg.recall], [2, 1, 1, 0.5]);
    assert.equal(agg.f1, (2 * 0.5) / 1.5);
  });
});
