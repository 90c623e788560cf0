/**
 * eval:extraction — article bodies and metadata from whole web pages ($PARALLAX_DATA/article-extraction: 88 pages
 * with their true article body). Ours (the ingest stage, exactly as `parallax extract` reads a page) and
 * @mozilla/readability on linkedom (the same decoded HTML), scored in the same run by the benchmark's rule
 * (extraction-score.ts), with time per page; then the metadata found and a sample to check by hand.
 *
 *   npm run eval:extraction [-- --json] [-- --pages] [-- --sample N]
 *
 * --pages lists every page's precision and recall (ours and Readability's), worst first.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { isCI, requireData } from '../config/paths.js';
import { readDocument } from '../ingest/index.js';
import { decodeText, gunzipLimited } from '../ingest/decode.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../ingest/limits.js';
import { parseDocument } from '../ingest/html/dom.js';
import type { Article, Message } from '../model/schema.js';
import { aggregate, scorePage, type BenchmarkScore, type PageScore } from './extraction-score.js';
import { isMain, runMain } from './main-guard.js';
import { pad } from './table.js';
import { badArgument, readScriptArgs, type ScriptOptions, type ScriptSpec } from '../config/script-args.js';

/** Block kinds that are the article body; captions, credits and boilerplate are kept as blocks but are not body. */
export const BODY_KINDS: ReadonlySet<string> = new Set(['paragraph', 'heading']);

/** The article body as the benchmark reads it: the body blocks, one per line. */
export const bodyText = (article: Pick<Article, 'text' | 'blocks'>): string =>
  article.blocks.filter((b) => BODY_KINDS.has(b.kind)).map((b) => article.text.slice(b.start, b.end)).join('\n');

interface Page {
  id: string;
  url: string;
  truth: string;
  bytes: Uint8Array;
}

export interface PageResult {
  id: string;
  url: string;
  ours: PageScore;
  readability: PageScore;
  article: Pick<Article, 'title' | 'byline' | 'published' | 'url' | 'language'> & { metadata?: Article['metadata'] } | null;
  messages: Message[];
}

function loadPages(dir: string): Page[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.html\.gz$/, '');
      const t = truth[id];
      if (!t) throw new Error(`eval:extraction: ${f} has no ground truth`);
      return { id, url: t.url, truth: t.articleBody, bytes: readFileSync(join(dir, 'html', f)) };
    });
}

