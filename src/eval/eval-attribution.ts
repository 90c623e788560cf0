/**
 * eval:attribution — who said what, against PolNeAR's gold attributions, scored exactly as
 * ../shared/docs/data.md defines it (definitions: docs/evaluation.md).
 *
 *   npm run eval:attribution [-- --split train|dev] [-- --limit N] [-- --json]
 *                            [-- --oracle] [-- --baseline quotes] [-- --keep-nested | -- --literal]
 *
 * Reads `$PARALLAX_DATA/polnear/SPLIT` (default dev); runs the library's `extract()` once on all the split's
 * texts; the gold annotations are read only here. Our attributions are scored in PolNeAR's form: continuations
 * folded into the attribution they continue, and attributions nested inside another's content left out
 * (attribution-gold.ts; `--keep-nested` scores them too; `--literal` does neither, scoring the contract's attributions
 * as they stand, as a scorer reading `parallax extract` output would). `--oracle` scores gold against itself (1.0 everywhere);
 * `--baseline quotes` scores the eval-only quote baseline (./attribution-baseline.ts); neither runs extract().
 * Missing data: says so and exits 0, or exits 1 under CI=true.
 */
import { readFileSync } from 'node:fs';
import { extract } from '../api/extract.js';
import { isCI, requireData } from '../config/paths.js';
import { badArgument, helpRequested, parseScriptArgs, type ScriptOptions, type ScriptSpec } from '../config/script-args.js';
import type { ExtractRecord } from '../model/schema.js';
import { quoteBaseline } from './attribution-baseline.js';
import { foldContinuations, goldAttribution, withoutNested, outletOf, predictedAttribution, type AttributionFacts, type EvalAttribution, type PredictedAttribution } from './attribution-gold.js';
import {
  attributionCounts,
  attributionF1,
  exactF1,
  exactRole,
  letterIndex,
  overlapF1,
  overlapRole,
  pairAttributions,
  type AttributionCounts,
  type ExactCounts,
  type OverlapCounts,
  type PRF,
} from './attribution-score.js';
import { isMain, runMain } from './main-guard.js';
import { listPolnear, readPolnearAnnotation, recordForArticle } from './polnear.js';

export const ROLES = ['content', 'source', 'cue'] as const;
export type Role = (typeof ROLES)[number];

/** Buckets defined on gold attributions (recall only); predictions passing the same test are counted for reference. */
export const GOLD_BUCKETS: { name: string; test: (f: AttributionFacts) => boolean }[] = [
  { name: 'direct (quote marks)', test: (f) => f.direct },
  { name: 'indirect', test: (f) => !f.direct },
  { name: 'no source', test: (f) => f.noSource },
  { name: 'pronoun source', test: (f) => f.pronounSource },
  { name: "'according to' cue", test: (f) => f.according },
];

export interface BucketCounts {
  gold: number;
  pred: number;
  /** Gold attributions in the bucket that are paired. */
  paired: number;
  /** … whose pair's sources agree. */
  pairedSource: number;
}

export interface ArticleScore {
  name: string;
  outlet: string;
  roles: Record<Role, { exact: ExactCounts; overlap: OverlapCounts }>;
  attribution: AttributionCounts;
  /** Gold attributions with no letter or digit in their content: not scored at attribution level. */
  goldWithoutContent: number;
  /** Predicted attributions with no letter or digit in their content: not scored at attribution level. */
  predWithoutContent: number;
  buckets: BucketCounts[];
}

/** Scores one article: its gold and predicted attributions over its text. */
export function scoreArticle(name: string, text: string, goldAll: readonly EvalAttribution[], predAll: readonly EvalAttribution[]): ArticleScore {
  const index = letterIndex(text);
  const roles = {} as ArticleScore['roles'];
  for (const role of ROLES) {
    const g = goldAll.map((a) => a[role] ?? []);
    const p = predAll.map((a) => a[role] ?? []);
    roles[role] = { exact: exactRole(g, p), overlap: overlapRole(index, g, p) };
  }
  // attribution level: attributions whose content has no letter or digit are left out, on both sides
  const gold = goldAll.filter((a) => a.content.length);
  const pred = predAll.filter((a) => a.content.length);
  const pairs = pairAttributions(index, gold, pred);
  const byGold = new Map(pairs.map((p) => [p.gold, p]));
  const buckets = GOLD_BUCKETS.map(({ test }) => {
    const counts: BucketCounts = { gold: 0, pred: pred.filter((a) => test(a.facts)).length, paired: 0, pairedSource: 0 };
    gold.forEach((a, i) => {
      if (!test(a.facts)) return;
      counts.gold++;
      const pair = byGold.get(i);
      if (pair) {
        counts.paired++;
        if (pair.sourceOk) counts.pairedSource++;
      }
    });
    return counts;
  });
  return {
    name,
    outlet: outletOf(name),
    roles,
    attribution: attributionCounts(pairs, gold.length, pred.length),
    goldWithoutContent: goldAll.length - gold.length,
    predWithoutContent: predAll.length - pred.length,
    buckets,
  };
}

