/**
 * Clustering scores (../shared/docs/data.md): pairwise precision, recall and F1 over the pairs of articles that
 * share a story, and BCubed — for each article, precision = |predicted story ∩ gold story| / |predicted story|,
 * recall the same over |gold story|, averaged over articles; F1 the harmonic mean.
 */
export interface ClusterScore {
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
  predictedStories: number;
  goldStories: number;
}

const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);

/** `gold[i]` and `predicted[i]` are article i's story labels. */
export function scoreClusters(gold: readonly string[], predicted: readonly string[]): ClusterScore {
  if (gold.length !== predicted.length) throw new RangeError('scoreClusters: gold and predicted differ in length');
  const n = gold.length;
  const cell = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const predSize = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${gold[i]}\u0000${predicted[i]}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
    goldSize.set(gold[i]!, (goldSize.get(gold[i]!) ?? 0) + 1);
    predSize.set(predicted[i]!, (predSize.get(predicted[i]!) ?? 0) + 1);
  }
  const pairs = (k: number): number => (k * (k - 1)) / 2;
  let tp = 0;
  for (const c of cell.values()) tp += pairs(c);
  let predPairs = 0, goldPairs = 0;
  for (const s of predSize.values()) predPairs += pairs(s);
  for (const s of goldSize.values()) goldPairs += pairs(s);
  const pp = predPairs ? tp / predPairs : 1, pr = goldPairs ? tp / goldPairs : 1;
  let bp = 0, br = 0;
  for (let i = 0; i < n; i++) {
    const both = cell.get(`${gold[i]}\u0000${predicted[i]}`)!;
    bp += both / predSize.get(predicted[i]!)!;
    br += both / goldSize.get(gold[i]!)!;
  }
  bp /= n || 1;
  br /= n || 1;
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    bcubed: { precision: bp, recall: br, f1: f1(bp, br) },
    predictedStories: predSize.size,
    goldStories: goldSize.size,
  };
}
