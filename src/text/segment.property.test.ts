import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createSegmenter } from './segment.js';
import type { Block } from '../model/schema.js';

const segment = createSegmenter();

/** Characters that exercise the scanners: abbreviations, quotes, surrogates, separators. */
const PIECES = [
  ' ', '  ', '\n', '\n\n', '.', '...', '…', '!', '?', ',', '"', "'", '’', '“', '”', '«', '»', '(', ')', '[', ']', '-', '—',
  'a', 'The', 'U.S.', 'Mr.', 'Nov.', 'No.', 'J.', '3.5', '1,000', "'s", 'n\'t', 'https://x.io/a.', 'a@b.co', 'www.', '@', '://',
  '👍🏽', '\u200d', '\ud83d', '\ude00', '\u0301', '\u00a0', '\u2029', 'é', '中',
];
const textArb = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join('')),
);

function blocksFor(text: string, cuts: number[]): Block[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * (text.length + 1))))].sort((a, b) => a - b);
  const blocks: Block[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) blocks.push({ start: points[i]!, end: points[i + 1]!, kind: 'paragraph' });
  return blocks;
}

describe('segmenter invariants on random input', () => {
  it('returns ordered tokens and sentences whose offsets slice the text and stay inside their blocks', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 8 }), (text, cuts) => {
        const blocks = blocksFor(text, cuts);
        const { tokens, sentences } = segment({ text, blocks });
        let prevEnd = 0;
        for (const t of tokens) {
          assert.ok(Number.isInteger(t.start) && Number.isInteger(t.end), 'integer offsets');
          assert.ok(t.start >= prevEnd && t.end > t.start && t.end <= text.length, 'tokens are ordered, non-empty and disjoint');
          assert.ok(/\S/u.test(text.slice(t.start, t.end)) || text.slice(t.start, t.end).length > 0, 'token text');
          prevEnd = t.end;
        }
        let nextToken = 0;
        for (const s of sentences) {
          const block = blocks.length > 0 ? blocks[s.block]! : { start: 0, end: text.length };
          assert.ok(s.start >= block.start && s.end <= block.end, 'sentence inside its block');
          assert.ok(s.tokenStart === nextToken && s.tokenEnd > s.tokenStart, 'sentences partition the tokens in order');
          assert.equal(s.start, tokens[s.tokenStart]!.start);
          assert.equal(s.end, tokens[s.tokenEnd - 1]!.end);
          const slice = text.slice(s.start, s.end);
          assert.equal(slice, slice.trim(), 'sentence is trimmed');
          nextToken = s.tokenEnd;
        }
        assert.equal(nextToken, tokens.length, 'every token is in a sentence');
      }),
      { numRuns: 300 },
    );
  });

  it('does not split surrogate pairs inside a block', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const t of segment({ text, blocks: [] }).tokens) {
          const first = text.charCodeAt(t.start);
          const last = text.charCodeAt(t.end - 1);
          assert.ok(!(first >= 0xdc00 && first <= 0xdfff && t.start > 0 && text.charCodeAt(t.start - 1) >= 0xd800 && text.charCodeAt(t.start - 1) <= 0xdbff), 'starts mid-pair');
          assert.ok(!(last >= 0xd800 && last <= 0xdbff && t.end < text.length && text.charCodeAt(t.end) >= 0xdc00 && text.charCodeAt(t.end) <= 0xdfff), 'ends mid-pair');
        }
      }),
      { numRuns: 300 },
    );
  });
});
