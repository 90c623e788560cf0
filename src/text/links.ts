/**
 * URLs and e-mail addresses, found once per text by scanning for their anchors ("://", "www.", "@")
 * with indexOf and expanding over allowed characters: linear time, no regex backtracking.
 */

export interface LinkSpan {
  start: number;
  end: number;
  kind: 'url' | 'email';
}

/** Longest URL scheme looked at left of "://" (e.g. "https"). */
const MAX_SCHEME = 16;
/** Longest e-mail local part (RFC 5321). */
const MAX_LOCAL = 64;

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Characters that end a URL: whitespace, controls, quotes and angle brackets. */
function endsUrl(c: number): boolean {
  return (
    c <= 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60 || c === 0x7f || c === 0xa0 ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000
  );
}

/** Trailing characters not taken as part of a URL ("see https://x.com/a." → no final period). */
function isUrlTrailer(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x27 ||
    c === 0x29 || c === 0x5d || c === 0x7d || c === 0x2a;
}

/** Extends a URL from `bodyStart` to its end, trimming trailing punctuation and unbalanced `)`. */
function urlEnd(text: string, bodyStart: number): number {
  let end = bodyStart;
  let open = 0;
  let close = 0;
  while (end < text.length && !endsUrl(text.charCodeAt(end))) {
    const c = text.charCodeAt(end);
    if (c === 0x28) open++;
    else if (c === 0x29) close++;
    end++;
  }
  while (end > bodyStart) {
    const c = text.charCodeAt(end - 1);
    if (!isUrlTrailer(c)) break;
    if (c === 0x29) {
      if (close <= open) break; // "(see https://en.wikipedia.org/wiki/X_(Y))" keeps the balanced ")"
      close--;
    }
    end--;
  }
  return end;
}

function findUrls(text: string): LinkSpan[] {
  const out: LinkSpan[] = [];
  let from = 0;
  // "https://example.com/path"
  for (;;) {
    const at = text.indexOf('://', from);
    if (at < 0) break;
    let s = at;
    while (s > 0 && at - s < MAX_SCHEME && isAsciiLetter(text.charCodeAt(s - 1))) s--;
    const end = at - s >= 2 && (s === 0 || !isAsciiAlnum(text.charCodeAt(s - 1))) ? urlEnd(text, at + 3) : at + 3;
    if (end > at + 3) {
      out.push({ start: s, end, kind: 'url' });
      from = end;
    } else from = at + 3;
  }
  // "www.example.com" without a scheme
  from = 0;
  const schemed = out.length;
  let k = 0;
  for (;;) {
    const at = text.indexOf('www.', from);
    if (at < 0) break;
    from = at + 4;
    while (k < schemed && out[k]!.end <= at) k++;
    if (k < schemed && out[k]!.start <= at) continue; // inside a URL with a scheme
    const prev = at > 0 ? text.charCodeAt(at - 1) : 0x20;
    if (isAsciiAlnum(prev) || prev === 0x2e || prev === 0x40 || prev === 0x2f) continue;
    if (!isAsciiAlnum(text.charCodeAt(at + 4))) continue;
    const end = urlEnd(text, at + 4);
    out.push({ start: at, end, kind: 'url' });
    from = end;
  }
  return out.sort((a, b) => a.start - b.start);
}

function isLocalChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
}
function isDomainChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x2e || c === 0x2d;
}

function findEmails(text: string, urls: readonly LinkSpan[]): LinkSpan[] {
  const out: LinkSpan[] = [];
  let from = 0;
  let k = 0;
  for (;;) {
    const at = text.indexOf('@', from);
    if (at < 0) break;
    from = at + 1;
    while (k < urls.length && urls[k]!.end <= at) k++;
    if (k < urls.length && urls[k]!.start <= at) continue; // "https://user@host" stays a URL
    let s = at;
    while (s > 0 && at - s < MAX_LOCAL && isLocalChar(text.charCodeAt(s - 1))) s--;
    while (s < at && !isAsciiAlnum(text.charCodeAt(s))) s++; // no leading "." or "-"
    if (s === at) continue;
    if (out.length > 0 && out[out.length - 1]!.end > s) continue;
    let e = at + 1;
    let lastDot = -1;
    while (e < text.length && isDomainChar(text.charCodeAt(e))) {
      if (text.charCodeAt(e) === 0x2e) lastDot = e;
      e++;
    }
    while (e > at + 1 && !isAsciiAlnum(text.charCodeAt(e - 1))) e--; // "mail me at a@b.com."
    if (lastDot >= e - 1) {
      lastDot = -1;
      for (let d = e - 1; d > at; d--) if (text.charCodeAt(d) === 0x2e) { lastDot = d; break; }
    }
    // Needs a dot inside the domain and a top-level part of at least two letters.
    if (lastDot <= at + 1 || e - lastDot - 1 < 2) continue;
    if (!isAsciiLetter(text.charCodeAt(lastDot + 1))) continue;
    out.push({ start: s, end: e, kind: 'email' });
    from = e;
  }
  return out;
}

/** All URLs and e-mail addresses of `text`, sorted and non-overlapping. */
export function findLinks(text: string): LinkSpan[] {
  if (text.indexOf('://') < 0 && text.indexOf('www.') < 0 && text.indexOf('@') < 0) return [];
  const urls = findUrls(text);
  const emails = findEmails(text, urls);
  const all = emails.length === 0 ? urls : [...urls, ...emails].sort((a, b) => a.start - b.start);
  // Keep the earlier of two overlapping spans ("www.a.com/http://b" is one URL).
  const out: LinkSpan[] = [];
  for (const span of all) if (out.length === 0 || out[out.length - 1]!.end <= span.start) out.push(span);
  return out;
}
