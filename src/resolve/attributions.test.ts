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
    const [a] = resolveAttributions(text, [{ kind: 'indirect', content: [span('the vote was unfair')], cue: span('said'), source: span('Campaign lawyer Gary Lawkowski'), continues: null, rule: 'attribution/cue-roles' }], entities);
    assert.equal(a!.id, 'a1');
    assert.equal(a!.speaker, 'e1');
    assert.deepEqual(a!.content, [{ ...span('the vote was unfair'), text: 'the vote was unfair' }]);
    assert.equal(a!.cue?.text, 'said');
    assert.deepEqual(a!.via, []);
  });

  it('leaves the speaker null when no entity is named inside the source, and drops findings without content', () => {
    const out = resolveAttributions(text, [
      { kind: 'indirect', content: [span('the vote was unfair')], cue: span('said'), source: span('Campaign lawyer'), continues: null, rule: 'attribution/cue-roles' },
      { kind: 'indirect', content: [], cue: span('said'), source: null, continues: null, rule: 'attribution/cue-roles' },
    ], [entity('e1', 'person', 'Gary Lawkowski', 'Gary Lawkowski')]);
    assert.equal(out.length, 1);
    assert.equal(out[0]!.speaker, null);
  });

  it('gives a quotation that continues the previous one that one\'s speaker, with no source of its own', () => {
    const t = '"We won," Gary Lawkowski said.\n\n"They lost."';
    const at = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
    const people = [{ id: 'e1', type: 'person' as const, name: 'Gary Lawkowski', roles: [], affiliations: [], mentions: [{ ...at('Gary Lawkowski'), text: 'Gary Lawkowski' }] }];
    const head = { kind: 'direct' as const, content: [at('We won')], cue: at('said'), source: at('Gary Lawkowski'), continues: null, rule: 'attribution/cue-roles' as const };
    const [first, next] = resolveAttributions(t, [
      head,
      { kind: 'direct', content: [at('They lost')], cue: null, source: null, continues: head, rule: 'attribution/continued-quote' },
    ], people);
    assert.equal(first!.speaker, 'e1');
    assert.equal(next!.source, null);
    assert.equal(next!.speaker, 'e1');
    assert.equal(next!.continues, first!.id);
    assert.equal(first!.continues, undefined);
    assert.equal(next!.rule, 'attribution/continued-quote');
  });
});

describe('resolveAttributions: second-hand sources (via)', () => {
  const finding = (t: string, content: string, cue: string, source: string) => ({
    kind: 'direct' as const,
    content: [{ start: t.indexOf(content), end: t.indexOf(content) + content.length }],
    cue: { start: t.indexOf(cue), end: t.indexOf(cue) + cue.length },
    source: { start: t.indexOf(source), end: t.indexOf(source) + source.length },
    continues: null,
    rule: 'attribution/cue-roles' as const,
  });
  const named = (t: string, id: string, type: Entity['type'], name: string, mention: string): Entity => ({
    id, type, name, roles: [], affiliations: [], mentions: [{ start: t.indexOf(mention), end: t.indexOf(mention) + mention.length, text: mention }],
  });

  it('takes "according to X" after the attribution as its via, with the entity it names', () => {
    const t = '"We will win," she said, according to the BBC. Then she left.';
    const [a] = resolveAttributions(t, [finding(t, 'We will win', 'said', 'she')], [named(t, 'e1', 'organization', 'BBC', 'BBC')]);
    assert.deepEqual(a!.via, [{ entity: 'e1', span: { start: t.indexOf('the BBC'), end: t.indexOf('the BBC') + 7, text: 'the BBC' }, rule: 'via/according-to' }]);
  });

  it('takes a closing "…, the broadcaster reported." as via only when it names an entity', () => {
    const t = 'The mayor said "no," citing the budget, the broadcaster reported.';
    const withEntity = resolveAttributions(t, [finding(t, 'no,', 'said', 'The mayor')], [named(t, 'e2', 'organization', 'CNN', 'the broadcaster')]);
    assert.equal(withEntity[0]!.via[0]?.rule, 'via/reported');
    assert.equal(withEntity[0]!.via[0]?.span.text, 'the broadcaster');
    const t2 = 'The mayor said "no," citing the budget, officials said.';
    assert.deepEqual(resolveAttributions(t2, [finding(t2, 'no,', 'said', 'The mayor')], [])[0]!.via, []);
  });

  it('gives an attribution nested in another\'s content that one\'s source as via', () => {
    const t = 'The paper reported that the minister said the plan was dead.';
    const outer = { kind: 'indirect' as const, content: [{ start: t.indexOf('the minister'), end: t.length - 1 }], cue: { start: 10, end: 18 }, source: { start: 0, end: 9 }, continues: null, rule: 'attribution/cue-roles' as const };
    const inner = finding(t, 'the plan was dead', 'said', 'the minister');
    const [, a] = resolveAttributions(t, [outer, inner], [named(t, 'e3', 'organization', 'The Paper', 'The paper')]);
    assert.deepEqual(a!.via.map((v) => [v.span.text, v.entity, v.rule]), [['The paper', 'e3', 'via/nested']]);
  });
});

