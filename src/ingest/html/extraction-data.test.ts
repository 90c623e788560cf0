import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { readHtml } from './index.js';
import { checkSpans } from '../invariants.js';
import { evaluateExtraction } from '../../eval/eval-extraction.js';

const SHARED = resolve(process.cwd(), process.env['PARALLAX_SHARED'] ?? '../shared');
const DATA = resolve(process.cwd(), process.env['PARALLAX_DATA'] ?? resolve(SHARED, 'data'));
const PAGES = resolve(DATA, 'article-extraction/html');
const present = existsSync(PAGES);

describe('readHtml on the article-extraction pages', () => {
  if (!present && process.env['CI'] !== 'true') {
    it('skips: no data', { skip: `no data at ${PAGES}` }, () => {});
    return;
  }
  it('reads every page without throwing and with exact, non-overlapping spans', () => {
    const files = readdirSync(PAGES).filter((f) => f.endsWith('.html.gz')).sort();
    assert.ok(files.length > 0, `no pages in ${PAGES}`);
    for (const file of files) {
      const html = gunzipSync(readFileSync(resolve(PAGES, file))).toString('utf8');
      const parts = readHtml(html);
      assert.deepEqual(checkSpans(parts), [], file);
      // Blocks are separated by exactly one blank line.
      parts.blocks.forEach((b, i) => {
        const next = parts.blocks[i + 1];
        if (next) assert.equal(parts.text.slice(b.end, next.start), '\n\n', file);
      });
      if (parts.text !== '') assert.ok(parts.blocks.length > 0, file);
      if (parts.published) assert.match(parts.published.value, /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, file);
    }
  });

  it('scores at least the target F1 on the benchmark (0.965), above Readability on the same pages', () => {
    const result = evaluateExtraction(resolve(DATA, 'article-extraction'));
    assert.ok(result.ours.f1 >= 0.965, `F1 ${result.ours.f1.toFixed(3)}`);
    assert.ok(result.ours.f1 > result.readability.f1, `ours ${result.ours.f1.toFixed(3)}, Readability ${result.readability.f1.toFixed(3)}`);
    assert.equal(result.ours.withOutput, result.ours.pages, 'every page gives text');
  });
});
