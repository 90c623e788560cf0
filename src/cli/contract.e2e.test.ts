import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLE_STORY, isCI, requireData } from '../config/paths.js';
import { ExtractRecord } from '../model/schema.js';
import { runCli, spanProblems } from '../test-support/cli.js';

function parseRecords(stdout: string): ExtractRecord[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => ExtractRecord.parse(JSON.parse(line)));
}

describe('parallax extract --json follows the contract', () => {
  it('on both seed articles: valid records, span rule on every span, plain text kept byte for byte', async () => {
    const files = ['000_49f830ee32a1459f.txt', '001_016024430793a84e.txt'].map((f) => join(EXAMPLE_STORY, f));
    const run = await runCli(['extract', '--json', '--manifest', join(EXAMPLE_STORY, 'manifest.json'), ...files]);
    assert.equal(run.code, 0, run.stderr);
    const records = parseRecords(run.stdout);
    assert.deepEqual(records.map((r) => r.input), files);
    assert.deepEqual(records.map((r) => r.article.source), ['CNBC', 'The National']);
    assert.deepEqual(records.map((r) => r.article.published), ['2024-10-23', '2024-10-23']);
    for (const record of records) assert.deepEqual(spanProblems(record), [], record.input);
    // 000 is plain text: article.text is the file as read. 001 is an HTML fragment: its text has no markup.
    assert.equal(records[0]!.article.text, readFileSync(files[0]!, 'utf8'));
    assert.doesNotMatch(records[1]!.article.text, /<a |href=/);
    assert.ok(records[1]!.article.links.length >= 4);
  });

  it('on every PolNeAR dev text: article.text equals the file and every span is valid', async (t) => {
    const data = requireData('polnear/dev/text');
    if (!data.ok) {
      if (isCI()) assert.fail(data.reason);
      t.skip(data.reason);
      return;
    }
    const files = readdirSync(data.path).filter((f) => f.endsWith('.txt')).sort().map((f) => join(data.path, f));
    assert.equal(files.length, 84);
    const run = await runCli(['extract', '--json', ...files]);
    assert.equal(run.code, 0, run.stderr);
    const records = parseRecords(run.stdout);
    assert.equal(records.length, files.length);
    for (const [i, record] of records.entries()) {
      assert.equal(record.input, files[i]);
      assert.equal(record.article.text, readFileSync(files[i]!, 'utf8').replace(/^\uFEFF/, ''));
      assert.deepEqual(spanProblems(record), [], record.input);
      assert.ok(record.article.blocks.length > 0, `${record.input} has blocks`);
    }
  });

  it('a folder is read recursively in path order, with its manifest applied', async () => {
    const run = await runCli(['extract', '--json', EXAMPLE_STORY]);
    assert.equal(run.code, 0, run.stderr);
    const records = parseRecords(run.stdout);
    assert.deepEqual(records.map((r) => r.article.source), ['CNBC', 'The National']);
  });

  it('article ids are stable across runs', async () => {
    const a = parseRecords((await runCli(['extract', '--json', EXAMPLE_STORY])).stdout);
    const b = parseRecords((await runCli(['extract', '--json', EXAMPLE_STORY])).stdout);
    assert.deepEqual(a.map((r) => r.article.id), b.map((r) => r.article.id));
    assert.notEqual(a[0]!.article.id, a[1]!.article.id);
  });
});
