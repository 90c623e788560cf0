import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { readScriptArgs, scriptUsage, type ScriptOptions, type ScriptSpec } from './script-args.js';

const SPEC = {
  name: 'eval:thing',
  summary: 'Scores the thing.',
  options: { split: { type: 'string', default: 'dev' }, limit: { type: 'string' }, json: { type: 'boolean', short: 'j' } },
  help: { split: 'train or dev (default dev)', limit: 'only the first VALUE articles', json: 'the report as JSON' },
  examples: ['npm run eval:thing', 'npm run eval:thing -- --limit 5 --json'],
  numbers: ['limit'],
} as const satisfies ScriptSpec<ScriptOptions>;

/** Runs `read` with console.log and console.error captured. */
function captured<T>(read: () => T): { result: T; out: string; err: string } {
  const log = mock.method(console, 'log', () => {}), error = mock.method(console, 'error', () => {});
  try {
    const result = read();
    return { result, out: log.mock.calls.map((c) => c.arguments.join(' ')).join('\n'), err: error.mock.calls.map((c) => c.arguments.join(' ')).join('\n') };
  } finally {
    log.mock.restore();
    error.mock.restore();
  }
}

describe('readScriptArgs', () => {
  it('reads the options, with their defaults and --name=value', () => {
    const { result } = captured(() => readScriptArgs(SPEC, ['--limit=5', '-j']));
    assert.deepEqual(result, { ok: true, values: { split: 'dev', limit: '5', json: true } });
  });

  it('prints usage with every option and the examples for --help, and asks for exit code 0', () => {
    const { result, out, err } = captured(() => readScriptArgs(SPEC, ['--limit', 'x', '--help']));
    assert.deepEqual(result, { ok: false, code: 0 });
    assert.equal(err, '');
    assert.match(out, /^Usage: npm run eval:thing \[-- OPTIONS\]\n\nScores the thing\./);
    assert.match(out, /--split VALUE +train or dev \(default dev\)/);
    assert.match(out, /-j, --json +the report as JSON/);
    assert.match(out, /-h, --help +this help/);
    assert.match(out, /Examples:\n {2}npm run eval:thing\n {2}npm run eval:thing -- --limit 5 --json$/);
    assert.equal(out, scriptUsage(SPEC));
  });

  for (const [argv, reason] of [
    [['--nope'], /^eval:thing: Unknown option '--nope'/],
    [['--limit'], /^eval:thing: Option '--limit <value>' argument missing/],
    [['--limit', 'five'], /^eval:thing: --limit needs a number, got 'five' \(see --help\)$/],
    [['extra'], /^eval:thing: Unexpected argument 'extra'/],
  ] as const) {
    it(`rejects ${argv.join(' ')} in one line on stderr, exit code 2`, () => {
      const { result, out, err } = captured(() => readScriptArgs(SPEC, argv));
      assert.deepEqual(result, { ok: false, code: 2 });
      assert.equal(out, '');
      assert.match(err, reason);
      assert.equal(err.split('\n').length, 1);
    });
  }
});
