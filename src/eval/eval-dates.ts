/**
 * eval:dates — dates on PolNeAR dev, with each article's publication date from metadata.tsv (definitions:
 * docs/evaluation.md): how many date expressions of each rule, the share of weekday and month expressions
 * (bare weekdays, bare months, months with a day and no year) resolved to a value, and a fixed sample of 50 of
 * them to check by hand (docs/dates-sample.md holds the verdicts).
 *
 *   npm run eval:dates [-- --json] [-- --sample N]
 *
 * Missing data: says so and exits 0, or exits 1 under CI=true.
 */
import { readFileSync } from 'node:fs';

import { extract } from '../api/extract.js';
import { isCI, requireData } from '../config/paths.js';
import type { ExtractRecord } from '../model/schema.js';
import { isMain, runMain } from './main-guard.js';
import { listPolnear } from './polnear.js';
import { readScriptArgs, type ScriptOptions, type ScriptSpec } from '../config/script-args.js';

/** The rules whose expressions count as "weekday and month expressions". */
export const WEEKDAY_MONTH_RULES = ['date/weekday', 'date/month', 'date/month-day'] as const;
export const DEFAULT_SAMPLE = 50;

/** filename → publication date (YYYY-MM-DD) from PolNeAR's metadata.tsv. */
export function readPublicationDates(tsv: string): Map<string, string> {
  const [header, ...rows] = tsv.split('\n').filter((l) => l.trim());
  const cols = header!.split('\t');
  const file = cols.indexOf('filename'), date = cols.indexOf('publication_date');
  if (file < 0 || date < 0) throw new TypeError('readPublicationDates: metadata.tsv has no filename or publication_date column');
  return new Map(rows.map((r) => r.split('\t')).filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c[date] ?? '')).map((c) => [c[file]!, c[date]!]));
}

export interface SampleItem {
  article: string;
  published: string;
  expression: string;
  value: string | null;
  grain: string | null;
  rule: string;
  sentence: string;
}

/** Every `step`-th weekday/month expression (in article order), `size` of them: a sample spread over the articles. */
export function sampleEvenly<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, k) => items[Math.floor(k * step)]!);
}

const SPEC = {
  name: 'eval:dates',
  summary: `Dates on PolNeAR dev with each article's publication date: date expressions by rule, the share of weekday and month
expressions resolved to a value, and a fixed sample to check by hand (docs/dates-sample.md).`,
  options: { json: { type: 'boolean', default: false }, sample: { type: 'string', default: String(DEFAULT_SAMPLE) } },
  help: { json: 'the report as JSON', sample: `how many expressions to sample for the hand check (default ${DEFAULT_SAMPLE})` },
  examples: ['npm run eval:dates', 'npm run eval:dates -- --json --sample 100'],
  numbers: ['sample'],
} as const satisfies ScriptSpec<ScriptOptions>;

async function main(): Promise<number> {
  const args = readScriptArgs(SPEC);
  if (!args.ok) return args.code;
  const { values } = args;
  const data = requireData('polnear/dev');
  const meta = requireData('polnear/metadata.tsv');
  for (const check of [data, meta]) {
    if (!check.ok) {
      console.error(`eval:dates: ${check.reason}${isCI() ? '' : ' — skipping'}`);
      return isCI() ? 1 : 0;
    }
  }
  const published = readPublicationDates(readFileSync(meta.path, 'utf8'));
  const articles = listPolnear(data.path).articles;
  const inputs = articles.map((a) => ({ id: a.name, source: a.name.split('_')[0]!, text: readFileSync(a.textPath, 'utf8'), published: published.get(a.name) ?? null }));
  const t0 = performance.now();
  const records: ExtractRecord[] = await extract(inputs, {});
  const ms = performance.now() - t0;
  const byRule = new Map<string, { all: number; resolved: number }>();
  const weekdayMonth: SampleItem[] = [];
  records.forEach((r, k) => {
    for (const d of r.dates) {
      const c = byRule.get(d.rule ?? '?') ?? { all: 0, resolved: 0 };
      c.all++;
      if (d.value) c.resolved++;
      byRule.set(d.rule ?? '?', c);
      if ((WEEKDAY_MONTH_RULES as readonly string[]).includes(d.rule ?? '')) {
        weekdayMonth.push({ article: articles[k]!.name, published: r.article.published ?? '—', expression: d.span.text, value: d.value, grain: d.grain, rule: d.rule!, sentence: (d.event?.span.text ?? '').replace(/\s+/g, ' ') });
      }
    }
  });
  const resolved = weekdayMonth.filter((s) => s.value).length;
  const sample = sampleEvenly(weekdayMonth, Number(values.sample));
  const undated = inputs.filter((i) => !i.published).length;
  if (values.json) {
    console.log(JSON.stringify({ articles: records.length, undated, byRule: Object.fromEntries(byRule), weekdayMonth: { all: weekdayMonth.length, resolved }, sample }, null, 2));
    return 0;
  }
  console.log(`eval:dates — PolNeAR dev, ${records.length} articles (${undated} without a date in metadata.tsv), extract in ${(ms / 1000).toFixed(1)} s`);
  console.log('\n  rule                 expressions  resolved');
  for (const [rule, c] of [...byRule].sort((a, b) => b[1].all - a[1].all)) console.log(`  ${rule.padEnd(20)} ${String(c.all).padStart(11)}  ${String(c.resolved).padStart(8)}`);
  console.log(`\n  weekday and month expressions (${WEEKDAY_MONTH_RULES.join(', ')}): ${weekdayMonth.length}, resolved ${resolved} (${(100 * resolved / Math.max(1, weekdayMonth.length)).toFixed(1)} %)`);
  console.log(`\n  sample of ${sample.length} for checking by hand (every ${(weekdayMonth.length / Math.max(1, sample.length)).toFixed(1)}th, in article order):`);
  sample.forEach((s, k) => console.log(`  ${String(k + 1).padStart(2)}. ${s.article} (published ${s.published}) ${JSON.stringify(s.expression)} → ${s.value ?? 'null'} [${s.rule}]\n      ${s.sentence.slice(0, 220)}`));
  return 0;
}

if (isMain(import.meta.url)) runMain('eval:dates', main);

