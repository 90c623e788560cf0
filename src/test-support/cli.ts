import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnOptions, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, Span } from '../model/schema.js';
import { checkSpans } from '../ingest/invariants.js';
import { REPO_ROOT } from '../config/paths.js';

export const BIN = join(REPO_ROOT, 'bin', 'parallax.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `parallax` binary in a child process, as a user would. */
export function runCli(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; uid?: number; cwd?: string } = {}): Promise<CliRun> {
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, CI: 'true', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  };
  if (options.uid !== undefined) spawnOptions.uid = options.uid;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], spawnOptions);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin!.on('error', () => {});
    child.stdin!.end(options.input ?? '');
  });
}

/** A runner for one of the project's compiled npm-script entry points (`new URL('./bench.js', import.meta.url)`), run synchronously. */
export function scriptRunner(script: URL): (...args: string[]) => SpawnSyncReturns<string> {
  const path = fileURLToPath(script);
  return (...args) => spawnSync(process.execPath, [path, ...args], { encoding: 'utf8' });
}

/** A script's refusal of its command line (script-args.ts): exit code 2, one line on stderr matching `reason`, nothing on stdout. */
export function assertArgumentError(run: SpawnSyncReturns<string>, reason: RegExp): void {
  assert.equal(run.status, 2);
  assert.match(run.stderr, reason);
  assert.equal(run.stderr.trim().split('\n').length, 1);
  assert.equal(run.stdout, '');
}

export function tempDir(prefix = 'parallax-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every `{start, end, text}` object anywhere inside a value. */
export function collectSpans(value: unknown, out: Span[] = []): Span[] {
  if (Array.isArray(value)) {
    for (const v of value) collectSpans(v, out);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') out.push(o as unknown as Span);
    for (const v of Object.values(o)) collectSpans(v, out);
  }
  return out;
}

/**
 * Span rule for a whole record: the article's blocks and links keep their invariants (checkSpans),
 * and every Span of every item is in range with text === article.text.slice(start, end).
 */
export function spanProblems(record: { article: Pick<Article, 'text' | 'blocks' | 'links'> } & Record<string, unknown>): string[] {
  const { article, ...items } = record;
  const problems = checkSpans(article);
  for (const s of collectSpans(items)) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end >= s.start && s.end <= article.text.length)) {
      problems.push(`span ${s.start}-${s.end} out of range (text length ${article.text.length})`);
    } else if (article.text.slice(s.start, s.end) !== s.text) {
      problems.push(`span ${s.start}-${s.end} text ${JSON.stringify(s.text)} != ${JSON.stringify(article.text.slice(s.start, s.end))}`);
    }
  }
  return problems;
}
