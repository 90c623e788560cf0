import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MinHasher, signatureBytes, signatureFromBytes, textKey } from './minhash.js';

// A wire story of a dozen sentences, a copy with a new first line and the last paragraph cut, and an independent report.
const sentences = Array.from({ length: 12 }, (_, i) => `Officials in district ${i} said the river rose ${i + 2} feet overnight and crews moved ${i * 40 + 15} families to schools on higher ground.`);
const wire = sentences.join(' ');
const copy = ['LONDON (AP) —', ...sentences.slice(0, 10)].join(' ').replace('overnight', 'over night');
const other = 'The mayor defended the city budget on Tuesday, telling reporters that the new stadium would pay for itself within a decade and that taxes would not rise this year, despite warnings from the auditor.';

describe('MinHasher', () => {
  const m = new MinHasher();
  it('finds an edited wire copy near-duplicate and shares a band with it', () => {
    const a = m.signature(wire)!, b = m.signature(copy)!;
    assert.ok(m.similarity(a, b) >= 0.7, String(m.similarity(a, b)));
    assert.ok(m.isNearDuplicate(a, b));
    const bands = new Set(m.bandKeys(a));
    assert.ok(m.bandKeys(b).some((k) => bands.has(k)));
  });

  it('keeps an independent report apart', () => {
    const a = m.signature(wire)!, c = m.signature(other)!;
    assert.ok(m.similarity(a, c) < 0.2);
    assert.equal(m.isNearDuplicate(a, c), false);
  });

  it('gives identical texts identical signatures and keys, and short texts none', () => {
    assert.deepEqual(m.signature(wire), m.signature(wire));
    assert.equal(m.signature('Too short.'), null);
    assert.equal(textKey('Hello,  “world”'), textKey('hello "World"'));
    assert.notEqual(textKey('hello world'), textKey('hello there world'));
  });

  it('round-trips a signature through bytes', () => {
    const a = m.signature(wire)!;
    assert.deepEqual(signatureFromBytes(signatureBytes(a)), a);
  });
});