export interface RoleReport {
  exact: ExactCounts & PRF;
  overlap: OverlapCounts & PRF;
}

export interface AttributionReport {
  split: string;
  system: string;
  articles: number;
  skipped: { article: string; reason: string }[];
  goldAttributions: number;
  goldWithoutContent: number;
  predictedAttributions: number;
  predWithoutContent: number;
  /** Predicted attributions left out as nested inside another's content (PolNeAR annotates none); null: kept. */
  nestedLeftOut: number | null;
  roles: Record<Role, RoleReport>;
  attribution: { counts: AttributionCounts; content: PRF; contentSource: PRF; allRoles: PRF };
  buckets: (BucketCounts & { bucket: string; contentRecall: number; contentSourceRecall: number })[];
  outlets: { outlet: string; counts: AttributionCounts; content: PRF; contentSource: PRF }[];
  targets: { name: string; value: number; target: number; met: boolean }[];
}

const addCounts = <T extends object>(a: T, b: T): T => {
  const out = { ...a } as Record<string, number>;
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + (v as number);
  return out as T;
};

const zeroAttribution = (): AttributionCounts => ({ pred: 0, gold: 0, content: 0, contentSource: 0, allRoles: 0 });

export function aggregate(split: string, system: string, scores: readonly ArticleScore[], skipped: AttributionReport['skipped'], nestedLeftOut: number | null = null): AttributionReport {
  const roles = {} as AttributionReport['roles'];
  for (const role of ROLES) {
    let exact: ExactCounts = { pred: 0, gold: 0, matched: 0 };
    let overlap: OverlapCounts = { pred: 0, gold: 0, precisionCredit: 0, recallCredit: 0 };
    for (const s of scores) {
      exact = addCounts(exact, s.roles[role].exact);
      overlap = addCounts(overlap, s.roles[role].overlap);
    }
    roles[role] = { exact: { ...exact, ...exactF1(exact) }, overlap: { ...overlap, ...overlapF1(overlap) } };
  }
  const attr = scores.reduce((sum, s) => addCounts(sum, s.attribution), zeroAttribution());
  const buckets = GOLD_BUCKETS.map(({ name }, i) => {
    const c = scores.reduce((sum, s) => addCounts(sum, s.buckets[i]!), { gold: 0, pred: 0, paired: 0, pairedSource: 0 } as BucketCounts);
    return { bucket: name, ...c, contentRecall: c.gold ? c.paired / c.gold : 0, contentSourceRecall: c.gold ? c.pairedSource / c.gold : 0 };
  });
  const byOutlet = new Map<string, AttributionCounts>();
  for (const s of scores) byOutlet.set(s.outlet, addCounts(byOutlet.get(s.outlet) ?? zeroAttribution(), s.attribution));
  const outlets = [...byOutlet.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outlet, c]) => {
      const f = attributionF1(c);
      return { outlet, counts: c, content: f.content, contentSource: f.contentSource };
    });
  const attribution = { counts: attr, ...attributionF1(attr) };
  const target = (name: string, value: number, t: number) => ({ name, value, target: t, met: value >= t });
  return {
    split,
    system,
    articles: scores.length,
    skipped,
    goldAttributions: scores.reduce((n, s) => n + s.attribution.gold + s.goldWithoutContent, 0),
    goldWithoutContent: scores.reduce((n, s) => n + s.goldWithoutContent, 0),
    predictedAttributions: scores.reduce((n, s) => n + s.attribution.pred + s.predWithoutContent, 0),
    predWithoutContent: scores.reduce((n, s) => n + s.predWithoutContent, 0),
    nestedLeftOut,
    roles,
    attribution,
    buckets,
    outlets,
    targets: [
      target('exact F1 content', roles.content.exact.f1, 0.6),
      target('exact F1 source', roles.source.exact.f1, 0.7),
      target('exact F1 cue', roles.cue.exact.f1, 0.7),
      target('attribution content+source F1', attribution.contentSource.f1, 0.65),
    ],
  };
}

