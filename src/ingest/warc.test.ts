import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { tempDir } from '../test-support/cli.js';
import { readInputs, type IngestResult } from './read-inputs.js';
import { articlePage, gzipPerRecord, httpResponse, paragraphs, requestRecord, responseRecord, warcinfoRecord, warcRecord } from './source-fixtures.js';
import { emptyWarcCounts, readWarc } from './warc.js';

/** A truncation the reader misses sends warcio looking for the missing bytes forever; bound the test. */
const CUT = { timeout: 30_000 };

async function collect(results: AsyncIterable<IngestResult>): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

const page = (n: number) => articlePage(`Story ${n}`, paragraphs(`story${n}`));

/** warcinfo, then request/response pairs for three articles, with an image and a 404 among them. */
function crawl(): Buffer[] {
  return [
    warcinfoRecord(), // 1
    requestRecord('https://news.test/1'), // 2
    responseRecord('https://news.test/1', httpResponse(page(1), 'text/html; charset=utf-8')), // 3
    responseRecord('https://news.test/logo.png', httpResponse(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png')), // 4
    responseRecord('https://news.test/2', httpResponse(page(2), 'text/html')), // 5
    responseRecord('https://news.test/gone', httpResponse('<h1>Not found</h1>', 'text/html', '404 Not Found')), // 6
    warcRecord('metadata', { 'WARC-Target-URI': 'https://news.test/2', 'Content-Type': 'application/warc-fields' }, 'fetchTimeMs: 12\r\n'), // 7
    requestRecord('https://news.test/3'), // 8
    responseRecord('https://news.test/3', httpResponse(page(3), 'application/xhtml+xml')), // 9
  ];
}

function write(name: string, bytes: Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

function assertThreeArticles(results: IngestResult[], file: string) {
  assert.deepEqual(
    results.map((r) => (r.ok ? [r.input, r.article.url] : r.error.message)),
    [
      [`${file}#3`, 'https://news.test/1'],
      [`${file}#5`, 'https://news.test/2'],
      [`${file}#9`, 'https://news.test/3'],
    ],
  );
  for (const [i, r] of results.entries()) assert.ok(r.ok && r.article.text.startsWith(`story${i + 1} paragraph 1.`));
}

describe('WARC files', () => {
  it('reads each HTML 200 response as an article named FILE#N, skipping requests, warcinfo, metadata, images and 404s', async () => {
    const file = write('crawl.warc', Buffer.concat(crawl()));
    assertThreeArticles(await collect(readInputs([file])), file);
  });

  it('reads a WARC gzipped record by record', async () => {
    const file = write('crawl.warc.gz', gzipPerRecord(crawl()));
    assertThreeArticles(await collect(readInputs([file])), file);
  });

  it('counts what it skipped', async () => {
    const counts = emptyWarcCounts();
    await collect(readWarc('crawl.warc', [Buffer.concat(crawl())], { counts }));
    assert.deepEqual(counts, { records: 9, pages: 3, skipped: { 'not-a-response': 4, 'not-200': 1, 'not-html': 1 } });
  });

  it('decodes a payload with the charset of its HTTP header', async () => {
    const body = Buffer.from(articlePage('Café', paragraphs('déjà vu')), 'latin1');
    const [r] = await collect(readWarc('x.warc', [responseRecord('https://news.test/fr', httpResponse(body, 'text/html; charset=ISO-8859-1'))]));
    assert.ok(r?.ok);
    assert.match(r.article.text, /^déjà vu paragraph 1\./);
  });

  for (const gzipped of [false, true]) {
    it(`reads the records before a cut in the middle of the third article${gzipped ? ' (gzipped)' : ''}, then fails once`, CUT, async () => {
      const records = crawl();
      const bytes = gzipped ? gzipPerRecord(records) : Buffer.concat(records);
      const lastLength = gzipped ? gzipSync(records.at(-1)!).length : records.at(-1)!.length;
      const name = gzipped ? 'cut.warc.gz' : 'cut.warc';
      const file = write(name, bytes.subarray(0, bytes.length - Math.floor(lastLength / 2)));
      const results = await collect(readInputs([file]));
      assert.deepEqual(
        results.map((r) => (r.ok ? r.input : [r.error.code, r.error.input])),
        [`${file}#3`, `${file}#5`, ['truncated', `${file}#9`]],
      );
      const last = results.at(-1)!;
      assert.ok(!last.ok);
      assert.match(last.error.message, /#9: truncated WARC record \(.+\)$/);
    });
  }

  it('fails once when the file ends inside a record’s headers', CUT, async () => {
    const records = crawl();
    const whole = Buffer.concat(records);
    const file = write('head.warc', whole.subarray(0, whole.length - records.at(-1)!.length + 30));
    const results = await collect(readInputs([file]));
    assert.equal(results.filter((r) => r.ok).length, 2);
    const last = results.at(-1)!;
    assert.ok(!last.ok);
    assert.equal(last.error.code, 'truncated');
    assert.equal(last.error.input, `${file}#9`);
  });

  it('says a file that is not a WARC is not one', async () => {
    const file = write('page.warc', Buffer.from(page(1)));
    const [r, ...rest] = await collect(readInputs([file]));
    assert.equal(rest.length, 0);
    assert.ok(r && !r.ok);
    assert.equal(r.error.code, 'bad-warc');
    assert.match(r.error.message, /page\.warc: not a WARC file/);
  });

  it('fails a page that is not an article like any other page, and goes on', async () => {
    const notArticle = responseRecord('https://news.test/video', httpResponse('<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav></body></html>', 'text/html'));
    const results = await collect(readWarc('v.warc', [notArticle, responseRecord('https://news.test/1', httpResponse(page(1), 'text/html'))]));
    assert.deepEqual(results.map((r) => (r.ok ? r.input : r.error.input)), ['v.warc#1', 'v.warc#2']);
    assert.ok(!results[0]!.ok && results[1]!.ok);
  });

  it('says a WARC with no HTML responses has no articles', async () => {
    const results = await collect(readWarc('info.warc', [Buffer.concat([warcinfoRecord(), requestRecord('https://news.test/1')])]));
    assert.equal(results.length, 1);
    assert.ok(!results[0]!.ok);
    assert.equal(results[0]!.error.code, 'no-articles');
  });

  it('streams: the first article comes out before most of the file has been read', async () => {
    const total = 400;
    let produced = 0;
    async function* records() {
      for (let i = 1; i <= total; i++) {
        produced++;
        yield gzipSync(responseRecord(`https://news.test/${i}`, httpResponse(page(i), 'text/html')));
      }
    }
    const results = readWarc('big.warc.gz', records());
    const first = await results.next();
    assert.ok(!first.done && first.value.ok);
    assert.equal(first.value.input, 'big.warc.gz#1');
    assert.ok(produced < total / 10, `only the first records are read before the first article (read ${produced} of ${total})`);
    await results.return(undefined);
  });

  it('is listed when it is in a folder, with feeds', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'crawl'));
    const file = join(dir, 'crawl', 'cc-news.warc.gz');
    writeFileSync(file, gzipPerRecord(crawl()));
    writeFileSync(join(dir, 'crawl', 'notes.csv'), 'x');
    const results = await collect(readInputs([dir]));
    assert.deepEqual(results.map((r) => r.ok && r.input), [`${file}#3`, `${file}#5`, `${file}#9`]);
  });
});
