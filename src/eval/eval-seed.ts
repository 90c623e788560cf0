/**
 * eval:seed — our analysis of the founding story (examples/seed-story) against the hand-made gold
 * (../shared/fixtures/seed-story/gold.json), section by section: entities, attributions, timeline, and the
 * cross-outlet story (seed-story.ts). Definitions: docs/evaluation.md.
 *
 *   npm run eval:seed [-- --json] [-- --section entities|attributions|timeline|alignedQuotes|discrepancies|claims|onlyIn] [-- --verbose] [-- --manifest FILE] [-- --gold FILE]
 *
 * The articles go through the library (`readManifest` + `extract`); gold.json is read only here.
 * A missing gold file: says so and exits 0, or exits 1 under CI=true.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extract } from '../api/extract.js';
import { EXAMPLE_STORY, fixturesDir, isCI } from '../config/paths.js';
import { readManifest } from '../ingest/index.js';
import type { Entity, ExtractRecord } from '../model/schema.js';
import { isMain, runMain } from './main-guard.js';
import { alignedQuotesSection, claimsSection, discrepanciesSection, onlyInSection, seedStory } from './seed-story.js';
import { mark, pad } from './table.js';
import { excerpt, scoreAttributions, speakerLabel, type ArticleAttributions, type AttributionRow, type GoldAttribution } from './seed-attributions.js';
import { listedPerson, matchEntity, notPeopleHits, roleMatch, type EntityMatch, type GoldEntity, type RoleHow } from './seed-match.js';
import { badArgument, readScriptArgs, type ScriptOptions, type ScriptSpec } from '../config/script-args.js';

export interface SeedGold {
  about?: string;
  files: Record<string, string>;
  entities: GoldEntity[];
  notPeople: string[];
  [section: string]: unknown;
}

export interface SeedArticle {
  key: string;
  file: string;
  record: ExtractRecord;
}

export interface SeedContext {
  gold: SeedGold;
  /** By gold file key (A, B, …). */
  articles: Map<string, SeedArticle>;
  /** `--verbose`: longer listings (e.g. the content of our attributions that match no gold one). */
  verbose?: boolean;
}

