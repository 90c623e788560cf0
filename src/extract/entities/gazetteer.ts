import type { EntityType } from '../../model/schema.js';
import { INSTITUTIONS, type InstitutionKind } from './lexicon/organizations.js';
import { COUNTRIES, US_STATES } from './lexicon/places.js';
import type { TokenView } from './token-view.js';

export interface GazetteerEntry {
  canonical: string;
  type: EntityType;
  /** For institutions: what kind of body it is. */
  kind?: InstitutionKind;
  source: 'country' | 'state' | 'institution';
}

export interface GazetteerMatch {
  tokenStart: number;
  tokenEnd: number;
  entry: GazetteerEntry;
}

/** Alias forms compared token by token: "U.K." stays "U.K.", "the BBC" drops its article. */
function aliasTokens(alias: string): string[] {
  return alias
    .replace(/^the\s+/i, '')
    .replace(/'s\b/g, " 's")
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * Case-sensitive multi-word lookup of the alias tables over tokens, longest match first,
 * so "North Carolina" wins over "Carolina" and "Washington Post" over "Washington".
 */
export function createGazetteer() {
  const byFirst = new Map<string, { tokens: string[]; entry: GazetteerEntry }[]>();
  const add = (alias: string, entry: GazetteerEntry) => {
    const tokens = aliasTokens(alias);
    if (tokens.length === 0) return;
    const list = byFirst.get(tokens[0]!) ?? [];
    list.push({ tokens, entry });
    byFirst.set(tokens[0]!, list);
  };
  for (const c of COUNTRIES) {
    const entry: GazetteerEntry = { canonical: c.name, type: 'place', source: 'country' };
    for (const alias of [c.name, ...c.aliases]) add(alias, entry);
  }
  for (const s of US_STATES) add(s, { canonical: s, type: 'place', source: 'state' });
  for (const inst of INSTITUTIONS) {
    const entry: GazetteerEntry = { canonical: inst.name, type: 'organization', kind: inst.kind, source: 'institution' };
    for (const alias of [inst.name, ...inst.aliases]) add(alias, entry);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  /** Every match starting at token i, longest first. */
  function matchAt(view: TokenView, i: number): GazetteerMatch | null {
    const candidates = byFirst.get(view.word(i));
    if (!candidates) return null;
    for (const c of candidates) {
      if (i + c.tokens.length > view.count) continue;
      let ok = true;
      for (let k = 1; k < c.tokens.length && ok; k++) ok = view.word(i + k) === c.tokens[k];
      if (ok) return { tokenStart: i, tokenEnd: i + c.tokens.length, entry: c.entry };
    }
    return null;
  }

  /** Look up a name as written (e.g. an entity name) in the tables. */
  function lookup(name: string): GazetteerEntry | null {
    const tokens = aliasTokens(name);
    const candidates = byFirst.get(tokens[0] ?? '');
    return candidates?.find((c) => c.tokens.length === tokens.length && c.tokens.every((t, k) => t === tokens[k]))?.entry ?? null;
  }

  return { matchAt, lookup };
}

export type Gazetteer = ReturnType<typeof createGazetteer>;
