/**
 * `npm run bench`: throughput (articles/s, MB/s) and peak memory of the pipeline on the shared data. Each task
 * runs in a process of its own (so its peak RSS is its own), after a warm-up, median of 5 runs.
 * Single-threaded, so one core.
 *
 *   node dist/bench/bench.js [--task NAME | --shares | --story]   (one task, each extractor's share, the story stage; as JSON)
 *   node dist/bench/bench.js --scale N    also grow a store to N articles and print the time per article as it grows
 *
 * The corpus tasks (bench-corpus.ts) follow: ingest into SQLite on one core, and through NATS JetStream into
 * PostgreSQL with one and two workers (skipped, and said so, when those services do not answer).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createArticlePipeline, extract } from '../api/extract.js';
import { buildStory } from '../story/build-story.js';
import type { ExtractorOptions } from '../extract/index.js';
import { isCI, requireData } from '../config/paths.js';
import { badArgument, readScriptArgs, type ScriptOptions, type ScriptSpec } from '../config/script-args.js';
import { readDocument, type DocumentKind } from '../ingest/index.js';
import type { Article, Message } from '../model/schema.js';
import { createSegmenter } from '../text/index.js';
import { readPublicationDates } from '../eval/eval-dates.js';

const RUNS = 5;

interface Doc {
  name: string;
  bytes: Uint8Array;
  /** Bytes of the document itself (decompressed), for MB/s. */
  size: number;
  kind: DocumentKind;
}

interface Row {
  task: string;
  articles: number;
  mb: number;
  medianMs: number;
  /** Peak resident memory of the task's process, MB. */
  peakMb?: number;
}

function loadDocs(dir: string, suffix: string, kind: DocumentKind): Doc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return { name, bytes, size: name.endsWith('.gz') ? gunzipSync(bytes).length : bytes.length, kind };
    });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(task: string, docs: Doc[], work: (doc: Doc) => number): Row {
  let articles = 0;
  for (const doc of docs) work(doc); // warm-up: JIT, lazy lexicons
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    articles = 0;
    const start = process.hrtime.bigint();
    for (const doc of docs) articles += work(doc);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const mb = docs.reduce((sum, d) => sum + d.size, 0) / (1024 * 1024);
  return { task, articles, mb, medianMs: median(times) };
}

/** Reads each document and runs `work` on every article in it; returns the number of articles. */
function perArticle(work: (result: { input: string; article: Article; messages: Message[] }) => void): (doc: Doc) => number {
  return (doc) => {
    let n = 0;
    for (const result of readDocument(doc.name, doc.bytes, { kind: doc.kind, meta: {} })) {
      if (!result.ok) continue;
      work(result);
      n++;
    }
    return n;
  };
}

function ingestAndSegment(): (doc: Doc) => number {
  const segment = createSegmenter();
  return perArticle((r) => segment(r.article));
}

function extractWith(options: ExtractorOptions): (doc: Doc) => number {
  const pipeline = createArticlePipeline(options);
  return perArticle((r) => pipeline(r.input, r.article, r.messages));
}

/** The tasks, by name: which data set and what work per document. */
const TASKS: Record<string, { data: 'polnear' | 'pages'; work: () => (doc: Doc) => number }> = {
  'polnear dev: ingest + segmentation': { data: 'polnear', work: ingestAndSegment },
  'polnear dev: extract, entities only': { data: 'polnear', work: () => extractWith({ attributions: false, dates: false }) },
  'polnear dev: extract, entities + attributions': { data: 'polnear', work: () => extractWith({ dates: false }) },
  'polnear dev: extract, full (entities + attributions + dates)': { data: 'polnear', work: () => extractWith({}) },
  'article-extraction: ingest + segmentation': { data: 'pages', work: ingestAndSegment },
  'article-extraction: extract, full': { data: 'pages', work: () => extractWith({}) },
};

/**
 * Where extraction spends its time: the full pipeline on PolNeAR dev with each article's publication date
 * (metadata.tsv, so dates resolve), each extractor's share of the total, measured inside the same runs (a ratio the
 * machine's speed changes cancel out of, where two separate timings would not).
 */