export interface Target {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SectionResult {
  name: string;
  lines: string[];
  json: Record<string, unknown>;
  targets: Target[];
  /** What the targets ask for, one sentence for the summary. */
  goal?: string;
}

export interface Section {
  name: string;
  run(ctx: SeedContext): SectionResult;
}

// ---------- entities ----------

export interface EntityFileResult {
  file: string;
  found: boolean;
  typeOk: boolean;
  ours: { id: string; name: string; type: Entity['type']; mentions: number } | null;
  /** Other entities of ours that also match (a split entity). */
  alsoMatched: string[];
  aliasesPresent: string[];
  aliasesMerged: string[];
  aliasesMissing: string[];
  roles: string[];
}

export interface EntityRow {
  name: string;
  type: Entity['type'];
  in: string[];
  files: EntityFileResult[];
  found: boolean;
  typeOk: boolean;
  aliases: { merged: number; total: number };
  roles: { role: string; found: boolean; how: RoleHow | null; ours: string | null }[];
  /** Found in every listed file with the right type and every alias merged. */
  complete: boolean;
}

function fileResult(file: string, m: EntityMatch): EntityFileResult {
  return {
    file,
    found: m.found,
    typeOk: m.typeOk,
    ours: m.primary ? { id: m.primary.id, name: m.primary.name, type: m.primary.type, mentions: m.primary.mentions.length } : null,
    alsoMatched: m.matches.filter((e) => e !== m.primary).map((e) => `${e.id} ${e.name}`),
    aliasesPresent: m.aliases.present,
    aliasesMerged: m.aliases.merged,
    aliasesMissing: m.aliases.missing,
    roles: m.primary?.roles ?? [],
  };
}

/** One gold entity against our entities in each article it is listed in. */
export function entityRow(gold: GoldEntity, allGold: readonly GoldEntity[], articles: ReadonlyMap<string, { text: string; entities: readonly Entity[] }>): EntityRow {
  const files: EntityFileResult[] = [];
  for (const key of gold.in) {
    const article = articles.get(key);
    if (!article) {
      files.push({ file: key, found: false, typeOk: false, ours: null, alsoMatched: [], aliasesPresent: [], aliasesMerged: [], aliasesMissing: [], roles: [] });
      continue;
    }
    files.push(fileResult(key, matchEntity(gold, article.entities, article.text, allGold)));
  }
  const ourRoles = files.flatMap((f) => f.roles);
  const roles = gold.roles.map((role) => {
    const m = roleMatch(role, ourRoles);
    return { role, found: m !== null, how: m?.how ?? null, ours: m?.role ?? null };
  });
  const found = files.length > 0 && files.every((f) => f.found);
  const typeOk = found && files.every((f) => f.typeOk);
  const merged = files.reduce((n, f) => n + f.aliasesMerged.length, 0);
  const total = files.reduce((n, f) => n + f.aliasesPresent.length, 0);
  return { name: gold.name, type: gold.type, in: gold.in, files, found, typeOk, aliases: { merged, total }, roles, complete: found && typeOk && merged === total };
}

export interface PersonMention {
  file: string;
  entity: string;
  text: string;
  listed: string | null;
}

export function personMentions(gold: SeedGold, ctx: SeedContext): PersonMention[] {
  const people = gold.entities.filter((e) => e.type === 'person');
  const out: PersonMention[] = [];
  for (const [key, a] of ctx.articles) {
    for (const e of a.record.entities) {
      if (e.type !== 'person') continue;
      for (const m of e.mentions) out.push({ file: key, entity: e.id, text: m.text, listed: listedPerson(m.text, people) });
    }
  }
  return out;
}


export const entitiesSection: Section = {
  name: 'entities',
  run(ctx) {
    const { gold } = ctx;
    const articles = new Map([...ctx.articles].map(([k, a]) => [k, { text: a.record.article.text, entities: a.record.entities }]));
    const rows = gold.entities.map((g) => entityRow(g, gold.entities, articles));
    const lines: string[] = [];
    const table = [['entity', 'type', 'found', 'type ok', 'aliases merged', 'roles']];
    for (const r of rows) {
      table.push([
        r.name,
        r.type,
        r.files.map((f) => `${f.file}${mark(f.found)}`).join(' '),
        r.found ? r.files.map((f) => `${f.file}${mark(f.typeOk)}`).join(' ') : '–',
        `${r.aliases.merged}/${r.aliases.total}`,
        r.roles.length ? `${r.roles.filter((x) => x.found).length}/${r.roles.length}` : '–',
      ]);
    }
    lines.push(...pad(table).map((l) => `  ${l}`));
    const details: string[] = [];
    for (const r of rows) {
      for (const f of r.files) {
        if (f.found && !f.typeOk) details.push(`${r.name} [${f.file}]: ours ${f.ours!.id} "${f.ours!.name}" is ${f.ours!.type}, gold ${r.type}`);
        if (f.found && f.aliasesMissing.length) details.push(`${r.name} [${f.file}]: aliases not among ${f.ours ? `${f.ours.id}'s` : 'any entity’s'} mentions: ${f.aliasesMissing.map((a) => JSON.stringify(a)).join(', ')}`);
        if (f.alsoMatched.length) details.push(`${r.name} [${f.file}]: also matched (split?): ${f.alsoMatched.join('; ')}`);
      }
      for (const role of r.roles) {
        if (!role.found && r.files.some((f) => f.found)) details.push(`${r.name}: role not found ${JSON.stringify(role.role)}${r.found ? ` (ours: ${JSON.stringify([...new Set(r.files.flatMap((f) => f.roles))])})` : ''}`);
        else if (role.found && role.how !== 'equal') details.push(`${r.name}: role ${JSON.stringify(role.role)} matched by ${role.how} ${JSON.stringify(role.ours)}`);
      }
    }
    const notFound = rows.filter((r) => !r.found).map((r) => `${r.name} [${r.files.filter((f) => !f.found).map((f) => f.file).join(' ')}]`);
    if (notFound.length) details.unshift(`not found: ${notFound.join(', ')}`);
    if (details.length) lines.push('  details:', ...details.map((d) => `    ${d}`));

    const allOurs = [...ctx.articles.values()].flatMap((a) => a.record.entities);
    const hits = notPeopleHits(gold.notPeople, allOurs);
    lines.push(`  notPeople (must not be person names or mentions): ${gold.notPeople.map((t) => `${JSON.stringify(t)} ${hits.some((h) => h.text === t) ? '✗ person' : '✓'}`).join(', ')}`);

    const mentions = personMentions(gold, ctx);
    const listed = mentions.filter((m) => m.listed);
    const unlisted = mentions.filter((m) => !m.listed);
    lines.push(`  person mentions: ${mentions.length}; listed (a gold person's name or alias) ${listed.length}${mentions.length ? ` (${(listed.length / mentions.length).toFixed(3)})` : ''}; unlisted ${unlisted.length} (judge below)`);
    const counts = new Map<string, number>();
    for (const m of unlisted) counts.set(`${m.file} ${JSON.stringify(m.text)}`, (counts.get(`${m.file} ${JSON.stringify(m.text)}`) ?? 0) + 1);
    for (const [k, n] of counts) lines.push(`    unlisted ${k}${n > 1 ? ` ×${n}` : ''}`);

    const persons = rows.filter((r) => r.type === 'person');
    const orgs = rows.filter((r) => r.type === 'organization');
    const places = rows.filter((r) => r.type === 'place');
    const allRoles = rows.flatMap((r) => r.roles);
    const rolesFound = allRoles.filter((r) => r.found).length;
    const targets: Target[] = [
      { name: 'persons complete', ok: persons.every((r) => r.complete), detail: `${persons.filter((r) => r.complete).length}/${persons.length}` },
      { name: 'organisations complete', ok: orgs.every((r) => r.complete), detail: `${orgs.filter((r) => r.complete).length}/${orgs.length}` },
      { name: 'roles found', ok: rolesFound === allRoles.length, detail: `${rolesFound}/${allRoles.length}` },
      { name: 'notPeople as persons', ok: hits.length === 0, detail: `${new Set(hits.map((h) => h.text)).size} (target 0)` },
    ];
    lines.push(
      `  places (not a target): found ${places.filter((r) => r.found).length}/${places.length}, right type ${places.filter((r) => r.typeOk).length}, complete ${places.filter((r) => r.complete).length}`,
    );
    return {
      name: 'entities',
      lines,
      targets,
      goal: 'every gold person and organisation found in each listed file with the right type and all aliases merged; every listed role found; zero notPeople as persons',
      json: {
        rows,
        persons: { total: persons.length, found: persons.filter((r) => r.found).length, typeOk: persons.filter((r) => r.typeOk).length, complete: persons.filter((r) => r.complete).length },
        organizations: { total: orgs.length, found: orgs.filter((r) => r.found).length, typeOk: orgs.filter((r) => r.typeOk).length, complete: orgs.filter((r) => r.complete).length },
        places: { total: places.length, found: places.filter((r) => r.found).length, typeOk: places.filter((r) => r.typeOk).length, complete: places.filter((r) => r.complete).length },
        roles: { total: allRoles.length, found: rolesFound },
        notPeople: { total: gold.notPeople.length, hits },
        personMentions: { total: mentions.length, listed: listed.length, unlisted: unlisted.map(({ file, entity, text }) => ({ file, entity, text })) },
      },
    };
  },
};

// ---------- attributions ----------

function rowDetail(r: AttributionRow): string | null {
  const g = r.gold;
  const head = `${g.file} ${speakerLabel(g.speaker)} ${JSON.stringify(g.cue)} ${JSON.stringify(excerpt(g.content))}`;
  if (!r.found) return `${head}: not found`;
  if (r.complete) return null;
  const o = r.ours!;
  const wrong: string[] = [];
  if (!r.speakerOk) wrong.push(`speaker ${o.speaker ? `${o.speaker.id} "${o.speaker.name}"` : 'null'}${o.source ? ` (source "${o.source}")` : ''}`);
  if (!r.cueOk) wrong.push(`cue ${JSON.stringify(o.cue)}`);
  if (!r.kindOk) wrong.push(`kind ${o.kind}`);
  if (!r.viaOk) wrong.push(`via ${o.via.length ? o.via.map((v) => `${v.entity ?? '–'} "${v.text}"`).join(', ') : '[]'}${g.via ? ` (gold ${JSON.stringify(g.via)})` : ''}`);
  return `${head}: ours ${o.id} ${wrong.join('; ')}`;
}

export const attributionsSection: Section = {
  name: 'attributions',
  run(ctx) {
    const { gold } = ctx;
    const goldAtts = (Array.isArray(gold.attributions) ? gold.attributions : []) as GoldAttribution[];
    const articles = new Map<string, ArticleAttributions>([...ctx.articles].map(([k, a]) => [k, { entities: a.record.entities, attributions: a.record.attributions }]));
    const score = scoreAttributions(goldAtts, articles, gold.entities);
    const { totals: t, rows } = score;
    const n = t.gold;
    const lines: string[] = [];
    const dash = (r: AttributionRow, ok: boolean) => (r.found ? mark(ok) : '–');
    const table = [['file', 'speaker', 'cue', 'content', 'found', 'speaker', 'cue', 'kind', 'via']];
    for (const r of rows) {
      const g = r.gold;
      table.push([g.file, speakerLabel(g.speaker), g.cue ?? '(none)', JSON.stringify(excerpt(g.content)), mark(r.found), dash(r, r.speakerOk), dash(r, r.cueOk), dash(r, r.kindOk), dash(r, r.viaOk)]);
    }
    lines.push(...pad(table).map((l) => `  ${l}`));
    const details = rows.map(rowDetail).filter((d): d is string => d !== null);
    if (details.length) lines.push('  details (what ours has where it differs):', ...details.map((d) => `    ${d}`));
    lines.push(`  attributions: found ${t.found}/${n} · speaker right ${t.speaker}/${n} · cue right ${t.cue}/${n} · kind right ${t.kind}/${n} · via right ${t.via}/${n} · all right ${t.complete}/${n}`);
    const unmatchedCounts = Object.entries(score.unmatched).map(([k, u]) => `${k} ${u.length}/${articles.get(k)?.attributions.length ?? 0}`);
    lines.push(`  ours matching no gold attribution (not a target; gold may not list every reported statement): ${unmatchedCounts.join(', ')}${ctx.verbose ? '' : ' (--verbose lists them)'}`);
    if (ctx.verbose) {
      for (const [k, u] of Object.entries(score.unmatched)) {
        for (const a of u) lines.push(`    ${k} ${a.id} ${a.kind} ${a.speaker ? `"${a.speaker.name}"` : '–'} ${JSON.stringify(a.cue)} ${JSON.stringify(excerpt(a.content))}`);
      }
    }
    const target = (name: string, k: number): Target => ({ name, ok: k === n, detail: `${k}/${n}` });
    return {
      name: 'attributions',
      lines,
      goal: 'every gold attribution found with the right speaker, cue, kind and via',
      targets: [target('attributions found', t.found), target('speaker right', t.speaker), target('cue right', t.cue), target('kind right', t.kind), target('via right', t.via)],
      json: {
        rows,
        totals: t,
        unmatched: Object.fromEntries(Object.entries(score.unmatched).map(([k, u]) => [k, { count: u.length, attributions: u }])),
      },
    };
  },
};

// ---------- timeline ----------

/** A gold timeline entry: the date (ISO, its form gives the grain), what happened, the files that report it, the words. */
export interface GoldTimelineEntry {
  date: string;
  event: string;
  in: string[];
  expression: string;
}

export interface TimelineRow {
  gold: GoldTimelineEntry;
  grain: 'day' | 'month' | 'year' | null;
  /** Our event with the same value and grain reported in every gold file, or the closest one. */
  ours: { id: string; value: string; grain: string; files: string[]; expressions: string[] } | null;
  valueOk: boolean;
  outletsOk: boolean;
}

/** The grain a gold date's form says: 2024-10-21 day, 2024-10 month, 2024 year. */
export const goldGrain = (date: string): TimelineRow['grain'] => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? 'day' : /^\d{4}-\d{2}$/.test(date) ? 'month' : /^\d{4}$/.test(date) ? 'year' : null);

/**
 * Each gold timeline entry against the story timeline (src/story/timeline.ts) built from our records: found when
 * an event has the gold value and grain; in every outlet when that event (or another with the same value and
 * grain) has a mention in each gold file.
 */
export function scoreTimeline(gold: readonly GoldTimelineEntry[], ctx: SeedContext): TimelineRow[] {
  // The story orders its articles by publication: each one's gold file key comes by its article id.
  const { story, keyOf } = seedStory(ctx);
  return gold.map((g) => {
    const grain = goldGrain(g.date);
    const same = story.timeline.filter((t) => t.value === g.date && t.grain === grain);
    const files = [...new Set(same.flatMap((t) => t.articles.map(keyOf)))];
    const best = same.sort((a, b) => b.articles.length - a.articles.length)[0] ?? null;
    return {
      gold: g,
      grain,
      ours: best ? { id: best.id, value: best.value, grain: best.grain, files: best.articles.map(keyOf), expressions: same.flatMap((t) => t.mentions.map((m) => `${keyOf(m.article)}: ${m.date.text}`)) } : null,
      valueOk: same.length > 0,
      outletsOk: same.length > 0 && g.in.every((k) => files.includes(k)),
    };
  });
}

export const timelineSection: Section = {
  name: 'timeline',
  run(ctx) {
    const gold = (Array.isArray(ctx.gold.timeline) ? ctx.gold.timeline : []) as GoldTimelineEntry[];
    const rows = scoreTimeline(gold, ctx);
    const table = [['date', 'grain', 'in', 'gold expression', 'found', 'all outlets', 'ours']];
    for (const r of rows) table.push([r.gold.date, r.grain ?? '?', r.gold.in.join(','), JSON.stringify(r.gold.expression), mark(r.valueOk), r.valueOk ? mark(r.outletsOk) : '–', r.ours ? `${r.ours.id} ${r.ours.expressions.join('; ')}` : '–']);
    const n = rows.length, found = rows.filter((r) => r.valueOk).length, everywhere = rows.filter((r) => r.outletsOk).length;
    const lines = [...pad(table).map((l) => `  ${l}`), `  timeline: dates found with the right value and grain ${found}/${n} · in every listed outlet ${everywhere}/${n}`];
    return {
      name: 'timeline',
      lines,
      goal: 'every gold date found with the right value and grain, in every outlet that reports it',
      targets: [{ name: 'dates found', ok: found === n, detail: `${found}/${n}` }, { name: 'in every outlet', ok: everywhere === n, detail: `${everywhere}/${n}` }],
      json: { rows, totals: { gold: n, found, everywhere } },
    };
  },
};

/** The sections, in print order. */
export const SECTIONS: readonly Section[] = [entitiesSection, attributionsSection, timelineSection, alignedQuotesSection, discrepanciesSection, claimsSection, onlyInSection];

// ---------- running ----------

const SECTION_NAMES = SECTIONS.map((s) => s.name);

const SPEC = {
  name: 'eval:seed',
  summary: `Our analysis of the founding story (examples/seed-story) against its hand-made gold, section by section: entities,
attributions, timeline and the cross-outlet story (definitions: docs/evaluation.md).`,
  options: { json: { type: 'boolean' }, section: { type: 'string' }, verbose: { type: 'boolean' }, manifest: { type: 'string' }, gold: { type: 'string' } },
  help: {
    json: 'the report as JSON',
    section: `one section only: ${SECTION_NAMES.join(', ')}`,
    verbose: 'longer listings (e.g. our attributions that match no gold one)',
    manifest: 'the story manifest to read (default examples/seed-story/manifest.json)',
    gold: 'the gold file (default $PARALLAX_FIXTURES/seed-story/gold.json)',
  },
  examples: ['npm run eval:seed', 'npm run eval:seed -- --section attributions --verbose', 'npm run eval:seed -- --json'],
} as const satisfies ScriptSpec<ScriptOptions>;

async function main(argv: string[]): Promise<number> {
  const args = readScriptArgs(SPEC, argv);
  if (!args.ok) return args.code;
  const { json = false, verbose = false } = args.values;
  const goldPath = args.values.gold ?? join(fixturesDir(), 'seed-story', 'gold.json');
  const manifestPath = args.values.manifest ?? join(EXAMPLE_STORY, 'manifest.json');
  const only = args.values.section;
  if (only !== undefined && !SECTION_NAMES.includes(only)) return badArgument(SPEC.name, `--section must be one of ${SECTION_NAMES.join(', ')} (got '${only}')`);
  if (!existsSync(goldPath)) {
    console.log(`eval:seed: gold not found at ${goldPath} (set PARALLAX_FIXTURES); skipped`);
    return isCI() ? 1 : 0;
  }
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as SeedGold;
  const manifest = readManifest(manifestPath);
  const records = await extract([], { manifest });
  const keyOf = new Map(Object.entries(gold.files).map(([k, f]) => [f, k]));
  const articles = new Map<string, SeedArticle>();
  for (const record of records) {
    const file = basename(record.input);
    const key = keyOf.get(file);
    if (key) articles.set(key, { key, file, record });
  }
  const missing = Object.entries(gold.files).filter(([k]) => !articles.has(k));
  for (const [k, f] of missing) console.error(`eval:seed: gold file ${k} (${f}) is not among the manifest's articles`);

  const sections = SECTIONS.filter((s) => !only || s.name === only);
  if (!sections.length) {
    console.error(`eval:seed: no section ${only}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const ctx: SeedContext = { gold, articles, verbose };
  const results = sections.map((s) => s.run(ctx));
  const targets = results.flatMap((r) => r.targets.map((t) => ({ section: r.name, ...t })));
  const goals = results.flatMap((r) => (r.goal ? [r.goal] : []));
  if (json) {
    console.log(
      JSON.stringify({
        gold: goldPath,
        manifest: manifestPath,
        files: Object.fromEntries([...articles].map(([k, a]) => [k, a.file])),
        sections: Object.fromEntries(results.map((r) => [r.name, r.json])),
        targets,
        ok: targets.every((t) => t.ok),
      }),
    );
  } else {
    console.log(`eval:seed — ${manifestPath} against ${goldPath}`);
    console.log(`  files: ${[...articles].map(([k, a]) => `${k} = ${a.file} (${a.record.article.source ?? '?'}, ${a.record.entities.length} entities, ${a.record.attributions.length} attributions)`).join('; ')}`);
    for (const r of results) {
      console.log(`\n[${r.name}]`);
      for (const l of r.lines) console.log(l);
    }
    console.log(
      `\nsummary: ${targets.map((t) => `${t.name} ${t.detail} ${mark(t.ok)}`).join(' · ')}` + (goals.length ? `\n  targets: ${goals.join('; ')}` : ''),
    );
  }
  return missing.length ? 1 : 0;
}

if (isMain(import.meta.url)) runMain('eval:seed', () => main(process.argv.slice(2)));
