/** Exact span-and-type scoring for the NER evaluation (PER, ORG, LOC; MISC left out on both sides). */

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface Scored extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** Types scored, as indexes into ENTITY_TYPES. */
export const SCORED_TYPES = [0, 1, 2] as const;

export function prf(c: Counts): Scored {
  const precision = c.predicted ? c.correct / c.predicted : 0;
  const recall = c.gold ? c.correct / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

type Span = { start: number; end: number; type: number };

/** Adds one article's exact matches per type (a multiset match) to `counts` (indexed by type). */
export function addMatches(counts: Counts[], gold: readonly Span[], predicted: readonly Span[]): void {
  const key = (s: Span): string => `${s.type}:${s.start}:${s.end}`;
  const pool = new Map<string, number>();
  for (const g of gold) {
    if (!counts[g.type]) continue;
    counts[g.type]!.gold++;
    pool.set(key(g), (pool.get(key(g)) ?? 0) + 1);
  }
  for (const p of predicted) {
    if (!counts[p.type]) continue;
    counts[p.type]!.predicted++;
    const left = pool.get(key(p)) ?? 0;
    if (left > 0) {
      counts[p.type]!.correct++;
      pool.set(key(p), left - 1);
    }
  }
}

export const newCounts = (): Counts[] => SCORED_TYPES.map(() => ({ gold: 0, predicted: 0, correct: 0 }));

export function micro(counts: readonly Counts[]): Scored {
  return prf(counts.reduce((a, c) => ({ gold: a.gold + c.gold, predicted: a.predicted + c.predicted, correct: a.correct + c.correct }), { gold: 0, predicted: 0, correct: 0 }));
}
