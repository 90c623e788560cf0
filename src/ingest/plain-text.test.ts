import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { readPlainText, splitPlainTextBlocks } from './plain-text.js';
import { confidenceOf } from './metadata-confidence.js';

const SHARED = resolve(process.cwd(), process.env['PARALLAX_SHARED'] ?? '../shared');
const SEED_000 = resolve(SHARED, 'fixtures/seed-story/000_49f830ee32a1459f.txt');

const texts = (text: string) => splitPlainTextBlocks(text).map((b) => text.slice(b.start, b.end));

describe('splitPlainTextBlocks', () => {
  it('splits on blank lines and trims surrounding whitespace from block offsets', () => {
    const text = '  First para\ncontinues here\n\n \t\nSecond para.  \n';
    assert.deepEqual(texts(text), ['First para\ncontinues here', 'Second para.']);
  });

  it('gives one block per line when lines end sentences (one sentence per line)', () => {
    const text = 'EU rejects German call to boycott British lamb .\nPeter Blackburn\nBRUSSELS 1996-08-22\nThe European Commission said on Thursday it disagreed .\nGermany wants a ban .\n';
    assert.deepEqual(texts(text), [
      'EU rejects German call to boycott British lamb .',
      'Peter Blackburn',
      'BRUSSELS 1996-08-22',
      'The European Commission said on Thursday it disagreed .',
      'Germany wants a ban .',
    ]);
  });

  it('keeps hard-wrapped prose together', () => {
    const text = 'The Labour Party has rejected accusations by the\nTrump campaign that its members interfered in the\nelection. Volunteers travelled to several states\nto help the campaign.';
    assert.equal(splitPlainTextBlocks(text).length, 1);
  });

  it('handles \\r\\n line endings and an empty text', () => {
    assert.deepEqual(texts('One.\r\n\r\nTwo.\r\n'), ['One.', 'Two.']);
    assert.deepEqual(splitPlainTextBlocks(''), []);
    assert.deepEqual(splitPlainTextBlocks(' \n\n \n'), []);
  });
});

describe('readPlainText', () => {
  it('reads seed 000: "Complaint" is a heading, "Brian Snyder | Reuters" a credit, all else paragraphs', () => {
    const text = readFileSync(SEED_000, 'utf8');
    const parts = readPlainText(text);
    assert.equal(parts.text, text);
    assert.equal(parts.blocks.length, 17);
    for (const b of parts.blocks) {
      const slice = text.slice(b.start, b.end);
      assert.equal(slice, slice.trim());
      if (slice === 'Complaint') assert.deepEqual([b.kind, b.rule], ['heading', 'block/heading-short-line']);
      else if (slice === 'Brian Snyder | Reuters') assert.deepEqual([b.kind, b.rule], ['credit', 'block/credit-pipe']);
      else assert.equal(b.kind, 'paragraph', slice);
    }
    assert.deepEqual(parts.links, []);
    assert.equal(parts.title, null);
    assert.equal(parts.published, null);
  });

  it('offers a heading-like first line as the title', () => {
    const parts = readPlainText('Labour Rejects Trump Campaign Complaint\n\nThe party said volunteers paid their own way.\n');
    assert.deepEqual(parts.title, { value: 'Labour Rejects Trump Campaign Complaint', from: 'text:first-line', confidence: confidenceOf('text:first-line') });
  });

  it('does not offer a sentence or a lone line as the title', () => {
    assert.equal(readPlainText('Stealth Over Health: Clinton Was Headed to ER.\n\nBody text.').title, null);
    assert.equal(readPlainText('Complaint').title, null);
  });
});