const f3 = (x: number) => x.toFixed(3);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const prfCols = (p: PRF) => `${f3(p.precision)}  ${f3(p.recall)}  ${f3(p.f1)}`;

export function formatReport(r: AttributionReport): string {
  const lines: string[] = [
    `eval:attribution — PolNeAR ${r.split}, system: ${r.system}`,
    `  articles ${r.articles}${r.skipped.length ? ` (${r.skipped.length} skipped)` : ''}; gold attributions ${r.goldAttributions}` +
      `${r.goldWithoutContent ? ` (${r.goldWithoutContent} without content letters: left out at attribution level)` : ''}; predicted ${r.predictedAttributions}` +
      `${r.predWithoutContent ? ` (${r.predWithoutContent} without content letters: left out at attribution level)` : ''}`,
    ...(r.nestedLeftOut === null ? [] : [`  PolNeAR's form: ${r.nestedLeftOut} predicted attributions nested inside another's content left out (PolNeAR annotates none; --keep-nested scores them)`]),
    '',
    `  per role (spans trimmed to letters/digits)  exact P      R      F1    matched/pred/gold   overlap P      R      F1    pred/gold`,
  ];
  for (const role of ROLES) {
    const { exact, overlap } = r.roles[role];
    lines.push(
      `    ${pad(role, 40)} ${prfCols(exact)}  ${lpad(`${exact.matched}/${exact.pred}/${exact.gold}`, 17)}           ${prfCols(overlap)}  ${overlap.pred}/${overlap.gold}`,
    );
  }
  const a = r.attribution;
  const c = a.counts;
  lines.push(
    '',
    `  attribution level (one-to-one pairs, content Jaccard ≥ 0.5)     P      R      F1    hits/pred/gold`,
    `    content                                                 ${prfCols(a.content)}  ${c.content}/${c.pred}/${c.gold}`,
    `    content+source (both none, or sources overlap)          ${prfCols(a.contentSource)}  ${c.contentSource}/${c.pred}/${c.gold}`,
    `    all roles (… and cues overlap, or both none)            ${prfCols(a.allRoles)}  ${c.allRoles}/${c.pred}/${c.gold}`,
    '',
    `  breakdown by gold attribution — RECALL only (buckets are defined on gold; "pred" = predictions passing the same test, for reference)`,
    `    ${pad('bucket', 22)} ${lpad('gold', 5)} ${lpad('pred', 5)}  content R  content+source R`,
  );
  for (const b of r.buckets) {
    lines.push(`    ${pad(b.bucket, 22)} ${lpad(String(b.gold), 5)} ${lpad(String(b.pred), 5)}  ${lpad(f3(b.contentRecall), 9)}  ${lpad(f3(b.contentSourceRecall), 15)}`);
  }
  lines.push('', `  breakdown by outlet (P/R/F1: defined on both sides)`, `    ${pad('outlet', 14)} ${lpad('gold', 5)} ${lpad('pred', 5)}  content P/R/F1        content+source P/R/F1`);
  for (const o of r.outlets) {
    lines.push(`    ${pad(o.outlet, 14)} ${lpad(String(o.counts.gold), 5)} ${lpad(String(o.counts.pred), 5)}  ${prfCols(o.content)}   ${prfCols(o.contentSource)}`);
  }
  lines.push(
    '',
    `  reference targets: ${r.targets.map((t) => `${t.name} ${!t.met && Number(f3(t.value)) >= t.target ? t.value.toFixed(4) : f3(t.value)} (≥ ${t.target.toFixed(2)}${t.met ? ' met' : ' not met'})`).join('; ')}`,
  );
  for (const s of r.skipped) lines.push(`  skipped ${s.article}: ${s.reason}`);
  return lines.join('\n');
}

export interface Options {
  split: 'train' | 'dev';
  limit: number | null;
  json: boolean;
  oracle: boolean;
  baseline: 'quotes' | null;
  keepNested: boolean;
  /** Score the contract's attributions as they stand: continuations on their own, nested ones kept. */
  literal: boolean;
}

