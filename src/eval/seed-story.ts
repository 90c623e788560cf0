/**
 * eval:seed's cross-outlet sections: the story our records make (src/story) against gold.json's `alignedQuotes`,
 * `discrepancies`, `claims`, `evidenceCited` and `onlyIn`. Gold gives its verdicts and actors in words; the rules
 * that read them are here, each a small function, and docs/evaluation.md states them.
 */
import type { Story } from '../model/schema.js';
import { buildStory } from '../story/build-story.js';
import { contentStems, wordsOf } from '../story/words.js';
import { mark, pad } from './table.js';
import { entityMatches, isPronounLike, norm, type GoldEntity } from './seed-match.js';
import type { Section, SeedContext } from './eval-seed.js';

// ---------- the story, once per run ----------

export interface SeedStory {
  story: Story;
  /** Gold file key (A, B) of a story article index. */
  keyOf(article: number): string;
  /** Story article index of a gold file key. */
  indexOf(key: string): number;
  /** Whether story entity `id` is the gold entity named `name` (in any article it is found in). */
  is(id: string | null, name: string): boolean;
}

const cache = new WeakMap<SeedContext, SeedStory>();

export function seedStory(ctx: SeedContext): SeedStory {
  const known = cache.get(ctx);
  if (known) return known;
  const story = buildStory([...ctx.articles.values()].map((a) => a.record), { now: new Date(0) });
  const keyById = new Map([...ctx.articles].map(([k, a]) => [a.record.article.id, k]));
  const keyOf = (article: number): string => keyById.get(story.articles[article]!.article.id) ?? '?';
  const golds = ctx.gold.entities;
  const is = (id: string | null, name: string): boolean => {
    const gold = golds.find((g) => g.name === name);
    const s = story.entities.find((e) => e.id === id);
    if (!gold || !s) return false;
    return s.in.some((ref) => {
      const e = story.articles[ref.article]?.entities.find((x) => x.id === ref.entity);
      return e !== undefined && entityMatches(gold, e);
    });
  };
  const seed: SeedStory = { story, keyOf, indexOf: (key) => story.articles.findIndex((_, k) => keyOf(k) === key), is };
  cache.set(ctx, seed);
  return seed;
}

