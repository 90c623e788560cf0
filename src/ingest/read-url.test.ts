import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readInputs, type IngestResult } from './read-inputs.js';
import { articlePage, paragraphs, refusedPort, serve, type TestServer } from './source-fixtures.js';

async function collect(inputs: string[], options = {}): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readInputs(inputs, options)) out.push(r);
  return out;
}

function failure(results: IngestResult[]) {
  assert.equal(results.length, 1);
  const [r] = results;
  assert.ok(r && !r.ok, 'expected a failure');
  assert.doesNotMatch(r.error.message, /\n/);
  return r.error;
}

describe('http(s) inputs', () => {
  let server: TestServer;
  before(async () => {
    server = await serve({
      '/story': { type: 'text/html; charset=utf-8', body: articlePage('Harbour reopens', paragraphs('page')) },
      '/old-address': (_req, res) => res.writeHead(301, { location: '/story' }).end(),
      '/latin1': { type: 'text/html; charset=windows-1252', body: Buffer.from(articlePage('Café', paragraphs('café')), 'latin1') },
      '/photo.png': { type: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
      '/hang': () => {},
      '/big': { type: 'text/html', body: articlePage('Big', paragraphs('big', 40)) },
    });
  });
  after(() => server.close());

  it('reads a page URL as one article whose URL is the address it was served from', async () => {
    const results = await collect([`${server.base}/old-address`]);
    assert.equal(results.length, 1);
    const [r] = results;
    assert.ok(r?.ok);
    assert.equal(r.input, `${server.base}/old-address`);
    assert.equal(r.article.url, `${server.base}/story`);
    assert.match(r.article.text, /page paragraph 1\. The minister said/);
  });

  it('decodes with the charset of the Content-Type header', async () => {
    const [r] = await collect([`${server.base}/latin1`]);
    assert.ok(r?.ok);
    assert.match(r.article.text, /café paragraph 1/);
  });

  it('reports an HTTP error status in one line', async () => {
    const error = failure(await collect([`${server.base}/missing`]));
    assert.equal(error.code, 'fetch-failed');
    assert.equal(error.message, `${server.base}/missing: HTTP 404 Not Found`);
  });

  it('reports a refused connection in one line, and goes on to the next input', async () => {
    const port = await refusedPort();
    const results = await collect([`http://127.0.0.1:${port}/x`, `${server.base}/story`]);
    assert.equal(results.length, 2);
    const [refused, page] = results;
    assert.ok(refused && !refused.ok);
    assert.equal(refused.error.code, 'fetch-failed');
    assert.equal(refused.error.reason, 'fetch failed (ECONNREFUSED)');
    assert.ok(page?.ok);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    const error = failure(await collect([`${server.base}/hang`], { fetchTimeoutMs: 300 }));
    assert.equal(error.code, 'fetch-failed');
    assert.match(error.reason, /^fetch failed \(timed out after \d+ s\)$/);
  });

  it('refuses a response over the size limit', async () => {
    const error = failure(await collect([`${server.base}/big`], { maxBytes: 2000 }));
    assert.equal(error.code, 'too-large');
  });

  it('says what came back when it is neither a page nor a feed', async () => {
    const error = failure(await collect([`${server.base}/photo.png`]));
    assert.equal(error.code, 'unsupported');
    assert.equal(error.reason, 'not an HTML page or a feed (Content-Type image/png)');
  });
});
