/**
 * Plain text → DocumentParts. The text is kept exactly as given (offsets index the file);
 * blocks are found by blank lines, or by lines when a text puts one paragraph or sentence per line.
 */
import type { Block } from '../model/schema.js';
import { classifyBlock } from './blocks.js';
import { confidenceOf } from './metadata-confidence.js';
import type { DocumentParts } from './types.js';

export interface PlainTextOptions {
  /** See DEFAULT_LINE_BLOCK_SHARE. */
  lineBlockShare?: number;
}

/**
 * A run of lines with no blank line between them is split into one block per line when at least
 * this share of its lines (all but the last) end a sentence: one-sentence-per-line texts (CoNLL)
 * end nearly every line with a stop, hard-wrapped prose only by chance (about one line in five).
 */
export const DEFAULT_LINE_BLOCK_SHARE = 0.5;

// A line ends a sentence or a quotation: "… to boycott British lamb .", "… under wraps.”".
const LINE_ENDS_SENTENCE_RE = /[.!?…]["”’'»)\]]*$/u;

interface Line {
  start: number;
  /** Exclusive; the line break is not included. */
  end: number;
}

/** Lines of `text` with their offsets; \r\n, \r and \n all end a line. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length });
  return lines;
}

/** The line without surrounding whitespace, or null when it is blank. */
function trimLine(text: string, line: Line): Line | null {
  let { start, end } = line;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return start < end ? { start, end } : null;
}

/**
 * Blocks of a plain text: runs of non-blank lines separated by blank lines; a run whose lines
 * mostly end a sentence (share ≥ lineBlockShare) gives one block per line. Offsets exclude the
 * surrounding whitespace; every block is classified by classifyBlock.
 */
export function splitPlainTextBlocks(text: string, options: PlainTextOptions = {}): Block[] {
  if (typeof text !== 'string') throw new TypeError(`splitPlainTextBlocks(text): expected a string, got ${typeof text}`);
  const share = options.lineBlockShare ?? DEFAULT_LINE_BLOCK_SHARE;
  const runs: Line[][] = [];
  let run: Line[] = [];
  for (const line of splitLines(text)) {
    const trimmed = trimLine(text, line);
    if (trimmed) run.push(trimmed);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);

  const spans: Line[] = [];
  for (const lines of runs) {
    const first = lines[0];
    const last = lines[lines.length - 1];
    if (!first || !last) continue;
    if (lines.length >= 2) {
      const inner = lines.slice(0, -1);
      const ending = inner.filter((l) => LINE_ENDS_SENTENCE_RE.test(text.slice(l.start, l.end))).length;
      if (ending / inner.length >= share) {
        spans.push(...lines);
        continue;
      }
    }
    spans.push({ start: first.start, end: last.end });
  }
  return spans.map(({ start, end }) => {
    const { kind, rule } = classifyBlock(text.slice(start, end));
    return { start, end, kind, rule };
  });
}

/** Plain text → DocumentParts: text unchanged, blocks as above, no links, no metadata but a conservative title. */
export function readPlainText(text: string, options: PlainTextOptions = {}): DocumentParts {
  if (typeof text !== 'string') throw new TypeError(`readPlainText(text): expected a string, got ${typeof text}`);
  const blocks = splitPlainTextBlocks(text, options);
  const first = blocks[0];
  // Offer the first block as the title only when it is one heading-like line followed by body text.
  const title =
    first &&
    first.rule === 'block/heading-short-line' &&
    blocks.length >= 2 &&
    !/[\r\n]/.test(text.slice(first.start, first.end))
      ? { value: text.slice(first.start, first.end), from: 'text:first-line', confidence: confidenceOf('text:first-line') }
      : null;
  return {
    text,
    blocks,
    links: [],
    title,
    byline: null,
    published: null,
    publisher: null,
    url: null,
    language: null,
    messages: [],
  };
}
