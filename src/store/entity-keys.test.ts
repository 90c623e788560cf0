import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entityDocument, entityKey, entityMatch } from './entity-keys.js';

describe('entity index keys', () => {
  it('gives each canonical id one word of letters and digits, the same every time', () => {
    const k = entityKey('person:keir starmer');
    assert.match(k, /^e[0-9a-z]+x[0-9a-z]+$/);
    assert.equal(entityKey('person:keir starmer'), k);
    assert.notEqual(entityKey('person:keir starmer jr'), k);
    assert.notEqual(entityKey('organization:keir starmer'), k);
  });

  it('does not collide over a hundred thousand distinct ids', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 100_000; i++) keys.add(entityKey(`person:name ${i}`));
    assert.equal(keys.size, 100_000);
  });

  it('writes each entity of an article once and matches any of several ids', () => {
    assert.equal(entityDocument(['place:truro', 'place:truro', 'person:mary jones']).split(' ').length, 2);
    assert.equal(entityMatch(['a', 'b', 'a']), `${entityKey('a')} OR ${entityKey('b')}`);
  });
});
