import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MinHasher, shingleWords, textKeyOfWords } from '../story/dedup/minhash.js';
import { chooseCopy, type CopyCandidate } from './copy-choice.js';

const hasher = new MinHasher();
const base = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
const probeOf = (text: string) => {
  const words = shingleWords(text);
  const sig = hasher.signatureOfWords(words);
  return { key: textKeyOfWords(words), sig, bands: sig ? hasher.bandKeys(sig) : [] };
};
const candidate = (seq: number, id: string, text: string, duplicateOf: string | null = null, withBands = true): CopyCandidate => {
  const p = probeOf(text);
  return { seq, id, duplicateOf, key: p.key, signature: p.sig, ...(withBands ? { bands: new Set(p.bands) } : {}) };
};
// Two near copies of `base` (one word changed near the end; two words changed), and an unrelated text.
const near1 = base.replace('word57', 'changed');
const near2 = base.replace('word50', 'other').replace('word55', 'more');
const unrelated = Array.from({ length: 60 }, (_, i) => `term${i}`).join(' ');

describe('chooseCopy', () => {
  it('prefers the same words to a near copy, and the earliest article with them; links a copy of a copy to its original', () => {
    const got = chooseCopy(probeOf(base), [candidate(5, 'near', near1), candidate(9, 'late', base, 'orig'), candidate(7, 'early', base)], hasher);
    assert.deepEqual([got?.matched.id, got?.original, got?.similarity], ['early', 'early', 1]);
    const viaCopy = chooseCopy(probeOf(base), [candidate(9, 'late', base, 'orig')], hasher);
    assert.equal(viaCopy?.original, 'orig');
  });

  it('takes the most similar near copy at or above the threshold, ties to the earliest, and nothing unrelated', () => {
    const probe = probeOf(base);
    const s1 = hasher.similarity(probe.sig!, probeOf(near1).sig!), s2 = hasher.similarity(probe.sig!, probeOf(near2).sig!);
    assert.ok(s1 >= 0.7 && s2 >= 0.7 && s1 !== s2, `${s1} ${s2}`);
    const best = s1 > s2 ? 'n1' : 'n2';
    assert.equal(chooseCopy(probe, [candidate(1, 'n1', near1), candidate(2, 'n2', near2), candidate(3, 'u', unrelated)], hasher)?.matched.id, best);
    assert.equal(chooseCopy(probe, [candidate(4, 'later', near1), candidate(2, 'earlier', near1)], hasher)?.matched.id, 'earlier');
    assert.equal(chooseCopy(probe, [candidate(3, 'u', unrelated)], hasher), null);
  });

  it('needs a shared LSH band when the candidate\'s bands are known (as the stored look-up does)', () => {
    const probe = probeOf(base);
    const c = candidate(1, 'n1', near1);
    assert.equal(chooseCopy(probe, [{ ...c, bands: new Set([-1]) }], hasher), null);
    assert.equal(chooseCopy(probe, [candidate(1, 'n1', near1, null, false)], hasher)?.matched.id, 'n1', 'found through the band index');
  });
});
