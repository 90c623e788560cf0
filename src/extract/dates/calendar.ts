/**
 * Calendar arithmetic for resolving date expressions against a publication date, in whole days (UTC, no
 * time zones: a news date is a calendar day), and the ISO 8601 forms of each grain. Pure functions.
 */
import type { DateGrain } from '../../model/schema.js';

/** A calendar day. month 1–12. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const utc = (d: Day): number => Date.UTC(d.year, d.month - 1, d.day);
const fromTime = (t: number): Day => {
  const x = new Date(t);
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
};
const MS_DAY = 86_400_000;

export const addDays = (d: Day, n: number): Day => fromTime(utc(d) + n * MS_DAY);
/** n calendar months later (earlier for n < 0), the day kept or, past the month's end, its last day. */
export function addMonths(d: Day, n: number): Day {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12), month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day, last) };
}
/** n units of a grain later: days, weeks, months, years, decades. */
export function addUnits(d: Day, n: number, unit: 'day' | 'week' | 'month' | 'year' | 'decade'): Day {
  switch (unit) {
    case 'day': return addDays(d, n);
    case 'week': return addDays(d, 7 * n);
    case 'month': return addMonths(d, n);
    case 'year': return addMonths(d, 12 * n);
    case 'decade': return addMonths(d, 120 * n);
  }
}
/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (d: Day): number => new Date(utc(d)).getUTCDay();
export const compareDays = (a: Day, b: Day): number => utc(a) - utc(b);
export const daysBetween = (a: Day, b: Day): number => Math.round((utc(b) - utc(a)) / MS_DAY);
/** Whether the day exists (no 31 April). */
export const isValidDay = (d: Day): boolean => d.month >= 1 && d.month <= 12 && d.day >= 1 && fromTime(utc(d)).day === d.day;

/** Parses `YYYY-MM-DD` (or the date part of a date-time); null when it is not one. */
export function parseDay(iso: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(d) ? d : null;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The ISO week (year, week number) of a day: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 3 - ((weekdayOf(d) + 6) % 7));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  return { year: thursday.year, week: Math.floor(daysBetween(jan1, thursday) / 7) + 1 };
}

/** The ISO 8601 value of a day at a grain: 2024-10-21, 2024-W43, 2024-10, 2024, 2020s as 202. */
export function formatAt(d: Day, grain: DateGrain): string {
  switch (grain) {
    case 'day': return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
    case 'week': { const w = isoWeek(d); return `${pad(w.year, 4)}-W${pad(w.week)}`; }
    case 'month': return `${pad(d.year, 4)}-${pad(d.month)}`;
    case 'quarter': return `${pad(d.year, 4)}-Q${Math.floor((d.month - 1) / 3) + 1}`;
    case 'year': return pad(d.year, 4);
    // ISO 8601's decade form: the year's first three digits (2020s → 202).
    case 'decade': return pad(Math.floor(d.year / 10), 3);
    case 'time': return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
  }
}

/**
 * A bare weekday ("on Monday") in news: the most recent such day on or before publication, or, when the clause
 * looks forward ("will meet on Friday"), the next one on or after it ("will speak later Friday" in a Friday
 * paper is that day; a week ahead would say "next Friday").
 */
export function resolveWeekday(weekday: number, published: Day, forward: boolean): Day {
  const diff = (weekdayOf(published) - weekday + 7) % 7;
  if (!forward) return addDays(published, -diff);
  return addDays(published, diff === 0 ? 0 : 7 - diff);
}

/**
 * A bare month ("in August"): the most recent such month up to the publication month, or, looking forward,
 * the next one from it (the publication month itself either way).
 */
export function resolveMonth(month: number, published: Day, forward: boolean): { year: number; month: number } {
  if (month === published.month) return { year: published.year, month };
  if (forward) return { year: month > published.month ? published.year : published.year + 1, month };
  return { year: month < published.month ? published.year : published.year - 1, month };
}

/** How far ahead of publication a month-and-day with no year may lie and still be read as this year's in a past-tense clause. */
export const DEFAULT_PAST_TENSE_SLACK_DAYS = 7;

/**
 * A month and day with no year ("Nov. 5", "Oct. 21"): the occurrence nearest publication (the coming election
 * in an October article, last week's rally in a January one); a past-tense clause does not take one more than a
 * week ahead, a forward-looking one not one already past.
 */
export function resolveMonthDay(month: number, day: number, published: Day, tense: 'past' | 'forward' | 'none'): Day | null {
  const candidates = [published.year - 1, published.year, published.year + 1]
    .map((year) => ({ year, month, day }))
    .filter(isValidDay);
  if (candidates.length === 0) return null;
  const allowed = candidates.filter((c) => {
    const ahead = daysBetween(published, c);
    if (tense === 'past') return ahead <= DEFAULT_PAST_TENSE_SLACK_DAYS;
    if (tense === 'forward') return ahead >= 0;
    return true;
  });
  const pool = allowed.length ? allowed : candidates;
  return pool.reduce((best, c) => (Math.abs(daysBetween(published, c)) < Math.abs(daysBetween(published, best)) ? c : best));
}

/** The first day of an ISO value of any grain (an interval's start). */
export function firstDay(value: string): string {
  const v = value.split('/')[0]!;
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  if (/^\d{4}-\d{2}$/.test(v)) return `${v}-01`;
  if (/^\d{4}-W\d{2}$/.test(v)) {
    const [y, w] = [Number(v.slice(0, 4)), Number(v.slice(6))];
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (w - 1) * 7 * 86_400_000);
    return monday.toISOString().slice(0, 10);
  }
  if (/^\d{4}-Q\d$/.test(v)) return `${v.slice(0, 4)}-${String((Number(v.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  if (/^\d{4}$/.test(v)) return `${v}-01-01`;
  if (/^\d{3}$/.test(v)) return `${v}0-01-01`;
  return v;
}

