import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

// The compiled script beside this compiled test; argument checks run before any data is read.
const SCRIPT = fileURLToPath(new URL('./train-attribution.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

describe('npm run train:attribution: its command line', () => {
  it('lists --cv in its help, with an example', () => {
    const r = run('--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--cv VALUE +cross-validate over VALUE folds/);
    assert.match(r.stdout, /npm run train:attribution -- --cv 5/);
  });

  for (const value of ['1', '2.5', 'five']) {
    it(`rejects --cv ${value} with one line and exit code 2, training nothing`, () => {
      const r = run('--cv', value);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--cv needs a (whole )?number/);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.equal(r.stdout, '');
    });
  }
});
