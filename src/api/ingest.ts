/**
 * Adding articles to a store: read the inputs, skip articles already stored without extracting them again, extract
 * the rest and store them (copies linked, stories assigned). One outcome per article or failed input, in input order;
 * a failed input never stops the others, a store failure stops the run (what is stored stays stored).
 */
import { readFeedItems, readInputs, type IngestOptions, type IngestResult } from '../ingest/index.js';
import type { Article, ExtractRecord, Message } from '../model/schema.js';
import type { Store } from '../store/index.js';
import type { IngestOutcome } from './tally.js';
import { createArticlePipeline } from './article-pipeline.js';
import type { ExtractOptions } from './extract.js';

export { countOutcome, describeTally, emptyTally, type IngestOutcome, type IngestTally } from './tally.js';

type Pipeline = ReturnType<typeof createArticlePipeline>;

/** An article the store holds already gives its `unchanged` outcome and is not extracted again; any other, its record. */
async function extractUnlessStored(store: Store, pipeline: Pipeline, input: string, article: Article, messages: Message[]): Promise<{ outcome: IngestOutcome } | { record: ExtractRecord }> {
  const story = await store.storyOfArticle(article.id);
  if (story) return { outcome: { input, status: 'unchanged', id: article.id, story } };
  return { record: pipeline(input, article, messages).record };
}

/** Extracts and stores one article already read; an article the store holds is not extracted again. */
export function createArticleIngester(store: Store, options: ExtractOptions = {}) {
  const pipeline = createArticlePipeline(options);
  return async (input: string, article: Article, messages: Message[]): Promise<IngestOutcome> => {
    const read = await extractUnlessStored(store, pipeline, input, article, messages);
    return 'outcome' in read ? read.outcome : { input, ...(await store.add(read.record)) };
  };
}

/** What a watching ingest remembers between reads: the feed items done, and the URLs that turned out to be pages. */
export interface WatchState {
  seen: Set<string>;
  pages: Set<string>;
}

export const newWatchState = (): WatchState => ({ seen: new Set(), pages: new Set() });

const FEED_LIKE = /^https?:\/\/|\.(rss|atom|rdf|xml)(\.gz)?$/i;

/**
 * The inputs as a poller reads them: feeds item by item, skipping items done in an earlier read before any page is
 * fetched; a URL that is a page, not a feed, is read as a page (and remembered as one); anything else as usual.
 */
async function* readWatched(inputs: string[], options: IngestOptions, state: WatchState): AsyncGenerator<IngestResult> {
  if (inputs.length === 0) yield* readInputs(inputs, options);
  for (const input of inputs) {
    if (!FEED_LIKE.test(input) || state.pages.has(input)) {
      yield* readInputs([input], options);
      continue;
    }
    const items = readFeedItems(input, { source: options.source, published: options.published, maxBytes: options.maxBytes, fetchTimeoutMs: options.fetchTimeoutMs, followLinks: options.followFeedLinks, seen: state.seen });
    for await (const item of items) {
      if (item.key === null) {
        const notAFeed = !item.ok && /^https?:/i.test(input) && (item.error.code === 'unsupported' || item.error.code === 'bad-feed');
        if (notAFeed) {
          state.pages.add(input);
          yield* readInputs([input], options);
        } else {
          yield item;
        }
        break;
      }
      const { key, ...result } = item;
      yield result;
      // Reached only once the article is stored (or failed for good): a page that could not be fetched is tried again.
      if (result.ok || result.error.code !== 'fetch-failed') state.seen.add(key);
    }
  }
}

/**
 * Articles at most stored in one transaction by an ingest: a group commit (one write lock, one commit, each index
 * page written once for the group) keeps the time per article flat as the store grows (docs/scaling.md). At 37,000
 * stored articles, 64 took the store's part from 7.7 to 6.4 ms an article against 16; a group is under a second of
 * extraction, so a progress bar still moves.
 */
export const DEFAULT_INGEST_GROUP = 64;

type Pending = IngestOutcome | { input: string; record: ExtractRecord };

/**
 * Reads the inputs and stores every article; yields one outcome per article or failed input, in input order.
 * Extracted articles are stored in groups of up to `group` (default DEFAULT_INGEST_GROUP; one at a time when
 * watching, so that a feed item counts as done only once it is stored).
 */
export async function* ingestStream(inputs: string[], store: Store, options: ExtractOptions & IngestOptions & { watch?: WatchState; group?: number } = {}): AsyncGenerator<IngestOutcome> {
  const pipeline = createArticlePipeline(options);
  const group = options.watch ? 1 : Math.max(1, options.group ?? DEFAULT_INGEST_GROUP);
  const results = options.watch ? readWatched(inputs, options, options.watch) : readInputs(inputs, options);
  let pending: Pending[] = [];
  let records = 0;
  // The group's outcomes in input order; a store failure is thrown where its article stands (what came before it is stored).
  async function* flush(): AsyncGenerator<IngestOutcome> {
    const batch = pending;
    pending = [];
    records = 0;
    const toStore = batch.flatMap((p) => ('record' in p ? [p.record] : []));
    const stored = toStore.length ? await store.addMany(toStore) : [];
    let k = 0;
    for (const item of batch) {
      if (!('record' in item)) { yield item; continue; }
      const result = stored[k++]!;
      if (result instanceof Error) throw result;
      yield { input: item.input, ...result };
    }
  }
  for await (const result of results) {
    if (!result.ok) {
      pending.push({ input: result.error.input, status: 'failed', error: result.error.code, reason: result.error.reason });
    } else {
      const read = await extractUnlessStored(store, pipeline, result.input, result.article, result.messages);
      if ('outcome' in read) pending.push(read.outcome);
      else {
        pending.push({ input: result.input, record: read.record });
        records++;
      }
    }
    if (records === 0 || records >= group) yield* flush();
  }
  yield* flush();
}
