/**
 * The article-extraction benchmark's score (../shared/docs/data.md): texts split into words (`[\p{L}\p{N}_]+`),
 * overlapping word 4-grams counted as multisets; per page TP, FP, FN (precision and recall are ratios, so scaling
 * the three to sum to 1 changes nothing); precision and recall averaged over pages — a page with no output is left
 * out of the precision average — and F1 the harmonic mean of the two averages.
 */

/** Words of the benchmark's tokenisation. */
export const benchmarkWords = (text: string): string[] => text.match(/[\p{L}\p{N}_]+/gu) ?? [];

/** Shingle length. */
export const SHINGLE = 4;

/** The word 4-grams of a text as a multiset; a text shorter than four words is one shingle of all its words. */
export function shingles(text: string, n = SHINGLE): Map<string, number> {
  const words = benchmarkWords(text);
  const out = new Map<string, number>();
  if (words.length === 0) return out;
  if (words.length < n) { out.set(words.join(' '), 1); return out; }
  for (let i = 0; i + n <= words.length; i++) {
    const key = words.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  /** Null when the extractor gave no text (left out of the precision average). */
  precision: number | null;
  recall: number;
}

export function scorePage(predicted: string, truth: string): PageScore {
  const p = shingles(predicted), t = shingles(truth);
  let tp = 0, fp = 0, fn = 0;
  for (const [k, n] of p) { const m = t.get(k) ?? 0; tp += Math.min(n, m); fp += Math.max(0, n - m); }
  for (const [k, m] of t) fn += Math.max(0, m - (p.get(k) ?? 0));
  const precision = p.size === 0 ? null : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? (p.size === 0 ? 1 : 0) : tp / (tp + fn);
  return { tp, fp, fn, precision, recall };
}

export interface BenchmarkScore {
  pages: number;
  /** Pages with output (the precision average's pages). */
  withOutput: number;
  precision: number;
  recall: number;
  f1: number;
}

export function aggregate(scores: readonly PageScore[]): BenchmarkScore {
  const withOutput = scores.filter((s) => s.precision !== null);
  const precision = withOutput.length ? withOutput.reduce((n, s) => n + s.precision!, 0) / withOutput.length : 0;
  const recall = scores.length ? scores.reduce((n, s) => n + s.recall, 0) / scores.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { pages: scores.length, withOutput: withOutput.length, precision, recall, f1 };
}
