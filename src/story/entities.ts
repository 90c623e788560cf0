/**
 * Entities across the articles of a story: the same referent gets one story id and one name in
 * every outlet. Entities join by their canonical key (alias tables make "U.K." and "Britain" one
 * place); a person known in one article only by surname joins the one full name with that surname.
 */
import type { Entity, ExtractRecord } from '../model/schema.js';

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

function fallbackCanonical(e: Entity): string {
  return `${e.type}:${e.name.toLowerCase()}`;
}

export function mergeStoryEntities(records: readonly Pick<ExtractRecord, 'entities'>[]): StoryEntity[] {
  const byKey = new Map<string, StoryEntity>();
  const order: StoryEntity[] = [];
  const pending: { e: Entity; article: number }[] = [];
  /** Each story entity's aliases as a set (a frequent entity has hundreds over a large story). */
  const aliasesOf = new Map<StoryEntity, Set<string>>();
  records.forEach((r, article) => {
    for (const e of r.entities) {
      const key = e.canonical ?? fallbackCanonical(e);
      // One-word person names wait until every full name of the story is known.
      if (e.type === 'person' && !e.name.includes(' ')) {
        pending.push({ e, article });
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
  for (const { e, article } of pending) {
    const full = fullNames.get(e.name.toLowerCase()) ?? [];
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
