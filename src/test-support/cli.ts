import { spawn, type SpawnOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Span } from '../model/schema.js';
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

/** Span rule: offsets in range, end ≥ start, and text === article.text.slice(start, end). */
export function spanProblems(text: string, record: unknown): string[] {
  const problems: string[] = [];
  const r = record as { article: { text: string; blocks: { start: number; end: number }[]; links: { start: number; end: number }[] } };
  const check = (what: string, s: { start: number; end: number; text?: string }) => {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end >= s.start && s.end <= text.length)) {
      problems.push(`${what} ${s.start}-${s.end} out of range (text length ${text.length})`);
    } else if (s.text !== undefined && text.slice(s.start, s.end) !== s.text) {
      problems.push(`${what} ${s.start}-${s.end} text ${JSON.stringify(s.text)} != ${JSON.stringify(text.slice(s.start, s.end))}`);
    }
  };
  const { article, ...items } = record as { article: unknown } & Record<string, unknown>;
  for (const b of r.article.blocks) check('block', b);
  for (const l of r.article.links) check('link', l);
  for (const s of collectSpans(items)) check('span', s);
  void article;
  return problems;
}
