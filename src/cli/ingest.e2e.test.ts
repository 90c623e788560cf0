import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { REPO_ROOT } from '../config/paths.js';
import { articlePage, paragraphs, serve } from '../ingest/source-fixtures.js';
import { BIN, runCli, tempDir } from '../test-support/cli.js';
import { freshPostgres } from '../test-support/services.js';
import { syntheticArticles, toJsonl } from '../test-support/synthetic.js';

const MANIFEST = join(REPO_ROOT, 'examples', 'seed-story', 'manifest.json');

describe('parallax ingest and the store commands', () => {
  it('stores the seed story once, says so, and answers stories, story and search', async () => {
    const db = join(tempDir(), 'corpus.db');
    const first = await runCli(['ingest', '--db', db, '--manifest', MANIFEST]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^ingest: read 2 · new 2 · duplicates 0 · already stored 0 · failed 0 — .*corpus\.db: 2 articles in 1 story\n$/);
    const again = await runCli(['ingest', '--manifest', MANIFEST], { env: { PARALLAX_DB: db } });
    assert.equal(again.code, 0);
    assert.match(again.stdout, /new 0 · duplicates 0 · already stored 2/);

    const stories = await runCli(['stories', '--db', db, '--json']);
    assert.equal(stories.code, 0);
    const [story] = stories.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; sources: string[]; originals: number });
    assert.deepEqual(story?.sources, ['CNBC', 'The National']);
    assert.equal(story?.originals, 2);
    assert.match((await runCli(['stories', '--db', db])).stdout, new RegExp(`^${story!.id} +2024-10-23 +2 articles +The U\\.K\\.'s ruling Labour Party`));
    assert.equal((await runCli(['stories', '--db', db, '--json', '--entity', 'Keir Starmer'])).stdout.trim().split('\n').length, 1);
    assert.equal((await runCli(['stories', '--db', db, '--json', '--source', 'Reuters'])).stdout, '');

    const md = await runCli(['story', story!.id, '--db', db]);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /## Aligned quotes/);
    const json = JSON.parse((await runCli(['story', story!.id, '--db', db, '--format', 'json'])).stdout) as { sources: string[] };
    assert.deepEqual(json.sources, ['CNBC', 'The National']);
    const missing = await runCli(['story', 'nope', '--db', db]);
    assert.deepEqual([missing.code, missing.stderr], [2, 'parallax: nope: no such story in the store (see parallax stories)\n']);

    const hits = await runCli(['search', 'spare', 'time', '--db', db, '--json']);
    assert.equal(hits.code, 0);
    const found = hits.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; story: string; snippet: string });
    assert.deepEqual(found.map((h) => h.source).sort(), ['CNBC', 'The National']);
    assert.ok(found.every((h) => h.story === story!.id && /spare time/.test(h.snippet)));
    const none = await runCli(['search', 'zeppelin', '--db', db]);
    assert.deepEqual([none.code, none.stdout], [1, 'no article matches "zeppelin"\n']);
  });

  it('keeps going past a line that is not an article, counts it with its reason, and prints JSON lines', async () => {
    const dir = tempDir();
    const dump = join(dir, 'dump.jsonl');
    const articles = syntheticArticles(6);
    writeFileSync(dump, `${toJsonl(articles.slice(0, 3))}{"headline": "no text"}\n${toJsonl(articles.slice(3))}`);
    const run = await runCli(['ingest', '--db', join(dir, 'x.db'), '--json', dump]);
    assert.equal(run.code, 1, 'some input failed');
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines.slice(0, -1).map((l) => l.status), ['new', 'new', 'new', 'failed', 'new', 'new', 'new']);
    assert.match(String(lines[3]!.input), /dump\.jsonl#4$/);
    assert.match(String(lines[3]!.reason), /not an article record/);
    const summary = lines.at(-1) as { summary: { read: number; new: number; failed: number; reasons: Record<string, number> }; store: { articles: number } };
    assert.deepEqual([summary.summary.read, summary.summary.new, summary.summary.failed, summary.summary.reasons], [6, 6, 1, { 'bad-record': 1 }]);
    assert.equal(summary.store.articles, 6);
  });

  it('rejects bad option values as usage errors', async () => {
    const db = join(tempDir(), 'u.db');
    assert.equal((await runCli(['stories', '--db', db, '--since', 'yesterday'])).code, 2);
    assert.equal((await runCli(['search', 'x', '--db', db, '--limit', '0'])).code, 2);
    assert.equal((await runCli(['story', 'a', 'b', '--db', db])).code, 2);
    assert.match((await runCli(['ingest', '--help'])).stdout, /Examples:\n {2}parallax ingest examples\/seed-story/);
  });

  it('says a corrupt or locked database file is so, in one line with exit 3, and leaves it untouched', async () => {
    const dir = tempDir();
    const corrupt = join(dir, 'corrupt.db');
    const junk = 'not a database '.repeat(300);
    writeFileSync(corrupt, junk);
    const run = await runCli(['ingest', '--db', corrupt, '--manifest', MANIFEST]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /^parallax: .*corrupt\.db: not a Parallax database or corrupt \(file is not a database\); restore a backup or choose another --db\n$/);
    const lockedPath = join(dir, 'locked.db');
    assert.equal((await runCli(['ingest', '--db', lockedPath, '--manifest', MANIFEST])).code, 0);
    const holder = new Database(lockedPath);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      // Reading still works beside a writer (WAL); writing a new article has to wait for the lock.
      assert.equal((await runCli(['stories', '--db', lockedPath])).code, 0);
      const fresh = join(dir, 'fresh.jsonl');
      writeFileSync(fresh, toJsonl(syntheticArticles(1)));
      const locked = await runCli(['ingest', '--db', lockedPath, fresh]);
      assert.equal(locked.code, 3);
      assert.match(locked.stderr, /locked\.db: database is locked by another process/);
      assert.equal(locked.stderr.trim().split('\n').length, 1);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    assert.equal((new Database(lockedPath, { readonly: true }).prepare('select count(*) n from articles').get() as { n: number }).n, 2, 'nothing lost');
  });

  it('loses nothing committed and half-writes nothing when killed mid-batch, and resumes', async () => {
    const dir = tempDir();
    const db = join(dir, 'kill.db');
    const dump = join(dir, 'many.jsonl');
    const articles = syntheticArticles(240);
    writeFileSync(dump, toJsonl(articles));
    const child = spawn(process.execPath, [BIN, 'ingest', '--db', db, dump], { env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    const stored = (): number => {
      try {
        const reader = new Database(db, { readonly: true, fileMustExist: true });
        try {
          return (reader.prepare('select count(*) n from articles').get() as { n: number }).n;
        } finally {
          reader.close();
        }
      } catch {
        return 0;
      }
    };
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (stored() >= 30) { clearInterval(poll); child.kill('SIGKILL'); resolve(); }
      }, 20);
      child.once('exit', () => { clearInterval(poll); reject(new Error('ingest finished before it could be killed')); });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const check = new Database(db);
    const before = stored();
    assert.ok(before >= 30 && before < articles.length, String(before));
    assert.equal((check.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    // Every stored article is whole: its story counts it, it is searchable, its entities are there.
    const q = (s: string): number => (check.prepare(s).get() as { n: number }).n;
    assert.equal(q('select sum(articles) n from stories where merged_into is null'), before);
    assert.equal(q(`select count(*) n from articles a where not exists (select 1 from stories s where s.id = a.story_id)`), 0);
    assert.equal(q(`select count(*) n from articles a where a.seq not in (select rowid from entity_index)`), 0);
    assert.equal(q(`select count(*) n from articles_fts where articles_fts match '"report"'`), before);
    check.close();
    const resumed = await runCli(['ingest', '--db', db, '--json', dump]);
    assert.equal(resumed.code, 0, resumed.stderr);
    const summary = (JSON.parse(resumed.stdout.trim().split('\n').at(-1)!) as { summary: { new: number; duplicate: number; unchanged: number } }).summary;
    assert.equal(summary.unchanged, before);
    assert.equal(summary.new + summary.duplicate, articles.length - before);
    assert.equal(stored(), articles.length);
  });
});

