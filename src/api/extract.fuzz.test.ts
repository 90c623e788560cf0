import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { spanProblems } from '../test-support/cli.js';
import { safeExtract } from './extract.js';

/** Fragments that stress the readers: markup, entities, quotes, abbreviations, odd whitespace, astral characters. */
const PIECES = [
  '<p>', '</p>', '<div>', '</div>', '<a href="https://x.test/a">', '</a>', '<br>', '<script>', '</script>', '<h2>', '</h2>',
  '&amp;', '&#8220;', '&nbsp;', '“', '”', '"', "'", '’', 'U.S.', 'Ms.', 'Nov. 5', '...', '…', '\n', '\n\n', '\r\n', '\t',
  'said', 'Mr Starmer', ' | Reuters', '😀', '\uFFFD', '\u0000', '<', '>', '[they]', ' ', '.', '?', '!',
];
const newsish = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));

describe('extract on random and mutated input', () => {
  it('never throws, and every span of every record is valid (text)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), newsish), async (text) => {
        const result = await safeExtract({ text, source: 'fuzz', published: '2024-10-23' });
        for (const record of result.value) assert.deepEqual(spanProblems(record), []);
        if (!result.ok) for (const issue of result.issues) assert.ok(issue.reason.length > 0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and every span of every record is valid (HTML)', async () => {
    await fc.assert(
      fc.asyncProperty(newsish, fc.boolean(), async (body, whole) => {
        const html = whole ? `<!doctype html><html><head><title>t</title></head><body><article>${body}</article></body></html>` : body;
        const result = await safeExtract({ html, source: 'fuzz' });
        for (const record of result.value) assert.deepEqual(spanProblems(record), []);
      }),
      { numRuns: 300 },
    );
  });
});
