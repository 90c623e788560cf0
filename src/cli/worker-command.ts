import { createArticlePipeline } from '../api/article-pipeline.js';
import { countOutcome, describeTally, emptyTally } from '../api/tally.js';
import { ArticleQueue, type Delivery } from '../queue/article-queue.js';
import { redact, Store, StoreError, type AddResult } from '../store/index.js';
import type { ExtractRecord } from '../model/schema.js';
import { UsageError } from './args.js';
import { countOption, storeLocation, type OptionValues } from './option-values.js';
import { writeOut, type CliIo } from './io.js';

/** Articles at most stored in one transaction (more wait for the store before more are taken). */
const DEFAULT_MAX_GROUP = 16;

/**
 * `parallax worker`: takes articles from the queue, extracts and stores them, acknowledging each only once it is
 * committed; articles extracted while the store is busy are committed together (group commit). A failure is retried
 * (with a delay) until the queue's last delivery, then dead-lettered with the reason; a store that cannot be reached
 * stops the worker (exit 3) and leaves the message to the queue.
 */
export async function runWorker(values: OptionValues, io: CliIo): Promise<number> {
  const url = typeof values.queue === 'string' ? values.queue : io.env.PARALLAX_QUEUE;
  if (!url) throw new UsageError('worker needs --queue URL (or env PARALLAX_QUEUE), e.g. nats://127.0.0.1:4222');
  const idleMs = typeof values['idle-exit'] === 'string' ? countOption(values, 'idle-exit', 1) * 1000 : undefined;
  const store = await Store.open(storeLocation(values, io.env));
  let queue: ArticleQueue;
  try {
    queue = await ArticleQueue.open(url);
  } catch (error) {
    await store.close();
    throw error;
  }
  const extract = createArticlePipeline();
  const tally = emptyTally();
  let dead = 0;
  let fatal: Error | null = null;
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  io.stderr.write(`parallax: worker on ${url} → ${redact(storeLocation(values, io.env))}\n`);

  const fail = async (d: Delivery, input: string, error: unknown): Promise<void> => {
    if (error instanceof StoreError && (error.code === 'unreachable' || error.code === 'locked')) {
      d.retry(5000);
      fatal = error;
      stop.abort();
      return;
    }
    const reason = `${(error as Error).name}: ${(error as Error).message}`;
    if (!d.last) return d.retry(1000 * d.deliveries);
    await d.deadLetter(reason);
    dead++;
    io.stderr.write(`parallax: ${input}: dead-lettered after ${d.deliveries} deliveries (${reason})\n`);
  };

  // Articles are stored while the next are extracted (the store's round trips overlap the extraction's CPU), and
  // those extracted meanwhile are stored together: one transaction, one write lock and one commit for the group.
  type Item = { d: Delivery; input: string; record: ExtractRecord };
  let pending: Item[] = [];
  let storing: Promise<void> | null = null;
  const stored = async (batch: readonly Item[], results: ReadonlyArray<AddResult | Error>): Promise<void> => {
    for (const [k, result] of results.entries()) {
      const item = batch[k]!;
      if (result instanceof Error) { await fail(item.d, item.input, result); continue; }
      item.d.ack();
      const outcome = { input: item.input, ...result };
      countOutcome(tally, outcome);
      if (values.json) await writeOut(io.stdout, `${JSON.stringify(outcome)}\n`);
    }
  };
  const flush = (): void => {
    const batch = pending;
    pending = [];
    if (fatal) { for (const item of batch) item.d.retry(0); return; }
    storing = store.addMany(batch.map((item) => item.record))
      .then((results) => stored(batch, results), async (error: unknown) => { for (const item of batch) await fail(item.d, item.input, error); })
      .finally(() => {
        storing = null;
        if (pending.length) flush();
      });
  };
  try {
    for await (const d of queue.take({ idleMs, signal: stop.signal })) {
      const message = d.message;
      if (!message) {
        await d.deadLetter('not an article message');
        dead++;
        continue;
      }
      if (fatal) {
        d.retry(0);
        break;
      }
      // Not while this worker's group holds the write lock: its statements would wait for the extraction, and the
      // other workers for them (2 workers here: the lock held 5.3 ms an article instead of 6.6–8.8).
      await store.unlocked();
      let record;
      try {
        record = extract(message.input, message.article, message.messages).record;
      } catch (error) {
        await fail(d, message.input, error);
        continue;
      }
      pending.push({ d, input: message.input, record });
      if (!storing) flush();
      while (storing && pending.length >= DEFAULT_MAX_GROUP) await storing;
    }
    while (storing) await storing;
    if (pending.length) flush();
    while (storing) await storing;
    if (fatal) throw fatal;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await queue.close();
    await store.close().catch(() => undefined);
    const line = `worker: ${describeTally(tally)} · dead-lettered ${dead}`;
    if (values.json) await writeOut(io.stdout, `${JSON.stringify({ summary: tally, deadLettered: dead })}\n`);
    else await writeOut(io.stdout, `${line}\n`);
  }
  return 0;
}
