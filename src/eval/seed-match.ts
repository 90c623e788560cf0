/**
 * Matching our entities against a hand-made gold analysis (../shared/fixtures/seed-story/gold.json):
 * the rules of docs/evaluation.md (eval:seed, entities section), as small functions.
 */
import type { Entity } from '../model/schema.js';
import { FUNCTION_WORDS } from './names.js';

export interface GoldEntity {
  name: string;
  type: Entity['type'];
  aliases: string[];
  roles: string[];
  /** Gold file keys (e.g. "A", "B") the entity appears in. */
  in: string[];
}

/** Whitespace collapsed, curly apostrophes straightened, NFC: how names and mention texts are compared. */
export function norm(s: string): string {
  return s.normalize('NFC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim();
}

/** "He", "They": a one-word pronoun or determiner; never used to find or merge an entity. */
export function isPronounLike(alias: string): boolean {
  const words = norm(alias).split(' ');
  return words.length === 1 && FUNCTION_WORDS.has(words[0]!.toLowerCase());
}

/** The gold name and its capitalised aliases (first character upper-case), pronouns left out, deduplicated. */
export function goldNames(gold: Pick<GoldEntity, 'name' | 'aliases'>): string[] {
  const out = new Map<string, string>();
  for (const a of [gold.name, ...gold.aliases]) {
    const n = norm(a);
    if (!n || !/^\p{Lu}/u.test(n) || isPronounLike(n)) continue;
    if (!out.has(n)) out.set(n, n);
  }
  return [...out.values()];
}

/** `Trump's` → `Trump`, `Sanders'` → `Sanders` (after norm). */
export const dropPossessive = (s: string): string => s.replace(/(?<=\S)'s$/, '').replace(/(?<=s)'$/, '');

/** Normalised mention texts of an entity, exactly as written. */
export const mentionTexts = (e: Pick<Entity, 'mentions'>): Set<string> => new Set(e.mentions.map((m) => norm(m.text)));

/** Normalised mention texts, each also without a trailing possessive: what names and aliases are compared with. */
export const mentionNames = (e: Pick<Entity, 'mentions'>): Set<string> => {
  const out = new Set<string>();
  for (const m of e.mentions) {
    const n = norm(m.text);
    out.add(n);
    out.add(dropPossessive(n));
  }
  return out;
};

/**
 * The found rule: our entity's name or one of its mention texts (as written, or without a trailing possessive)
 * equals the gold name or a capitalised alias.
 */
export function entityMatches(gold: Pick<GoldEntity, 'name' | 'aliases'>, ours: Pick<Entity, 'name' | 'mentions'>): boolean {
  const names = new Set(goldNames(gold));
  if (names.has(norm(ours.name))) return true;
  for (const t of mentionNames(ours)) if (names.has(t)) return true;
  return false;
}

export interface Occurrence {
  start: number;
  end: number;
  /** The gold name or alias found. */
  alias: string;
  /** Index of the gold entity it belongs to. */
  entity: number;
}

function aliasPattern(alias: string): RegExp {
  const body = norm(alias)
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2019]"))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
}

