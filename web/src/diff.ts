/**
 * A word-level diff of two quoted spans, for display: the longest common subsequence over words compared
 * as the analysis compares them (lower case; punctuation, quotation-mark and apostrophe styles aside), with
 * each side's words marked kept, dropped (only in the first) or added (only in the second).
 */

export interface DiffToken {
  /** The word as written, with its punctuation. */
  text: string;
  /** Whitespace after it as written (kept so the quotation reads as printed). */
  after: string;
  op: 'same' | 'dropped' | 'added';
}

/** Guards the O(n·m) table: quotations longer than this many words are shown without a diff. */
export const MAX_DIFF_WORDS = 600;

const WORD = /\S+/g;

/** The comparable form of a word: "They're," → "they're"; "“foreign”" → "foreign". */
export function normalizeWord(w: string): string {
  return w
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function tokenize(text: string): Array<{ text: string; after: string; key: string }> {
  const out: Array<{ text: string; after: string; key: string }> = [];
  for (const m of text.matchAll(WORD)) {
    const end = (m.index ?? 0) + m[0].length;
    const next = text.slice(end).match(/^\s*/)?.[0] ?? '';
    out.push({ text: m[0], after: next, key: normalizeWord(m[0]) });
  }
  return out;
}

export interface WordDiff {
  a: DiffToken[];
  b: DiffToken[];
  /** False when the quotations were too long to compare (every word shown as is). */
  compared: boolean;
}

export function wordDiff(aText: string, bText: string): WordDiff {
  const a = tokenize(aText);
  const b = tokenize(bText);
  // Words that are only punctuation ("—", "...") are never marked: they compare equal to anything absent.
  if (a.length > MAX_DIFF_WORDS || b.length > MAX_DIFF_WORDS) {
    return { a: a.map((t) => ({ text: t.text, after: t.after, op: 'same' })), b: b.map((t) => ({ text: t.text, after: t.after, op: 'same' })), compared: false };
  }
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[at(i, j)] = a[i]!.key === b[j]!.key ? lcs[at(i + 1, j + 1)]! + 1 : Math.max(lcs[at(i + 1, j)]!, lcs[at(i, j + 1)]!);
    }
  }
  const outA: DiffToken[] = [];
  const outB: DiffToken[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i]!.key === b[j]!.key) {
      outA.push({ text: a[i]!.text, after: a[i]!.after, op: 'same' });
      outB.push({ text: b[j]!.text, after: b[j]!.after, op: 'same' });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[at(i + 1, j)]! >= lcs[at(i, j + 1)]!)) {
      outA.push({ text: a[i]!.text, after: a[i]!.after, op: a[i]!.key ? 'dropped' : 'same' });
      i++;
    } else {
      outB.push({ text: b[j]!.text, after: b[j]!.after, op: b[j]!.key ? 'added' : 'same' });
      j++;
    }
  }
  return { a: outA, b: outB, compared: true };
}
