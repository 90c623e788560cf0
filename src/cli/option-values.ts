/** Parsed option values and the readers every command shares (a module of its own: the worker loads nothing else). */
import { UsageError } from './args.js';

export type OptionValues = Record<string, string | boolean | undefined>;

/** The store a command uses: --db, else PARALLAX_DB, else parallax.db in the working folder. */
export function storeLocation(values: OptionValues, env: NodeJS.ProcessEnv): string {
  if (typeof values.db === 'string' && values.db !== '') return values.db;
  return env.PARALLAX_DB || 'parallax.db';
}

/** A whole positive number option, or its default; anything else is a usage error. */
export function countOption(values: OptionValues, name: string, fallback: number): number {
  const raw = values[name];
  if (typeof raw !== 'string') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} ${JSON.stringify(raw)} is not a positive whole number`);
  return n;
}