const SPEC = {
  name: 'eval:attribution',
  summary: `Who said what against PolNeAR's gold attributions (dev unless told), scored as ../shared/docs/data.md says: exact and
overlap P/R/F1 per role, attribution-level F1, and a breakdown by kind, source and outlet. Ours are put in PolNeAR's form
first: a quotation's continuations folded into it, attributions nested inside another's content left out.`,
  options: { split: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, oracle: { type: 'boolean' }, baseline: { type: 'string' }, 'keep-nested': { type: 'boolean' }, literal: { type: 'boolean' } },
  help: {
    split: 'train or dev (default dev)',
    limit: 'only the first VALUE articles',
    json: 'the report as JSON',
    oracle: 'score gold against itself (checks the scorer: 1.0 everywhere)',
    baseline: "'quotes': score the quoted-string baseline instead of extract()",
    'keep-nested': "also score attributions nested inside another's content (PolNeAR annotates none, so by default they are left out)",
    literal: "score our attributions as the contract gives them: each continuation on its own, nested ones kept",
  },
  examples: ['npm run eval:attribution', 'npm run eval:attribution -- --split train --limit 50 --json', 'npm run eval:attribution -- --keep-nested', 'npm run eval:attribution -- --literal', 'npm run eval:attribution -- --baseline quotes'],
} as const satisfies ScriptSpec<ScriptOptions>;

export function parseArgs(argv: readonly string[]): Options | string {
  const parsed = parseScriptArgs(SPEC, argv);
  if ('error' in parsed) return parsed.error;
  const { split = 'dev', limit, json = false, oracle = false, baseline, 'keep-nested': keepNested = false, literal = false } = parsed.values;
  if (split !== 'train' && split !== 'dev') return `--split must be train or dev (got ${split})`;
  const n = limit === undefined ? null : Number(limit);
  if (n !== null && (!Number.isInteger(n) || n < 1)) return '--limit needs a positive whole number';
  if (baseline !== undefined && baseline !== 'quotes') return `--baseline: only "quotes" is known (got ${baseline})`;
  if (oracle && baseline) return '--oracle and --baseline are exclusive';
  if (literal && keepNested) return '--literal already keeps nested attributions; give one of the two';
  return { split, limit: n, json, oracle, baseline: baseline ?? null, keepNested, literal };
}

async function main(argv: string[]): Promise<number> {
  if (helpRequested(SPEC, argv)) return 0;
  const opts = parseArgs(argv);
  if (typeof opts === 'string') return badArgument(SPEC.name, opts);
  const check = requireData(`polnear/${opts.split}`);
  if (!check.ok) {
    console.log(`eval:attribution: ${check.reason}; skipped`);
    return isCI() ? 1 : 0;
  }
  let { articles } = listPolnear(check.path);
  if (opts.limit !== null) articles = articles.slice(0, opts.limit);
  if (!articles.length) {
    console.log(`eval:attribution: no PolNeAR articles with annotations under ${check.path}; skipped`);
    return isCI() ? 1 : 0;
  }
  const system = opts.oracle ? 'oracle (gold against itself)' : opts.baseline ? 'baseline quotes (eval-only)'
    : opts.literal ? 'parallax extract(), literally (continuations on their own, nested attributions kept)' : 'parallax extract()';
  const byInput = new Map<string, ExtractRecord>();
  if (!opts.oracle && !opts.baseline) for (const r of await extract(articles.map((a) => a.textPath))) byInput.set(r.input, r);

  const scores: ArticleScore[] = [];
  const skipped: AttributionReport['skipped'] = [];
  // PolNeAR's flat form (nested attributions left out) unless told to keep them or to score literally.
  const flat = !opts.keepNested && !opts.literal;
  let nestedLeftOut = 0;
  for (const article of articles) {
    const text = readFileSync(article.textPath, 'utf8').replace(/^\uFEFF/, '');
    const doc = readPolnearAnnotation(article);
    const gold = doc.attributions.map((a) => goldAttribution(text, a));
    if (opts.oracle) {
      scores.push(scoreArticle(article.name, text, gold, gold));
      continue;
    }
    let predicted: PredictedAttribution[];
    if (opts.baseline) predicted = quoteBaseline(text);
    else {
      const found = recordForArticle(article, byInput, text);
      if ('reason' in found) {
        skipped.push({ article: article.name, reason: found.reason });
        continue;
      }
      predicted = opts.literal ? [...found.record.attributions] : foldContinuations(found.record.attributions);
      if (flat) {
        const flat = withoutNested(predicted, (a) => ({ content: a.content, cue: a.cue }));
        nestedLeftOut += predicted.length - flat.length;
        predicted = flat;
      }
    }
    scores.push(scoreArticle(article.name, text, gold, predicted.map((p) => predictedAttribution(text, p))));
  }
  const report = aggregate(opts.split, system, scores, skipped, opts.oracle || opts.baseline || !flat ? null : nestedLeftOut);
  console.log(opts.json ? JSON.stringify(report) : formatReport(report));
  return 0;
}

if (isMain(import.meta.url)) runMain('eval:attribution', () => main(process.argv.slice(2)));
