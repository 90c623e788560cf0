import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertArgumentError, scriptRunner } from '../../test-support/cli.js';

// The compiled script beside this compiled test; argument checks run before any data is read.
const run = scriptRunner(new URL('./train-attribution.js', import.meta.url));

describe('npm run train:attribution: its command line', () => {
  it('lists --cv in its help, with an example', () => {
    const r = run('--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--cv VALUE +cross-validate over VALUE folds/);
    assert.match(r.stdout, /npm run train:attribution -- --cv 5/);
  });

  for (const value of ['1', '2.5', 'five']) {
    it(`rejects --cv ${value} with one line and exit code 2, training nothing`, () => {
      assertArgumentError(run('--cv', value), /--cv needs a (whole )?number/);
    });
  }
});
