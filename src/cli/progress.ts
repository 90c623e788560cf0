import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

export interface Progress {
  tick(failed: boolean): void;
  stop(): void;
}

const SILENT: Progress = { tick() {}, stop() {} };

/**
 * A progress bar on stderr, only when stderr is a terminal (never in pipes, logs or CI).
 * The total grows when JSONL files hold more records than the files counted up front.
 */
export function createProgress(io: CliIo, label: string, expected: number): Progress {
  if (!io.stderr.isTTY || io.env.CI === 'true') return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr,
      format: `${label} {bar} {value}/{total} | {failed} failed | {rate}/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  let failed = 0;
  let total = Math.max(1, expected);
  bar.start(total, 0, { failed: 0, rate: '0' });
  return {
    tick(didFail) {
      done++;
      if (didFail) failed++;
      if (done > total) {
        total = done;
        bar.setTotal(total);
      }
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(done, { failed, rate: (done / seconds).toFixed(1) });
    },
    stop() {
      bar.stop();
    },
  };
}
