/**
 * eval:entities — do our person and organization mentions cover the names in PolNeAR dev's gold
 * attribution sources? (definitions: docs/evaluation.md)
 *
 *   npm run eval:entities [-- --json] [-- --examples N]
 *
 * Reads `$PARALLAX_DATA/polnear/dev` (default ../shared/data); runs the library's `extract()` on the
 * article texts; the gold annotations are read only here, on the scoring side. Missing data: says
 * so and exits 0, or exits 1 under CI=true.
 */
import { readFileSync } from 'node:fs';
import { extract } from '../api/extract.js';
import { isCI, requireData } from '../config/paths.js';
import type { Entity, ExtractRecord } from '../model/schema.js';
import type { BratSpan } from './brat.js';
import { analyzeSource, coversHead, lowercaseWords, type NameRun } from './names.js';
import { isMain, runMain } from './main-guard.js';
import { listPolnear, readPolnearAnnotation, recordForArticle } from './polnear.js';
import { badArgument, readScriptArgs, type ScriptOptions, type ScriptSpec } from '../config/script-args.js';

export type MentionKind = 'person' | 'organization';

export interface SourceResult {
  article: string;
  span: BratSpan;
  principal: NameRun;
  /** Types of our mentions covering the principal run's head (person/organization only). */
  coveredBy: MentionKind[];
  /** Some run of the span (not only the principal one) is covered by a person/organization mention. */
  anyRunCovered: boolean;
  /** Not covered by person/organization, but by a place or other mention. */
  otherTypeOnly: Entity['type'][];
}

export interface EntityCoverage {
  articles: number;
  goldSources: number;
  qualifying: number;
  covered: number;
  share: number;
  anyRunCovered: number;
  coveredByPerson: number;
  coveredByOrganization: number;
  coveredByBoth: number;
  coveredOnlyByPlaceOrOther: number;
  singleWord: { qualifying: number; covered: number };
  multiWord: { qualifying: number; covered: number };
  skipped: { article: string; reason: string }[];
  uncovered: { article: string; span: string; name: string }[];
}

/** Scores one article: each qualifying gold source span against our entity mentions. */
export function scoreArticle(name: string, text: string, sources: readonly BratSpan[], entities: readonly Entity[]): SourceResult[] {
  const lower = lowercaseWords(text);
  const results: SourceResult[] = [];
  for (const span of sources) {
    const analysis = analyzeSource(text, span.fragments, lower);
    if (!analysis.principal) continue;
    const principal = analysis.principal;
    const coveredBy = new Set<MentionKind>();
    const otherTypes = new Set<Entity['type']>();
    let anyRunCovered = false;
    for (const entity of entities) {
      const scored = entity.type === 'person' || entity.type === 'organization';
      for (const m of entity.mentions) {
        if (coversHead(principal, m)) {
          if (scored) coveredBy.add(entity.type as MentionKind);
          else otherTypes.add(entity.type);
        }
        if (scored && analysis.runs.some((r) => coversHead(r, m))) anyRunCovered = true;
      }
    }
    results.push({
      article: name,
      span,
      principal,
      coveredBy: [...coveredBy],
      anyRunCovered,
      otherTypeOnly: coveredBy.size ? [] : [...otherTypes],
    });
  }
  return results;
}

/** The gold Source spans of an article's attributions, each once (some spans serve several attributions). */
export function goldSources(doc: ReturnType<typeof readPolnearAnnotation>): BratSpan[] {
  const seen = new Map<string, BratSpan>();
  for (const a of doc.attributions) for (const s of a.sources) seen.set(s.id, s);
  return [...seen.values()].sort((a, b) => a.start - b.start);
}

/**
 * Up to `limit` examples spread over the articles: one name (its first span) per article per round, so
 * the list is not filled by one transcript's repeated speaker labels.
 */
