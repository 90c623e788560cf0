import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GOLD_CASES } from './gold-sentences.js';
import { createSegmenter } from './segment.js';

const segment = createSegmenter();
const sentencesOf = (text: string, blocks: { start: number; end: number }[] = []): string[] =>
  segment({ text, blocks: blocks.map((b) => ({ ...b, kind: 'paragraph' as const })) }).sentences.map((s) => text.slice(s.start, s.end));

describe('sentences: hand-written gold cases', () => {
  for (const c of GOLD_CASES) {
    it(`splits ${c.about} into exactly the gold sentences`, () => {
      assert.deepEqual(sentencesOf(c.sentences.join(' ')), c.sentences);
    });
  }
});

describe('sentences: offsets and blocks', () => {
  it('gives trimmed offsets and token ranges of a sentence that ends inside a closing quote', () => {
    const text = '  He said: "No." Then he left.  ';
    const { sentences, tokens } = segment({ text, blocks: [] });
    assert.deepEqual(
      sentences.map((s) => [s.start, s.end, s.block, s.tokenStart, s.tokenEnd]),
      [[2, 16, 0, 0, 7], [17, 30, 0, 7, 11]],
    );
    assert.equal(text.slice(tokens[6]!.start, tokens[6]!.end), '"');
  });

  it('never lets a sentence cross a block boundary, even without final punctuation', () => {
    const text = 'Complaint\n\nOn Monday, the team filed a complaint with the U.S.\nFederal Election Commission.';
    const blocks = [{ start: 0, end: 9 }, { start: 11, end: text.length }];
    const { sentences } = segment({ text, blocks: blocks.map((b) => ({ ...b, kind: 'paragraph' as const })) });
    assert.deepEqual(sentences.map((s) => [text.slice(s.start, s.end), s.block]), [
      ['Complaint', 0],
      ['On Monday, the team filed a complaint with the U.S.\nFederal Election Commission.', 1],
    ]);
  });

  it('reports the index of each block in article.blocks even when blocks are out of order', () => {
    const text = 'First block. Second block.';
    const { sentences } = segment({ text, blocks: [{ start: 13, end: 26, kind: 'paragraph' }, { start: 0, end: 12, kind: 'heading' }] });
    assert.deepEqual(sentences.map((s) => [text.slice(s.start, s.end), s.block]), [['First block.', 1], ['Second block.', 0]]);
  });

  it('ends a sentence at a blank line inside a block', () => {
    assert.deepEqual(sentencesOf('Brian Snyder | Reuters\n\nThe letter then cited a post'), ['Brian Snyder | Reuters', 'The letter then cited a post']);
  });

  it('splits the seed sentence that has no space after "Nov."', () => {
    assert.deepEqual(sentencesOf('ahead of the election on Nov.5. The party would "sort" housing for any volunteers.'), [
      'ahead of the election on Nov.5.',
      'The party would "sort" housing for any volunteers.',
    ]);
  });

  it('splits inside a quotation and after a quoted abbreviation', () => {
    assert.deepEqual(sentencesOf('"It is common in U.S. elections. Where Labour activists take part, they pay," a spokesperson said.'), [
      '"It is common in U.S. elections.',
      'Where Labour activists take part, they pay," a spokesperson said.',
    ]);
    assert.deepEqual(sentencesOf('"We love the U.S." Then they left.'), ['"We love the U.S."', 'Then they left.']);
  });

  it('accepts extra abbreviations through options', () => {
    const custom = createSegmenter({ abbreviations: { title: ['Cllr'] } });
    const text = 'Cllr. Jones said so.';
    assert.deepEqual(custom({ text, blocks: [] }).sentences.map((s) => text.slice(s.start, s.end)), [text]);
    assert.deepEqual(sentencesOf(text), ['Cllr.', 'Jones said so.']);
  });

  it('throws a TypeError naming the call when article.text is not a string', () => {
    assert.throws(() => segment({ text: 42 as unknown as string, blocks: [] }), { name: 'TypeError', message: /segment\(article\)/ });
  });
});
