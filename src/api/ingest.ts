/**
 * Adding articles to a store: read the inputs, skip articles already stored without extracting them again, extract
 * the rest and store them (copies linked, stories assigned). One outcome per article or failed input, in input order;
 * a failed input never stops the others, a store failure stops the run (what is stored stays stored).
 */
import { readInputs, type IngestOptions } from '../ingest/index.js';
import type { Article, Message } from '../model/schema.js';
import type { AddStatus, Store } from '../store/index.js';
import { createArticlePipeline, type ExtractOptions } from './extract.js';

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

/** Extracts and stores one article already read; an article the store holds is not extracted again. */
export function createArticleIngester(store: Store, options: ExtractOptions = {}) {
  const pipeline = createArticlePipeline(options);
  return async (input: string, article: Article, messages: Message[]): Promise<IngestOutcome> => {
    const stored = await store.storyOfArticle(article.id);
    if (stored) return { input, status: 'unchanged', id: article.id, story: stored };
    const { record } = pipeline(input, article, messages);
    return { input, ...(await store.add(record)) };
  };
}

/** Reads the inputs and stores every article; yields one outcome per article or failed input. */
export async function* ingestStream(inputs: string[], store: Store, options: ExtractOptions & IngestOptions = {}): AsyncGenerator<IngestOutcome> {
  const ingestOne = createArticleIngester(store, options);
  for await (const result of readInputs(inputs, options)) {
    if (!result.ok) yield { input: result.error.input, status: 'failed', error: result.error.code, reason: result.error.reason };
    else yield await ingestOne(result.input, result.article, result.messages);
  }
}
