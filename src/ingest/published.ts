import { IsoDate } from '../model/schema.js';

/** `2024-10-23`, or with a time: `2024-10-23T09:15:00Z` — kept as given. */
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Normalises a publication date from a record, flag, manifest or page to ISO 8601.
 * ISO input is kept as written (a date stays a date, an offset stays); other formats that
 * Date can parse (RFC 2822 from feeds, `2019/11/19 12:00`) become a UTC date-time. Null when unparseable.
 */
export function normalizePublished(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const value = raw.trim();
  if (value === '') return null;
  if (ISO_DATE_ONLY.test(value)) return isRealDate(value) ? value : null;
  if (IsoDate.safeParse(value).success) return Number.isNaN(Date.parse(value)) ? null : value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString();
}

function isRealDate(ymd: string): boolean {
  const date = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === ymd;
}