describe('resolveAttributions: "It said" and "They said"', () => {
  const finding = (t: string, content: string, cue: string, source: string, from = 0) => {
    const at = (s: string) => t.indexOf(s, from);
    return {
      kind: 'indirect' as const,
      content: [{ start: at(content), end: at(content) + content.length }],
      cue: { start: at(cue), end: at(cue) + cue.length },
      source: { start: at(source), end: at(source) + source.length },
      continues: null,
      rule: 'attribution/cue-roles' as const,
    };
  };
  const org = (t: string, id: string, name: string): Entity => ({
    id, type: 'organization', name, roles: [], affiliations: [], mentions: [{ start: t.indexOf(name), end: t.indexOf(name) + name.length, text: name }],
  });

  it('names the organisation that is the subject of the previous sentence', () => {
    const t = 'The union objected to the plan drafted by the Treasury. It said the cuts went too far.';
    const [a] = resolveAttributions(t, [finding(t, 'the cuts went too far', 'said', 'It', 50)], [org(t, 'e1', 'The union'), org(t, 'e2', 'Treasury')]);
    assert.equal(a!.speaker, 'e1');
  });

  it('leaves "It said" without a speaker when the previous sentence names no organisation', () => {
    const t = 'The weather turned cold. It said nothing about the snow.';
    const [a] = resolveAttributions(t, [finding(t, 'nothing about the snow', 'said', 'It', 20)], []);
    assert.equal(a!.speaker, null);
  });
});

describe('resolveAttributions: appositive sources', () => {
  it('names the person before an appositive source rather than the organisation inside it', () => {
    const t = 'In a post, Maria Lopez, the director of policy at Greenpeace, said the law was weak.';
    const at = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
    const entities: Entity[] = [
      { id: 'e1', type: 'person', name: 'Maria Lopez', roles: [], affiliations: [], mentions: [{ ...at('Maria Lopez'), text: 'Maria Lopez' }] },
      { id: 'e2', type: 'organization', name: 'Greenpeace', roles: [], affiliations: [], mentions: [{ ...at('Greenpeace'), text: 'Greenpeace' }] },
    ];
    const [a] = resolveAttributions(t, [{ kind: 'indirect', content: [at('the law was weak')], cue: at('said'), source: at('the director of policy at Greenpeace'), continues: null, rule: 'attribution/cue-roles' }], entities);
    assert.equal(a!.speaker, 'e1');
  });
});

describe('resolveAttributions: documents, relatives and appositions as sources', () => {
  const ent = (t: string, id: string, type: Entity['type'], name: string, ...mentions: string[]): Entity => ({
    id, type, name, roles: [], affiliations: [],
    mentions: mentions.map((m) => ({ start: t.indexOf(m), end: t.indexOf(m) + m.length, text: m })),
  });
  const finding = (t: string, content: string, cue: string, source: string) => ({
    kind: 'indirect' as const,
    content: [{ start: t.indexOf(content), end: t.indexOf(content) + content.length }],
    cue: { start: t.indexOf(cue), end: t.indexOf(cue) + cue.length },
    source: { start: t.lastIndexOf(source), end: t.lastIndexOf(source) + source.length },
    continues: null,
    rule: 'attribution/cue-roles' as const,
  });

  it('a document speaks for the author named at its earlier mention (speaker/document-author)', () => {
    const t = 'On Monday the Green Party filed a complaint with the court. The fees were unlawful, the complaint said.';
    const [a] = resolveAttributions(t, [finding(t, 'The fees were unlawful', 'said', 'the complaint')], [ent(t, 'e1', 'organization', 'Green Party', 'Green Party')]);
    assert.equal(a!.speaker, 'e1');
  });

  it('a document "by X" speaks for X, past a possessive ("by the party\'s Ana Ruiz")', () => {
    const t = 'The deleted post by the party\'s Ana Ruiz said 100 staff would go.';
    const [a] = resolveAttributions(t, [finding(t, '100 staff would go', 'said', 'The deleted post by the party\'s Ana Ruiz')], [
      ent(t, 'e1', 'organization', 'Party', 'party'), ent(t, 'e2', 'person', 'Ana Ruiz', 'Ana Ruiz'),
    ]);
    assert.equal(a!.speaker, 'e2');
  });

  it('a document with no author in sight gives no speaker', () => {
    const t = 'The rules changed in May. Nothing was decided, the memo said.';
    const [a] = resolveAttributions(t, [finding(t, 'Nothing was decided', 'said', 'the memo')], []);
    assert.equal(a!.speaker, null);
  });

  it('"…, which demanded …" names the author of the document before it (speaker/relative), not the last name in the clause', () => {
    const t = 'Campaign lawyer Ana Ruiz accused the party in a complaint to the Election Commission, which demanded an inquiry.';
    const [a] = resolveAttributions(t, [finding(t, 'an inquiry', 'demanded', 'which')], [
      ent(t, 'e1', 'person', 'Ana Ruiz', 'Ana Ruiz'), ent(t, 'e2', 'organization', 'Election Commission', 'Election Commission'),
    ]);
    assert.equal(a!.speaker, 'e1');
  });

  it('a source naming a person and describing them after a comma is that person (speaker/apposition-inside)', () => {
    const t = 'Ana Ruiz, the head of operations at Labour, said staff would go.';
    const [a] = resolveAttributions(t, [finding(t, 'staff would go', 'said', 'Ana Ruiz, the head of operations at Labour,')], [
      ent(t, 'e1', 'person', 'Ana Ruiz', 'Ana Ruiz'), ent(t, 'e2', 'organization', 'Labour', 'Labour'),
    ]);
    assert.equal(a!.speaker, 'e1');
  });

  it('"a post in which X said" gives the post as via (via/in-which)', () => {
    const t = 'The letter cited a since-deleted LinkedIn post in which Ana Ruiz said staff would go.';
    const [a] = resolveAttributions(t, [finding(t, 'staff would go', 'said', 'Ana Ruiz')], [ent(t, 'e1', 'organization', 'LinkedIn', 'LinkedIn')]);
    assert.deepEqual(a!.via.map((v) => [v.span.text, v.entity, v.rule]), [['since-deleted LinkedIn post', 'e1', 'via/in-which']]);
  });

  it('an attribution inside the content of "rejected" did not come through the one who rejected it', () => {
    const t = 'Labour rejected claims by the campaign that members interfered.';
    const outer = finding(t, 'claims by the campaign that members interfered', 'rejected', 'Labour');
    const inner = finding(t, 'that members interfered', 'claims', 'the campaign');
    const [, a] = resolveAttributions(t, [outer, inner], [ent(t, 'e1', 'organization', 'Labour', 'Labour')]);
    assert.deepEqual(a!.via, []);
  });
});

