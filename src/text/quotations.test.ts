import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findQuotations } from './quotations.js';

const quotes = (text: string): string[] => findQuotations(text, [{ start: 0, end: text.length }]).map((q) => text.slice(q.start, q.end));

describe('findQuotations', () => {
  it('reads curly and straight double quotation marks, marks left out', () => {
    assert.deepEqual(quotes('He said “no way” and "not today".'), ['no way', 'not today']);
  });
  it('runs a quotation left open to the paragraph\'s end (news style for a quotation that continues)', () => {
    const text = '"We will stay the course.\n\n"And we will win," she said.';
    const paragraphs = [{ start: 0, end: 25 }, { start: 27, end: text.length }];
    assert.deepEqual(findQuotations(text, paragraphs).map((q) => text.slice(q.start, q.end)), ['We will stay the course.', 'And we will win,']);
  });
  it('does not read apostrophes or single marks as quotations, nor marks around nothing', () => {
    assert.deepEqual(quotes("It's Labour's 'plan', they said \"\"."), []);
  });
  it('closes a straight quotation at the next straight mark even after a word', () => {
    assert.deepEqual(quotes('The "sort" of thing.'), ['sort']);
  });
});
