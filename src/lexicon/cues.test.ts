import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CUE_VERB_LEMMAS, EXTENDED_CUE_VERB_LEMMAS, cueForms } from './cues.js';

describe('cue lexicon', () => {
  it('inflects regular verbs, -e and -y verbs, and the listed irregular and doubling ones', () => {
    const forms = cueForms(['accuse', 'deny', 'stress', 'say', 'plan', 'seek', 'warn']);
    for (const f of ['accused', 'accuses', 'accusing', 'denied', 'denies', 'stressed', 'stresses', 'said', 'planned', 'planning', 'sought', 'warned', 'warns', 'warning']) assert.ok(forms.has(f), f);
    assert.ok(!forms.has('planed') && !forms.has('seeked') && !forms.has('sayed'));
  });

  it('lists each word once, and the extended verbs apart from the core ones', () => {
    for (const list of [CUE_VERB_LEMMAS, EXTENDED_CUE_VERB_LEMMAS]) assert.equal(new Set<string>(list).size, list.length);
    const core = new Set<string>(CUE_VERB_LEMMAS);
    assert.deepEqual(EXTENDED_CUE_VERB_LEMMAS.filter((l) => core.has(l)), []);
  });
});
