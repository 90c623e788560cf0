import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Story } from '../model/schema.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { UsageError } from './args.js';
import type { OptionValues } from './common.js';
import { diagnostic, writeOut, type CliIo } from './io.js';

const FORMATS = ['md', 'json', 'html'] as const;
export type Format = (typeof FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, Format> = { '.md': 'md', '.markdown': 'md', '.json': 'json', '.html': 'html', '.htm': 'html' };

/** --format, else the -o file's extension, else Markdown. */
export function chooseFormat(values: OptionValues): Format {
  const given = values.format;
  if (typeof given === 'string') {
    if (!(FORMATS as readonly string[]).includes(given)) throw new UsageError(`--format ${JSON.stringify(given)} is not one of ${FORMATS.join(', ')}`);
    return given as Format;
  }
  const output = typeof values.output === 'string' ? values.output : null;
  return (output && FORMAT_BY_EXTENSION[extname(output).toLowerCase()]) || 'md';
}

/** Writes the story report to -o FILE (saying so on stderr) or standard output; 2 when the file cannot be written. */
export async function writeReport(story: Story, values: OptionValues, io: CliIo): Promise<0 | 2> {
  const format = chooseFormat(values);
  const rendered = format === 'json' ? `${JSON.stringify(story, null, 2)}\n` : format === 'html' ? renderHtml(story) : renderMarkdown(story);
  const output = typeof values.output === 'string' ? values.output : null;
  if (output && output !== '-') {
    try {
      writeFileSync(output, rendered);
    } catch (error) {
      diagnostic(io, output, `cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return 2;
    }
    const n = story.articles.length;
    io.stderr.write(`parallax: wrote the ${format} report on ${n} article${n === 1 ? '' : 's'} (${story.sources.join(', ')}) to ${output}\n`);
  } else {
    await writeOut(io.stdout, rendered);
  }
  return 0;
}
