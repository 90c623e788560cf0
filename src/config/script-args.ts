/**
 * The command line of the project's npm scripts (evaluations, training, benches): `--help` prints usage with
 * examples; an unknown option or a missing value is one line on stderr and exit code 2, before any work starts.
 * Each script states its options once, with node:util's parseArgs and a line of help per option.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type ScriptOptions = NonNullable<ParseArgsConfig['options']>;

export interface ScriptSpec<O extends ScriptOptions> {
  /** The npm script's name, as errors are prefixed: `eval:attribution`. */
  name: string;
  /** How it is run, when not `npm run NAME [-- OPTIONS]`. */
  command?: string;
  /** What it does, a sentence or two. */
  summary: string;
  /** node:util parseArgs options; `--help` and `-h` need not be listed (they are read before parsing). */
  options: O;
  /** One line of help per option, by option name: `split: 'train or dev (default dev)'`. */
  help: { [K in keyof O]: string };
  /** Whole command lines. */
  examples: readonly string[];
  /** String options whose value must be a finite number (`--epochs 10`). */
  numbers?: readonly (keyof O & string)[];
}

/** The parsed values of a spec's options, typed by node:util. */
export type ScriptValues<O extends ScriptOptions> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: false }>>['values'];

export type ScriptArgs<O extends ScriptOptions> = { ok: true; values: ScriptValues<O> } | { ok: false; code: number };

/** The usage text of a script. */
export function scriptUsage<O extends ScriptOptions>(spec: ScriptSpec<O>): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ' VALUE' : ''}`;
    return [flag, (spec.help as Record<string, string>)[name] ?? ''] as const;
  });
  rows.push(['-h, --help', 'this help']);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  return [
    `Usage: ${spec.command ?? `npm run ${spec.name} [-- OPTIONS]`}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...rows.map(([f, h]) => `  ${f.padEnd(width)}${h}`),
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
  ].join('\n');
}

/** Whether `argv` asks for help; if so, prints the usage (for a script that reads the rest of its line itself). */
export function helpRequested<O extends ScriptOptions>(spec: ScriptSpec<O>, argv: readonly string[]): boolean {
  if (!argv.includes('--help') && !argv.includes('-h')) return false;
  console.log(scriptUsage(spec));
  return true;
}

/**
 * Parses `argv` against the spec without printing: the values, or the one-line reason the command line is wrong (node:util's
 * own message names the option: "Unknown option '--nope'", "Option '--limit <value>' argument missing").
 */
export function parseScriptArgs<O extends ScriptOptions>(spec: ScriptSpec<O>, argv: readonly string[]): { values: ScriptValues<O> } | { error: string } {
  let values: Record<string, unknown>;
  try {
    values = { ...parseArgs({ args: [...argv], options: spec.options, strict: true, allowPositionals: false }).values };
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0]! };
  }
  for (const name of spec.numbers ?? []) {
    const raw = values[name];
    if (typeof raw === 'string' && (raw.trim() === '' || !Number.isFinite(Number(raw)))) return { error: `--${name} needs a number, got '${raw}'` };
  }
  return { values: values as ScriptValues<O> };
}

/**
 * Reads `argv` (default: this process's arguments) against the spec. `--help`: usage on stdout, `{ ok: false, code: 0 }`;
 * a bad command line: one line on stderr, `{ ok: false, code: 2 }`. The caller returns or exits with `code`.
 */
export function readScriptArgs<O extends ScriptOptions>(spec: ScriptSpec<O>, argv: readonly string[] = process.argv.slice(2)): ScriptArgs<O> {
  if (helpRequested(spec, argv)) return { ok: false, code: 0 };
  const parsed = parseScriptArgs(spec, argv);
  return 'error' in parsed ? { ok: false, code: badArgument(spec.name, parsed.error) } : { ok: true, values: parsed.values };
}

/** A script's error in the same form: one line on stderr; returns exit code 2. */
export function badArgument(name: string, message: string): number {
  console.error(`${name}: ${message} (see --help)`);
  return 2;
}
