/** The user's search words as an FTS5 query, and a snippet of a text around the first of them. */
import { shingleWords } from '../story/dedup/minhash.js';

export interface SearchQuery {
  /** Words and quoted phrases, lowercased. */
  terms: string[];
  /** The FTS5 MATCH expression: every word or phrase required, each quoted so punctuation cannot break the syntax. */
  fts5: string;
}

export function ftsQuery(query: string): SearchQuery {
  const terms: string[] = [];
  for (const m of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const words = shingleWords(m[1] ?? m[2] ?? '');
    if (words.length) terms.push(words.join(' '));
  }
  return { terms, fts5: terms.map((t) => `"${t}"`).join(' AND ') };
}

/** About `width` characters of the text around the first occurrence of a term, on word boundaries. */
export function snippet(text: string, terms: string[], width = 200): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const first = t.split(' ')[0]!;
    const i = lower.search(new RegExp(`(?<![\\p{L}\\p{N}])${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u'));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = 0;
  let start = Math.max(0, at - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  while (start > 0 && /\S/.test(text[start - 1]!)) start--;
  while (end < text.length && /\S/.test(text[end]!)) end++;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}
