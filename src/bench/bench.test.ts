import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertArgumentError, scriptRunner } from '../test-support/cli.js';

// The compiled bench beside this compiled test; argument checks run before any data is read.
const run = scriptRunner(new URL('./bench.js', import.meta.url));

describe('npm run bench: its command line', () => {
  it('prints usage with examples for --help and exits 0, running nothing', () => {
    const r = run('--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: npm run bench/);
    assert.match(r.stdout, /Examples:\n {2}npm run bench\n/);
    assert.doesNotMatch(r.stdout, /\| task \|/, 'no bench rows');
  });

  for (const [args, reason] of [
    [['--bogus'], /Unknown option '--bogus'/],
    [['--scale', 'lots'], /--scale needs a whole number of articles, got 'lots'/],
    [['--scale', '0'], /--scale needs a whole number/],
    [['--task', 'no such task'], /--task 'no such task' is not a task/],
  ] as const) {
    it(`rejects ${args.join(' ')} with one line and exit code 2`, () => {
      assertArgumentError(run(...args), reason);
    });
  }
});
