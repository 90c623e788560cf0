/**
 * Entities across the articles of a story: the same referent gets one story id and one name in
 * every outlet. Entities join by their canonical key (alias tables make "U.K." and "Britain" one
 * place); a person known in one article only by surname joins the one full name with that surname (or, named as a
 * family name and no full name ending in it, the one that begins with it: "Mr. Moon" and "Moon Jae-in").
 */
import type { Article, Entity, ExtractRecord } from '../model/schema.js';
import { PERSON_TITLE_ABBREVIATIONS } from '../lexicon/titles.js';

export interface StoryEntityRef {
  /** Index of the article in the story. */
  article: number;
  /** The entity's id inside that article. */
  entity: string;
}

export interface StoryEntity {
  id: string;
  canonical: string;
  type: Entity['type'];
  name: string;
  roles: string[];
  aliases: string[];
  mentions: number;
  in: StoryEntityRef[];
}

/** An abbreviated honorific or title right before a name: "Mr. Moon", "Sen. Warren". */
const HONORIFIC_BEFORE = new RegExp(`(?:^|[\\s(“"'‘])(?:${PERSON_TITLE_ABBREVIATIONS.join('|')})\\.?\\s+$`);

/**
 * surnameUse: whether the article names this one-word person as a family name — after an honorific or with its
 * title in front ("Mr. Moon", "President Xi"); not a given name used alone ("a man who gave his name as Michel").
 */
function usedAsSurname(e: Entity, text: string | undefined): boolean {
  if (text === undefined) return false;
  return e.mentions.some((m) => {
    const before = text.slice(Math.max(0, m.start - 60), m.start);
    if (HONORIFIC_BEFORE.test(before)) return true;
    const lower = before.toLowerCase();
    return /\s$/.test(before) && e.roles.some((r) => lower.trimEnd().endsWith(r.toLowerCase()));
  });
}

function fallbackCanonical(e: Entity): string {
  return `${e.type}:${e.name.toLowerCase()}`;
}

export function mergeStoryEntities(records: ReadonlyArray<Pick<ExtractRecord, 'entities'> & { article?: Pick<Article, 'text'> }>): StoryEntity[] {
  const byKey = new Map<string, StoryEntity>();
  const order: StoryEntity[] = [];
  const pending: { e: Entity; article: number; surname: boolean }[] = [];
  /** Each story entity's aliases as a set (a frequent entity has hundreds over a large story). */
  const aliasesOf = new Map<StoryEntity, Set<string>>();
  records.forEach((r, article) => {
    for (const e of r.entities) {
      const key = e.canonical ?? fallbackCanonical(e);
      // One-word person names wait until every full name of the story is known.
      if (e.type === 'person' && !e.name.includes(' ')) {
        pending.push({ e, article, surname: usedAsSurname(e, r.article?.text) });
        continue;
      }
      add(key, e, article);
    }
  });
  // The full names by surname (one-word names never become full names, so this stays true while they are added).
  const fullNames = new Map<string, StoryEntity[]>();
  for (const s of order) {
    if (s.type !== 'person' || !s.name.includes(' ')) continue;
    const surname = s.name.toLowerCase().split(' ').at(-1)!;
    (fullNames.get(surname) ?? fullNames.set(surname, []).get(surname)!).push(s);
  }
  // …and by their first word, for names whose family name comes first.
  const byFirstWord = new Map<string, StoryEntity[]>();
  for (const list of fullNames.values()) {
    for (const s of list) {
      const first = s.name.toLowerCase().split(' ')[0]!;
      (byFirstWord.get(first) ?? byFirstWord.set(first, []).get(first)!).push(s);
    }
  }
  // Words the story also names as something other than a person ("Google", "Pyongyang"): a one-word "person" of
  // that name is likelier the tagger's mistake than someone's family name.
  const otherNames = new Set<string>();
  for (const s of order) if (s.type !== 'person') for (const n of [s.name, ...s.aliases]) otherNames.add(n.toLowerCase());
  for (const { e, article, surname } of pending) {
    const name = e.name.toLowerCase();
    const bySurname = fullNames.get(name) ?? [];
    // familyNameFirst: "Mr. Moon" is "Moon Jae-in", "President Xi" "Xi Jinping" — a one-word name used as a family
    // name (surnameUse), when no full name of the story ends in it (that reading comes first), exactly one begins
    // with it, and the story names nothing else so.
    const full = bySurname.length > 0 ? bySurname : surname && !otherNames.has(name) ? byFirstWord.get(name) ?? [] : [];
    add(full.length === 1 ? full[0]!.canonical : (e.canonical ?? fallbackCanonical(e)), e, article);
  }
  return order.map((s, k) => ({ ...s, id: `s${k + 1}` }));

  function add(key: string, e: Entity, article: number): void {
    let s = byKey.get(key);
    if (!s) {
      s = { id: '', canonical: key, type: e.type, name: e.name, roles: [], aliases: [], mentions: 0, in: [] };
      byKey.set(key, s);
      order.push(s);
    } else if (e.name.split(' ').length > s.name.split(' ').length) {
      s.name = e.name;
    }
    for (const role of e.roles) if (!s.roles.some((r) => r.toLowerCase() === role.toLowerCase())) s.roles.push(role);
    let seen = aliasesOf.get(s);
    if (!seen) aliasesOf.set(s, (seen = new Set(s.aliases)));
    for (const m of e.mentions) if (!seen.has(m.text)) { seen.add(m.text); s.aliases.push(m.text); }
    s.mentions += e.mentions.length;
    s.in.push({ article, entity: e.id });
  }
}
