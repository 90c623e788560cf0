import { countOutcome, describeTally, emptyTally, ingestStream, newWatchState } from '../api/ingest.js';
import { Store } from '../store/index.js';
import { countOption, ingestOptions, storeLocation, type OptionValues } from './common.js';
import { diagnostic, writeOut, type CliIo } from './io.js';
import { createProgress } from './progress.js';
import { exitStatus } from './status.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

/**
 * `parallax ingest`: every input into the store, with a progress bar on a terminal and a summary at the end. With
 * `--watch` the inputs are read again every interval until interrupted; stored articles are skipped unextracted.
 */
export async function runIngest(inputs: string[], values: OptionValues, io: CliIo): Promise<number> {
  const options = ingestOptions(values, io);
  const interval = countOption(values, 'interval', 300);
  if (typeof values.queue === 'string') {
    const { runPublish } = await import('./publish-command.js');
    return runPublish(inputs, values.queue, options, io);
  }
  const location = storeLocation(values, io.env);
  const store = await Store.open(location);
  const tally = emptyTally();
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  if (values.watch) process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const verbose = Boolean(values.json);
  const watch = values.watch ? newWatchState() : undefined;
  try {
    for (let round = 1; ; round++) {
      const progress = createProgress(io, round === 1 ? 'ingest' : `ingest (round ${round})`, inputs.length || options.manifest?.entries.length || 1);
      try {
        for await (const outcome of ingestStream(inputs, store, { ...options, watch })) {
          countOutcome(tally, outcome);
          progress.tick(outcome.status === 'failed');
          if (verbose) await writeOut(io.stdout, `${JSON.stringify(outcome)}\n`);
          else if (outcome.status === 'failed') diagnostic(io, outcome.input, outcome.reason);
          if (stop.signal.aborted) break;
        }
      } finally {
        progress.stop();
      }
      if (!values.watch || stop.signal.aborted) break;
      if (!verbose) io.stderr.write(`parallax: ${describeTally(tally)}; next read in ${interval} s (Ctrl-C stops)\n`);
      await sleep(interval * 1000, stop.signal);
      if (stop.signal.aborted) break;
    }
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    const totals = await store.count().catch(() => null);
    await store.close().catch(() => undefined);
    const where = totals ? ` — ${location}: ${plural(totals.articles, 'article')} in ${plural(totals.stories, 'story', 'stories')}` : '';
    if (verbose) await writeOut(io.stdout, `${JSON.stringify({ summary: tally, store: totals })}\n`);
    else await writeOut(io.stdout, `ingest: ${describeTally(tally)}${where}\n`);
  }
  return exitStatus(tally.read, tally.failed);
}
