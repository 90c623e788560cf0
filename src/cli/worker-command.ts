import { createArticlePipeline } from '../api/extract.js';
import { countOutcome, emptyTally } from '../api/ingest.js';
import { ArticleQueue, type Delivery } from '../queue/article-queue.js';
import { redact, Store, StoreError } from '../store/index.js';
import { UsageError } from './args.js';
import { countOption, storeLocation, type OptionValues } from './common.js';
import { writeOut, type CliIo } from './io.js';
import { describeTally } from './ingest-command.js';

/**
 * `parallax worker`: takes articles from the queue, extracts and stores them, acknowledging each only once it is
 * committed. A failure is retried (with a delay) until the queue's last delivery, then dead-lettered with the reason;
 * a store that cannot be reached stops the worker (exit 3) and leaves the message to the queue.
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

  // One article is stored while the next is extracted: the store's round trips overlap the extraction's CPU.
  let storing: Promise<void> = Promise.resolve();
  try {
    for await (const d of queue.take({ idleMs, signal: stop.signal })) {
      const message = d.message;
      if (!message) {
        await d.deadLetter('not an article message');
        dead++;
        continue;
      }
      let record;
      try {
        record = extract(message.input, message.article, message.messages).record;
      } catch (error) {
        await fail(d, message.input, error);
        continue;
      }
      await storing;
      if (fatal) {
        d.retry(0);
        break;
      }
      storing = store.add(record).then(
        async (result) => {
          d.ack();
          const outcome = { input: message.input, ...result };
          countOutcome(tally, outcome);
          if (values.json) await writeOut(io.stdout, `${JSON.stringify(outcome)}\n`);
        },
        (error: unknown) => fail(d, message.input, error),
      );
    }
    await storing;
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
