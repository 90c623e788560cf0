/** What became of each input of an ingest, and the run's totals (shared by ingest, the worker and the server). */
import type { AddStatus } from '../store/index.js';

export type IngestOutcome =
  | { input: string; status: AddStatus; id: string; story: string; duplicateOf?: string; similarity?: number }
  | { input: string; status: 'failed'; error: string; reason: string };

export interface IngestTally {
  read: number;
  new: number;
  duplicate: number;
  /** Of the duplicates, those that are not word-for-word copies. */
  near: number;
  unchanged: number;
  failed: number;
  /** Failures by error code. */
  reasons: Record<string, number>;
}

export const emptyTally = (): IngestTally => ({ read: 0, new: 0, duplicate: 0, near: 0, unchanged: 0, failed: 0, reasons: {} });

export function countOutcome(tally: IngestTally, outcome: IngestOutcome): void {
  if (outcome.status === 'failed') {
    tally.failed++;
    tally.reasons[outcome.error] = (tally.reasons[outcome.error] ?? 0) + 1;
    return;
  }
  tally.read++;
  tally[outcome.status]++;
  if (outcome.status === 'duplicate' && (outcome.similarity ?? 1) < 1) tally.near++;
}

/** The end-of-run line: read / new / duplicate / already stored / failed (with reasons). */
export function describeTally(t: IngestTally): string {
  const reasons = Object.entries(t.reasons).map(([code, n]) => `${code} ${n}`).join(', ');
  return [
    `read ${t.read}`,
    `new ${t.new}`,
    `duplicates ${t.duplicate}${t.duplicate ? ` (${t.near} near)` : ''}`,
    `already stored ${t.unchanged}`,
    `failed ${t.failed}${reasons ? ` (${reasons})` : ''}`,
  ].join(' · ');
}
