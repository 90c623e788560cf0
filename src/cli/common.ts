import { extractStream, type ExtractOptions } from '../api/extract.js';
import { InputError, maxBytesFromEnv, normalizePublished, readManifest, type IngestOptions } from '../ingest/index.js';
import type { ExtractRecord } from '../model/schema.js';
import { UsageError } from './args.js';
import { diagnostic, type CliIo } from './io.js';
import { createProgress } from './progress.js';
import type { OptionValues } from './option-values.js';
import { reportMessages } from './status.js';

export { countOption, storeLocation, type OptionValues } from './option-values.js';

/** Validates the shared input options; a bad value is a usage error (exit 2), a bad manifest an input error. */
export function ingestOptions(values: OptionValues, io: CliIo): IngestOptions {
  const options: IngestOptions = { stdin: io.stdin };
  if (typeof values.source === 'string') options.source = values.source;
  if (typeof values.url === 'string') options.url = values.url;
  if (typeof values.published === 'string') {
    if (normalizePublished(values.published) === null) {
      throw new UsageError(`--published ${JSON.stringify(values.published)} is not a date (use ISO 8601, e.g. 2024-10-23)`);
    }
    options.published = values.published;
  }
  const rawMax = typeof values['max-bytes'] === 'string' ? values['max-bytes'] : undefined;
  if (rawMax !== undefined) {
    const n = Number(rawMax);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-bytes ${JSON.stringify(rawMax)} is not a positive whole number of bytes`);
    options.maxBytes = n;
  } else {
    const fromEnv = maxBytesFromEnv(io.env);
    if (fromEnv) options.maxBytes = fromEnv;
  }
  if (typeof values.manifest === 'string') options.manifest = readManifest(values.manifest);
  return options;
}

export { InputError };

/**
 * Every record the inputs give, with a progress bar (`label`) on a terminal; each failed input is one line on
 * stderr and counted, the others still read.
 */
export async function collectRecords(inputs: string[], options: ExtractOptions & IngestOptions, io: CliIo, label: string): Promise<{ records: ExtractRecord[]; failed: number }> {
  const records: ExtractRecord[] = [];
  let failed = 0;
  const progress = createProgress(io, label, inputs.length || options.manifest?.entries.length || 1);
  try {
    for await (const outcome of extractStream(inputs, options)) {
      progress.tick(!outcome.ok);
      if (outcome.ok) {
        reportMessages(io, outcome.record);
        records.push(outcome.record);
      } else {
        failed++;
        diagnostic(io, outcome.error.input, outcome.error.reason);
      }
    }
  } finally {
    progress.stop();
  }
  return { records, failed };
}
