import { buildStory } from '../story/build-story.js';
import { collectRecords, ingestOptions, type OptionValues } from './common.js';
import type { CliIo } from './io.js';
import { chooseFormat, writeReport } from './report-output.js';
import { exitStatus } from './status.js';

export async function runAnalyze(inputs: string[], values: OptionValues, io: CliIo): Promise<number> {
  chooseFormat(values);
  const options = ingestOptions(values, io);
  const { records, failed } = await collectRecords(inputs, options, io, 'analyze');
  const status = exitStatus(records.length, failed);
  if (records.length === 0) return status;
  const written = await writeReport(buildStory(records), values, io);
  return written === 0 ? status : written;
}
