import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSegmenter } from './segment.js';

const segment = createSegmenter();
const tokensOf = (text: string): string[] =>
  segment({ text, blocks: [] }).tokens.map((t) => `${text.slice(t.start, t.end)}/${t.kind}`);

describe('tokens', () => {
  it('splits possessives and clitics into their own word tokens', () => {
    assert.deepEqual(tokensOf("Labour's They're don't O'Brien’s"), [
      'Labour/word', "'s/word", 'They/word', "'re/word", 'do/word', "n't/word", "O'Brien/word", '’s/word',
    ]);
  });

  it('keeps abbreviations, initials and decimals whole', () => {
    assert.deepEqual(tokensOf('U.S. J.K. Ms. Donald J. Trump 3.5 1,000 $1.2 10:30 a.m. Nov. 5 No. 1'), [
      'U.S./word', 'J.K./word', 'Ms./word', 'Donald/word', 'J./word', 'Trump/word', '3.5/number', '1,000/number',
      '$/symbol', '1.2/number', '10:30/number', 'a.m./word', 'Nov./word', '5/number', 'No./word', '1/number',
    ]);
  });

  it('takes "No" without its period when no number follows', () => {
    assert.deepEqual(tokensOf('"No."'), ['"/quote', 'No/word', './punct', '"/quote']);
  });

  it('keeps hyphenated words, ’90s and the plural possessive as words', () => {
    assert.deepEqual(tokensOf('door-to-door ’90s six-page the volunteers\' homes'), [
      'door-to-door/word', '’90s/word', 'six-page/word', 'the/word', 'volunteers/word', "'/word", 'homes/word',
    ]);
  });

  it('marks every kind of quote mark as a quote', () => {
    assert.deepEqual(tokensOf('"a" “b” ‘c’ «d» „e“').filter((t) => t.endsWith('/quote')), [
      '"/quote', '"/quote', '“/quote', '”/quote', '‘/quote', '’/quote', '«/quote', '»/quote', '„/quote', '“/quote',
    ]);
  });

  it('makes URLs and e-mail addresses single tokens without trailing punctuation', () => {
    assert.deepEqual(tokensOf('See https://example.com/a_(b)?q=1, www.cnbc.com. Mail press@example.org.'), [
      'See/word', 'https://example.com/a_(b)?q=1/url', ',/punct', 'www.cnbc.com/url', './punct',
      'Mail/word', 'press@example.org/email', './punct',
    ]);
  });

  it('keeps ellipses, dashes and brackets as punctuation and emoji as one symbol', () => {
    assert.deepEqual(tokensOf('[they] ... … — – -- 👍🏽 👨‍👩‍👧'), [
      '[/punct', 'they/word', ']/punct', '.../punct', '…/punct', '—/punct', '–/punct', '--/punct', '👍🏽/symbol', '👨‍👩‍👧/symbol',
    ]);
  });
});
