import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createSegmenter } from '../../../text/index.js';
import { conllArticle } from './conll.js';
import { createNerTagger, type NerMention } from './tagger.js';

const segment = createSegmenter();
const tagger = createNerTagger();

function tag(text: string): NerMention[] {
  return tagger(text, segment(conllArticle(text)));
}
const found = (text: string): string[] => tag(text).map((m) => `${m.type}:${text.slice(m.start, m.end)}`);

describe('createNerTagger', () => {
  it('finds people and a place with exact offsets', () => {
    const text = 'Prime Minister Keir Starmer met Donald Trump in New York.';
    const mentions = tag(text);
    assert.deepEqual(found(text), ['person:Keir Starmer', 'person:Donald Trump', 'place:New York']);
    const [keir] = mentions;
    assert.equal(keir?.start, text.indexOf('Keir'));
    assert.equal(keir?.end, text.indexOf('Starmer') + 'Starmer'.length);
    assert.equal(keir?.rule, 'ner/perceptron');
    assert.equal(keir?.tokenEnd! - keir?.tokenStart!, 2);
  });

  it('finds organisations', () => {
    assert.ok(found('The Labour Party said on Tuesday it would fight the plan.').includes('organization:Labour Party'));
    assert.ok(found('A complaint was filed with the Federal Election Commission last week.').includes('organization:Federal Election Commission'));
  });

  it('reads curly apostrophes like straight ones and leaves titles out of names', () => {
    const text = 'Angela Merkel’s government rejected it, Ms. Smith told reporters.';
    const got = found(text);
    assert.ok(got.includes('person:Angela Merkel'), got.join(', '));
    assert.ok(got.includes('person:Smith'), got.join(', '));
  });

  it('tags only the sentences asked for', () => {
    const text = 'Donald Trump spoke.\n\nKeir Starmer listened.\n';
    const layer = segment(conllArticle(text));
    assert.equal(layer.sentences.length, 2);
    const second = tagger(text, layer, [1]).map((m) => text.slice(m.start, m.end));
    assert.deepEqual(second, ['Keir Starmer']);
  });

  it('finds no person in near misses', () => {
    for (const text of [
      'He said it would rain on Monday.',
      'They met on Friday and talked until late.',
      'The government said prices would rise in January.',
      'It was a good year for the company.',
    ]) {
      assert.deepEqual(tag(text).filter((m) => m.type === 'person'), [], text);
    }
  });

  it('gives offsets that slice the text exactly, on any text', () => {
    const pieces = ['John', 'Smith', 'New', 'York', 'said', ' ', ' ', '\n', '.', ',', '“', '”', '’s', "'s", 'U.S.', 'Ms.', 'LONDON', '1996-08-30', 'the', 'Bank', 'of', 'é', '-', '\u00a0'];
    const textArb = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        const layer = segment(conllArticle(text));
        for (const m of tagger(text, layer)) {
          assert.ok(m.start < m.end && m.end <= text.length);
          assert.equal(m.start, layer.tokens[m.tokenStart]!.start);
          assert.equal(m.end, layer.tokens[m.tokenEnd - 1]!.end);
          assert.equal(text.slice(m.start, m.end).trim(), text.slice(m.start, m.end));
        }
      }),
      { numRuns: 200 },
    );
  });
});