describe('parallax ingest into PostgreSQL', () => {
  it('stops with one line and exit 3 when PostgreSQL goes away mid-run, keeps what was stored, and resumes', async (t) => {
    const db = await freshPostgres();
    if (!db) return t.skip('no PostgreSQL server');
    const name = new URL(db.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: db.url.replace(`/${name}`, '/postgres') });
    await admin.connect();
    try {
      const dump = join(tempDir(), 'many.jsonl');
      const articles = syntheticArticles(200);
      writeFileSync(dump, toJsonl(articles));
      const child = spawn(process.execPath, [BIN, 'ingest', '--db', db.url, dump], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const stored = async (): Promise<number> => {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        try {
          return Number((await c.query('select count(*) n from articles')).rows[0].n);
        } catch {
          return 0;
        } finally {
          await c.end();
        }
      };
      for (;;) {
        if ((await stored()) >= 20) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      // The database stops taking connections and the running ones are cut: PostgreSQL has gone away for this run.
      await admin.query(`alter database ${name} allow_connections false`);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [name]);
      const code = await new Promise((resolve) => child.once('exit', resolve));
      assert.equal(code, 3, stderr);
      assert.match(stderr, /^parallax: postgres:\/\/.*: lost PostgreSQL or cannot reach it \([^)\n]+\); what was stored is kept, run again when it is back\n$/);
      await admin.query(`alter database ${name} allow_connections true`);
      const before = await stored();
      assert.ok(before >= 20 && before < 200, String(before));
      const resumed = await runCli(['ingest', '--db', db.url, '--json', dump]);
      assert.equal(resumed.code, 0, resumed.stderr);
      const summary = (JSON.parse(resumed.stdout.trim().split('\n').at(-1)!) as { summary: { unchanged: number } }).summary;
      assert.equal(summary.unchanged, before);
      assert.equal(await stored(), 200);
    } finally {
      await admin.query(`alter database ${name} allow_connections true`).catch(() => undefined);
      await admin.end();
      await db.drop();
    }
  });
});

