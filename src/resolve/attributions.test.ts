import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity } from '../model/schema.js';
import { resolveAttributions } from './attributions.js';

const text = 'Campaign lawyer Gary Lawkowski of the Trump campaign said the vote was unfair.';
const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const entity = (id: string, type: Entity['type'], name: string, mention: string): Entity => ({
  id, type, name, roles: [], affiliations: [], mentions: [{ ...span(mention), text: mention }],
});

describe('resolveAttributions', () => {
  it('gives each attribution its spans with text and the speaker named last inside the source', () => {
    const entities = [entity('e1', 'person', 'Gary Lawkowski', 'Gary Lawkowski'), entity('e2', 'organization', 'Trump campaign', 'Trump campaign')];
    const [a] = resolveAttributions(text, [{ kind: 'indirect', content: [span('the vote was unfair')], cue: span('said'), source: span('Campaign lawyer Gary Lawkowski'), rule: 'attribution/tagger-cue' }], entities);
    assert.equal(a!.id, 'a1');
    assert.equal(a!.speaker, 'e1');
    assert.deepEqual(a!.content, [{ ...span('the vote was unfair'), text: 'the vote was unfair' }]);
    assert.equal(a!.cue?.text, 'said');
    assert.deepEqual(a!.via, []);
  });

  it('leaves the speaker null when no entity is named inside the source, and drops findings without content', () => {
    const out = resolveAttributions(text, [
      { kind: 'indirect', content: [span('the vote was unfair')], cue: span('said'), source: span('Campaign lawyer'), rule: 'attribution/tagger-cue' },
      { kind: 'indirect', content: [], cue: span('said'), source: null, rule: 'attribution/tagger-cue' },
    ], [entity('e1', 'person', 'Gary Lawkowski', 'Gary Lawkowski')]);
    assert.equal(out.length, 1);
    assert.equal(out[0]!.speaker, null);
  });
});
