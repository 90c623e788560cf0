import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { readArticleRecord } from '../ingest/index.js';
import { ArticleQueue } from '../queue/article-queue.js';
import { BIN, runCli, tempDir } from '../test-support/cli.js';
import { freshPostgres, freshQueueUrl, natsAvailable, TEST_NATS } from '../test-support/services.js';
import { syntheticArticles, toJsonl } from '../test-support/synthetic.js';

const startWorker = (queue: string, db: string, idleSeconds: number): ChildProcess =>
  spawn(process.execPath, [BIN, 'worker', '--queue', queue, '--db', db, '--idle-exit', String(idleSeconds), '--json'], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

async function countArticles(url: string): Promise<{ total: number; distinct: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ total: string; distinct: string }>('select count(*) total, count(distinct id) "distinct" from articles');
    return { total: Number(r.rows[0]!.total), distinct: Number(r.rows[0]!.distinct) };
  } catch {
    return { total: 0, distinct: 0 }; // the schema is not there yet
  } finally {
    await c.end();
  }
}

describe('parallax worker with NATS JetStream and PostgreSQL', () => {
  it('stores every article exactly once with two workers when one is killed mid-stream', async (t) => {
    if (!(await natsAvailable())) return t.skip('no NATS server');
    const db = await freshPostgres();
    if (!db) return t.skip('no PostgreSQL server');
    const queue = freshQueueUrl('?ack_wait=2');
    try {
      const dump = join(tempDir(), 'feed.jsonl');
      const articles = syntheticArticles(150);
      writeFileSync(dump, toJsonl(articles));
      const published = await runCli(['ingest', '--queue', queue, dump]);
      assert.equal(published.code, 0, published.stderr);
      assert.match(published.stdout, /published 150 · failed 0/);

      const stored = (n: number): Promise<void> => new Promise<void>((resolve) => {
        const poll = setInterval(async () => {
          if ((await countArticles(db.url)).total >= n) { clearInterval(poll); resolve(); }
        }, 50);
      });
      // The first worker stores some articles on its own before the second starts, so it has taken part whichever of
      // the two a loaded machine starts faster; it is killed mid-stream, with most of the feed still queued.
      const doomed = startWorker(queue, db.url, 30);
      await stored(10);
      const survivor = startWorker(queue, db.url, 6);
      const out: string[] = [];
      survivor.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
      await stored(40);
      doomed.kill('SIGKILL');
      assert.equal(await exited(survivor), 0);
      const counts = await countArticles(db.url);
      assert.deepEqual(counts, { total: 150, distinct: 150 }, 'every article once');
      const summary = JSON.parse(out.join('').trim().split('\n').at(-1)!) as { summary: { read: number }; deadLettered: number };
      assert.ok(summary.summary.read > 0 && summary.summary.read < 150, 'both workers took part');
      assert.equal(summary.deadLettered, 0);
      const q = await ArticleQueue.open(queue);
      assert.equal(await q.pending(), 0, 'the queue is drained');
      await q.destroy();
      await q.close();
    } finally {
      await db.drop();
    }
  });

  it('dead-letters a message that is not an article at once, and one that keeps failing after its retries', async (t) => {
    if (!(await natsAvailable())) return t.skip('no NATS server');
    const dir = tempDir();
    const queueUrl = freshQueueUrl('?max_deliver=2&ack_wait=5');
    const queue = await ArticleQueue.open(queueUrl);
    try {
      const name = new URL(queueUrl).pathname.slice(1);
      const nc = await connect({ servers: TEST_NATS.replace('nats://', '') });
      const js = jetstream(nc);
      await js.publish(`${name}.articles`, 'this is not JSON');
      // An article whose blocks are not what ingest makes: extraction throws, every time.
      await js.publish(`${name}.articles`, JSON.stringify({ input: 'broken.txt', article: { id: 'broken', text: 'Some text here.', blocks: 7 }, messages: [] }));
      const fine = readArticleRecord('fine.jsonl#1', syntheticArticles(1)[0], { source: null, published: null, url: null });
      assert.ok(fine.ok);
      await js.publish(`${name}.articles`, JSON.stringify({ input: fine.input, article: fine.article, messages: [] }));
      await nc.drain();
      const run = await runCli(['worker', '--queue', queueUrl, '--db', join(dir, 'w.db'), '--idle-exit', '4']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /read 1 · new 1 .* dead-lettered 2/);
      assert.match(run.stderr, /broken\.txt: dead-lettered after 2 deliveries/);
      const letters = await queue.deadLetters();
      assert.deepEqual(letters.map((l) => [l.input, l.deliveries]), [[null, 1], ['broken.txt', 2]]);
      assert.equal(letters[0]!.reason, 'not an article message');
      assert.match(letters[1]!.reason, /Error/);
    } finally {
      await queue.destroy();
      await queue.close();
    }
  });

  it('stops with one line and exit 3 when the queue goes away, leaving the rest queued for the next run', async (t) => {
    if (!(await natsAvailable())) return t.skip('no NATS server');
    // A TCP relay in front of NATS, closed mid-run: the worker sees the server go away.
    const target = new URL(TEST_NATS);
    const sockets = new Set<Socket>();
    const relay = createServer((client) => {
      const upstream = tcpConnect(Number(target.port || 4222), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = (): void => { client.destroy(); upstream.destroy(); };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const port = (relay.address() as { port: number }).port;
    const direct = freshQueueUrl('?ack_wait=2');
    const name = new URL(direct).pathname;
    const viaRelay = `nats://127.0.0.1:${port}${name}?ack_wait=2`;
    const dir = tempDir();
    const dump = join(dir, 'feed.jsonl');
    writeFileSync(dump, toJsonl(syntheticArticles(300)));
    assert.equal((await runCli(['ingest', '--queue', direct, dump])).code, 0);
    const db = join(dir, 'relay.db');
    const worker = spawn(process.execPath, [BIN, 'worker', '--queue', viaRelay, '--db', db], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const err: string[] = [];
    worker.stderr!.on('data', (d: Buffer) => err.push(d.toString()));
    let stdout = '';
    worker.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    relay.close();
    for (const s of sockets) s.destroy();
    const code = await exited(worker);
    assert.equal(code, 3, err.join(''));
    const lines = err.join('').trim().split('\n');
    assert.match(lines.at(-1)!, /^parallax: nats:\/\/127\.0\.0\.1:\d+\/test_\w+\?ack_wait=2: the NATS server went away/);
    const stored = Number(/new (\d+)/.exec(stdout)?.[1] ?? -1);
    assert.ok(stored >= 0 && stored < 300, stdout);
    // The next run, straight to NATS, stores the rest and nothing twice.
    const rest = await runCli(['worker', '--queue', `${direct}`, '--db', db, '--idle-exit', '5', '--json']);
    assert.equal(rest.code, 0, rest.stderr);
    const q = await ArticleQueue.open(direct);
    assert.equal(await q.pending(), 0);
    await q.destroy();
    await q.close();
    const count = await runCli(['stories', '--db', db, '--json', '--limit', '1000']);
    const originals = count.stdout.trim().split('\n').map((l) => JSON.parse(l) as { articles: number }).reduce((n, s) => n + s.articles, 0);
    assert.equal(originals, 300);
  });
});
