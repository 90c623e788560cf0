import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from './options.js';

export type ParsedArgs =
  | { kind: 'help'; command: CommandSpec | null }
  | { kind: 'version' }
  | { kind: 'run'; command: CommandSpec; inputs: string[]; values: Record<string, string | boolean | undefined> };

/** Wrong usage: printed as one line and exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function toConfig(options: readonly OptionSpec[]): NonNullable<ParseArgsConfig['options']> {
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of options) config[o.name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  return config;
}

/** Turns node:util's messages (which mention internals) into a one-line reason. */
function describeParseError(error: Error, command: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const flag = /'(-{1,2}[^'\s,]+)/.exec(error.message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${flag ?? ''} for '${command}' (see parallax ${command} --help)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${flag ?? 'an option'} needs a value (see parallax ${command} --help)`;
  return error.message.split('\n')[0]!;
}

/** Parses `parallax COMMAND [options] INPUT...`; throws UsageError on anything wrong. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const named = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    return { kind: 'help', command: named ?? null };
  }
  if (first === '--version' || first === '-v') return { kind: 'version' };
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    if (first.startsWith('-')) {
      const known = GLOBAL_OPTIONS.some((o) => `--${o.name}` === first);
      throw new UsageError(known ? `${first} comes before a command` : `unknown option ${first} (see parallax --help)`);
    }
    throw new UsageError(`unknown command '${first}' (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see parallax --help)`);
  }
  let parsed;
  try {
    parsed = parseNodeArgs({ args: [...rest], options: toConfig(command.options), allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error, command.name));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { kind: 'help', command };
  if (command.needsInputs && parsed.positionals.length === 0 && !values.manifest) {
    throw new UsageError(`${command.name} needs at least one INPUT or --manifest (see parallax ${command.name} --help)`);
  }
  return { kind: 'run', command, inputs: parsed.positionals, values };
}

function optionLine(o: OptionSpec): string {
  const flag = `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`;
  return `  ${flag.padEnd(30)} ${o.description}`;
}

export function formatHelp(command: CommandSpec | null, version: string): string {
  if (!command) {
    return [
      `parallax ${version} — one story, many outlets: who said what, according to whom, and where the reports differ.`,
      '',
      'Usage: parallax COMMAND [options] INPUT...',
      '',
      'Commands:',
      ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
      '',
      'Options:',
      ...GLOBAL_OPTIONS.map(optionLine),
      '',
      'INPUT is a file (.txt, .html, .htm, .json, .jsonl, .ndjson, .rss, .atom, .xml, .warc, any of them .gz), a folder (read recursively), an http(s) URL (a page or a feed), or - for standard input.',
      'Exit status: 0 every input read; 1 some inputs failed (the others still processed), or a search found nothing; 2 nothing read or wrong usage; 3 the store or the queue failed (locked, corrupt, unreachable: what was stored is kept).',
      '',
      'Examples:',
      ...COMMANDS.flatMap((c) => c.examples.slice(0, 1).map((e) => `  ${e}`)),
      '',
      "Run 'parallax COMMAND --help' for a command's options.",
    ].join('\n');
  }
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...command.options.map(optionLine),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
  ].join('\n');
}