/** Word-bounded occurrences of an alias in the text (apostrophes either way, any whitespace between words). */
export function findOccurrences(text: string, alias: string): { start: number; end: number }[] {
  return [...text.matchAll(aliasPattern(alias))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The standalone occurrences of every gold entity's names and capitalised aliases in one article: those not
 * inside a longer occurrence of any gold entity's name or alias ("Harris" inside "Harris for President" is not).
 */
export function standaloneOccurrences(text: string, golds: readonly Pick<GoldEntity, 'name' | 'aliases'>[]): Occurrence[] {
  const all: Occurrence[] = [];
  golds.forEach((g, entity) => {
    for (const alias of goldNames(g)) for (const o of findOccurrences(text, alias)) all.push({ ...o, alias, entity });
  });
  return all.filter((o) => !all.some((p) => p !== o && p.start <= o.start && p.end >= o.end && p.end - p.start > o.end - o.start));
}

export interface AliasMerge {
  /** Capitalised names/aliases of this gold entity with a standalone occurrence in the text. */
  present: string[];
  /** Those the one matched entity has: a mention with that text, or a mention inside one of its occurrences whose text is another name/alias of the entity. */
  merged: string[];
  missing: string[];
}

/** Aliases merged into ONE entity of ours (`primary`); `golds` are all gold entities of the article, `index` this one's. */
export function aliasMerge(text: string, golds: readonly Pick<GoldEntity, 'name' | 'aliases'>[], index: number, primary: Pick<Entity, 'mentions'> | null): AliasMerge {
  const gold = golds[index]!;
  const own = new Set(goldNames(gold));
  const occurrences = standaloneOccurrences(text, golds).filter((o) => o.entity === index);
  const present = [...new Set(occurrences.map((o) => o.alias))];
  const texts = primary ? mentionNames(primary) : new Set<string>();
  const merged = present.filter((alias) => {
    if (!primary) return false;
    if (texts.has(alias)) return true;
    return occurrences.some(
      (o) => o.alias === alias && primary.mentions.some((m) => m.start >= o.start && m.end <= o.end && own.has(dropPossessive(norm(m.text)))),
    );
  });
  return { present, merged, missing: present.filter((a) => !merged.includes(a)) };
}

export interface EntityMatch {
  found: boolean;
  /** Every entity of ours matching by the found rule. */
  matches: Entity[];
  /** The one scored: most mentions whose text is a gold name/alias, then name equal to the gold name, then most mentions, then first. */
  primary: Entity | null;
  typeOk: boolean;
  aliases: AliasMerge;
}

/** Matches one gold entity in one article. `golds` (all gold entities of the article) defaults to just this one. */
export function matchEntity(gold: GoldEntity, ours: readonly Entity[], text: string, golds: readonly GoldEntity[] = [gold]): EntityMatch {
  const matches = ours.filter((e) => entityMatches(gold, e));
  const names = new Set(goldNames(gold));
  const score = (e: Entity): [number, number, number] => [
    e.mentions.filter((m) => names.has(dropPossessive(norm(m.text)))).length,
    norm(e.name) === norm(gold.name) ? 1 : 0,
    e.mentions.length,
  ];
  let primary: Entity | null = null;
  let best: [number, number, number] = [-1, -1, -1];
  for (const e of matches) {
    const s = score(e);
    if (s[0] > best[0] || (s[0] === best[0] && (s[1] > best[1] || (s[1] === best[1] && s[2] > best[2])))) {
      primary = e;
      best = s;
    }
  }
  const all = golds.includes(gold) ? golds : [gold, ...golds];
  return {
    found: primary !== null,
    matches,
    primary,
    typeOk: primary?.type === gold.type,
    aliases: aliasMerge(text, all, all.indexOf(gold), primary),
  };
}

export type RoleHow = 'equal' | 'ours-contains-gold';

const roleNorm = (s: string) => norm(s).toLowerCase().replace(/^(the|a|an) /, '');

function containsWords(long: string, short: string): boolean {
  if (!short) return false;
  const i = ` ${long} `.indexOf(` ${short} `);
  return i >= 0;
}

/**
 * A gold role is found when one of our roles equals it (case-insensitive, whitespace and apostrophes
 * normalised, a leading article dropped) or contains it as whole words ("current Vice President" has
 * "Vice President"). A shorter role of ours does not count: "Prime Minister" is not "Deputy Prime Minister".
 */
export function roleMatch(goldRole: string, ourRoles: readonly string[]): { how: RoleHow; role: string } | null {
  const g = roleNorm(goldRole);
  let found: { how: RoleHow; role: string } | null = null;
  for (const r of ourRoles) {
    const o = roleNorm(r);
    if (o === g) return { how: 'equal', role: r };
    if (!found && containsWords(o, g)) found = { how: 'ours-contains-gold', role: r };
  }
  return found;
}

/** Our person entities whose name or a mention text equals one of the not-a-person strings. */
export function notPeopleHits(notPeople: readonly string[], ours: readonly Entity[]): { text: string; entity: string }[] {
  const hits: { text: string; entity: string }[] = [];
  for (const text of notPeople) {
    const n = norm(text);
    for (const e of ours) {
      if (e.type !== 'person') continue;
      if (norm(e.name) === n || mentionTexts(e).has(n)) hits.push({ text, entity: e.id });
    }
  }
  return hits;
}

/**
 * Whether a person mention's text is listed for a gold person: equal, ignoring case, to the name or any alias
 * (lower-case ones such as "the prime minister" and pronouns included), a trailing possessive dropped.
 */
export function listedPerson(mention: string, goldPeople: readonly Pick<GoldEntity, 'name' | 'aliases'>[]): string | null {
  const t = norm(mention).toLowerCase().replace(/'s?$/, '');
  for (const g of goldPeople) for (const a of [g.name, ...g.aliases]) if (norm(a).toLowerCase() === t) return g.name;
  return null;
}
