/**
 * The corpus benchmarks: ingest with extraction, copy detection and clustering into a store.
 *
 *   node dist/bench/bench-corpus.js --sqlite            the shared story sets into a fresh SQLite file, one core
 *   node dist/bench/bench-corpus.js --workers N         the same through NATS JetStream into PostgreSQL, N workers
 *   node dist/bench/bench-corpus.js --scale N           N articles into SQLite: time per article as the store grows; then
 *                                                       seven new replicas, each into the grown store and into a store
 *                                                       of 1,000 articles, alternately (growth without the machine's drift)
 *   node dist/bench/bench-corpus.js --scale N --dated   the same with every replayed article dated (see `perturb`)
 *
 * The large corpus of --scale is the shared story sets replayed: replica r (r ≥ 1) has every capitalised word after
 * a sentence's first and one longer lower-case word in six given a suffix of its own and every digit shifted (other
 * people, places, numbers, and too many changed words for a replica to be a near copy of another), its dates moved
 * r × 45 days on and its URL marked. Each line is printed as JSON.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createArticlePipeline } from '../api/extract.js';
import { countOutcome, createArticleIngester, DEFAULT_INGEST_GROUP, emptyTally, ingestStream } from '../api/ingest.js';
import type { ExtractRecord } from '../model/schema.js';
import { requireData } from '../config/paths.js';
import { readArticleRecord } from '../ingest/index.js';
import { ArticleQueue } from '../queue/article-queue.js';
import { Store } from '../store/index.js';

const SETS = ['stories/basil-dev.jsonl', 'stories/giveme5w1h-silver.jsonl', 'stories/ecbplus.jsonl'];

export interface StoryLine {
  source?: string | null;
  published?: string | null;
  title?: string | null;
  text: string;
  url?: string | null;
}

export function storySetPaths(): string[] | null {
  const checks = SETS.map((s) => requireData(s));
  return checks.every((c) => c.ok) ? checks.map((c) => c.path) : null;
}

function loadLines(paths: string[]): StoryLine[] {
  return paths.flatMap((p) => readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as StoryLine));
}

const SYLLABLES = ['an', 'el', 'or', 'ix', 'ud', 'ay', 'om', 'ek'];
const suffixOf = (r: number): string => {
  let s = '';
  for (let n = r; n > 0; n = Math.floor(n / SYLLABLES.length)) s += SYLLABLES[n % SYLLABLES.length];
  return s;
};

/** The day a replica's undated articles are given with `datedReplay` (replica r: r × 45 days after it). */
const UNDATED_DAY = '2001-01-01';

/**
 * Replica `r` of an article (r = 0 is the article itself). With `datedReplay`, an article with no date gets its
 * replica's day: a feed's articles have dates, and without one the replicas of an undated event (ECB+, two thirds of
 * the story sets) are free to join each other's stories across the whole run.
 */
export function perturb(line: StoryLine, r: number, index: number, datedReplay = false): StoryLine {
  if (r === 0) return { ...line, url: line.url ?? `https://replay.example/${index}`, ...(datedReplay && !line.published ? { published: UNDATED_DAY } : {}) };
  const suffix = suffixOf(r);
  let n = 0;
  const rewrite = (text: string): string =>
    text
      .replace(/(?<=[a-z,;:] )(\p{Lu}\p{Ll}+)/gu, (w) => `${w}${suffix}`)
      // One longer lower-case word in six too: without it a replica is a near copy of the others (same shingles).
      .replace(/\b\p{Ll}{4,}\b/gu, (w) => (++n % 6 === r % 6 ? `${w}${suffix}` : w))
      .replace(/\d/g, (d) => String((Number(d) + r) % 10));
  const shift = (iso: string | null | undefined): string | null => {
    if (!iso) return null;
    const t = Date.parse(iso.slice(0, 10));
    return Number.isNaN(t) ? null : new Date(t + r * 45 * 86_400_000).toISOString().slice(0, 10);
  };
  const published = shift(line.published) ?? (datedReplay ? shift(UNDATED_DAY) : null);
  return { source: line.source ?? null, published, title: line.title ? rewrite(line.title) : null, text: rewrite(line.text), url: `${line.url ?? `https://replay.example/${index}`}#r${r}` };
}

const removeDb = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
};
const fresh = (name: string): string => {
  const path = join(tmpdir(), `${name}-${process.pid}.db`);
  removeDb(path);
  return path;
};

const peakMb = (): number => process.resourceUsage().maxRSS / 1024;

/** The story sets into a fresh SQLite store through the same path as `parallax ingest`. */
async function benchSqlite(paths: string[]): Promise<object> {
  const db = fresh('parallax-bench');
  const store = await Store.open(db);
  const tally = emptyTally();
  const mb = paths.reduce((n, p) => n + readFileSync(p).length, 0) / (1024 * 1024);
  const start = performance.now();
  // Also from the first group stored on, as the workers are timed: loading the models is paid once per process.
  let first: { at: number; read: number } | null = null;
  for await (const outcome of ingestStream(paths, store)) {
    countOutcome(tally, outcome);
    first ??= { at: performance.now(), read: tally.read };
  }
  const end = performance.now();
  const seconds = (end - start) / 1000;
  const steadyPerSecond = first && end > first.at ? (tally.read - first.read) / ((end - first.at) / 1000) : null;
  const counts = await store.count();
  await store.close();
  removeDb(db);
  return { task: 'ingest into SQLite (extraction, copies, clustering), one core', articles: tally.read, seconds, perSecond: tally.read / seconds, steadyPerSecond, mbPerSecond: mb / seconds, peakMb: peakMb(), stories: counts.stories, duplicates: counts.duplicates };
}