function extractorShares(polnearText: string): { total: number; shares: Record<string, number> } {
  const metadata = requireData('polnear/metadata.tsv');
  const published = metadata.ok ? readPublicationDates(readFileSync(metadata.path, 'utf8')) : new Map<string, string>();
  const docs = loadDocs(polnearText, '.txt', 'text');
  const articles = docs.flatMap((doc) => [...readDocument(doc.name, doc.bytes, { kind: doc.kind, meta: { published: published.get(doc.name.replace(/\.txt$/, '')) ?? null } })].filter((r) => r.ok));
  const timings = new Map<string, number>();
  const pipeline = createArticlePipeline({ timings });
  for (const r of articles) pipeline(r.input, r.article, r.messages);
  timings.clear();
  const start = process.hrtime.bigint();
  for (let run = 0; run < RUNS; run++) for (const r of articles) pipeline(r.input, r.article, r.messages);
  const total = Number(process.hrtime.bigint() - start) / 1e6;
  return { total, shares: Object.fromEntries([...timings].map(([k, v]) => [k, v / total])) };
}

/** Articles in the story the story stage is timed on… */
const STORY_SIZE = 20;
/** …and in the large one: every article of the file as one story (a long-running story of a growing corpus), timed in fewer runs. */
const LARGE_STORY_SIZE = 376;
const LARGE_STORY_RUNS = 3;
/** The story rows: the flag that runs each in its own process, its articles and runs. */
const STORY_ROWS: Record<string, [number, number]> = { '--story': [STORY_SIZE, RUNS], '--large-story': [LARGE_STORY_SIZE, LARGE_STORY_RUNS] };

/**
 * The story stage alone (after extraction): `buildStory` on `size` articles of stories/giveme5w1h-silver.jsonl — the
 * largest story, filled up from the next largest (a stray article is part of real input too).
 */
async function storyStage(path: string, size: number, runs: number): Promise<Row> {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { story: string; source: string; published: string | null; title: string | null; text: string; url: string | null });
  const sizes = new Map<string, number>();
  for (const l of lines) sizes.set(l.story, (sizes.get(l.story) ?? 0) + 1);
  const order = [...sizes].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const chosen = order.flatMap((k) => lines.filter((l) => l.story === k)).slice(0, size);
  const records = await extract(chosen.map(({ story: _gold, ...a }) => a));
  buildStory(records); // warm-up
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    buildStory(records);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const mb = chosen.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / (1024 * 1024);
  return { task: `story: analyze ${records.length} articles of one story, after extraction`, articles: records.length, mb, medianMs: median(times), peakMb: process.resourceUsage().maxRSS / 1024 };
}

function runTask(name: string, polnear: string, pages: string): Row {
  const task = TASKS[name];
  if (!task) throw new TypeError(`bench: no task named ${JSON.stringify(name)}`);
  const docs = task.data === 'polnear' ? loadDocs(polnear, '.txt', 'text') : loadDocs(pages, '.html.gz', 'html');
  const row = measure(name, docs, task.work());
  return { ...row, peakMb: process.resourceUsage().maxRSS / 1024 };
}

const SPEC = {
  name: 'bench',
  command: 'npm run bench [-- OPTIONS]   (or: node dist/bench/bench.js [OPTIONS])',
  summary: `Throughput (articles/s, MB/s) and peak memory of the pipeline on the shared data ($PARALLAX_DATA), one core, each task in
its own process, median of ${RUNS} runs after a warm-up; then the corpus ingest rows.`,
  options: {
    scale: { type: 'string' }, task: { type: 'string' }, shares: { type: 'boolean' },
    story: { type: 'boolean' }, 'large-story': { type: 'boolean' },
  },
  help: {
    scale: 'also grow one SQLite store to VALUE articles and print the time per article as it grows',
    task: `one extraction task only, as JSON: ${Object.keys(TASKS).map((t) => `'${t}'`).join(', ')}`,
    shares: "each extractor's share of the full extraction's time, as JSON",
    story: `the story stage on ${STORY_SIZE} articles, as JSON`,
    'large-story': `the story stage on ${LARGE_STORY_SIZE} articles, as JSON`,
  },
  examples: ['npm run bench', 'npm run bench -- --scale 100000', "node dist/bench/bench.js --task 'polnear dev: extract, entities + attributions'"],
} as const satisfies ScriptSpec<ScriptOptions>;