/** The gold people and organisations a piece of gold prose names (any non-pronoun alias, as a whole word). */
export function goldEntitiesNamed(text: string, golds: readonly GoldEntity[]): string[] {
  const t = norm(text);
  return golds
    .filter((g) => g.type !== 'place')
    .filter((g) => [g.name, ...g.aliases].some((a) => !isPronounLike(a) && new RegExp(`(?<![\\p{L}])${norm(a).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(t)))
    .map((g) => g.name);
}

/** Whether `inner`'s words run, in order and unbroken, within `outer`'s (case, punctuation and ellipses aside). */
export function wordsWithin(inner: string, outer: string): boolean {
  const a = wordsOf(inner), b = wordsOf(outer);
  if (!a.length || a.length > b.length) return false;
  for (let s = 0; s + a.length <= b.length; s++) if (a.every((w, k) => b[s + k] === w)) return true;
  return false;
}

/** The same quotation: one's words lie within the other's. */
const sameQuotation = (gold: string, ours: string): boolean => wordsWithin(gold, ours) || wordsWithin(ours, gold);

// ---------- aligned quotes ----------

export interface GoldAlignedQuote {
  speaker: string;
  A: string;
  B: string;
  verdict: string;
}

/** What a gold verdict, in words, asks of ours. */
export interface ExpectedAlignment {
  verdict: Story['alignedQuotes'][number]['verdict'] | null;
  /** For `part`: the gold key of the side quoting more. */
  longer?: string;
  /** Words the gold says B drops. */
  dropped: string[];
  /** The gold says one outlet leaves the speaker open. */
  ambiguous: boolean;
}

/** Reads a gold verdict: "same words; punctuation differs", "wording differs: B drops 'foreign'", "B quotes more", "B quotes a part of A's", "A's sentence can be read as …". */
export function expectedAlignment(g: GoldAlignedQuote): ExpectedAlignment {
  const v = g.verdict;
  const dropped = [...v.matchAll(/drops\s+'([^']+)'/g)].map((m) => m[1]!.toLowerCase());
  const ambiguous = g.speaker === 'different' || /can be read as|ambiguous/i.test(v);
  if (ambiguous) return { verdict: null, dropped, ambiguous };
  if (/punctuation differs/i.test(v)) return { verdict: 'punctuation', dropped, ambiguous };
  if (/wording differs/i.test(v)) return { verdict: 'wording', dropped, ambiguous };
  const more = /\b([AB]) quotes more\b/.exec(v);
  if (more) return { verdict: 'part', longer: more[1]!, dropped, ambiguous };
  const part = /\b([AB]) quotes a part of ([AB])'s/.exec(v);
  if (part) return { verdict: 'part', longer: part[2]!, dropped, ambiguous };
  return { verdict: /identical/i.test(v) ? 'identical' : null, dropped, ambiguous };
}

export interface AlignedQuoteRow {
  gold: GoldAlignedQuote;
  expected: ExpectedAlignment;
  ours: { id: string; verdict: string; speakers: string; description: string } | null;
  found: boolean;
  verdictOk: boolean;
}

export function scoreAlignedQuotes(gold: readonly GoldAlignedQuote[], seed: SeedStory): { rows: AlignedQuoteRow[]; unmatched: Story['alignedQuotes'] } {
  const used = new Set<string>();
  const sideText = (q: Story['alignedQuotes'][number], key: string): string | null => q.quotes.find((s) => seed.keyOf(s.article) === key)?.span.text ?? null;
  const rows = gold.map((g) => {
    const expected = expectedAlignment(g);
    const candidates = seed.story.alignedQuotes.filter((q) => {
      const a = sideText(q, 'A'), b = sideText(q, 'B');
      return a !== null && b !== null && sameQuotation(g.A, a) && sameQuotation(g.B, b);
    });
    const right = (q: Story['alignedQuotes'][number]): boolean => {
      if (expected.ambiguous) return q.speakers === 'ambiguous' || q.speakers === 'different';
      if (expected.verdict !== q.verdict) return false;
      if (expected.longer && seed.keyOf(q.quotes[q.longer ?? 0].article) !== expected.longer) return false;
      const bIsSecond = seed.keyOf(q.quotes[1].article) === 'B';
      const dropped = (bIsSecond ? q.diff.dropped : q.diff.added).map((w) => w.toLowerCase());
      if (!expected.dropped.every((w) => dropped.includes(w))) return false;
      return g.speaker === 'different' || q.quotes.some((s) => s.speakers.some((id) => seed.is(id, g.speaker)));
    };
    const best = candidates.find(right) ?? candidates[0] ?? null;
    if (best) used.add(best.id);
    return {
      gold: g,
      expected,
      ours: best ? { id: best.id, verdict: best.verdict, speakers: best.speakers, description: best.description } : null,
      found: best !== null,
      verdictOk: best !== null && right(best),
    };
  });
  return { rows, unmatched: seed.story.alignedQuotes.filter((q) => !used.has(q.id)) };
}

/**
 * An alignment gold does not list is counted false unless one side's words stand whole, in order, in the other's:
 * then both outlets print the same words (a part of a longer quotation), which is what an alignment claims.
 */
export const verbatimRepeat = (q: Story['alignedQuotes'][number]): boolean => q.verdict !== 'wording' && sameQuotation(q.quotes[0].span.text, q.quotes[1].span.text);

export const alignedQuotesSection: Section = {
  name: 'alignedQuotes',
  run(ctx) {
    const seed = seedStory(ctx);
    const gold = (Array.isArray(ctx.gold.alignedQuotes) ? ctx.gold.alignedQuotes : []) as GoldAlignedQuote[];
    const { rows, unmatched } = scoreAlignedQuotes(gold, seed);
    const table = [['speaker', 'A', 'B', 'gold verdict', 'found', 'verdict', 'ours']];
    for (const r of rows) table.push([r.gold.speaker, JSON.stringify(r.gold.A.slice(0, 28)), JSON.stringify(r.gold.B.slice(0, 28)), r.gold.verdict.slice(0, 40), mark(r.found), r.found ? mark(r.verdictOk) : '–', r.ours ? `${r.ours.id} ${r.ours.verdict}/${r.ours.speakers}: ${r.ours.description}` : '–']);
    const falses = unmatched.filter((q) => !verbatimRepeat(q));
    const lines = [...pad(table).map((l) => `  ${l}`)];
    lines.push(`  alignments gold does not list: ${unmatched.length} (${unmatched.length - falses.length} repeat the same words verbatim; ${falses.length} do not: counted false)`);
    for (const q of unmatched) lines.push(`    ${verbatimRepeat(q) ? ' ' : '✗'} ${q.id} ${q.verdict}/${q.speakers} ${JSON.stringify(q.quotes[0].span.text.slice(0, 50))} ~ ${JSON.stringify(q.quotes[1].span.text.slice(0, 50))}`);
    const n = rows.length, found = rows.filter((r) => r.found).length, right = rows.filter((r) => r.verdictOk).length;
    lines.push(`  aligned quotes: found ${found}/${n} · right verdict ${right}/${n} · false alignments ${falses.length}`);
    return {
      name: 'alignedQuotes',
      lines,
      goal: 'every gold aligned quote found with its verdict, no false alignments',
      targets: [
        { name: 'aligned quotes right', ok: right === n, detail: `${right}/${n}` },
        { name: 'false alignments', ok: falses.length === 0, detail: `${falses.length} (target 0)` },
      ],
      json: { rows, unmatched: unmatched.map((q) => ({ id: q.id, verdict: q.verdict, speakers: q.speakers, verbatim: verbatimRepeat(q), quotes: q.quotes.map((s) => s.span.text) })), totals: { gold: n, found, right, false: falses.length } },
    };
  },
};

// ---------- discrepancies ----------

export interface GoldDiscrepancy {
  what: string;
  A: string;
  B: string;
  verdict?: string;
}

export interface DiscrepancyRow {
  gold: GoldDiscrepancy;
  kind: 'number' | 'conflict';
  ours: string | null;
  found: boolean;
}

/**
 * A gold discrepancy about a number ("nearly 100" vs "almost 100") is found when a number comparison of ours has
 * those words on each side and the gold verdict's word (consistent / conflict, else conflict). Any other is an
 * attribution conflict: found when a conflict of ours gives, on each side, only entities that the gold side names
 * ("Donald Trump's campaign team" names the campaign and Trump), is `ambiguous` exactly when the gold says so, and
 * holds the words the gold quotes in `what`.
 */
export function scoreDiscrepancy(g: GoldDiscrepancy, seed: SeedStory, golds: readonly GoldEntity[]): DiscrepancyRow {
  const { story } = seed;
  if (/\d/.test(g.A) && /\d/.test(g.B)) {
    const verdict = /consistent/i.test(g.verdict ?? '') ? 'consistent' : 'conflict';
    const n = story.numbers.find((x) => {
      const a = x.quantities.find((q) => seed.keyOf(q.article) === 'A'), b = x.quantities.find((q) => seed.keyOf(q.article) === 'B');
      return a && b && wordsWithin(g.A, a.span.text) && wordsWithin(g.B, b.span.text) && x.verdict === verdict;
    });
    return { gold: g, kind: 'number', ours: n ? `${n.id} ${n.quantities.map((q) => q.span.text).join(' / ')}: ${n.verdict}` : null, found: n !== undefined };
  }
  const named = { A: goldEntitiesNamed(g.A, golds), B: goldEntitiesNamed(g.B, golds) };
  const ambiguous = /ambiguous/i.test(g.verdict ?? '');
  const phrase = /'([^']{6,})'/.exec(g.what)?.[1];
  const c = story.conflicts.find((x) => {
    if ((x.verdict === 'ambiguous') !== ambiguous) return false;
    const sides = x.sides.map((s) => ({ key: seed.keyOf(s.article), speakers: s.speakers }));
    const sideOk = (key: 'A' | 'B'): boolean => {
      const s = sides.find((y) => y.key === key);
      return s !== undefined && s.speakers.length > 0 && s.speakers.every((id) => named[key].some((name) => seed.is(id, name)));
    };
    if (!sideOk('A') || !sideOk('B')) return false;
    if (!phrase) return true;
    const q = x.quote ? story.alignedQuotes.find((y) => y.id === x.quote) : undefined;
    return q !== undefined && q.quotes.some((s) => wordsWithin(phrase, s.span.text));
  });
  const name = (id: string): string => story.entities.find((e) => e.id === id)?.name ?? id;
  return { gold: g, kind: 'conflict', ours: c ? `${c.id} ${c.verdict}: ${c.sides.map((s) => `${seed.keyOf(s.article)} ${s.speakers.map(name).join('/')}`).join(' vs ')}` : null, found: c !== undefined };
}

export const discrepanciesSection: Section = {
  name: 'discrepancies',
  run(ctx) {
    const seed = seedStory(ctx);
    const gold = (Array.isArray(ctx.gold.discrepancies) ? ctx.gold.discrepancies : []) as GoldDiscrepancy[];
    const rows = gold.map((g) => scoreDiscrepancy(g, seed, ctx.gold.entities));
    const table = [['what', 'A', 'B', 'kind', 'found', 'ours']];
    for (const r of rows) table.push([r.gold.what.slice(0, 44), r.gold.A.slice(0, 30), r.gold.B.slice(0, 30), r.kind, mark(r.found), r.ours ?? '–']);
    const n = rows.length, found = rows.filter((r) => r.found).length;
    const lines = [...pad(table).map((l) => `  ${l}`)];
    lines.push(`  ours besides (not a target): ${seed.story.conflicts.length} conflicts, ${seed.story.numbers.length} number comparisons in all`);
    lines.push(`  discrepancies: found ${found}/${n}`);
    return {
      name: 'discrepancies',
      lines,
      goal: 'every gold discrepancy found (conflicting attribution with the right actors and verdict; numbers compared with the right verdict)',
      targets: [{ name: 'discrepancies found', ok: found === n, detail: `${found}/${n}` }],
      json: { rows, totals: { gold: n, found, conflicts: seed.story.conflicts.length, numbers: seed.story.numbers.length } },
    };
  },
};

// ---------- claims and evidence ----------

export interface GoldClaim {
  type: 'accusation' | 'denial' | 'rejection' | 'response';
  by: string;
  against: string;
  what: string;
  in: string[];
}

export interface GoldEvidence {
  by: string;
  what: string;
  in: string[];
}

export interface ClaimRow {
  kind: 'claim' | 'evidence';
  type: string;
  by: string;
  against: string | null;
  what: string;
  in: string[];
  ours: string | null;
  found: boolean;
  /** Our edge has the gold's own type (a denial typed response is found, not exact). */
  exactType: boolean;
}

/** Gold types and ours that answer them: a denial or rejection may be typed response by us (no denial word, no negation). */
const TYPES: Readonly<Record<GoldClaim['type'], ReadonlyArray<Story['claims'][number]['type']>>> = {
  accusation: ['accusation'],
  denial: ['denial', 'response'],
  rejection: ['denial', 'response'],
  response: ['response', 'denial'],
};

/**
 * A gold claim is found when an edge of ours of an answering type has the gold's `by` (or names it among `alsoBy`)
 * and `against`, and mentions in every outlet the gold lists. Gold evidence: an evidence edge by the gold's side,
 * in every listed outlet, whose words hold at least half of the gold's content words; the best such edge.
 */
export function scoreClaims(claims: readonly GoldClaim[], evidence: readonly GoldEvidence[], seed: SeedStory): ClaimRow[] {
  const { story } = seed;
  const outletsOf = (e: Story['claims'][number]): string[] => [...new Set(e.mentions.map((m) => seed.keyOf(m.article)))];
  const name = (id: string | null): string => (id ? story.entities.find((e) => e.id === id)?.name ?? id : '–');
  const describe = (e: Story['claims'][number]): string => `${e.id} ${e.type} ${name(e.by)}${e.alsoBy.length ? `(+${e.alsoBy.map(name).join(',')})` : ''} → ${name(e.against)} [${outletsOf(e).join(',')}]`;
  const rows: ClaimRow[] = claims.map((g) => {
    const edges = story.claims.filter((e) => TYPES[g.type]?.includes(e.type) && (seed.is(e.by, g.by) || e.alsoBy.some((x) => seed.is(x, g.by))) && seed.is(e.against, g.against) && g.in.every((k) => outletsOf(e).includes(k)));
    const best = edges.find((e) => e.type === g.type) ?? edges[0];
    return { kind: 'claim', type: g.type, by: g.by, against: g.against, what: g.what, in: g.in, ours: best ? describe(best) : null, found: best !== undefined, exactType: best?.type === g.type };
  });
  for (const g of evidence) {
    const want = contentStems(g.what);
    const scored = story.claims
      .filter((e) => e.type === 'evidence' && seed.is(e.by, g.by) && g.in.every((k) => outletsOf(e).includes(k)))
      .map((e) => {
        const have = contentStems(e.mentions.flatMap((m) => m.spans.map((s) => s.text)).join(' '));
        return { e, hit: [...want].filter((w) => have.has(w)).length };
      })
      .filter((x) => x.hit * 2 >= want.size)
      .sort((a, b) => b.hit - a.hit);
    const best = scored[0]?.e;
    rows.push({ kind: 'evidence', type: 'evidence', by: g.by, against: null, what: g.what, in: g.in, ours: best ? describe(best) : null, found: best !== undefined, exactType: best !== undefined });
  }
  return rows;
}

export const claimsSection: Section = {
  name: 'claims',
  run(ctx) {
    const seed = seedStory(ctx);
    const claims = (Array.isArray(ctx.gold.claims) ? ctx.gold.claims : []) as GoldClaim[];
    const evidence = (Array.isArray(ctx.gold.evidenceCited) ? ctx.gold.evidenceCited : []) as GoldEvidence[];
    const rows = scoreClaims(claims, evidence, seed);
    const table = [['type', 'by', 'against', 'in', 'what', 'found', 'ours']];
    for (const r of rows) table.push([r.type, r.by, r.against ?? '–', r.in.join(','), r.what.slice(0, 36), r.found ? (r.exactType ? '✓' : '✓ (typed response)') : '✗', r.ours ?? '–']);
    const n = rows.length, found = rows.filter((r) => r.found).length, exact = rows.filter((r) => r.exactType).length;
    const lines = [...pad(table).map((l) => `  ${l}`)];
    lines.push(`  ours in all (not a target): ${seed.story.claims.length} edges (${(['accusation', 'denial', 'response', 'evidence'] as const).map((t) => `${seed.story.claims.filter((e) => e.type === t).length} ${t}`).join(', ')})`);
    lines.push(`  claims and evidence: found with the right actors and outlets ${found}/${n} · with the gold's own type ${exact}/${n}`);
    return {
      name: 'claims',
      lines,
      goal: 'every gold claim and piece of evidence found with the right actors, in every outlet listed',
      targets: [{ name: 'claims and evidence found', ok: found === n, detail: `${found}/${n}` }],
      json: { rows, totals: { gold: n, found, exactType: exact, edges: seed.story.claims.length } },
    };
  },
};

// ---------- only in one outlet ----------

export interface OnlyInRow {
  file: string;
  item: string;
  covered: boolean;
  /** The sentence of ours that covers it. */
  by: string | null;
}

/**
 * A gold `onlyIn` item (a phrase describing what only that outlet reports) is covered when one of our sentences
 * for that outlet — a fact only it reports, the sentence first naming an entity only it names, or a quotation only
 * it prints — holds at least
 * half of the item's content words.
 */
export function scoreOnlyIn(gold: Readonly<Record<string, readonly string[]>>, seed: SeedStory): OnlyInRow[] {
  const { story } = seed;
  const rows: OnlyInRow[] = [];
  for (const [key, items] of Object.entries(gold)) {
    const article = seed.indexOf(key);
    const only = story.coverage.onlyIn.find((o) => o.article === article)?.facts ?? [];
    const sentences = [
      ...story.coverage.facts.filter((f) => only.includes(f.id)).flatMap((f) => f.mentions.map((m) => m.span.text)),
      ...(story.coverage.uniqueEntities.find((u) => u.article === article)?.entities.map((e) => e.sentence.text) ?? []),
      ...(story.coverage.uniqueQuotes.find((u) => u.article === article)?.quotes.map((q) => q.text) ?? []),
    ].map((text) => ({ text, stems: contentStems(text) }));
    for (const item of items) {
      const want = contentStems(item);
      const best = sentences.map((s) => ({ s, hit: [...want].filter((w) => s.stems.has(w)).length })).sort((a, b) => b.hit - a.hit)[0];
      const covered = best !== undefined && want.size > 0 && best.hit * 2 >= want.size;
      rows.push({ file: key, item, covered, by: covered ? best!.s.text : null });
    }
  }
  return rows;
}

export const onlyInSection: Section = {
  name: 'onlyIn',
  run(ctx) {
    const seed = seedStory(ctx);
    const gold = (ctx.gold.onlyIn && typeof ctx.gold.onlyIn === 'object' ? ctx.gold.onlyIn : {}) as Record<string, string[]>;
    const rows = scoreOnlyIn(gold, seed);
    const table = [['file', 'gold item', 'covered', 'by our sentence']];
    for (const r of rows) table.push([r.file, r.item.slice(0, 50), mark(r.covered), r.by ? JSON.stringify(r.by.replace(/\s+/g, ' ').slice(0, 70)) : '–']);
    const n = rows.length, covered = rows.filter((r) => r.covered).length;
    const lines = [...pad(table).map((l) => `  ${l}`)];
    const { coverage } = seed.story;
    lines.push(`  ours (not a target): ${coverage.facts.length} facts, ${coverage.facts.filter((f) => f.articles.length > 1).length} reported by more than one outlet; only in ${coverage.onlyIn.map((o) => `${seed.keyOf(o.article)} ${o.facts.length}`).join(', ')}`);
    lines.push(`  onlyIn: gold items covered ${covered}/${n}`);
    return {
      name: 'onlyIn',
      lines,
      goal: "every gold onlyIn item covered by a sentence we report as that outlet's alone",
      targets: [{ name: 'onlyIn covered', ok: covered === n, detail: `${covered}/${n}` }],
      json: { rows, totals: { gold: n, covered, facts: coverage.facts.length } },
    };
  },
};

