import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findQuotes, quoteBaseline, sentenceAround } from './attribution-baseline.js';

describe('quoteBaseline (eval-only)', () => {
  it('takes quotes of at least 3 words with the nearest said-verb of their sentence as cue, and no source', () => {
    const text = 'Smith said on Monday. "We will win this," she told reporters. "No way," he said.';
    const out = quoteBaseline(text);
    assert.equal(out.length, 1);
    const [a] = out;
    assert.deepEqual(
      a!.content.map((s) => s.text),
      ['We will win this,'],
    );
    assert.equal(a!.cue?.text, 'told');
    assert.equal(a!.source, null);
  });
  it('skips quotes without a said-verb in their sentence, and joins quotes that take the same cue', () => {
    const text = '“This is a test of things,” he wrote.\n“We are ready now,” she said, “and we will go.”';
    const out = quoteBaseline(text);
    assert.equal(out.length, 1);
    assert.deepEqual(
      out[0]!.content.map((s) => s.text),
      ['We are ready now,', 'and we will go.'],
    );
    assert.equal(out[0]!.cue?.text, 'said');
  });
  it('uses "according to" as one cue', () => {
    const text = 'The plan “will cost far too much,” according to the report.';
    assert.equal(quoteBaseline(text)[0]?.cue?.text, 'according to');
  });
  it('finds curly and straight quotes within a line and bounds sentences', () => {
    const text = 'A "b c" d. “e f”\n"g';
    assert.deepEqual(
      findQuotes(text).map((q) => text.slice(q.start, q.end)),
      ['b c', 'e f'],
    );
    assert.deepEqual(sentenceAround(text, 2, 7), { start: 0, end: 10 });
    assert.deepEqual(sentenceAround(text, 11, 16), { start: 11, end: 17 });
  });
});
