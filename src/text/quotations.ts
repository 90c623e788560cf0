/**
 * Quotations: the text between double quotation marks, as spans into the article text (the marks left out).
 * Curly marks say which way they face; straight ones alternate within a paragraph, an opening one being one that
 * follows a space, a bracket, a dash or the paragraph's start. A quotation left open at a paragraph's end runs to
 * that end (news style leaves the closing mark off a paragraph the quotation continues after). Single marks are not
 * read: they are apostrophes as often as quotation marks.
 */

export interface Quotation {
  /** The quoted words: offsets into the text, marks excluded. */
  start: number;
  end: number;
}

const OPENING = new Set(['\u201c', '\u201e', '\u00ab']);
const CLOSING = new Set(['\u201d', '\u00bb']);
const STRAIGHT = '"';

/** Whether a straight mark at `at` opens: it follows the paragraph start, a space, a bracket or a dash. */
function opensAt(text: string, at: number, from: number): boolean {
  if (at === from) return true;
  return /[\s([{\u2014\u2013-]/.test(text[at - 1]!);
}

/** The quotations of the ranges (paragraphs: { start, end }) of `text`, in text order. */
export function findQuotations(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): Quotation[] {
  const out: Quotation[] = [];
  for (const r of ranges) {
    let open = -1;
    for (let i = r.start; i < r.end; i++) {
      const c = text[i]!;
      const opening = OPENING.has(c) || (c === STRAIGHT && open < 0 && opensAt(text, i, r.start));
      const closing = CLOSING.has(c) || (c === STRAIGHT && open >= 0);
      // A curly opening mark inside an open quotation (a typo, or a ” used as “) restarts it.
      if (opening && !closing) { open = i + 1; continue; }
      if (closing && open >= 0) {
        if (i > open) out.push({ start: open, end: i });
        open = -1;
      }
    }
    if (open >= 0 && r.end > open) out.push({ start: open, end: r.end });
  }
  return out.filter((q) => /[\p{L}\p{N}]/u.test(text.slice(q.start, q.end)));
}
