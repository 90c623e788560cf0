/**
 * Matching our attributions against the hand-made gold of the seed story (gold.json `attributions`): the rules of
 * docs/evaluation.md (eval:seed, attributions section), as small functions. Entities are matched with seed-match.
 */
import type { Attribution, Entity } from '../model/schema.js';
import { entityMatches, norm, type GoldEntity } from './seed-match.js';

export interface GoldAttribution {
  /** Gold file key (A, B, …). */
  file: string;
  /** A gold entity's canonical name, a list of acceptable ones, or null (an unnamed source). */
  speaker: string | string[] | null;
  /** The cue word; null for a quotation with no cue of its own. */
  cue: string | null;
  /** A substring the attributed content must contain. */
  content: string;
  kind: Attribution['kind'];
  /** The medium the words came through (a gold entity's name). */
  via?: string | string[] | null;
  note?: string;
  notes?: string;
}

/** How contents are compared: NFC, whitespace collapsed, curly quotes and apostrophes folded to straight ones; case kept. */
export function foldText(s: string): string {
  return norm(s.replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"').replace(/[\u201a\u201b\u2032]/g, "'"));
}

/** Our content spans joined by a space, folded. */
export const joinedContent = (a: Pick<Attribution, 'content'>): string => foldText(a.content.map((s) => s.text).join(' '));

const list = (x: string | string[] | null | undefined): string[] => (x == null ? [] : Array.isArray(x) ? x : [x]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Our cue equals the gold cue (case-insensitive) or contains it as a whole word; a gold cue of null wants no cue. */
export function cueRight(gold: string | null, ours: Attribution['cue']): boolean {
  if (gold === null) return ours === null;
  if (!ours) return false;
  const g = foldText(gold).toLowerCase();
  const o = foldText(ours.text).toLowerCase();
  if (!g) return false;
  return o === g || new RegExp(`(?<![\\p{L}\\p{N}])${escape(g)}(?![\\p{L}\\p{N}])`, 'u').test(o);
}

/**
 * The attribution of ours (in the gold attribution's file) whose joined content contains the gold content: if
 * several, the one whose cue text equals the gold cue (case-insensitive), then the shortest content, then the first.
 */
export function findAttribution(gold: Pick<GoldAttribution, 'content' | 'cue'>, ours: readonly Attribution[]): Attribution | null {
  const want = foldText(gold.content);
  if (!want) return null;
  const cue = gold.cue === null ? null : foldText(gold.cue).toLowerCase();
  let best: Attribution | null = null;
  let bestKey: [number, number] = [-1, Infinity];
  for (const a of ours) {
    const text = joinedContent(a);
    if (!text.includes(want)) continue;
    const cueEq = cue !== null && a.cue !== null && foldText(a.cue.text).toLowerCase() === cue ? 1 : 0;
    if (cueEq > bestKey[0] || (cueEq === bestKey[0] && text.length < bestKey[1])) {
      best = a;
      bestKey = [cueEq, text.length];
    }
  }
  return best;
}

/** The gold entity of that canonical name; a bare name (no aliases) when gold.json does not list it. */
export function goldEntityNamed(name: string, golds: readonly GoldEntity[]): GoldEntity {
  return golds.find((g) => norm(g.name) === norm(name)) ?? { name, type: 'other', aliases: [], roles: [], in: [] };
}

/** Our entity `id` (in this article) matches one of the gold names by the found rule of seed-match. */
export function entityIsOneOf(id: string | null, names: readonly string[], entities: readonly Entity[], golds: readonly GoldEntity[]): boolean {
  if (id === null) return false;
  const e = entities.find((x) => x.id === id);
  if (!e) return false;
  return names.some((n) => entityMatches(goldEntityNamed(n, golds), e));
}

/** Speaker right: our speaker is an entity matching one of the acceptable gold names; a gold speaker of null wants none. */
export function speakerRight(gold: GoldAttribution['speaker'], ours: string | null, entities: readonly Entity[], golds: readonly GoldEntity[]): boolean {
  const names = list(gold);
  if (!names.length) return ours === null;
  return entityIsOneOf(ours, names, entities, golds);
}

/**
 * Via right: with a gold via, one of our via entries has an entity matching it or a span whose text contains the
 * gold via's name; without one, our via list is empty.
 */
export function viaRight(gold: GoldAttribution['via'], ours: Attribution['via'], entities: readonly Entity[], golds: readonly GoldEntity[]): boolean {
  const names = list(gold);
  if (!names.length) return ours.length === 0;
  return ours.some((v) => entityIsOneOf(v.entity, names, entities, golds) || names.some((n) => foldText(v.span.text).includes(foldText(n))));
}

export interface OurAttributionSummary {
  id: string;
  kind: Attribution['kind'];
  content: string;
  cue: string | null;
  source: string | null;
  speaker: { id: string; name: string } | null;
  via: { entity: string | null; name: string | null; text: string }[];
}

export interface AttributionRow {
  gold: GoldAttribution;
  found: boolean;
  speakerOk: boolean;
  cueOk: boolean;
  kindOk: boolean;
  viaOk: boolean;
  /** Found with every column right. */
  complete: boolean;
  ours: OurAttributionSummary | null;
}

export interface ArticleAttributions {
  entities: readonly Entity[];
  attributions: readonly Attribution[];
}

export function summarise(a: Attribution, entities: readonly Entity[]): OurAttributionSummary {
  const name = (id: string | null) => (id === null ? null : (entities.find((e) => e.id === id)?.name ?? null));
  return {
    id: a.id,
    kind: a.kind,
    content: a.content.map((s) => s.text).join(' '),
    cue: a.cue?.text ?? null,
    source: a.source?.text ?? null,
    speaker: a.speaker === null ? null : { id: a.speaker, name: name(a.speaker) ?? '?' },
    via: a.via.map((v) => ({ entity: v.entity, name: name(v.entity), text: v.span.text })),
  };
}

/** One gold attribution against our attributions of its file. A missed one is wrong on every column. */
export function attributionRow(gold: GoldAttribution, article: ArticleAttributions | undefined, golds: readonly GoldEntity[]): AttributionRow {
  const ours = article ? findAttribution(gold, article.attributions) : null;
  if (!ours || !article) return { gold, found: false, speakerOk: false, cueOk: false, kindOk: false, viaOk: false, complete: false, ours: null };
  const speakerOk = speakerRight(gold.speaker, ours.speaker, article.entities, golds);
  const cueOk = cueRight(gold.cue, ours.cue);
  const kindOk = ours.kind === gold.kind;
  const viaOk = viaRight(gold.via, ours.via, article.entities, golds);
  return { gold, found: true, speakerOk, cueOk, kindOk, viaOk, complete: speakerOk && cueOk && kindOk && viaOk, ours: summarise(ours, article.entities) };
}

export interface AttributionScore {
  rows: AttributionRow[];
  totals: { gold: number; found: number; speaker: number; cue: number; kind: number; via: number; complete: number };
  /** By file key: our attributions that no gold row picked. */
  unmatched: Record<string, OurAttributionSummary[]>;
}

/** Every gold attribution scored; our attributions chosen by no gold row, per file. */
export function scoreAttributions(gold: readonly GoldAttribution[], articles: ReadonlyMap<string, ArticleAttributions>, golds: readonly GoldEntity[]): AttributionScore {
  const rows = gold.map((g) => attributionRow(g, articles.get(g.file), golds));
  const count = (f: (r: AttributionRow) => boolean) => rows.filter(f).length;
  const picked = new Set(rows.filter((r) => r.ours).map((r) => `${r.gold.file}\u0000${r.ours!.id}`));
  const unmatched: Record<string, OurAttributionSummary[]> = {};
  for (const [key, a] of articles) {
    unmatched[key] = a.attributions.filter((x) => !picked.has(`${key}\u0000${x.id}`)).map((x) => summarise(x, a.entities));
  }
  return {
    rows,
    totals: {
      gold: rows.length,
      found: count((r) => r.found),
      speaker: count((r) => r.speakerOk),
      cue: count((r) => r.cueOk),
      kind: count((r) => r.kindOk),
      via: count((r) => r.viaOk),
      complete: count((r) => r.complete),
    },
    unmatched,
  };
}

/** The first `n` characters of a text (whitespace collapsed), with an ellipsis when cut. */
export function excerpt(s: string, n = 40): string {
  const t = norm(s);
  return t.length <= n ? t : `${t.slice(0, n - 1)}…`;
}

/** "Trump campaign", "Washington Post|Telegraph", "(none)". */
export const speakerLabel = (s: GoldAttribution['speaker']): string => (list(s).length ? list(s).join('|') : '(none)');