/** Readability's text for a page: the same decoded HTML on linkedom, `textContent` of its article. */
function readabilityText(html: string): string {
  try {
    return new Readability(parseDocument(html) as never).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

export interface ExtractionEval {
  ours: BenchmarkScore;
  readability: BenchmarkScore;
  msPerPage: { ours: number; readability: number };
  pages: PageResult[];
}

export function evaluateExtraction(dir: string): ExtractionEval {
  const pages = loadPages(dir);
  let oursMs = 0, readabilityMs = 0;
  const results = pages.map((p): PageResult => {
    const html = decodeText(p.id, gunzipLimited(p.id, p.bytes, DEFAULT_MAX_INPUT_BYTES), { html: true }).text;
    let start = process.hrtime.bigint();
    const read = [...readDocument(`${p.id}.html.gz`, p.bytes, { kind: 'html', meta: {} })][0];
    oursMs += Number(process.hrtime.bigint() - start) / 1e6;
    start = process.hrtime.bigint();
    const theirs = readabilityText(html);
    readabilityMs += Number(process.hrtime.bigint() - start) / 1e6;
    const article = read?.ok ? read.article : null;
    return {
      id: p.id,
      url: p.url,
      ours: scorePage(article ? bodyText(article) : '', p.truth),
      readability: scorePage(theirs, p.truth),
      article: article ? { title: article.title, byline: article.byline, published: article.published, url: article.url, language: article.language ?? null, ...(article.metadata ? { metadata: article.metadata } : {}) } : null,
      messages: read?.ok ? read.messages : read ? [{ code: read.error.code, severity: 'error', reason: read.error.reason }] : [],
    };
  });
  return {
    ours: aggregate(results.map((r) => r.ours)),
    readability: aggregate(results.map((r) => r.readability)),
    msPerPage: { ours: oursMs / pages.length, readability: readabilityMs / pages.length },
    pages: results,
  };
}

const f3 = (x: number | null): string => (x === null ? '–' : x.toFixed(3));

const SPEC = {
  name: 'eval:extraction',
  summary: `Article bodies and metadata from 88 whole web pages: ours and @mozilla/readability's, scored in the same run by the
benchmark's rule, with time per page; then the metadata found and a sample to check by hand.`,
  options: { json: { type: 'boolean' }, pages: { type: 'boolean' }, sample: { type: 'string' } },
  help: { json: 'the report as JSON', pages: "every page's precision and recall (ours and Readability's), worst first", sample: 'also print VALUE pages\' metadata to check by hand' },
  examples: ['npm run eval:extraction', 'npm run eval:extraction -- --pages', 'npm run eval:extraction -- --sample 10'],
} as const satisfies ScriptSpec<ScriptOptions>;

async function main(argv: string[]): Promise<number> {
  const args = readScriptArgs(SPEC, argv);
  if (!args.ok) return args.code;
  const sample = Number(args.values.sample ?? 0);
  if (!Number.isInteger(sample) || sample < 0) return badArgument(SPEC.name, `--sample needs a whole number (got '${args.values.sample}')`);
  const data = requireData('article-extraction');
  if (!data.ok) {
    console.log(`eval:extraction: ${data.reason}${isCI() ? '' : ' — skipped'}`);
    return isCI() ? 1 : 0;
  }
  const result = evaluateExtraction(data.path);
  if (args.values.json) {
    console.log(JSON.stringify(result));
    return 0;
  }
  const { ours, readability, msPerPage } = result;
  console.log(`eval:extraction — ${data.path} (${ours.pages} pages)\n`);
  console.log('| extractor | F1 | precision | recall | pages with output | ms/page | pages/s |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, s, ms] of [['Parallax', ours, msPerPage.ours], ['@mozilla/readability 0.6.0 (linkedom)', readability, msPerPage.readability]] as const) {
    console.log(`| ${name} | ${s.f1.toFixed(3)} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.withOutput}/${s.pages} | ${ms.toFixed(1)} | ${(1000 / ms).toFixed(0)} |`);
  }
  console.log('\n(ms/page here is one pass, in this process, including the metadata; `npm run bench` measures throughput properly.)');

  const n = result.pages.length;
  const has = (k: 'title' | 'published' | 'byline'): number => result.pages.filter((p) => p.article?.[k]).length;
  console.log(`\nmetadata found: title ${has('title')}/${n} · publication date ${has('published')}/${n} · byline ${has('byline')}/${n}`);
  const flagged = result.pages.filter((p) => p.messages.some((m) => m.severity === 'error'));
  if (flagged.length) console.log(`pages flagged (no article body, video, gallery …): ${flagged.map((p) => `${p.id.slice(0, 8)} ${p.messages.filter((m) => m.severity === 'error').map((m) => m.code).join(',')}`).join('; ')}`);

  if (args.values.pages) {
    const rows = [['page', 'url', 'ours P', 'ours R', 'Readability P', 'Readability R']];
    for (const p of [...result.pages].sort((a, b) => (a.ours.precision ?? 0) + a.ours.recall - (b.ours.precision ?? 0) - b.ours.recall)) {
      rows.push([p.id.slice(0, 8), p.url.slice(0, 60), f3(p.ours.precision), f3(p.ours.recall), f3(p.readability.precision), f3(p.readability.recall)]);
    }
    console.log('');
    for (const l of pad(rows)) console.log(l);
  }
  if (sample > 0) {
    // Every (n / sample)-th page, for checking title, date and byline by hand against the HTML.
    const step = n / sample;
    console.log(`\nsample of ${sample} for the hand check (docs/extraction-metadata-sample.md):`);
    for (let k = 0; k < sample; k++) {
      const p = result.pages[Math.floor(k * step)]!;
      const m = p.article?.metadata;
      const show = (field: 'title' | 'byline' | 'published'): string => {
        const v = p.article?.[field];
        const from = m?.[field]?.from;
        return v ? `${JSON.stringify(v)}${from ? ` (${from})` : ''}` : '—';
      };
      console.log(`${k + 1}. ${p.id.slice(0, 8)} ${p.url}\n   title ${show('title')}\n   published ${show('published')}\n   byline ${show('byline')}`);
    }
  }
  return 0;
}

if (isMain(import.meta.url)) runMain('eval:extraction', () => main(process.argv.slice(2)));
