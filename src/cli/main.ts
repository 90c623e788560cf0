import { readFileSync } from 'node:fs';
import { InputError } from '../ingest/index.js';
import { formatHelp, parseArgs, UsageError } from './args.js';
import { diagnostic, processIo, type CliIo } from './io.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI; returns the exit status. Known errors print one line, unknown ones propagate with their stack. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'version') {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    if (parsed.kind === 'help') {
      io.stdout.write(`${formatHelp(parsed.command, packageVersion())}\n`);
      return 0;
    }
    // Subcommands are loaded lazily so `--help` stays instant.
    if (parsed.command.name === 'extract') {
      const { runExtract } = await import('./extract-command.js');
      return await runExtract(parsed.inputs, parsed.values, io);
    }
    if (parsed.command.name === 'cluster') {
      const { runCluster } = await import('./cluster-command.js');
      return await runCluster(parsed.inputs, parsed.values, io);
    }
    if (parsed.command.name === 'ingest') {
      const { runIngest } = await import('./ingest-command.js');
      return await runIngest(parsed.inputs, parsed.values, io);
    }
    if (parsed.command.name === 'stories') {
      const { runStories } = await import('./query-commands.js');
      return await runStories(parsed.values, io);
    }
    if (parsed.command.name === 'story') {
      const { runStory } = await import('./query-commands.js');
      return await runStory(parsed.inputs, parsed.values, io);
    }
    if (parsed.command.name === 'search') {
      const { runSearch } = await import('./query-commands.js');
      return await runSearch(parsed.inputs, parsed.values, io);
    }
    if (parsed.command.name === 'serve') {
      const { runServe } = await import('./serve-command.js');
      return await runServe(parsed.values, io);
    }
    if (parsed.command.name === 'worker') {
      const { runWorker } = await import('./worker-command.js');
      return await runWorker(parsed.values, io);
    }
    const { runAnalyze } = await import('./analyze-command.js');
    return await runAnalyze(parsed.inputs, parsed.values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`parallax: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      diagnostic(io, error.input, error.reason);
      return 2;
    }
    // The store or the queue failed (locked, corrupt, unreachable): 3, so scripts can tell it from bad input.
    if (error instanceof Error && (error.name === 'StoreError' || error.name === 'QueueError')) {
      io.stderr.write(`parallax: ${error.message}
`);
      return 3;
    }
    throw error;
  }
}
