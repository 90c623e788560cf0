/**
 * Normalise a publication date (from a page, record, feed, manifest or flag) to ISO 8601: a date-time keeps its offset when one is given
 * ("2024-10-23T09:15:00+01:00"); without an offset only the date is kept ("2024-10-23"), since a
 * local time of unknown zone would pretend to a precision it does not have.
 */

// ISO-like dates: "2024-10-23", "2024-10-23T09:15:00.000Z", "2024-10-23 09:15:00 +0100", "20241023".
const ISO_LIKE_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// An explicit zone at the end of a free-form date: "Wed, 23 Oct 2024 09:15:00 GMT", "… +0100", "… EST".
const HAS_ZONE_RE = /(?:\b(?:Z|UTC|GMT|[ECMP][SD]T)|[+-]\d{2}:?\d{2})\s*$/i;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function formatOffset(zone: string): string {
  if (/^(?:Z|UTC|GMT)$/i.test(zone)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return 'Z';
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

/** ISO 8601 date or date-time, or null when `value` is not a recognisable date. */
export function normalizePublished(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '' || s.length > 100) return null;
  const iso = ISO_LIKE_RE.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, zone] = iso;
    if (!validDate(Number(y), Number(mo), Number(d))) return null;
    const date = `${y}-${mo}-${d}`;
    if (h === undefined || zone === undefined) return date;
    if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59) return date;
    return `${date}T${h}:${mi}${sec !== undefined ? `:${sec}${frac ?? ''}` : ''}${formatOffset(zone)}`;
  }
  // Free-form dates ("October 23, 2024", "Wed, 23 Oct 2024 09:15:00 GMT"): only with a four-digit year.
  if (!/\b\d{4}\b/.test(s)) return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  if (HAS_ZONE_RE.test(s) && /\d{1,2}:\d{2}/.test(s)) {
    const out = date.toISOString().replace(/\.000Z$/, 'Z');
    return /^\d{4}-/.test(out) ? out : null;
  }
  const y = date.getFullYear();
  if (y < 1000 || y > 9999) return null;
  return `${y}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
