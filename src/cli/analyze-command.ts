import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { buildStory } from '../story/build-story.js';
import { UsageError } from './args.js';
import { collectRecords, ingestOptions, type OptionValues } from './common.js';
import { diagnostic, writeOut, type CliIo } from './io.js';
import { exitStatus } from './status.js';

const FORMATS = ['md', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, Format> = { '.md': 'md', '.markdown': 'md', '.json': 'json', '.html': 'html', '.htm': 'html' };

function chooseFormat(values: OptionValues): Format {
  const given = values.format;
  if (typeof given === 'string') {
    if (!(FORMATS as readonly string[]).includes(given)) throw new UsageError(`--format ${JSON.stringify(given)} is not one of ${FORMATS.join(', ')}`);
    return given as Format;
  }
  const output = typeof values.output === 'string' ? values.output : null;
  return (output && FORMAT_BY_EXTENSION[extname(output).toLowerCase()]) || 'md';
}

export async function runAnalyze(inputs: string[], values: OptionValues, io: CliIo): Promise<number> {
  const format = chooseFormat(values);
  const options = ingestOptions(values, io);
  const { records, failed } = await collectRecords(inputs, options, io, 'analyze');
  const status = exitStatus(records.length, failed);
  if (records.length === 0) return status;
  const story = buildStory(records);
  const rendered = format === 'json' ? `${JSON.stringify(story, null, 2)}\n` : format === 'html' ? renderHtml(story) : renderMarkdown(story);
  const output = typeof values.output === 'string' ? values.output : null;
  if (output && output !== '-') {
    try {
      writeFileSync(output, rendered);
    } catch (error) {
      diagnostic(io, output, `cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return 2;
    }
    io.stderr.write(`parallax: wrote the ${format} report on ${records.length} article${records.length === 1 ? '' : 's'} (${story.sources.join(', ')}) to ${output}\n`);
  } else {
    await writeOut(io.stdout, rendered);
  }
  return status;
}