describe('parallax ingest --watch', () => {
  it('reads a feed again every interval, fetching only the new items\' pages, until stopped', async () => {
    const item = (n: number): string => `<item><title>Council vote ${n}</title><link>${server.base}/a${n}</link><guid>vote-${n}</guid><pubDate>Tue, 0${n} Oct 2024 10:00:00 GMT</pubDate><description>Teaser ${n}.</description></item>`;
    let items = [1, 2];
    const feed = (): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title><link>${server.base}/</link>${items.map(item).join('')}</channel></rss>`;
    const page = (n: number) => ({ type: 'text/html; charset=utf-8', body: articlePage(`Council vote ${n}`, paragraphs(`Vote ${n} in ward ${n * 7}`, 5)) });
    const server = await serve({
      '/feed.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed()),
      '/a1': page(1),
      '/a2': page(2),
      '/a3': page(3),
    });
    const db = join(tempDir(), 'watch.db');
    const child = spawn(process.execPath, [BIN, 'ingest', '--db', db, '--watch', '--interval', '1', '--json', `${server.base}/feed.xml`], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    const lines = (): Array<Record<string, unknown>> => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const waitFor = async (n: number): Promise<void> => {
      while (lines().filter((l) => l.status).length < n) await new Promise((r) => setTimeout(r, 50));
    };
    try {
      await waitFor(2);
      items = [1, 2, 3];
      await waitFor(3);
      // One more read with nothing new, then stop.
      const feedReads = (): number => server.hits.filter((h) => h === '/feed.xml').length;
      const reads = feedReads();
      while (feedReads() < reads + 1) await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGTERM');
      const code = await new Promise((resolve) => child.once('exit', resolve));
      assert.equal(code, 0);
      assert.deepEqual(lines().filter((l) => l.status).map((l) => String(l.input).replace(server.base, '')), ['/feed.xml#1', '/feed.xml#2', '/feed.xml#3']);
      assert.deepEqual(['/a1', '/a2', '/a3'].map((p) => server.hits.filter((h) => h === p).length), [1, 1, 1], 'each page fetched once');
      const summary = lines().at(-1) as { summary: { read: number }; store: { articles: number } };
      assert.deepEqual([summary.summary.read, summary.store.articles], [3, 3]);
    } finally {
      child.kill('SIGKILL');
      await server.close();
    }
  });
});
