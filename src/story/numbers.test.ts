import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../api/analyze.js';

async function compare(a: string, b: string) {
  const story = await analyze([{ text: a, source: 'A', published: '2024-10-23' }, { text: b, source: 'B', published: '2024-10-23' }], { now: new Date(0) });
  return story.numbers.map((n) => [n.verdict, ...n.quantities.map((q) => `${q.span.text} [${q.low}, ${q.high}]`)]);
}

describe('numbers across outlets', () => {
  it('reads hedges as intervals: nearly and almost 100 agree', async () => {
    assert.deepEqual(await compare('Nearly 100 Labour staff members travelled to the United States.', 'Almost 100 Labour staff members travelled to the US.'), [
      ['consistent', 'Nearly 100 [90, 100]', 'Almost 100 [90, 100]'],
    ]);
  });
  it('flags counts of the same thing that cannot both be right; "more than" has no upper bound', async () => {
    assert.deepEqual(await compare('More than 300 staff members of the party travelled to Nevada.', 'About 120 staff members of the party travelled to Nevada.'), [
      ['conflict', 'More than 300 [300, null]', 'About 120 [108, 132]'],
    ]);
  });
  it('leaves years, clock times and unrelated counts alone', async () => {
    assert.deepEqual(await compare('In 2019 the party sent 12 volunteers at 9 p.m.', 'The museum has 40 paintings.'), []);
  });
});
