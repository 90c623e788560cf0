/**
 * The entity index's keys (SQLite): each canonical entity id an article names becomes one word of a contentless FTS5
 * index, so `--entity` finds the articles naming it through the index as before. An FTS5 index takes an article's
 * keys as one document, written with the commit as a new segment and merged later; a B-tree row per entity (the
 * table PostgreSQL keeps) made each article write about twenty pages at random places once the store outgrew its
 * page cache (docs/scaling.md).
 */

/** 64 bits of FNV-1a in two halves (one 32-bit hash over a million ids would collide about a hundred times). */
function hash64(text: string): [number, number] {
  let a = 0x811c9dc5, b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a >>> 0, b >>> 0];
}

/** The index word of a canonical entity id: a letter and base-36 digits, one token to FTS5's tokenizer. */
export function entityKey(canonical: string): string {
  const [a, b] = hash64(canonical);
  return `e${a.toString(36)}x${b.toString(36)}`;
}

/** An article's index document: the keys of its entities, each once. */
export function entityDocument(canonicals: Iterable<string>): string {
  return [...new Set([...canonicals].map(entityKey))].join(' ');
}

/** The MATCH expression for articles naming any of these canonical ids. */
export function entityMatch(canonicals: readonly string[]): string {
  return [...new Set(canonicals.map(entityKey))].join(' OR ');
}
