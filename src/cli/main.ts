import { InputError } from '../ingest/errors.js';
import { formatHelp, parseArgs, UsageError, type ParsedArgs } from './args.js';
import { diagnostic, processIo, type CliIo } from './io.js';
import { packageVersion } from './version.js';

type Run = Extract<ParsedArgs, { kind: 'run' }>;

/** Each command's module, loaded only when it runs so that `--help` stays instant. */
const COMMAND_RUNNERS: Record<string, (run: Run, io: CliIo) => Promise<number>> = {
  extract: async (r, io) => (await import('./extract-command.js')).runExtract(r.inputs, r.values, io),
  analyze: async (r, io) => (await import('./analyze-command.js')).runAnalyze(r.inputs, r.values, io),
  cluster: async (r, io) => (await import('./cluster-command.js')).runCluster(r.inputs, r.values, io),
  ingest: async (r, io) => (await import('./ingest-command.js')).runIngest(r.inputs, r.values, io),
  stories: async (r, io) => (await import('./query-commands.js')).runStories(r.values, io),
  story: async (r, io) => (await import('./query-commands.js')).runStory(r.inputs, r.values, io),
  search: async (r, io) => (await import('./query-commands.js')).runSearch(r.inputs, r.values, io),
  serve: async (r, io) => (await import('./serve-command.js')).runServe(r.values, io),
  worker: async (r, io) => (await import('./worker-command.js')).runWorker(r.values, io),
};

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
    const runner = COMMAND_RUNNERS[parsed.command.name];
    if (!runner) throw new TypeError(`no runner for command ${parsed.command.name}`);
    return await runner(parsed, io);
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
