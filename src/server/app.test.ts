import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingestStream } from '../api/ingest.js';
import { EXAMPLE_STORY } from '../config/paths.js';
import { readManifest } from '../ingest/index.js';
import { Store } from '../store/index.js';
import { tempDir } from '../test-support/cli.js';
import { createApp } from './app.js';

type Json = Record<string, any>;

describe('HTTP API', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string): Promise<{ status: number; body: Json }> => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as Json };
  };
  const post = async (path: string, body: string, type = 'application/json'): Promise<{ status: number; body: Json }> => {
    const res = await app.request(path, { method: 'POST', body, headers: type ? { 'content-type': type } : {} });
    return { status: res.status, body: (await res.json()) as Json };
  };

  before(async () => {
    store = await Store.open(join(tempDir(), 'api.db'));
    for await (const outcome of ingestStream([], store, { manifest: readManifest(join(EXAMPLE_STORY, 'manifest.json')) })) assert.equal(outcome.status, 'new');
    app = createApp(store, { version: 'test', webRoot: null, maxJsonBytes: 64 * 1024, maxUploadBytes: 128 * 1024 });
  });
  after(() => store.close());

  it('answers health with the store totals', async () => {
    const { status, body } = await get('/api/health');
    assert.equal(status, 200);
    assert.deepEqual(body, { ok: true, version: 'test', store: { engine: 'sqlite', articles: 2, stories: 1, duplicates: 0 } });
  });

  it('lists stories with filters and a total, and rejects bad filters with 400', async () => {
    const all = await get('/api/stories');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 1);
    const id = all.body.stories[0].id as string;
    assert.deepEqual(all.body.stories[0].sources, ['CNBC', 'The National']);
    for (const query of ['source=cnbc', 'entity=Keir%20Starmer', 'q=Lawkowski', 'since=2024-10-23', 'until=2024-10-23', 'since=2024-10-01&until=2024-10-31&source=The%20National']) {
      assert.deepEqual((await get(`/api/stories?${query}`)).body.stories.map((s: Json) => s.id), [id], query);
    }
    for (const query of ['source=Reuters', 'entity=Angela%20Merkel', 'q=zeppelin', 'since=2024-10-24', 'until=2024-10-22']) {
      assert.deepEqual((await get(`/api/stories?${query}`)).body, { stories: [], total: 0 }, query);
    }
    for (const query of ['since=yesterday', 'limit=0', 'limit=100000', 'offset=-1', `q=${'x'.repeat(600)}`]) {
      const bad = await get(`/api/stories?${query}`);
      assert.equal(bad.status, 400, query);
      assert.equal(bad.body.error.code, 'bad-request');
      assert.match(bad.body.error.message, /^\w+: /);
    }
  });

  it('gives a story\'s analysis, the same JSON as analyze, and 404 for an unknown id', async () => {
    const [summary] = (await get('/api/stories')).body.stories as Json[];
    const { status, body } = await get(`/api/stories/${summary!.id}`);
    assert.equal(status, 200);
    assert.equal(body.summary.id, summary!.id);
    assert.deepEqual(body.analysis.sources, ['CNBC', 'The National']);
    assert.ok(body.analysis.alignedQuotes.length > 0 && body.analysis.claims.length > 0 && body.analysis.timeline.length > 0);
    assert.deepEqual(body.history.map((h: Json) => h.type), ['new', 'join']);
    const missing = await get('/api/stories/s999');
    assert.deepEqual([missing.status, missing.body.error.code, missing.body.error.message], [404, 'not-found', 'no story "s999"']);
    assert.equal((await get(`/api/stories/${'%2e%2e%2f'.repeat(3)}etc%2fpasswd`)).status, 404, 'a path in the id is only an unknown id');
  });

  it('lists articles and gives one with its record; spans index its text', async () => {
    const { body } = await get('/api/articles?source=CNBC');
    assert.equal(body.total, 1);
    const one = await get(`/api/articles/${body.articles[0].id}`);
    assert.equal(one.status, 200);
    const text = one.body.record.article.text as string;
    for (const e of one.body.record.entities as Json[]) for (const m of e.mentions as Json[]) assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal((await get('/api/articles/nope')).status, 404);
    assert.equal((await get('/api/articles?entity=Keir%20Starmer')).body.total, 2);
    assert.equal((await get('/api/articles?entity=Gary%20Lawkowski&source=The%20National')).body.total, 1);
  });

  it('searches, treating every query as words, never as SQL or search syntax', async () => {
    const hits = (await get('/api/search?q=Lawkowski')).body.hits as Json[];
    assert.ok(hits.length >= 1 && hits.every((h) => /Lawkowski/.test(h.snippet)));
    for (const q of ["' OR 1=1 --", '"; DROP TABLE articles; --', 'NEAR(a b)', '*', 'title:x', '(((', 'Lawkowski" OR "x']) {
      const r = await get(`/api/search?q=${encodeURIComponent(q)}`);
      assert.equal(r.status, 200, q);
      assert.ok(Array.isArray(r.body.hits), q);
    }
    assert.equal((await get('/api/health')).body.store.articles, 2, 'nothing was dropped');
    assert.equal((await get('/api/search')).status, 400);
  });

  it('adds articles given as JSON, one or many, and says which failed and why', async () => {
    const text = 'The harbour master of Port Ellen said on Monday that the ferry terminal would close for repairs until March, after storm damage estimated at 3 million pounds.';
    const one = await post('/api/articles', JSON.stringify({ text, source: 'Island Times', published: '2024-11-04', url: 'https://it.example/ferry' }));
    assert.equal(one.status, 200);
    assert.deepEqual([one.body.results[0].status, one.body.summary.new], ['new', 1]);
    const many = await post('/api/articles', JSON.stringify([{ text, source: 'Island Times', url: 'https://it.example/ferry' }, { title: 'no text' }]));
    assert.equal(many.status, 200);
    assert.deepEqual(many.body.results.map((r: Json) => r.status), ['unchanged', 'failed']);
    assert.match(many.body.results[1].reason, /needs a "text" or "html" field/);
    const none = await post('/api/articles', JSON.stringify([{ title: 'no text' }]));
    assert.equal(none.status, 422);
    const malformed = await post('/api/articles', '{"text": ');
    assert.deepEqual([malformed.status, malformed.body.error.code], [400, 'bad-json']);
    const wrongType = await post('/api/articles', 'text=hello', 'application/x-www-form-urlencoded');
    assert.deepEqual([wrongType.status, typeof wrongType.body.error.message], [415, 'string']);
    const big = await post('/api/articles', JSON.stringify({ text: 'word '.repeat(20_000) }));
    assert.deepEqual([big.status, big.body.error.code], [413, 'too-large']);
  });

  it('adds uploaded files as ingest reads them, naming them as the caller did, and refuses what is not an upload', async () => {
    const form = new FormData();
    form.append('files', new Blob(['The city council of Lowmoor voted on Thursday to close the old library, citing repair costs of 400,000 pounds that it said it could not meet.']), '../../etc/report.txt');
    form.append('files', new Blob(['{"text": "one"}\n{"nope": 1}\n']), 'dump.jsonl');
    const res = await app.request('/api/upload', { method: 'POST', body: form });
    const body = (await res.json()) as Json;
    assert.equal(res.status, 200);
    assert.deepEqual(body.results.map((r: Json) => [r.input, r.status]), [['report.txt', 'new'], ['dump.jsonl#1', 'new'], ['dump.jsonl#2', 'failed']]);
    const empty = await app.request('/api/upload', { method: 'POST', body: new FormData() });
    assert.equal(empty.status, 400);
    const huge = new FormData();
    huge.append('files', new Blob(['x'.repeat(200 * 1024)]), 'big.txt');
    assert.equal((await app.request('/api/upload', { method: 'POST', body: huge })).status, 413);
  });

  it('serves the OpenAPI document, metrics, and JSON 404s for unknown routes', async () => {
    const doc = await get('/openapi.json');
    assert.equal(doc.status, 200);
    for (const path of ['/api/health', '/api/stories', '/api/stories/{id}', '/api/articles', '/api/articles/{id}', '/api/search', '/api/upload']) assert.ok(doc.body.paths[path], path);
    const metrics = await app.request('/api/metrics');
    assert.match(await metrics.text(), /parallax_http_requests_total\{method="GET",route="\/api\/stories\/:id",status="200"\} \d+/);
    const nope = await get('/api/nope');
    assert.deepEqual([nope.status, nope.body.error.code], [404, 'not-found']);
    const res = await app.request('/api/health');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  });
});