export function spreadExamples<T extends { article: string; principal: { text: string } }>(items: readonly T[], limit: number): T[] {
  const byArticle = new Map<string, T[]>();
  const seen = new Set<string>();
  for (const item of items) {
    const key = `${item.article}\u0000${item.principal.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byArticle.get(item.article) ?? [];
    list.push(item);
    byArticle.set(item.article, list);
  }
  const out: T[] = [];
  for (let round = 0; out.length < limit; round++) {
    let any = false;
    for (const list of byArticle.values()) {
      const item = list[round];
      if (!item) continue;
      any = true;
      out.push(item);
      if (out.length >= limit) break;
    }
    if (!any) break;
  }
  return out;
}

export function summarize(results: readonly SourceResult[], articles: number, goldCount: number, skipped: EntityCoverage['skipped'], examples: number): EntityCoverage {
  const covered = results.filter((r) => r.coveredBy.length > 0);
  const single = results.filter((r) => r.principal.words === 1);
  const multi = results.filter((r) => r.principal.words > 1);
  const isCovered = (r: SourceResult) => r.coveredBy.length > 0;
  return {
    articles,
    goldSources: goldCount,
    qualifying: results.length,
    covered: covered.length,
    share: results.length ? covered.length / results.length : 0,
    anyRunCovered: results.filter((r) => r.anyRunCovered).length,
    coveredByPerson: covered.filter((r) => r.coveredBy.length === 1 && r.coveredBy[0] === 'person').length,
    coveredByOrganization: covered.filter((r) => r.coveredBy.length === 1 && r.coveredBy[0] === 'organization').length,
    coveredByBoth: covered.filter((r) => r.coveredBy.length === 2).length,
    coveredOnlyByPlaceOrOther: results.filter((r) => r.otherTypeOnly.length > 0).length,
    singleWord: { qualifying: single.length, covered: single.filter(isCovered).length },
    multiWord: { qualifying: multi.length, covered: multi.filter(isCovered).length },
    skipped,
    uncovered: spreadExamples(results.filter((r) => !isCovered(r)), examples).map((r) => ({ article: r.article, span: r.span.text, name: r.principal.text })),
  };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');

export function formatCoverage(c: EntityCoverage): string {
  const lines = [
    `eval:entities — PolNeAR dev, gold attribution sources that name someone vs our person/organization mentions`,
    `  articles scored              ${c.articles}${c.skipped.length ? ` (${c.skipped.length} skipped)` : ''}`,
    `  gold source spans            ${c.goldSources}`,
    `  qualifying (name a someone)  ${c.qualifying}`,
    `  covered (principal name head) ${c.covered}  share ${c.share.toFixed(3)}  (target ≥ 0.90)`,
    `  lenient: any name run covered ${c.anyRunCovered}  share ${(c.qualifying ? c.anyRunCovered / c.qualifying : 0).toFixed(3)}`,
    `  by our type: person ${c.coveredByPerson}, organization ${c.coveredByOrganization}, both ${c.coveredByBoth}; ` +
      `uncovered but hit by a place/other mention ${c.coveredOnlyByPlaceOrOther}`,
    `  single-word names  ${c.singleWord.covered}/${c.singleWord.qualifying} (${pct(c.singleWord.covered, c.singleWord.qualifying)})`,
    `  multi-word names   ${c.multiWord.covered}/${c.multiWord.qualifying} (${pct(c.multiWord.covered, c.multiWord.qualifying)})`,
  ];
  for (const s of c.skipped) lines.push(`  skipped ${s.article}: ${s.reason}`);
  if (c.uncovered.length) {
    lines.push(`  uncovered examples (first ${c.uncovered.length}; name part in brackets):`);
    for (const u of c.uncovered) lines.push(`    ${u.article}: ${JSON.stringify(u.span)} [${u.name}]`);
  }
  return lines.join('\n');
}

const SPEC = {
  name: 'eval:entities',
  summary: "Do our person and organization mentions cover the names in PolNeAR dev's gold attribution sources? (docs/evaluation.md)",
  options: { json: { type: 'boolean' }, examples: { type: 'string' } },
  help: { json: 'the report as JSON', examples: 'how many missed names to list (default 25)' },
  examples: ['npm run eval:entities', 'npm run eval:entities -- --examples 100'],
} as const satisfies ScriptSpec<ScriptOptions>;

async function main(argv: string[]): Promise<number> {
  const args = readScriptArgs(SPEC, argv);
  if (!args.ok) return args.code;
  const json = args.values.json ?? false;
  const examples = Number(args.values.examples ?? 25);
  if (!Number.isInteger(examples) || examples < 0) return badArgument(SPEC.name, `--examples needs a whole number (got '${args.values.examples}')`);
  const check = requireData('polnear/dev');
  if (!check.ok) {
    console.log(`eval:entities: ${check.reason}; skipped`);
    return isCI() ? 1 : 0;
  }
  const { articles } = listPolnear(check.path);
  if (!articles.length) {
    console.log(`eval:entities: no PolNeAR articles with annotations under ${check.path}; skipped`);
    return isCI() ? 1 : 0;
  }
  const records: ExtractRecord[] = await extract(articles.map((a) => a.textPath));
  const byInput = new Map(records.map((r) => [r.input, r]));
  const results: SourceResult[] = [];
  const skipped: EntityCoverage['skipped'] = [];
  let goldCount = 0;
  let scored = 0;
  for (const article of articles) {
    const fileText = readFileSync(article.textPath, 'utf8').replace(/^\uFEFF/, '');
    const found = recordForArticle(article, byInput, fileText);
    if ('reason' in found) {
      skipped.push({ article: article.name, reason: found.reason });
      continue;
    }
    const { record } = found;
    const doc = readPolnearAnnotation(article);
    const sources = goldSources(doc);
    goldCount += sources.length;
    scored++;
    results.push(...scoreArticle(article.name, fileText, sources, record.entities));
  }
  const coverage = summarize(results, scored, goldCount, skipped, examples);
  console.log(json ? JSON.stringify(coverage) : formatCoverage(coverage));
  return 0;
}

if (isMain(import.meta.url)) runMain('eval:entities', () => main(process.argv.slice(2)));