/** The story sets published to NATS, then stored in PostgreSQL by N worker processes. */
async function benchWorkers(paths: string[], workers: number): Promise<object> {
  const admin = new pg.Client({ connectionString: process.env.PARALLAX_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  const name = `parallax_bench_${process.pid}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const dbUrl = `postgres://postgres@127.0.0.1:5432/${name}`;
  const queueUrl = `${process.env.PARALLAX_BENCH_NATS ?? 'nats://127.0.0.1:4222'}/bench_${process.pid}`;
  const queue = await ArticleQueue.open(queueUrl);
  const lines = loadLines(paths);
  try {
    // The schema first, so that the workers do not race to create it.
    await (await Store.open(dbUrl)).close();
    let publishMs = performance.now();
    for (const [i, line] of lines.entries()) {
      const read = readArticleRecord(`bench#${i + 1}`, perturb(line, 0, i), { source: null, published: null, url: null });
      if (read.ok) await queue.publish({ input: read.input, article: read.article, messages: read.messages });
    }
    publishMs = performance.now() - publishMs;
    const total = await queue.pending();
    const bin = fileURLToPath(new URL('../../bin/parallax.js', import.meta.url));
    const start = performance.now();
    const children = Array.from({ length: workers }, () => spawn(process.execPath, [bin, 'worker', '--queue', queueUrl, '--db', dbUrl, '--idle-exit', '3'], { stdio: 'ignore' }));
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    let stored = 0;
    // Also from the first stored article on: the workers' throughput once started (starting one — loading the
    // models, opening the store, replaying its log — is paid once per worker, not per article).
    let first: { at: number; stored: number } | null = null;
    while (stored < total) {
      await new Promise((r) => setTimeout(r, 100));
      stored = Number((await client.query('select count(*) n from articles')).rows[0].n);
      if (!first && stored > 0) first = { at: performance.now(), stored };
    }
    const end = performance.now();
    const seconds = (end - start) / 1000;
    const steadyPerSecond = first && end > first.at ? (stored - first.stored) / ((end - first.at) / 1000) : null;
    // What the workers made of it, beside the SQLite run's: the same copies; stories may differ a little (arrival order).
    const made = (await client.query(`select (select count(*) from stories where merged_into is null) stories, (select count(*) from articles where duplicate_of is not null) duplicates`)).rows[0];
    await client.end();
    await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve)))));
    return { task: `ingest through NATS JetStream into PostgreSQL, ${workers} worker${workers === 1 ? '' : 's'}`, articles: stored, seconds, perSecond: stored / seconds, steadyPerSecond, publishPerSecond: total / (publishMs / 1000), stories: Number(made.stories), duplicates: Number(made.duplicates) };
  } finally {
    await queue.destroy();
    await queue.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Replicas timed side by side in --scale, and the store the grown one is compared with: 1,000 articles of another. */
const CONTROL_REPLICAS = 7;
const SEED_ARTICLES = 1000;
const SEED_REPLICA = 10_000;

/** Replica `r` of the story sets, extracted. */
function extractReplica(lines: readonly StoryLine[], extract: ReturnType<typeof createArticlePipeline>, name: string, r: number, datedReplay: boolean): ExtractRecord[] {
  const records: ExtractRecord[] = [];
  for (const [i, line] of lines.entries()) {
    const read = readArticleRecord(`${name}#${r}:${i + 1}`, perturb(line, r, i, datedReplay), { source: null, published: null, url: null });
    if (read.ok) records.push(extract(read.input, read.article, read.messages).record);
  }
  return records;
}

/** Records into a store in groups, as `parallax ingest` stores them (api/ingest.ts DEFAULT_INGEST_GROUP). */
async function addAll(into: Store, records: readonly ExtractRecord[]): Promise<void> {
  for (let k = 0; k < records.length; k += DEFAULT_INGEST_GROUP) for (const result of await into.addMany(records.slice(k, k + DEFAULT_INGEST_GROUP))) if (result instanceof Error) throw result;
}

/** A replica extracted and stored: milliseconds in all and in the store. */
async function replicaInto(into: Store, extracted: () => ExtractRecord[]): Promise<{ articles: number; ms: number; storeMs: number; msPerArticle: number; storeMsPerArticle: number }> {
  const start = performance.now();
  const records = extracted();
  const stored = performance.now();
  await addAll(into, records);
  const end = performance.now();
  return { articles: records.length, ms: end - start, storeMs: end - stored, msPerArticle: (end - start) / records.length, storeMsPerArticle: (end - stored) / records.length };
}

/** N replayed articles into one SQLite store; per replica of the story sets: time per article, whole and in the store. */
async function benchScale(paths: string[], target: number, datedReplay = false): Promise<object[]> {
  const lines = loadLines(paths);
  const db = fresh('parallax-scale');
  let store: Store | null = await Store.open(db);
  const extract = createArticlePipeline();
  const rows: object[] = [];
  let done = 0;
  for (let r = 0; done < target; r++) {
    let total = 0;
    let storeMs = 0;
    let n = 0;
    const start = performance.now();
    // Stored in groups, as `parallax ingest` stores them (api/ingest.ts DEFAULT_INGEST_GROUP).
    let group: ExtractRecord[] = [];
    const flush = async (): Promise<void> => {
      const t = performance.now();
      for (const result of await store!.addMany(group)) if (result instanceof Error) throw result;
      storeMs += performance.now() - t;
      group = [];
    };
    for (const [i, line] of lines.entries()) {
      if (done >= target) break;
      const read = readArticleRecord(`replay#${r}:${i + 1}`, perturb(line, r, i, datedReplay), { source: null, published: null, url: null });
      if (!read.ok) continue;
      group.push(extract(read.input, read.article, read.messages).record);
      if (group.length >= DEFAULT_INGEST_GROUP) await flush();
      done++;
      n++;
    }
    await flush();
    total = performance.now() - start;
    rows.push({ replica: r, full: n === lines.length, storedAfter: done, msPerArticle: total / n, storeMsPerArticle: storeMs / n, duplicates: (await store.count()).duplicates, rssMb: process.memoryUsage().rss / 1024 / 1024, peakMb: peakMb() });
    console.error(JSON.stringify(rows.at(-1)));
  }
  // Growth without the machine's drift: each new replica into the grown store and into a store holding 1,000 articles
  // (of another replica), one after the other (the rows above are a quarter of an hour apart at 100,000, and this
  // machine's speed moves by a fifth within an hour). CONTROL_REPLICAS of them together hold more than 10,000
  // articles, so the grown store's periodic work (a clusterer snapshot every 10,000, the band move every 4,096) is
  // in them as often as in the growth rows.
  const seed = extractReplica(lines, extract, 'seed', SEED_REPLICA, datedReplay).slice(0, SEED_ARTICLES);
  const lastReplica = Math.ceil(target / lines.length);
  const sums = { grown: 0, seeded: 0, grownStore: 0, seededStore: 0, articles: 0 };
  for (let k = 0; k < CONTROL_REPLICAS; k++) {
    const r = lastReplica + 1 + k;
    const grown = await replicaInto(store, () => extractReplica(lines, extract, 'control', r, datedReplay));
    const seededDb = fresh('parallax-scale-seeded');
    const seeded = await Store.open(seededDb);
    await addAll(seeded, seed);
    const fromSeed = await replicaInto(seeded, () => extractReplica(lines, extract, 'control', r, datedReplay));
    await seeded.close();
    removeDb(seededDb);
    rows.push({ control: k + 1, replica: r, grown, from1000: fromSeed });
    console.error(JSON.stringify(rows.at(-1)));
    sums.grown += grown.ms; sums.seeded += fromSeed.ms; sums.grownStore += grown.storeMs; sums.seededStore += fromSeed.storeMs; sums.articles += grown.articles;
  }
  rows.push({
    controls: CONTROL_REPLICAS, articlesEach: sums.articles,
    grownMsPerArticle: sums.grown / sums.articles, from1000MsPerArticle: sums.seeded / sums.articles,
    grownStoreMsPerArticle: sums.grownStore / sums.articles, from1000StoreMsPerArticle: sums.seededStore / sums.articles,
    growth: sums.grown / sums.seeded - 1,
  });
  await store.close();
  store = null; // let its clusterer go before a new process's worth of state is loaded
  // Opening the grown store in a new process replays the clustering log: the start-up cost a user sees.
  const reopen = performance.now();
  const again = await Store.open(db);
  const read = readArticleRecord('replay#new', perturb(lines[0]!, 1000, 0, datedReplay), { source: null, published: null, url: null });
  if (read.ok) await createArticleIngester(again)(read.input, read.article, read.messages);
  rows.push({ reopenAndFirstArticleSeconds: (performance.now() - reopen) / 1000 });
  await again.close();
  removeDb(db);
  return rows;
}

async function main(): Promise<number> {
  const paths = storySetPaths();
  if (!paths) {
    console.error('bench-corpus: the shared story sets are missing (set PARALLAX_DATA)');
    return 1;
  }
  const arg = (flag: string): string | undefined => {
    const i = process.argv.indexOf(flag);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  if (process.argv.includes('--sqlite')) console.log(JSON.stringify(await benchSqlite(paths)));
  else if (arg('--workers')) console.log(JSON.stringify(await benchWorkers(paths, Number(arg('--workers')))));
  else if (arg('--scale')) console.log(JSON.stringify(await benchScale(paths, Number(arg('--scale')), process.argv.includes('--dated'))));
  else {
    console.error('usage: bench-corpus.js --sqlite | --workers N | --scale N [--dated]');
    return 2;
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
