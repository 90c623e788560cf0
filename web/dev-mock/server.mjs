// A stand-in for `parallax serve` while it does not exist: serves dist/web and answers the API routes of
// docs/api.md from one story JSON (`parallax analyze --format json`). Development only; not part of the build.
//   node bin/parallax.js analyze --format json --manifest examples/seed-story/manifest.json > /tmp/seed-story.json
//   node web/dev-mock/server.mjs [--port 8788] [--story /tmp/seed-story.json] [--stories 45]
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string', default: '8788' },
    story: { type: 'string', default: '/tmp/seed-story.json' },
    stories: { type: 'string', default: '25' },
  },
});
const here = dirname(fileURLToPath(import.meta.url));
const webRoot = resolve(here, '../../dist/web');
const analysis = JSON.parse(readFileSync(opts.story, 'utf8'));
const arts = analysis.articles;
const first = arts[0].article;

const duplicates = [{ id: 'dup0000000000001', duplicateOf: first.id, similarity: 0.97, source: `${first.source} (syndicated)`, title: 'Labour rejects Trump campaign complaint' }];
const history = [
  { type: 'new', story: 's1', article: first.id },
  ...arts.slice(1).map((a) => ({ type: 'join', story: 's1', article: a.article.id, score: 0.41 })),
  { type: 'join', story: 's1', article: duplicates[0].id, score: 0.97 },
  { type: 'merge', story: 's1', article: arts[arts.length - 1].article.id, merged: 's9', score: 0.33 },
];
const summaryOf = (id, i) => ({
  id,
  title: i === 0 ? analysis.summary[0]?.span.text ?? 'Story' : `Another story number ${i + 1}: councils, budgets and a long title that should wrap on small screens`,
  firstDay: i === 0 ? analysis.dateRange.first : `2024-09-${String(28 - (i % 27)).padStart(2, '0')}`,
  lastDay: i === 0 ? analysis.dateRange.last : `2024-09-${String(28 - (i % 27)).padStart(2, '0')}`,
  articles: i === 0 ? arts.length + duplicates.length : 1 + (i % 4),
  originals: i === 0 ? arts.length : 1 + (i % 3 === 0 ? 0 : 0),
  sources: i === 0 ? analysis.sources : ['Reuters', 'AP', 'BBC'].slice(0, 1 + (i % 3)),
});
const stories = Array.from({ length: Number(opts.stories) }, (_, i) => summaryOf(`s${i + 1}`, i));
const articleSummary = (a) => ({ id: a.article.id, title: a.article.title, source: a.article.source, published: a.article.published, story: 's1', duplicateOf: null });
let added = 0;

function send(res, status, body, type = 'application/json') {
  const data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(data);
}
const fail = (res, status, code, message) => send(res, status, { error: { code, message } });
const readBody = (req) => new Promise((ok, ko) => { const chunks = []; req.on('data', (c) => chunks.push(c)); req.on('end', () => ok(Buffer.concat(chunks))); req.on('error', ko); });

function snippet(text, q) {
  const i = text.toLowerCase().indexOf(q.toLowerCase().split(/\s+/)[0] ?? '');
  const s = Math.max(0, i - 90);
  return `${s > 0 ? '…' : ''}${text.slice(s, s + 200).replace(/\s+/g, ' ')}…`;
}
function addResult(input, item) {
  const text = item.text ?? item.html ?? '';
  if (!text.trim()) return { input, status: 'failed', error: 'empty', reason: `${input}: no text` };
  if (arts.some((a) => a.article.text === text)) return { input, status: 'unchanged', id: arts[0].article.id, story: 's1' };
  if (/copy/i.test(text.slice(0, 40))) return { input, status: 'duplicate', id: `dup${++added}`, story: 's1', duplicateOf: first.id, similarity: 0.93 };
  return { input, status: 'new', id: `new${String(++added).padStart(13, '0')}`, story: `s${stories.length + added}` };
}
const summarize = (results) => ({
  results,
  summary: { read: results.filter((r) => r.status !== 'failed').length, new: results.filter((r) => r.status === 'new').length, duplicate: results.filter((r) => r.status === 'duplicate').length, near: 0, unchanged: results.filter((r) => r.status === 'unchanged').length, failed: results.filter((r) => r.status === 'failed').length, reasons: Object.fromEntries(results.filter((r) => r.error).map((r) => [r.error, 1])) },
});

