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

  /** An article whose text holds each name once, in order, after its prefix; its entity mentions index it. */
  const article = (parts: Array<[prefix: string, name: string, id: string, type: Entity['type'], full: string, roles?: string[]]>) => {
    let text = '';
    const entities: Entity[] = [];
    for (const [prefix, name, id, type, full, roles] of parts) {
      text += prefix;
      entities.push({ id, type, name: full, canonical: `${type}:${full.toLowerCase()}`, roles: roles ?? [], affiliations: [], mentions: [{ start: text.length, end: text.length + name.length, text: name }] });
      text += `${name}. `;
    }
    return { article: { text }, entities };
  };

  it('gives a name used as a family name the one full name beginning with it, when none ends with it', () => {
    const merged = mergeStoryEntities([
      article([['Mr. ', 'Moon', 'e1', 'person', 'Moon'], ['Then President ', 'Xi', 'e2', 'person', 'Xi', ['President']]]),
      article([['Talks with ', 'Moon Jae-in', 'e1', 'person', 'Moon Jae-in'], ['and ', 'Xi Jinping', 'e2', 'person', 'Xi Jinping']]),
    ]);
    assert.deepEqual(merged.map((e) => [e.name, e.in.length]), [['Moon Jae-in', 2], ['Xi Jinping', 2]]);
  });

  it('does not read a given name used alone, a name two full names begin with, or a place\'s name as a family name', () => {
    const merged = mergeStoryEntities([
      article([['A man who gave his name as ', 'Michel', 'e1', 'person', 'Michel'], ['Mr. ', 'Kim', 'e2', 'person', 'Kim'], ['Mr. ', 'Seoul', 'e3', 'person', 'Seoul']]),
      article([['President ', 'Michel Temer', 'e1', 'person', 'Michel Temer'], ['', 'Kim Jong-un', 'e2', 'person', 'Kim Jong-un'], ['', 'Kim Yo-jong', 'e3', 'person', 'Kim Yo-jong'], ['', 'Seoul', 'e4', 'place', 'Seoul'], ['', 'Seoul Semiconductor', 'e5', 'person', 'Seoul Semiconductor']]),
    ]);
    assert.equal(merged.length, 8, merged.map((e) => e.name).join());
    assert.equal(merged.find((e) => e.name === 'Michel')?.in.length, 1);
  });

  it('reads a full name ending in the word first', () => {
    const merged = mergeStoryEntities([
      article([['Mr. ', 'Kim', 'e1', 'person', 'Kim']]),
      article([['', 'Kim Jong-un', 'e1', 'person', 'Kim Jong-un'], ['', 'Andrew Kim', 'e2', 'person', 'Andrew Kim']]),
    ]);
    assert.equal(merged.find((e) => e.name === 'Andrew Kim')?.in.length, 2);
  });
});
