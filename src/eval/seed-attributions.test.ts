import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Attribution, Entity } from '../model/schema.js';
import { cueRight, excerpt, findAttribution, foldText, scoreAttributions, speakerRight, viaRight, type GoldAttribution } from './seed-attributions.js';
import type { GoldEntity } from './seed-match.js';

// A tiny synthetic story, not the seed's answers.
const TEXT = 'Jane Roe said “we’re  fine,” the Daily Bugle reported. Acme said it would pay. Ms Roe added: “No.”';

function span(s: string, from = 0) {
  const start = TEXT.indexOf(s, from);
  assert.ok(start >= 0, s);
  return { start, end: start + s.length, text: s };
}

function entity(id: string, type: Entity['type'], name: string, mentions: string[]): Entity {
  return { id, type, name, roles: [], affiliations: [], mentions: mentions.map((m) => span(m)) };
}

const ENTITIES: Entity[] = [entity('e1', 'person', 'Jane Roe', ['Jane Roe', 'Ms Roe']), entity('e2', 'organization', 'Acme', ['Acme']), entity('e3', 'organization', 'Daily Bugle', ['Daily Bugle'])];

const ROE: GoldEntity = { name: 'Jane Roe', type: 'person', aliases: ['Roe', 'Ms Roe', 'she'], roles: [], in: ['A'] };
const ACME: GoldEntity = { name: 'Acme Corp', type: 'organization', aliases: ['Acme'], roles: [], in: ['A'] };
const BUGLE: GoldEntity = { name: 'Daily Bugle', type: 'organization', aliases: ['the Bugle'], roles: [], in: ['A'] };
const GOLDS = [ROE, ACME, BUGLE];

function att(id: string, content: string[], cue: string | null, speaker: string | null, kind: Attribution['kind'] = 'direct', via: Attribution['via'] = []): Attribution {
  return { id, kind, content: content.map((c) => span(c)), cue: cue ? span(cue) : null, source: null, speaker, via };
}

const A1 = att('a1', ['“we’re  fine,”'], 'said', 'e1', 'direct', [{ entity: 'e3', span: span('the Daily Bugle') }]);
const A2 = att('a2', ['it would pay'], 'said', 'e2', 'indirect');
const A3 = att('a3', ['“No.”'], 'added', 'e1');
const OURS = [A1, A2, A3];

describe('foldText', () => {
  it('collapses whitespace and folds curly quotes and apostrophes, keeping case', () => {
    assert.equal(foldText(' “We’re\n  fine,” '), '"We\'re fine,"');
  });
});

describe('findAttribution', () => {
  it('finds by content substring across folded quotes and whitespace', () => {
    assert.equal(findAttribution({ content: "we're fine", cue: 'said' }, OURS), A1);
  });
  it('is case-sensitive', () => {
    assert.equal(findAttribution({ content: 'It would pay', cue: 'said' }, OURS), null);
  });
  it('prefers the cue equal to the gold cue, then the shortest content', () => {
    const long = att('a4', ['“we’re  fine,” the Daily Bugle reported'], 'reported', 'e3');
    const short = att('a5', ['fine'], 'added', 'e1');
    assert.equal(findAttribution({ content: 'fine', cue: 'reported' }, [A1, long, short]), long);
    assert.equal(findAttribution({ content: 'fine', cue: 'noted' }, [A1, long, short]), short);
  });
  it('joins several content spans', () => {
    const split = att('a6', ['Jane Roe', 'said'], null, null);
    assert.equal(findAttribution({ content: 'Roe said', cue: null }, [split]), split);
  });
});

describe('cueRight', () => {
  it('equal ignoring case, or containing the gold cue as a whole word', () => {
    assert.ok(cueRight('Said', span('said')));
    assert.ok(cueRight('reported', span('the Daily Bugle reported')));
    assert.ok(!cueRight('add', span('added')));
    assert.ok(!cueRight('said', null));
  });
  it('a gold cue of null wants none', () => {
    assert.ok(cueRight(null, null));
    assert.ok(!cueRight(null, span('said')));
  });
});

describe('speakerRight', () => {
  it('matches our speaker entity by the gold names and capitalised aliases', () => {
    assert.ok(speakerRight('Jane Roe', 'e1', ENTITIES, GOLDS));
    assert.ok(speakerRight('Acme Corp', 'e2', ENTITIES, GOLDS), 'through the alias Acme');
    assert.ok(!speakerRight('Acme Corp', 'e1', ENTITIES, GOLDS));
    assert.ok(!speakerRight('Jane Roe', null, ENTITIES, GOLDS));
    assert.ok(!speakerRight('Jane Roe', 'e99', ENTITIES, GOLDS));
  });
  it('accepts any name of a list; null wants no speaker', () => {
    assert.ok(speakerRight(['Daily Bugle', 'Acme Corp'], 'e2', ENTITIES, GOLDS));
    assert.ok(speakerRight(null, null, ENTITIES, GOLDS));
    assert.ok(!speakerRight(null, 'e1', ENTITIES, GOLDS));
  });
});

describe('viaRight', () => {
  it('by the via entity or by the span text containing the gold name', () => {
    assert.ok(viaRight('Daily Bugle', A1.via, ENTITIES, GOLDS));
    assert.ok(viaRight('Daily Bugle', [{ entity: null, span: span('the Daily Bugle') }], ENTITIES, GOLDS));
    assert.ok(!viaRight('Acme Corp', A1.via, ENTITIES, GOLDS));
    assert.ok(!viaRight('Daily Bugle', [], ENTITIES, GOLDS));
  });
  it('no gold via wants an empty list', () => {
    assert.ok(viaRight(undefined, [], ENTITIES, GOLDS));
    assert.ok(!viaRight(undefined, A1.via, ENTITIES, GOLDS));
  });
});

describe('scoreAttributions', () => {
  const gold: GoldAttribution[] = [
    { file: 'A', speaker: 'Jane Roe', cue: 'said', content: "we're fine", kind: 'direct', via: 'Daily Bugle' },
    { file: 'A', speaker: 'Acme Corp', cue: 'said', content: 'would pay', kind: 'mixed' },
    { file: 'A', speaker: 'Jane Roe', cue: 'told', content: 'never said', kind: 'direct' },
    { file: 'B', speaker: 'Jane Roe', cue: 'said', content: 'fine', kind: 'direct' },
  ];
  const score = scoreAttributions(gold, new Map([['A', { entities: ENTITIES, attributions: OURS }]]), GOLDS);
  it('scores each column; a missed attribution (or a missing file) is wrong on all', () => {
    assert.deepEqual(
      score.rows.map((r) => [r.found, r.speakerOk, r.cueOk, r.kindOk, r.viaOk, r.ours?.id ?? null]),
      [
        [true, true, true, true, true, 'a1'],
        [true, true, true, false, true, 'a2'],
        [false, false, false, false, false, null],
        [false, false, false, false, false, null],
      ],
    );
    assert.deepEqual(score.totals, { gold: 4, found: 2, speaker: 2, cue: 2, kind: 1, via: 2, complete: 1 });
  });
  it('lists ours that no gold row picked', () => {
    assert.deepEqual(
      score.unmatched.A!.map((a) => a.id),
      ['a3'],
    );
  });
});

describe('excerpt', () => {
  it('cuts with an ellipsis', () => {
    assert.equal(excerpt('abcdef', 4), 'abc…');
    assert.equal(excerpt('a  b', 4), 'a b');
  });
});