async function api(req, res, url) {
  const p = url.pathname;
  const q = url.searchParams;
  if (p === '/api/health') return send(res, 200, { ok: true, version: '0.1.0-mock', store: { engine: 'mock', articles: arts.length + 1, stories: stories.length, duplicates: 1 } });
  if (p === '/api/stories' && req.method === 'GET') {
    const limit = Number(q.get('limit') ?? 50);
    const offset = Number(q.get('offset') ?? 0);
    if (!(limit >= 1 && limit <= 500)) return fail(res, 400, 'bad-request', `limit: must be 1 to 500, got ${q.get('limit')}`);
    let list = stories;
    const src = q.get('source')?.toLowerCase();
    if (src) list = list.filter((s) => s.sources.some((x) => x.toLowerCase() === src));
    const ent = q.get('entity')?.toLowerCase();
    if (ent) list = list.filter((s) => s.id === 's1' && analysis.entities.some((e) => e.name.toLowerCase() === ent));
    const words = q.get('q')?.toLowerCase();
    if (words) list = list.filter((s) => (s.title ?? '').toLowerCase().includes(words) || (s.id === 's1' && arts.some((a) => a.article.text.toLowerCase().includes(words))));
    if (q.get('since')) list = list.filter((s) => (s.lastDay ?? '') >= q.get('since'));
    if (q.get('until')) list = list.filter((s) => (s.firstDay ?? '') <= q.get('until'));
    return send(res, 200, { stories: list.slice(offset, offset + limit), total: list.length });
  }
  let m = /^\/api\/stories\/([^/]+)$/.exec(p);
  if (m) {
    const id = decodeURIComponent(m[1]);
    const s = stories.find((x) => x.id === id) ?? (id === 's9' ? stories[0] : null);
    if (!s) return fail(res, 404, 'not-found', `story ${id}: no such story`);
    return send(res, 200, { summary: s.id === 's1' ? s : { ...stories[0], id: 's1' }, analysis, duplicates, history });
  }
  m = /^\/api\/articles\/([^/]+)$/.exec(p);
  if (m) {
    const id = decodeURIComponent(m[1]);
    const a = arts.find((x) => x.article.id === id) ?? (id === duplicates[0].id ? arts[0] : null);
    if (!a) return fail(res, 404, 'not-found', `article ${id}: no such article`);
    const summary = { ...articleSummary(a), ...(id === duplicates[0].id ? { id, duplicateOf: first.id } : {}) };
    return send(res, 200, { summary, record: { schema: 1, input: a.input, article: a.article, entities: a.entities, attributions: a.attributions, dates: a.dates } });
  }
  if (p === '/api/search') {
    const words = (q.get('q') ?? '').trim();
    if (!words) return fail(res, 400, 'bad-request', 'q: required');
    const terms = words.toLowerCase().replace(/"/g, '').split(/\s+/);
    const hits = arts.filter((a) => terms.every((t) => a.article.text.toLowerCase().includes(t))).map((a) => ({ ...articleSummary(a), snippet: snippet(a.article.text, words.replace(/"/g, '')) }));
    return send(res, 200, { hits });
  }
  if (p === '/api/articles' && req.method === 'POST') {
    let body;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'));
    } catch (e) {
      return fail(res, 400, 'bad-json', `request body: not JSON (${e.message})`);
    }
    const items = Array.isArray(body) ? body : [body];
    const out = summarize(items.map((it, i) => addResult(`body[${i}]`, it)));
    return send(res, out.summary.read ? 200 : 422, out);
  }
  if (p === '/api/upload' && req.method === 'POST') {
    const buf = await readBody(req);
    const type = req.headers['content-type'] ?? '';
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
    if (!boundary) return fail(res, 400, 'bad-request', 'upload: expected multipart/form-data');
    const parts = buf.toString('latin1').split(`--${boundary[1] ?? boundary[2]}`).slice(1, -1);
    const files = parts.map((part) => {
      const [head, ...rest] = part.split('\r\n\r\n');
      return { name: /filename="([^"]*)"/.exec(head)?.[1], text: rest.join('\r\n\r\n').replace(/\r\n$/, '') };
    }).filter((f) => f.name);
    if (!files.length) return fail(res, 400, 'bad-request', 'upload: no files in field "files"');
    await new Promise((r) => setTimeout(r, 400));
    const results = files.map((f) => (/\.bin$/.test(f.name) ? { input: f.name, status: 'failed', error: 'binary', reason: `${f.name}: binary file, not text` } : addResult(f.name, { text: f.text })));
    const out = summarize(results);
    return send(res, out.summary.read ? 200 : 422, out);
  }
  return fail(res, 404, 'not-found', `${req.method} ${p}: no such route`);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    if (url.pathname.startsWith('/api/')) return await api(req, res, url);
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = resolve(join(webRoot, path));
    if (!file.startsWith(webRoot) || !existsSync(file) || !statSync(file).isFile()) return fail(res, 404, 'not-found', `${path}: not found`);
    send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  } catch (e) {
    fail(res, 500, 'internal', String(e));
  }
});
server.listen(Number(opts.port), '127.0.0.1', () => console.log(`mock API and UI on http://127.0.0.1:${opts.port}/`));
