import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plain-text.js';
import { createSegmenter } from '../../text/index.js';
import { createDateExtractor, type DateFinding } from './index.js';

const segment = createSegmenter();
const extract = createDateExtractor();

function run(text: string, published: string | null = '2024-10-23'): Array<[string, string | null, DateFinding['grain'], DateFinding['rule']]> {
  const article = { ...buildArticle(readPlainText(text), { source: 'test' }).article, published };
  return extract(article, segment(article)).map((f) => [text.slice(f.start, f.end), f.value, f.grain, f.rule]);
}

// Sentences written for these tests; 2024-10-23 is a Wednesday.
describe('createDateExtractor', () => {
  it('resolves bare weekdays and months by news convention, and looks forward when the clause does', () => {
    assert.deepEqual(run('The campaign filed a complaint on Monday.'), [['on Monday', '2024-10-21', 'day', 'date/weekday']]);
    assert.deepEqual(run('The minister rejected the claims on Wednesday.'), [['on Wednesday', '2024-10-23', 'day', 'date/weekday']]);
    assert.deepEqual(run('The committee will vote on Friday.'), [['on Friday', '2024-10-25', 'day', 'date/weekday']]);
    assert.deepEqual(run('He attended the convention in August.'), [['in August', '2024-08', 'month', 'date/month']]);
    assert.deepEqual(run('She will decide in May.'), [['in May', '2025-05', 'month', 'date/month']]);
    assert.deepEqual(run('Volunteers went ahead of the election on Nov.5.'), [['on Nov.5', '2024-11-05', 'day', 'date/month-day']]);
    assert.deepEqual(run('Shootings have risen since January 1st.'), [['January 1st', '2024-01-01', 'day', 'date/month-day']]);
  });

  it('counts relative words from publication, at the grain they name', () => {
    assert.deepEqual(run('They dined at the tower last month.'), [['last month', '2024-09', 'month', 'date/relative']]);
    assert.deepEqual(run('He spoke yesterday.'), [['yesterday', '2024-10-22', 'day', 'date/relative']]);
    assert.deepEqual(run('Talks resume this week.'), [['this week', '2024-W43', 'week', 'date/relative']]);
    assert.deepEqual(run('The law passed three years ago.'), [['three years ago', '2021', 'year', 'date/relative']]);
    assert.deepEqual(run('Staff will travel over the next few weeks.'), [['over the next few weeks', '2024-10-23/2024-11-13', 'week', 'date/range']]);
  });

  it('reads full dates, years, decades and named days without a publication date', () => {
    assert.deepEqual(run('The vote was held on 5 November 2024.', null), [['on 5 November 2024', '2024-11-05', 'day', 'date/absolute']]);
    assert.deepEqual(run('Prices fell in March 2016.', null), [['in March 2016', '2016-03', 'month', 'date/absolute']]);
    assert.deepEqual(run('He ran in 2016 and lost the 2020 race.', null), [['in 2016', '2016', 'year', 'date/year'], ['2020', '2020', 'year', 'date/year']]);
    assert.deepEqual(run('It began in the 1990s.', null), [['the 1990s', '199', 'decade', 'date/decade']]);
    assert.deepEqual(run('After the 9/11 attacks, the law changed.'), [['9/11', '2001-09-11', 'day', 'date/named']]);
  });

  it('counts "the previous day" and "two years later" from the article\'s previous date', () => {
    assert.deepEqual(run('The rally was on Oct. 10. The previous day, he flew in.'), [['on Oct. 10', '2024-10-10', 'day', 'date/month-day'], ['The previous day', '2024-10-09', 'day', 'date/previous-day']]);
    assert.deepEqual(run('He was elected in 2010. Two years later he resigned.'), [['in 2010', '2010', 'year', 'date/year'], ['Two years later', '2012', 'year', 'date/relative-to-previous']]);
  });

  it('keeps what needs a publication date with value null and a reason', () => {
    const article = { ...buildArticle(readPlainText('The campaign filed a complaint on Monday.'), { source: 'test' }).article, published: null };
    const [f] = extract(article, segment(article));
    assert.equal(f!.value, null);
    assert.equal(f!.rule, 'date/weekday');
    assert.match(f!.reason!, /no publication date/);
  });

  it('gives the sentence a date anchors as its event', () => {
    const text = 'Nothing happened. The campaign filed a complaint on Monday. Then it rained.';
    const article = { ...buildArticle(readPlainText(text), { source: 'test' }).article, published: '2024-10-23' };
    const [f] = extract(article, segment(article));
    assert.equal(text.slice(f!.event.start, f!.event.end), 'The campaign filed a complaint on Monday.');
  });

  it('near misses give nothing: month names, weekday abbreviations, titles, bare hours, durations, counts', () => {
    for (const text of [
      'Thousands joined the March on Washington.', 'He sat down with the Sun newspaper.', 'She appeared on “Fox News Sunday,” the show.',
      'The vote is at 3 and the count at 4.', 'He was jailed for three years.', 'In the weeks leading up to the vote, nothing moved.',
      'The firm hired 2,016 people.', 'Mr. March said nothing.', 'Trump may win.',
    ]) assert.deepEqual(run(text), [], text);
  });

  it('never throws on random text and gives spans inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('on ', 'Monday', 'last ', 'month', 'Nov. 5', ' 2016', 'the ', 'day', 'before', ', ', '. ', 'will ', 'since ', 'years ago', '\n\n', '9/11'), maxLength: 40 }), fc.option(fc.constantFrom('2024-10-23', '2016-02-29')), (text, published) => {
        const article = { ...buildArticle(readPlainText(text), { source: 'test' }).article, published };
        for (const f of extract(article, segment(article))) {
          assert.ok(0 <= f.start && f.start < f.end && f.end <= text.length);
          assert.ok(f.event.start <= f.start && f.end <= f.event.end);
          assert.ok(f.value !== null || f.reason);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
