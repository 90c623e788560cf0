import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DateMention, ExtractRecord } from '../model/schema.js';
import type { StoryEntity } from './entities.js';
import { buildTimeline } from './timeline.js';
import { firstDay } from '../extract/dates/calendar.js';

/** A date mention in `text` with its sentence and the article entities named there. */
function date(text: string, expression: string, sentence: string, value: string, grain: DateMention['grain'], entities: string[] = []): DateMention {
  const s = text.indexOf(sentence), d = text.indexOf(expression, s);
  return { span: { start: d, end: d + expression.length, text: expression }, value, grain, event: { span: { start: s, end: s + sentence.length, text: sentence }, entities } };
}

// Texts written for the test.
const A = 'Starmer rejected the claims on Wednesday in Samoa. The complaint was filed on Monday.';
const B = 'Britain sought to defuse the row on Wednesday. Voting ends on Nov. 5.';
const recordA = { dates: [date(A, 'on Wednesday', 'Starmer rejected the claims on Wednesday in Samoa.', '2024-10-23', 'day', ['e1', 'e2']), date(A, 'on Monday', 'The complaint was filed on Monday.', '2024-10-21', 'day')] };
const recordB = { dates: [date(B, 'on Wednesday', 'Britain sought to defuse the row on Wednesday.', '2024-10-23', 'day', ['e7']), date(B, 'on Nov. 5', 'Voting ends on Nov. 5.', '2024-11-05', 'day')] };
// e2 (A) and e7 (B) are one story entity: the United Kingdom.
const entities: StoryEntity[] = [
  { id: 's1', canonical: 'person:starmer', type: 'person', name: 'Keir Starmer', roles: [], aliases: [], mentions: 1, in: [{ article: 0, entity: 'e1' }] },
  { id: 's2', canonical: 'place:uk', type: 'place', name: 'United Kingdom', roles: [], aliases: [], mentions: 2, in: [{ article: 0, entity: 'e2' }, { article: 1, entity: 'e7' }] },
];

describe('buildTimeline', () => {
  it('merges the same date across outlets when the sentences share an entity, and orders by date', () => {
    const t = buildTimeline([recordA, recordB] as unknown as ExtractRecord[], entities);
    assert.deepEqual(t.map((e) => [e.id, e.value, e.articles]), [['t1', '2024-10-21', [0]], ['t2', '2024-10-23', [0, 1]], ['t3', '2024-11-05', [1]]]);
    assert.deepEqual(t[1]!.mentions.map((m) => m.entities), [['s1', 's2'], ['s2']]);
  });

  it('keeps the same date apart when the sentences share neither entities nor words', () => {
    const C = 'A storm hit Lisbon on Wednesday.';
    const recordC = { dates: [date(C, 'on Wednesday', C, '2024-10-23', 'day', ['e3'])] };
    const t = buildTimeline([recordA, recordC] as unknown as ExtractRecord[], entities.slice(0, 1));
    assert.equal(t.filter((e) => e.value === '2024-10-23').length, 2);
  });

  it('puts coarser grains first on the same first day, and skips unresolved dates', () => {
    const D = 'In October the party met. On Oct. 1 it voted. The date of the vote is unknown.';
    const recordD = { dates: [
      date(D, 'On Oct. 1', 'On Oct. 1 it voted.', '2024-10-01', 'day'),
      date(D, 'In October', 'In October the party met.', '2024-10', 'month'),
      { span: { start: 0, end: 2, text: 'In' }, value: null, grain: null },
    ] };
    assert.deepEqual(buildTimeline([recordD] as unknown as ExtractRecord[], []).map((e) => e.value), ['2024-10', '2024-10-01']);
  });

  it('knows the first day of every ISO form', () => {
    assert.equal(firstDay('2024-10-23/2024-11-13'), '2024-10-23');
    assert.equal(firstDay('2024-10'), '2024-10-01');
    assert.equal(firstDay('2024-W43'), '2024-10-21');
    assert.equal(firstDay('2024-Q4'), '2024-10-01');
    assert.equal(firstDay('2024'), '2024-01-01');
    assert.equal(firstDay('199'), '1990-01-01');
    assert.equal(firstDay('2024-10-21T10:00'), '2024-10-21');
  });
});
