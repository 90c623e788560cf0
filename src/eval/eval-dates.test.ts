import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPublicationDates, sampleEvenly } from './eval-dates.js';

describe('eval:dates helpers', () => {
  it('reads publication dates by file name from metadata.tsv, skipping rows without one', () => {
    const tsv = 'compartment\tfilename\tlevel\tpublication_date\tauthor\ndev\tnyt_a\tNone\t2016-10-01\tX\ndev\tnyt_b\tNone\tNone\tY\n';
    assert.deepEqual([...readPublicationDates(tsv)], [['nyt_a', '2016-10-01']]);
    assert.throws(() => readPublicationDates('a\tb\n1\t2\n'), /no filename or publication_date column/);
  });

  it('samples evenly and keeps everything when there are fewer items than asked', () => {
    assert.deepEqual(sampleEvenly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5), [1, 3, 5, 7, 9]);
    assert.deepEqual(sampleEvenly([1, 2], 5), [1, 2]);
  });
});
