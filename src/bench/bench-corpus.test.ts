import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { perturb } from './bench-corpus.js';

describe('the growth bench\'s replayed corpus', () => {
  const line = { text: 'Officials in Springfield said on Monday that 12 people were hurt when the bridge collapsed.', title: 'Bridge collapses', published: '2020-03-01', url: 'https://a.example/1' };
  it('gives each replica other names, shifted digits and dates 45 days on, and its own URL', () => {
    const r2 = perturb(line, 2, 0);
    assert.notEqual(r2.text, line.text);
    assert.match(r2.text, /Springfield\p{Ll}+/u);
    assert.match(r2.text, / 34 people/);
    assert.equal(r2.published, '2020-05-30');
    assert.equal(r2.url, 'https://a.example/1#r2');
  });

  it('leaves an undated article undated, unless every replayed article is to be dated', () => {
    const undated = { ...line, published: null };
    assert.equal(perturb(undated, 2, 0).published, null);
    assert.equal(perturb(undated, 0, 0, true).published, '2001-01-01');
    assert.equal(perturb(undated, 2, 0, true).published, '2001-04-01');
    assert.equal(perturb(line, 2, 0, true).published, '2020-05-30', 'a dated article keeps its own date');
  });
});
