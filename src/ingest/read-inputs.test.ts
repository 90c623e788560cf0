import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { tempDir } from '../test-support/cli.js';
import { readManifest } from './manifest.js';
import { readInputs, type IngestResult } from './read-inputs.js';

async function collect(inputs: string[], options = {}): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readInputs(inputs, options)) out.push(r);
  return out;
}

describe('readInputs', () => {
  it('reads a folder recursively in path order, skipping unknown kinds', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', '2.txt'), 'Second.');
    writeFileSync(join(dir, 'a.txt'), 'First.');
    writeFileSync(join(dir, 'c.html.gz'), gzipSync('<p>Third.</p>'));
    writeFileSync(join(dir, 'notes.csv'), 'x,y');
    const results = await collect([dir]);
    assert.deepEqual(results.map((r) => r.ok && r.article.text), ['First.', 'Second.', 'Third.']);
  });

  it('numbers JSONL records by line, 1-based, skipping blank lines', async () => {
    const dir = tempDir();
    const file = join(dir, 'd.jsonl');
    writeFileSync(file, `${JSON.stringify({ text: 'One.', story: 's1' })}\n\n${JSON.stringify({ text: 'Two.', source: 'X', published: '2016-10-01' })}\n`);
    const results = await collect([file]);
    assert.deepEqual(results.map((r) => r.ok && r.input), [`${file}#1`, `${file}#3`]);
    const second = results[1]!;
    assert.ok(second.ok);
    assert.equal(second.article.source, 'X');
    assert.equal(second.article.published, '2016-10-01');
  });

  it('reads a JSON array of records as NAME#N', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.json');
    writeFileSync(file, JSON.stringify([{ text: 'A.' }, { html: '<p>B.</p>' }]));
    const results = await collect([file]);
    assert.deepEqual(results.map((r) => r.ok && r.input), [`${file}#1`, `${file}#2`]);
  });

  it('applies flags to inputs that do not say, and record fields over flags', async () => {
    const dir = tempDir();
    const file = join(dir, 'd.jsonl');
    writeFileSync(file, `${JSON.stringify({ text: 'One.' })}\n${JSON.stringify({ text: 'Two.', source: 'Own' })}\n`);
    const results = await collect([file], { source: 'Flag', published: '2024-10-23' });
    assert.deepEqual(results.map((r) => r.ok && r.article.source), ['Flag', 'Own']);
  });

  it('takes source and date from a manifest, and its files when no input is given', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.txt'), 'Text of x.');
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ articles: [{ file: 'x.txt', source: 'Outlet X', published: '2020-01-02' }] }));
    const manifest = readManifest(join(dir, 'm.json'));
    const results = await collect([], { manifest });
    assert.equal(results.length, 1);
    const [first] = results;
    assert.ok(first?.ok);
    assert.equal(first.article.source, 'Outlet X');
    assert.equal(first.article.published, '2020-01-02');
  });

  it('sniffs HTML markup inside a .txt file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f.txt'), 'Britain said <a href="https://x.test/t">Donald Trump</a> was wrong.');
    const [r] = await collect([join(dir, 'f.txt')]);
    assert.ok(r?.ok);
    assert.equal(r.article.text, 'Britain said Donald Trump was wrong.');
    assert.deepEqual(r.article.links.map((l) => [r.article.text.slice(l.start, l.end), l.href]), [['Donald Trump', 'https://x.test/t']]);
  });

  it('reads standard input', async () => {
    const results = await collect(['-'], { stdin: Readable.from([Buffer.from('From a pipe.')]) });
    const [first] = results;
    assert.ok(first?.ok);
    assert.equal(first.article.text, 'From a pipe.');
  });

  it('gives the same id to the same article, and different ids to different ones', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Same text.');
    writeFileSync(join(dir, 'b.txt'), 'Same text.');
    writeFileSync(join(dir, 'c.txt'), 'Other text.');
    const ids = (await collect([dir])).map((r) => r.ok && r.article.id);
    assert.equal(ids[0], ids[1]);
    assert.notEqual(ids[0], ids[2]);
  });
});
