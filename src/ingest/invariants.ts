/**
 * Offset invariants of DocumentParts, for tests and debug runs: blocks are non-empty, in order,
 * do not overlap and have no surrounding whitespace; links lie inside one block and are non-empty.
 */
import type { DocumentParts } from './types.js';

/** The broken invariants, each one line; empty when all hold. */
export function checkSpans(parts: Pick<DocumentParts, 'text' | 'blocks' | 'links'>): string[] {
  const problems: string[] = [];
  const { text, blocks, links } = parts;
  let previousEnd = 0;
  blocks.forEach((b, i) => {
    if (!(Number.isInteger(b.start) && Number.isInteger(b.end) && 0 <= b.start && b.start < b.end && b.end <= text.length)) {
      problems.push(`block ${i} [${b.start}, ${b.end}) is empty or outside the text (length ${text.length})`);
      return;
    }
    if (b.start < previousEnd) problems.push(`block ${i} [${b.start}, ${b.end}) overlaps the previous block (ends ${previousEnd})`);
    previousEnd = b.end;
    const slice = text.slice(b.start, b.end);
    if (slice !== slice.trim()) problems.push(`block ${i} [${b.start}, ${b.end}) has surrounding whitespace`);
  });
  links.forEach((l, i) => {
    if (!(l.start < l.end && l.end <= text.length)) problems.push(`link ${i} [${l.start}, ${l.end}) is empty or outside the text`);
    else if (!blocks.some((b) => b.start <= l.start && l.end <= b.end)) problems.push(`link ${i} [${l.start}, ${l.end}) is not inside one block`);
    if (typeof l.href !== 'string' || l.href === '') problems.push(`link ${i} has no href`);
  });
  return problems;
}
