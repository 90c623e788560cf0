import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plain-text.js';
import { createSegmenter } from '../../text/index.js';
import { DEFAULT_ATTRIBUTION_MODEL, createAttributionExtractor, type AttributionFinding } from './index.js';

const segment = createSegmenter();
const extract = createAttributionExtractor();
const articleOf = (text: string) => buildArticle(readPlainText(text), { source: 'test' }).article;

function run(text: string): AttributionFinding[] {
  const article = articleOf(text);
  return extract(article, segment(article));
}
const slice = (text: string, s: { start: number; end: number } | null): string | null => (s ? text.slice(s.start, s.end) : null);

// These sentences are written for the test (not from PolNeAR or the seed story).
describe('createAttributionExtractor', { skip: !existsSync(DEFAULT_ATTRIBUTION_MODEL) && 'no model (npm run train:attribution)' }, () => {
  it('finds a direct quote with its cue and source', () => {
    const text = '"We will win," she said.';
    const [a, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(a?.kind, 'direct');
    assert.equal(slice(text, a!.cue), 'said');
    assert.deepEqual(a!.cue, { start: 19, end: 23 });
    assert.equal(slice(text, a!.source), 'she');
    assert.deepEqual(a!.content.map((c) => slice(text, c)), ['We will win']);
    assert.deepEqual(a!.content, [{ start: 1, end: 12 }]);
    assert.equal(a!.rule, 'attribution/cue-roles');
  });

  it('finds reported speech as indirect', () => {
    const text = 'The minister said the plan would work.';
    const [a] = run(text);
    assert.equal(a?.kind, 'indirect');
    assert.equal(slice(text, a!.cue), 'said');
    assert.equal(slice(text, a!.source), 'The minister');
    assert.deepEqual(a!.content.map((c) => slice(text, c)), ['the plan would work']);
  });

  it('reads "according to" as a cue', () => {
    const text = 'Prices rose sharply in the spring, according to the report.';
    const [a] = run(text);
    assert.equal(slice(text, a!.cue), 'according to');
    assert.equal(slice(text, a!.source), 'the report');
    assert.deepEqual(a!.content.map((c) => slice(text, c)), ['Prices rose sharply in the spring']);
  });

  it('reads a sentence-initial "According to X, …" (rule attribution/according-to when the role tagger gives no content)', () => {
    const text = 'According to the report, prices rose sharply in the spring.';
    const [a] = run(text);
    assert.equal(a!.rule, 'attribution/according-to');
    assert.equal(slice(text, a!.cue), 'According to');
    assert.equal(slice(text, a!.source), 'the report');
    assert.deepEqual(a!.content.map((c) => slice(text, c)), ['prices rose sharply in the spring']);
  });

  it('gives nothing for text with no attribution, or in headings', () => {
    assert.deepEqual(run('The river flooded the valley in March.'), []);
    const text = '"We will win," she said.';
    const article = { text, blocks: [{ start: 0, end: text.length, kind: 'heading' as const }], links: [] };
    assert.deepEqual(extract(article, segment(article)), []);
  });

  it('never throws on random text and gives spans that slice the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '"', '“', '”', ',', '.', 'said', ' he ', 'told', '\n\n', 'according to', "'", '—', 'é'), maxLength: 60 }), (text) => {
        for (const a of run(text)) {
          assert.ok(a.content.length > 0);
          for (const s of [...a.content, a.cue, a.source]) {
            if (!s) continue;
            assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, JSON.stringify(s));
          }
          for (let k = 1; k < a.content.length; k++) assert.ok(a.content[k - 1]!.end <= a.content[k]!.start);
          assert.ok(['direct', 'mixed', 'indirect'].includes(a.kind));
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
