/**
 * The HTTP API under load: a SQLite store of N articles, `parallax serve` on it in a child process, autocannon
 * (10 connections, 10 s a route by default) on the story page, the story list and search.
 *
 *   node dist/bench/bench-server.js [--articles 10000] [--duration 10] [--connections 10] [--only story|list|search] [--cpu-prof]
 *
 * The store is the shared story sets replayed with perturbed text (bench-corpus.ts: `perturb`), built once at
 * $TMPDIR/parallax-load-N.db and reused when it already holds N articles (a partly built one is completed). The
 * stories asked for are the 20 largest (most originals) and 20 at random, each analysis warmed by one request first
 * (analyses are cached in the store). With --cpu-prof the server child runs under `node --cpu-prof` and the
 * functions that cost the most time are listed. Prints Markdown: the build, the warm-up, the table and the targets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createArticlePipeline } from '../api/extract.js';
import { REPO_ROOT } from '../config/paths.js';
import { readArticleRecord } from '../ingest/index.js';
import { Store } from '../store/index.js';
import { perturb, storySetPaths, type StoryLine } from './bench-corpus.js';

/** The part of autocannon's programmatic API used here (the package has no types of its own). */
interface CannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (request: CannonRequest) => CannonRequest;
}
interface CannonHistogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface CannonResult {
  requests: CannonHistogram & { total: number };
  latency: CannonHistogram;
  throughput: CannonHistogram & { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; requests: CannonRequest[]; headers?: Record<string, string> }) => PromiseLike<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const BIN = join(REPO_ROOT, 'bin', 'parallax.js');

/** Story page API targets with 10,000 stored articles. */
const TARGET_P99_MS = 50;
const TARGET_RPS = 500;

const SEARCHES = ['police', 'election', 'government', 'court', '"prime minister"', 'fire', 'president', 'earthquake'];

function option(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
  return n;
}

/** A small seeded generator, so that "20 random stories" are the same ones on every run over the same store. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Replays the story sets (replica 0, 1, 2, …) into the store until it holds `target` articles; what it holds is kept. */
async function build(store: Store, paths: string[], target: number): Promise<{ added: number; seconds: number }> {
  const lines = paths.flatMap((p) => readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as StoryLine));
  const extract = createArticlePipeline();
  let stored = (await store.count()).articles;
  let added = 0;
  const start = performance.now();
  for (let r = 0; stored < target; r++) {
    for (const [i, line] of lines.entries()) {
      if (stored >= target) break;
      const read = readArticleRecord(`replay#${r}:${i + 1}`, perturb(line, r, i), { source: null, published: null, url: null });
      if (!read.ok || (await store.has(read.article.id))) continue;
      const { record } = extract(read.input, read.article, read.messages);
      await store.add(record);
      stored++;
      added++;
      if (added % 500 === 0) console.error(`bench-server: ${stored} articles stored (${((performance.now() - start) / 1000).toFixed(0)} s)`);
    }
  }
  return { added, seconds: (performance.now() - start) / 1000 };
}

/** The 20 standing stories with most originals, and 20 others at random. */
async function pickStories(store: Store): Promise<{ largest: string[]; random: string[]; originals: Map<string, number> }> {
  const rows = await store.db.selectFrom('stories').select(['id', 'originals']).where('merged_into', 'is', null).orderBy('originals', 'desc').orderBy('id').execute();
  const originals = new Map(rows.map((r) => [r.id, Number(r.originals)]));
  const largest = rows.slice(0, 20).map((r) => r.id);
  const rest = rows.slice(20).map((r) => r.id);
  const next = random(42);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return { largest, random: rest.slice(0, 20), originals };
}

/** `parallax serve` on the store in a child process; resolves with its URL once it listens. */
function startServer(db: string, profileDir: string | null): Promise<{ url: string; child: ChildProcess }> {
  const args = [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), BIN, 'serve', '--db', db, '--port', '0'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '' } });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const url = /^(http:\/\/\S+\/)$/m.exec(out)?.[1];
      if (url) resolve({ url, child });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`parallax serve exited (${code}) before listening: ${err.trim()}`)));
    child.once('error', reject);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Cycles every connection's requests over the paths. */
function cycling(paths: string[]): CannonRequest[] {
  let i = 0;
  return [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length]! }) }];
}

const ms = (n: number): string => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** The functions with most self time in a V8 CPU profile, with their share of the samples. */
function topOfProfile(dir: string, n = 25): string[] {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return ['(no profile written)'];
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }>;
    samples: number[];
    timeDeltas: number[];
  };
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const where = frame.url ? `${frame.url.replace(/^file:\/\//, '').replace(REPO_ROOT + '/', '')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, t]) => `| ${((100 * t) / total).toFixed(1)} % | ${(t / 1000).toFixed(0)} ms | \`${key}\` |`);
}