describe('resolveAttributions: "…," he said, according to the BBC', () => {
  it('keeps one attribution with the BBC as via, not a second one by the BBC, and numbers the rest again', () => {
    const t = '"We will win," he said, according to the BBC. "They lost."';
    const at = (s: string, from = 0) => ({ start: t.indexOf(s, from), end: t.indexOf(s, from) + s.length });
    const head = { kind: 'direct' as const, content: [at('We will win')], cue: at('said'), source: at('he'), continues: null, rule: 'attribution/cue-roles' as const };
    const relay = { kind: 'direct' as const, content: [at('We will win')], cue: at('according to'), source: at('the BBC'), continues: null, rule: 'attribution/cue-roles' as const };
    const next = { kind: 'direct' as const, content: [at('They lost')], cue: null, source: null, continues: head, rule: 'attribution/continued-quote' as const };
    const bbc: Entity = { id: 'e1', type: 'organization', name: 'BBC', roles: [], affiliations: [], mentions: [{ ...at('BBC'), text: 'BBC' }] };
    const out = resolveAttributions(t, [head, relay, next], [bbc]);
    assert.deepEqual(out.map((a) => [a.id, a.cue?.text ?? null, a.continues ?? null]), [['a1', 'said', null], ['a2', null, 'a1']]);
    assert.equal(out[0]!.via[0]?.entity, 'e1');
  });
});

// Sentences written for these tests (not from the seed story).
describe('resolveAttributions: a participle after a comma (speaker/participle-ambiguous)', () => {
  const t = 'The union cited a report by the Gazette and the Herald, suggesting that the mill would close.';
  const at = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
  const named = (id: string, type: Entity['type'], mention: string): Entity => ({ id, type, name: mention, roles: [], affiliations: [], mentions: [{ ...at(mention), text: mention }] });
  const entities = [named('e1', 'organization', 'The union'), named('e2', 'organization', 'Gazette'), named('e3', 'organization', 'Herald')];
  const cited = { kind: 'indirect' as const, content: [{ start: at('a report').start, end: at('close').end }], cue: at('cited'), source: at('The union'), continues: null, rule: 'attribution/cue-roles' as const };

  it('read as the subject\'s, the organisations named before the comma are the alternatives, and the subject is no via of its own words', () => {
    const suggesting = { kind: 'indirect' as const, content: [at('that the mill would close')], cue: at('suggesting'), source: at('The union'), continues: null, rule: 'attribution/cue-roles' as const };
    const [, a] = resolveAttributions(t, [cited, suggesting], entities);
    assert.equal(a!.speaker, 'e1');
    assert.deepEqual(a!.alternatives, ['e2', 'e3']);
    assert.deepEqual(a!.via, []);
  });

  it('read as the noun phrase\'s, the main clause\'s speaker is the alternative', () => {
    const suggesting = { kind: 'indirect' as const, content: [at('that the mill would close')], cue: at('suggesting'), source: at('a report by the Gazette'), continues: null, rule: 'attribution/cue-roles' as const };
    const [, a] = resolveAttributions(t, [cited, suggesting], entities);
    assert.equal(a!.speaker, 'e2');
    assert.deepEqual(a!.alternatives, ['e1']);
  });
});
