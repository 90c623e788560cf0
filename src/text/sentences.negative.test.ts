import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSegmenter } from './segment.js';

const segment = createSegmenter();

/** Near misses: each input is one sentence and must not be split. */
const ONE_SENTENCE = [
  'Mr. Smith went to Washington.',
  'Mrs. Smith, Ms. Jones, Dr. Brown, Gov. Newsom, Sen. Warren and Rep. Pelosi were there.',
  'U.S. officials said the talks would go on.',
  'The former U.S. president Donald Trump spoke in the U.K. parliament.',
  'The election is on Nov. 5 and the deadline is Sept. 11.',
  'Prices rose 3.5 percent to $1.2 billion, or 1,000 times more than in 2016.',
  'J.K. Rowling and Donald J. Trump met at 10:30 a.m. on Jan. 3.',
  '"Those searching for interference need to look no further than Ms. Patel\'s LinkedIn post," the campaign said.',
  'The company, Apple Inc., is based in Cupertino.',
  'He lives on St. Mark\'s Place in New York.',
  'The team is ranked No. 1 in the country.',
  'The Harris campaign has been ... generously borrowing language.',
  '"Why?" he asked.',
  '"Stop!", she shouted.',
  'She works for Smith & Co. in London.',
  'He earned a Ph.D. from the University of Chicago.',
  'Visit https://www.example.com/a.b.c?x=1.2 for details.',
  'Write to first.last@example.co.uk today.',
  'The volunteers, e.g. students, travelled.',
];

describe('sentences: near misses stay one sentence', () => {
  for (const text of ONE_SENTENCE) {
    it(`does not split: ${text}`, () => {
      const { sentences } = segment({ text, blocks: [] });
      assert.deepEqual(sentences.map((s) => text.slice(s.start, s.end)), [text]);
    });
  }
});
