import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashWord } from '../entities/ner/features.js';
import { clusterMap, coarseOf, decodeWordClusters, encodeWordClusters, fineOf } from './index.js';
import { learnWordClusters } from './cluster.js';

// A toy corpus: "said"/"told" and "dog"/"cat" each share their contexts; the two groups share none.
function corpus(): Int32Array[] {
  const out: Int32Array[] = [];
  const h = (s: string) => Int32Array.from(s.split(' '), hashWord);
  for (let k = 0; k < 40; k++) {
    for (const verb of ['said', 'told']) out.push(h(`officials ${verb} reporters`), h(`she ${verb} them`));
    for (const noun of ['dog', 'cat']) out.push(h(`the ${noun} barked loudly`), h(`a ${noun} slept`));
  }
  return out;
}

describe('learnWordClusters', () => {
  const options = { minCount: 5, contexts: 50, dims: 32, coarse: 4, fine: 6, rounds: 10, seed: 1 };
  const clusters = learnWordClusters(corpus(), options);
  const map = clusterMap(clusters);
  const coarse = (w: string) => coarseOf(map.get(hashWord(w)));

  it('puts words used alike in one coarse cluster and words used apart in different ones', () => {
    assert.equal(coarse('said'), coarse('told'));
    assert.equal(coarse('dog'), coarse('cat'));
    assert.notEqual(coarse('said'), coarse('dog'));
  });

  it('leaves out words seen fewer than minCount times (no cluster: 0)', () => {
    const rare = learnWordClusters([...corpus(), Int32Array.from(['zebra'], hashWord)], options);
    assert.equal(clusterMap(rare).get(hashWord('zebra')), 0);
    assert.ok(coarse('said') > 0 && fineOf(map.get(hashWord('said'))) > 0);
  });

  it('is deterministic and survives its file format', () => {
    const again = learnWordClusters(corpus(), options);
    assert.deepEqual(again, clusters);
    const back = decodeWordClusters(encodeWordClusters(clusters, { test: true }));
    assert.deepEqual([back.words, back.coarse, back.fine], [clusters.words, clusters.coarse, clusters.fine]);
    assert.deepEqual(back.info, { test: true });
  });
});
