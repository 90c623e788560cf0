import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity } from '../model/schema.js';
import { mergeStoryEntities } from './entities.js';

const entity = (id: string, type: Entity['type'], name: string, canonical: string, mentions: string[], roles: string[] = []): Entity => ({
  id, type, name, canonical, roles, affiliations: [],
  mentions: mentions.map((text, i) => ({ start: i * 10, end: i * 10 + text.length, text })),
});

describe('mergeStoryEntities', () => {
  it('joins entities with the same canonical key across articles, with roles and names from both', () => {
    const merged = mergeStoryEntities([
      { entities: [entity('e1', 'place', 'United Kingdom', 'place:united kingdom', ['U.K.']), entity('e2', 'person', 'Ana Silva', 'person:ana silva', ['Ana Silva'], ['Prime Minister'])] },
      { entities: [entity('e1', 'person', 'Ana Silva', 'person:ana silva', ['Ana Silva', 'Silva']), entity('e2', 'place', 'United Kingdom', 'place:united kingdom', ['Britain', 'UK'])] },
    ]);
    assert.equal(merged.length, 2);
    const uk = merged.find((e) => e.name === 'United Kingdom')!;
    assert.deepEqual(uk.aliases, ['U.K.', 'Britain', 'UK']);
    assert.deepEqual(uk.in, [{ article: 0, entity: 'e1' }, { article: 1, entity: 'e2' }]);
    const silva = merged.find((e) => e.name === 'Ana Silva')!;
    assert.deepEqual(silva.roles, ['Prime Minister']);
    assert.equal(silva.mentions, 3);
  });

  it('gives a surname-only person the one full name in the story with that surname', () => {
    const merged = mergeStoryEntities([
      { entities: [entity('e1', 'person', 'Silva', 'person:silva', ['Silva'])] },
      { entities: [entity('e1', 'person', 'Ana Silva', 'person:ana silva', ['Ana Silva'])] },
    ]);
    assert.equal(merged.length, 1);
    assert.equal(merged[0]!.name, 'Ana Silva');
    assert.equal(merged[0]!.in.length, 2);
  });

  it('keeps a surname apart when two people in the story share it', () => {
    const merged = mergeStoryEntities([
      { entities: [entity('e1', 'person', 'Clinton', 'person:clinton', ['Clinton'])] },
      { entities: [entity('e1', 'person', 'Bill Clinton', 'person:bill clinton', ['Bill Clinton']), entity('e2', 'person', 'Hillary Clinton', 'person:hillary clinton', ['Hillary Clinton'])] },
    ]);
    assert.equal(merged.length, 3);
  });
});