/** The command line, or the exit code (--help, or a one-line error). */
function readArgs(): { scale: number | null; task: string | null; shares: boolean; story: string | null } | { exit: number } {
  const parsed = readScriptArgs(SPEC);
  if (!parsed.ok) return { exit: parsed.code };
  const { values } = parsed;
  let scale: number | null = null;
  if (values.scale !== undefined) {
    scale = Number(values.scale);
    if (!Number.isInteger(scale) || scale < 1) return { exit: badArgument('bench', `--scale needs a whole number of articles, got '${values.scale}'`) };
  }
  if (values.task !== undefined && !(values.task in TASKS)) return { exit: badArgument('bench', `--task '${values.task}' is not a task`) };
  const story = values.story ? '--story' : values['large-story'] ? '--large-story' : null;
  return { scale, task: values.task ?? null, shares: values.shares ?? false, story };
}

async function main(): Promise<number> {
  const args = readArgs();
  if ('exit' in args) return args.exit;
  const polnear = requireData('polnear/dev/text');
  const pages = requireData('article-extraction/html');
  const stories = requireData('stories/giveme5w1h-silver.jsonl');
  for (const check of [polnear, pages, stories]) {
    if (!check.ok) {
      console.error(`bench: ${check.reason}${isCI() ? '' : ' — skipping'}`);
      return isCI() ? 1 : 0;
    }
  }
  if (args.shares) {
    console.log(JSON.stringify(extractorShares(polnear.path)));
    return 0;
  }
  if (args.story) {
    const [size, runs] = STORY_ROWS[args.story]!;
    console.log(JSON.stringify(await storyStage(stories.path, size, runs)));
    return 0;
  }
  if (args.task !== null) {
    console.log(JSON.stringify(runTask(args.task, polnear.path, pages.path)));
    return 0;
  }
  const self = fileURLToPath(import.meta.url);
  const rows = Object.keys(TASKS).map((name) => JSON.parse(execFileSync(process.execPath, [self, '--task', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Row);
  for (const flag of Object.keys(STORY_ROWS)) rows.push(JSON.parse(execFileSync(process.execPath, [self, flag], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Row);
  console.log(`Parallax bench — node ${process.version}, one core, each task in its own process, median of ${RUNS} runs after a warm-up\n`);

  console.log('| task | articles | input MB | median ms | articles/s | MB/s | peak RSS MB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const seconds = r.medianMs / 1000;
    console.log(`| ${r.task} | ${r.articles} | ${r.mb.toFixed(2)} | ${r.medianMs.toFixed(1)} | ${(r.articles / seconds).toFixed(0)} | ${(r.mb / seconds).toFixed(2)} | ${(r.peakMb ?? 0).toFixed(0)} |`);
  }
  const { shares } = JSON.parse(execFileSync(process.execPath, [self, '--shares'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as { shares: Record<string, number> };
  const pct = (k: string): string => `${(100 * (shares[k] ?? 0)).toFixed(1)} %`;
  const rest = 1 - Object.values(shares).reduce((a, b) => a + b, 0);
  console.log(`\nshare of the full extraction's time (PolNeAR dev with publication dates, ${RUNS} passes): NER ${pct('ner')} · entity rules ${pct('entities')} · attributions ${pct('attributions')} · dates ${pct('dates')} · ingest, text layer and resolve ${(100 * rest).toFixed(1)} %`);
  if (shares.dates !== undefined) console.log(`dates add ${(100 * shares.dates / (1 - shares.dates)).toFixed(1)} % to the extraction without them`);
  corpusSection(args.scale);
  return 0;
}

function runCorpus(args: string[]): Record<string, number | string> | null {
  const script = fileURLToPath(new URL('./bench-corpus.js', import.meta.url));
  try {
    return JSON.parse(execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as Record<string, number | string>;
  } catch (error) {
    console.log(`- ${args.join(' ')}: not run (${String((error as { stderr?: string }).stderr ?? error).trim().split('\n').at(-1)})`);
    return null;
  }
}

/** The corpus: ingest with extraction, copy detection and clustering into the store, and its growth. */
function corpusSection(scale: number | null): void {
  console.log('\nCorpus ingest — the three story sets (1,452 articles), extraction + copies + clustering + store, each run in its own process\n');
  console.log('articles/s counts from the start of the run (workers: from their spawn); "once started": workers from the first stored article on\n');
  console.log('| task | articles | seconds | articles/s | once started, articles/s | MB/s | peak RSS MB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const args of [['--sqlite'], ['--workers', '1'], ['--workers', '2']]) {
    const r = runCorpus(args);
    if (!r) continue;
    const n = (k: string, digits: number): string => (typeof r[k] === 'number' ? (r[k] as number).toFixed(digits) : '—');
    console.log(`| ${r.task} | ${r.articles} | ${n('seconds', 1)} | ${n('perSecond', 0)} | ${n('steadyPerSecond', 0)} | ${n('mbPerSecond', 2)} | ${n('peakMb', 0)} |`);
  }
  if (scale === null) return;
  const target = scale;
  const script = fileURLToPath(new URL('./bench-corpus.js', import.meta.url));
  // V8's heap capped at 768 MB: RSS then shows what the process needs, not how lazily V8 collects.
  const rows = JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=768', script, '--scale', String(target)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 })) as Array<Record<string, number>>;
  console.log(`\nGrowth — ${target} articles into one SQLite store: the story sets replayed with other names, numbers and dates (bench-corpus.ts), time per article for each replica of 1,452\n`);
  console.log('| stored after | ms/article (all) | ms/article in the store | copies found so far | RSS MB |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  // The side-by-side rows name their replica too: only the growth run's rows here.
  const replicas = rows.filter((r) => r.replica !== undefined && r.control === undefined);
  for (const r of replicas) console.log(`| ${r.storedAfter}${r.full ? '' : ' (part)'} | ${r.msPerArticle!.toFixed(2)} | ${r.storeMsPerArticle!.toFixed(2)} | ${r.duplicates} | ${r.rssMb!.toFixed(0)} |`);
  const per = replicas.slice(1).filter((r) => r.full).map((r) => r.msPerArticle!);
  if (per.length) console.log(`\nms/article, replicas after the first: min ${Math.min(...per).toFixed(2)}, max ${Math.max(...per).toFixed(2)} (${(100 * (Math.max(...per) / Math.min(...per) - 1)).toFixed(0)} % apart); peak RSS ${Math.max(...replicas.map((r) => r.peakMb!)).toFixed(0)} MB`);
  const side = rows.find((r) => r.controls !== undefined);
  if (side) {
    console.log(`side by side (${side.controls} new replicas, ${side.articlesEach} articles each way, alternately into the grown store and into a store of 1,000 articles):`);
    console.log(`  ms/article ${side.grownMsPerArticle!.toFixed(2)} grown against ${side.from1000MsPerArticle!.toFixed(2)} from 1,000 (${side.growth! >= 0 ? '+' : ''}${(100 * side.growth!).toFixed(0)} %); in the store ${side.grownStoreMsPerArticle!.toFixed(2)} against ${side.from1000StoreMsPerArticle!.toFixed(2)}`);
  }
  const reopen = rows.find((r) => r.reopenAndFirstArticleSeconds !== undefined);
  if (reopen) console.log(`opening the grown store in a new process and adding one article: ${reopen.reopenAndFirstArticleSeconds!.toFixed(1)} s (the clustering log replayed)`);
}

process.exitCode = await main();
