import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, addUnits, formatAt, isoWeek, parseDay, resolveMonth, resolveMonthDay, resolveWeekday, weekdayOf } from './calendar.js';

const day = (iso: string) => parseDay(iso)!;
const fmt = (d: { year: number; month: number; day: number }) => formatAt(d, 'day');
// 2024-10-23 is a Wednesday.
const WED = day('2024-10-23');

describe('calendar', () => {
  it('parses days and refuses non-days', () => {
    assert.deepEqual(parseDay('2024-10-23T09:00:00Z'), { year: 2024, month: 10, day: 23 });
    assert.equal(parseDay('2024-02-30'), null);
    assert.equal(parseDay('October'), null);
    assert.equal(parseDay(null), null);
    assert.equal(weekdayOf(WED), 3);
  });

  it('a bare weekday is the most recent on or before publication, or the next on or after when looking forward', () => {
    assert.equal(fmt(resolveWeekday(1, WED, false)), '2024-10-21', 'Monday before');
    assert.equal(fmt(resolveWeekday(3, WED, false)), '2024-10-23', 'Wednesday: the day itself');
    assert.equal(fmt(resolveWeekday(4, WED, false)), '2024-10-17', 'Thursday: last week\'s');
    assert.equal(fmt(resolveWeekday(5, WED, true)), '2024-10-25', 'will … on Friday');
    assert.equal(fmt(resolveWeekday(3, WED, true)), '2024-10-23', 'will … later Wednesday');
    assert.equal(fmt(resolveWeekday(1, WED, true)), '2024-10-28');
  });

  it('a bare month is the most recent up to publication, or the next when looking forward', () => {
    assert.deepEqual(resolveMonth(8, WED, false), { year: 2024, month: 8 });
    assert.deepEqual(resolveMonth(11, WED, false), { year: 2023, month: 11 });
    assert.deepEqual(resolveMonth(10, WED, false), { year: 2024, month: 10 });
    assert.deepEqual(resolveMonth(5, WED, true), { year: 2025, month: 5 });
    assert.deepEqual(resolveMonth(12, WED, true), { year: 2024, month: 12 });
  });

  it('a month and day with no year is the occurrence nearest publication, held back by tense', () => {
    assert.equal(fmt(resolveMonthDay(11, 5, WED, 'none')!), '2024-11-05', 'the coming election');
    assert.equal(fmt(resolveMonthDay(10, 21, WED, 'none')!), '2024-10-21');
    assert.equal(fmt(resolveMonthDay(12, 28, day('2025-01-03'), 'none')!), '2024-12-28', 'last week, across new year');
    assert.equal(fmt(resolveMonthDay(11, 20, WED, 'past')!), '2023-11-20', 'a past-tense clause does not look four weeks ahead');
    assert.equal(fmt(resolveMonthDay(10, 25, WED, 'past')!), '2024-10-25', 'two days ahead is within the slack');
    assert.equal(fmt(resolveMonthDay(3, 1, WED, 'forward')!), '2025-03-01');
    assert.equal(fmt(resolveMonthDay(2, 29, WED, 'none')!), '2024-02-29', 'only leap years have it');
    assert.equal(resolveMonthDay(2, 30, WED, 'none'), null);
  });

  it('formats every grain in ISO 8601 and counts calendar units', () => {
    assert.equal(formatAt(WED, 'week'), '2024-W43');
    assert.deepEqual(isoWeek(day('2021-01-03')), { year: 2020, week: 53 });
    assert.equal(formatAt(WED, 'month'), '2024-10');
    assert.equal(formatAt(WED, 'quarter'), '2024-Q4');
    assert.equal(formatAt(WED, 'year'), '2024');
    assert.equal(formatAt(WED, 'decade'), '202');
    assert.equal(fmt(addMonths(day('2024-01-31'), 1)), '2024-02-29', 'the month\'s last day when the day is past it');
    assert.equal(fmt(addUnits(WED, -50, 'year')), '1974-10-23');
    assert.equal(fmt(addUnits(WED, 3, 'week')), '2024-11-13');
  });
});
