import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity } from '../model/schema.js';
import {
  aliasMerge,
  entityMatches,
  goldNames,
  listedPerson,
  matchEntity,
  notPeopleHits,
  roleMatch,
  standaloneOccurrences,
  type GoldEntity,
} from './seed-match.js';

// A tiny synthetic story, not the seed's answers.
const TEXT = 'Jane Roe of Acme Corp spoke. Ms Roe said Acme’s plan works. He left. The Roe Fund paid.';

function mention(s: string, from = 0) {
  const start = TEXT.indexOf(s, from);
  assert.ok(start >= 0, s);
  return { start, end: start + s.length, text: s };
}

function entity(id: string, type: Entity['type'], name: string, mentions: { start: number; end: number; text: string }[], roles: string[] = []): Entity {
  return { id, type, name, roles, affiliations: [], mentions };
}

const ROE: GoldEntity = { name: 'Jane Roe', type: 'person', aliases: ['Roe', 'Ms Roe', 'He', 'the executive'], roles: ['chief executive'], in: ['A'] };
const ACME: GoldEntity = { name: 'Acme Corp', type: 'organization', aliases: ['Acme', 'the company'], roles: [], in: ['A'] };
const FUND: GoldEntity = { name: 'Roe Fund', type: 'organization', aliases: [], roles: [], in: ['A'] };
const GOLDS = [ROE, ACME, FUND];

describe('goldNames', () => {
  it('keeps the name and capitalised aliases, not pronouns or lower-case ones', () => {
    assert.deepEqual(goldNames(ROE), ['Jane Roe', 'Roe', 'Ms Roe']);
  });
});

describe('entityMatches', () => {
  it('matches by name or by a mention text, apostrophes and spaces normalised', () => {
    assert.ok(entityMatches(ROE, entity('e1', 'person', 'Roe', [])));
    assert.ok(entityMatches(ROE, entity('e1', 'person', 'J. Roe', [mention('Ms Roe')])));
    assert.ok(!entityMatches(ROE, entity('e1', 'person', 'He', [mention('He')])));
    assert.ok(entityMatches({ name: "Acme's", aliases: [] }, entity('e2', 'organization', 'x', [mention('Acme’s')])));
  });
});

describe('standaloneOccurrences', () => {
  it('drops occurrences inside a longer name or alias of any gold entity', () => {
    const occ = standaloneOccurrences(TEXT, GOLDS);
    const roes = occ.filter((o) => o.entity === 0).map((o) => o.alias);
    // "Roe" appears only inside "Jane Roe", "Ms Roe" and "Roe Fund": not standalone.
    assert.deepEqual(roes.sort(), ['Jane Roe', 'Ms Roe']);
    assert.deepEqual(occ.filter((o) => o.entity === 1).map((o) => o.alias).sort(), ['Acme', 'Acme Corp']);
  });
});

describe('aliasMerge and matchEntity', () => {
  it('counts aliases merged only into the one primary entity', () => {
    const whole = entity('e1', 'person', 'Jane Roe', [mention('Jane Roe'), mention('Ms Roe')], ['chief executive officer']);
    const split = entity('e2', 'person', 'Ms Roe', [mention('Ms Roe')]);
    let m = matchEntity(ROE, [whole], TEXT, GOLDS);
    assert.ok(m.found && m.typeOk);
    assert.deepEqual(m.aliases.merged.sort(), ['Jane Roe', 'Ms Roe']);
    assert.deepEqual(m.aliases.missing, []);
    const halfA = entity('e1', 'person', 'Jane Roe', [mention('Jane Roe')]);
    m = matchEntity(ROE, [halfA, split], TEXT, GOLDS);
    assert.equal(m.matches.length, 2);
    assert.equal(m.aliases.merged.length, 1);
    assert.equal(m.aliases.missing.length, 1);
  });

  it('prefers the entity with most gold-name mentions, and reports a wrong type', () => {
    const org = entity('e3', 'organization', 'Acme', [mention('Acme Corp'), mention('Acme’s')]);
    const m = matchEntity(ACME, [entity('e9', 'place', 'Acme Corp', []), org], TEXT, GOLDS);
    assert.equal(m.primary?.id, 'e3');
    assert.ok(m.typeOk);
    assert.deepEqual(m.aliases.merged.sort(), ['Acme', 'Acme Corp']);
  });

  it('accepts a shorter alias mention inside a longer alias occurrence', () => {
    const gold: GoldEntity = { name: 'Jane Roe', type: 'person', aliases: ['Acme Corp boss Jane Roe'], roles: [], in: ['A'] };
    const text = 'Acme Corp boss Jane Roe spoke.';
    const e = entity('e1', 'person', 'Jane Roe', [{ start: 15, end: 23, text: 'Jane Roe' }]);
    const r = aliasMerge(text, [gold], 0, e);
    assert.deepEqual(r.present, ['Acme Corp boss Jane Roe']);
    assert.deepEqual(r.merged, ['Acme Corp boss Jane Roe']);
  });

  it('is not found when nothing matches', () => {
    const m = matchEntity(FUND, [], TEXT, GOLDS);
    assert.equal(m.found, false);
    assert.equal(m.typeOk, false);
    assert.deepEqual(m.aliases.present, ['Roe Fund']);
  });
});

describe('roleMatch', () => {
  it('matches equal, containing and contained roles as whole words, ignoring case', () => {
    assert.deepEqual(roleMatch('Chief Executive', ['chief executive']), { how: 'equal', role: 'chief executive' });
    assert.equal(roleMatch('chief executive', ['the chief executive officer'])?.how, 'ours-contains-gold');
    assert.equal(roleMatch('chief executive officer', ['chief executive']), null);
    assert.equal(roleMatch('Deputy Prime Minister', ['Prime Minister']), null);
    assert.equal(roleMatch('executive', ['executives']), null);
    assert.equal(roleMatch('mayor', []), null);
  });
});

describe('notPeopleHits and listedPerson', () => {
  it('flags person entities named or mentioned by a not-a-person string', () => {
    const ours = [entity('e1', 'person', 'Acme Corp', []), entity('e2', 'organization', 'Roe Fund', [mention('Roe Fund')])];
    assert.deepEqual(notPeopleHits(['Acme Corp', 'Roe Fund'], ours), [{ text: 'Acme Corp', entity: 'e1' }]);
  });
  it('lists mentions equal to any alias of a gold person, case and possessive ignored', () => {
    assert.equal(listedPerson('he', [ROE]), 'Jane Roe');
    assert.equal(listedPerson('The Executive', [ROE]), 'Jane Roe');
    assert.equal(listedPerson('Roe’s', [ROE]), 'Jane Roe');
    assert.equal(listedPerson('Acme', [ROE]), null);
  });
});