async function main(): Promise<number> {
  const paths = storySetPaths();
  if (!paths) {
    console.error('bench-server: the shared story sets are missing (set PARALLAX_DATA)');
    return 1;
  }
  const target = option('--articles', 10_000);
  const duration = option('--duration', 10);
  const connections = option('--connections', 10);
  const profile = process.argv.includes('--cpu-prof');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  if (only !== undefined && !['story', 'list', 'search'].includes(only)) throw new Error('--only takes story, list or search');
  const db = join(tmpdir(), `parallax-load-${target}.db`);

  // The store: reused when it holds enough articles, else built (or completed).
  const store = await Store.open(db);
  const before = (await store.count()).articles;
  const built = before >= target ? null : await build(store, paths, target);
  const counts = await store.count();
  const picked = await pickStories(store);
  await store.close();
  console.log(`# Parallax API under load\n`);
  console.log(`Store: ${db} (SQLite), ${counts.articles} articles in ${counts.stories} stories, ${counts.duplicates} copies.`);
  console.log(built ? `Building it took ${built.seconds.toFixed(0)} s (${built.added} articles added, ${((1000 * built.seconds) / Math.max(1, built.added)).toFixed(0)} ms each: extraction, copy detection, clustering).` : `Reused (${before} articles already stored; delete the file to rebuild).`);

  const profileDir = profile ? mkdtempSync(join(tmpdir(), 'parallax-prof-')) : null;
  const startup = performance.now();
  const { url, child } = await startServer(db, profileDir);
  const base = url.replace(/\/$/, '');
  console.log(`Server: \`parallax serve\` in a child process at ${url}, listening ${((performance.now() - startup) / 1000).toFixed(1)} s after spawn.\n`);
  try {
    // One request per story: builds (and caches) each analysis; the cold times and sizes say what a first view costs.
    const ids = [...picked.largest, ...picked.random];
    const cold: number[] = [];
    const sizes: number[] = [];
    for (const id of ids) {
      const t = performance.now();
      const res = await fetch(`${base}/api/stories/${encodeURIComponent(id)}`);
      const body = await res.arrayBuffer();
      cold.push(performance.now() - t);
      if (!res.ok) throw new Error(`GET /api/stories/${id}: ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
      sizes.push(body.byteLength);
    }
    const big = picked.largest.map((id) => picked.originals.get(id) ?? 0);
    console.log(`Stories asked for: the 20 largest (${Math.min(...big)}–${Math.max(...big)} originals) and 20 at random; first request each (builds the analysis unless the store has it cached) median ${ms(median(cold))} ms, max ${ms(Math.max(...cold))} ms; answers median ${kb(median(sizes))}, max ${kb(Math.max(...sizes))}.\n`);

    const runs: Array<{ name: string; route: string; requests: CannonRequest[] }> = [
      { name: 'story', route: `GET /api/stories/{id} (${ids.length} stories, cycled)`, requests: cycling(ids.map((id) => `/api/stories/${encodeURIComponent(id)}`)) },
      { name: 'story', route: `GET /api/stories/{id} (the ${picked.random.length} random ones only)`, requests: cycling(picked.random.map((id) => `/api/stories/${encodeURIComponent(id)}`)) },
      { name: 'list', route: 'GET /api/stories?limit=50', requests: [{ method: 'GET', path: '/api/stories?limit=50' }] },
      { name: 'search', route: `GET /api/search?q=… (${SEARCHES.length} queries, cycled)`, requests: cycling(SEARCHES.map((q) => `/api/search?q=${encodeURIComponent(q)}`)) },
    ].filter((run) => !only || run.name === only);
    const rows: string[] = [];
    let storyPage: CannonResult | null = null;
    for (const run of runs) {
      // As a browser asks: compressed answers accepted.
      const result = await autocannon({ url: base, connections, duration, requests: run.requests, headers: { 'accept-encoding': 'gzip' } });
      storyPage ??= run.name === 'story' ? result : null; // the targets are for the first: largest and random together
      rows.push(`| ${run.route} | ${result.requests.average.toFixed(0)} | ${ms(result.latency.p50)} | ${ms(result.latency.p99)} | ${result.errors + result.timeouts + result.non2xx} | ${(result.throughput.average / 1024 / 1024).toFixed(1)} MB/s |`);
    }
    console.log(`autocannon: ${connections} connections, ${duration} s a route; ${process.platform} ${process.arch}, Node ${process.version}.\n`);
    console.log('| route | requests/s | p50 (ms) | p99 (ms) | errors | bytes/s |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) console.log(row);
    if (!storyPage) return 0;
    const p99 = storyPage.latency.p99;
    const rps = storyPage.requests.average;
    const met = p99 < TARGET_P99_MS && rps >= TARGET_RPS;
    console.log(`\nTargets (story page API, ${target.toLocaleString('en')} stored articles): p99 < ${TARGET_P99_MS} ms — ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'} (${ms(p99)} ms); ≥ ${TARGET_RPS} requests/s — ${rps >= TARGET_RPS ? 'met' : 'MISSED'} (${rps.toFixed(0)}).`);
    if (!met && !profile) console.log('Run again with --cpu-prof to see where the server spends its time.');
    return 0;
  } finally {
    await stop(child);
    if (profileDir) {
      console.log('\nServer CPU profile, self time (start-up, the warm-up and the runs above):\n');
      console.log('| share | self | function |');
      console.log('| ---: | ---: | --- |');
      for (const line of topOfProfile(profileDir)) console.log(line);
      console.log(`\nProfile: ${profileDir}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(BIN)) throw new Error(`no ${BIN}`);
  process.exitCode = await main();
}
