/**
 * The rule layer of entity extraction and within-article resolution, tested with a stub tagger
 * (given names and types), so the rules are checked independently of the statistical model.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityType } from '../../model/schema.js';
import { createEntityResolver, type ResolvedEntity } from '../../resolve/entities.js';
import { createSegmenter } from '../../text/index.js';
import type { TextLayer } from '../../text/types.js';
import { createGazetteer } from './gazetteer.js';
import { createMentionFinder, type TaggedMention } from './mentions.js';
import { createRoleFinder, possessiveAffiliations } from './roles.js';

const segment = createSegmenter();
const findMentions = createMentionFinder();
const findRoles = createRoleFinder();
const resolve = createEntityResolver(createGazetteer());

/** Every occurrence of each given name, as a tagger would propose it. */
function stubTagger(text: string, layer: TextLayer, names: [string, EntityType][]): TaggedMention[] {
  const out: TaggedMention[] = [];
  // Longest names first, and no overlaps: a tagger proposes "Jane Holloway", not also "Holloway" inside it.
  for (const [name, type] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      if (out.some((o) => o.start < at + name.length && at < o.end)) continue;
      const tokenStart = layer.tokens.findIndex((t) => t.start === at);
      const tokenEnd = layer.tokens.findIndex((t) => t.end === at + name.length) + 1;
      if (tokenStart >= 0 && tokenEnd > tokenStart) out.push({ start: at, end: at + name.length, type, tokenStart, tokenEnd, rule: 'ner/stub' });
    }
  }
  return out;
}

function entitiesOf(text: string, names: [string, EntityType][] = []): ResolvedEntity[] {
  const article = { text, blocks: [{ start: 0, end: text.length, kind: 'paragraph' as const }], links: [] };
  const layer = segment(article);
  const { mentions, view } = findMentions(article, layer, stubTagger(text, layer, names));
  return resolve(text, mentions, findRoles(view, mentions), possessiveAffiliations(view, mentions));
}

const byName = (entities: ResolvedEntity[], name: string) => {
  const e = entities.find((x) => x.name === name);
  assert.ok(e, `no entity named ${name} in ${JSON.stringify(entities.map((x) => x.name))}`);
  return e;
};

describe('entity rules', () => {
  it('merges a surname into the full name and takes the title before it as a role', () => {
    const entities = entitiesOf('Deputy Prime Minister Jane Holloway spoke on Tuesday. Holloway said the plan would work.', [['Jane Holloway', 'person'], ['Holloway', 'person']]);
    const e = byName(entities, 'Jane Holloway');
    assert.deepEqual(e.mentions.map((m) => m.text), ['Jane Holloway', 'Holloway']);
    assert.deepEqual(e.mentionRules, ['ner/stub', 'coref/surname']);
    assert.deepEqual(e.roles, ['Deputy Prime Minister']);
    assert.equal(e.roleMentions[0]!.rule, 'role/title-before');
  });

  it('finds a person after an honorific even when the tagger missed it, and keeps the gender for pronouns', () => {
    const entities = entitiesOf('Mr Okafor met the press in Lagos. "We will win," he said.');
    const e = byName(entities, 'Okafor');
    assert.equal(e.type, 'person');
    assert.deepEqual(e.mentions.map((m) => m.text), ['Okafor', 'he']);
    assert.deepEqual(e.mentionRules, ['name/honorific', 'coref/pronoun-recent']);
  });

  it('resolves "he noted" after a quotation of several sentences to the speaker of the paragraph before', () => {
    const text = 'Mr Okafor spoke in Lagos.\n\n"We will win. We always do. They know it. Everyone knows it," he noted.';
    const article = { text, blocks: [{ start: 0, end: 25, kind: 'paragraph' as const }, { start: 27, end: text.length, kind: 'paragraph' as const }], links: [] };
    const layer = segment(article);
    const { mentions, view } = findMentions(article, layer, []);
    const entities = resolve(text, mentions, findRoles(view, mentions), possessiveAffiliations(view, mentions), layer.sentences.map((s) => s.block));
    assert.deepEqual(byName(entities, 'Okafor').mentions.map((m) => m.text), ['Okafor', 'he']);
  });

  it('keeps "the prime minister said" after a name and a comma as a mention, not an apposition', () => {
    const entities = entitiesOf('Prime Minister Ana Silva spoke. Asked about Tom Hart, the prime minister said no.', [['Ana Silva', 'person'], ['Tom Hart', 'person']]);
    assert.ok(byName(entities, 'Ana Silva').mentions.some((m) => m.text === 'the prime minister'));
    assert.deepEqual(byName(entities, 'Tom Hart').roles, []);
  });

  it('types every item of a list of places as a place', () => {
    const entities = entitiesOf('Volunteers went to Ohio, Georgia, Michigan and Texas last week.', [['Ohio', 'place'], ['Georgia', 'person'], ['Michigan', 'place'], ['Texas', 'place']]);
    assert.equal(byName(entities, 'Georgia').type, 'place');
  });

  it('makes one place of U.K., UK and Britain, named as in the alias table', () => {
    const entities = entitiesOf("The U.K.'s envoy arrived. Britain and the UK government said little.");
    const uk = byName(entities, 'United Kingdom');
    assert.deepEqual(uk.mentions.map((m) => m.text), ['U.K.', 'Britain', 'UK']);
    assert.equal(uk.canonical, 'place:united kingdom');
  });

  it('names a group through a person and links it to that person', () => {
    const entities = entitiesOf("Senator Alan Price's campaign team filed a complaint. The Price campaign later withdrew it.", [['Alan Price', 'person'], ['Price', 'person']]);
    const group = byName(entities, 'Price campaign');
    const person = byName(entities, 'Alan Price');
    assert.equal(group.type, 'organization');
    assert.deepEqual(group.affiliations, [person.id]);
    assert.deepEqual(group.mentions.map((m) => m.text), ["Alan Price's campaign team", 'Price campaign']);
    assert.deepEqual(group.group, { of: person.id, noun: 'campaign' });
  });

  it('takes a role from an apposition after the name, with the organisation after "at" as affiliation', () => {
    const entities = entitiesOf('Maria Lopez, the director of policy at Greenpeace, said the law was weak.', [['Maria Lopez', 'person'], ['Greenpeace', 'organization']]);
    const e = byName(entities, 'Maria Lopez');
    assert.deepEqual(e.roles, ['director of policy at Greenpeace']);
    assert.deepEqual(e.affiliations, [byName(entities, 'Greenpeace').id]);
  });

  it('takes roles from an apposition before the name, split at "and", with the possessor as affiliation', () => {
    const entities = entitiesOf("Mr Lee's chief of staff and former campaign manager, Tom Hart, attended the dinner.", [['Tom Hart', 'person']]);
    const e = byName(entities, 'Tom Hart');
    assert.deepEqual(e.roles, ['chief of staff', 'former campaign manager']);
    assert.deepEqual(e.affiliations, [byName(entities, 'Lee').id]);
  });

  it('resolves "the prime minister" to the person holding that role', () => {
    const entities = entitiesOf('Prime Minister Ana Silva visited Fiji. Asked about the row, the prime minister said no.', [['Ana Silva', 'person'], ['Fiji', 'place']]);
    const e = byName(entities, 'Ana Silva');
    assert.ok(e.mentions.some((m) => m.text === 'the prime minister'));
    assert.equal(e.mentionRules[e.mentions.findIndex((m) => m.text === 'the prime minister')], 'coref/description-role');
  });

  it('resolves "the Republican candidate" to the person whose role names that party, not the nearest candidate', () => {
    const entities = entitiesOf(
      'Republican nominee Tom Hart met Democratic nominee Ana Silva. Later the Republican candidate left.',
      [['Tom Hart', 'person'], ['Ana Silva', 'person']],
    );
    assert.ok(byName(entities, 'Tom Hart').mentions.some((m) => m.text === 'the Republican candidate'));
    assert.ok(!byName(entities, 'Ana Silva').mentions.some((m) => m.text === 'the Republican candidate'));
  });

  it('resolves "the US candidate" to the one person named just before, the country inside it notwithstanding', () => {
    const entities = entitiesOf('Britain sought to calm a row with Tom Hart after the US candidate accused the government.', [['Tom Hart', 'person']]);
    const e = byName(entities, 'Tom Hart');
    assert.deepEqual(e.mentions.map((m) => m.text), ['Tom Hart', 'the US candidate']);
    assert.deepEqual(e.mentionRules, ['ner/stub', 'coref/description-recent']);
  });

  it('resolves "the broadcaster" to a broadcaster from the institution table, not to the latest organisation', () => {
    const entities = entitiesOf('He spoke to CNN about the Green Party. The comments were aired, the broadcaster reported.', [['Green Party', 'organization']]);
    const cnn = byName(entities, 'CNN');
    assert.deepEqual(cnn.mentions.map((m) => m.text), ['CNN', 'the broadcaster']);
  });

  it('joins an organisation short form to its full name', () => {
    const entities = entitiesOf('The Reform Party won. Reform said it would govern.', [['Reform Party', 'organization'], ['Reform', 'organization']]);
    const e = byName(entities, 'Reform Party');
    assert.deepEqual(e.mentions.map((m) => m.text), ['Reform Party', 'Reform']);
  });

  it('takes an organisation possessing a name as its affiliation', () => {
    const entities = entitiesOf("Greenpeace's Maria Lopez said the law was weak.", [['Maria Lopez', 'person'], ['Greenpeace', 'organization']]);
    assert.deepEqual(byName(entities, 'Maria Lopez').affiliations, [byName(entities, 'Greenpeace').id]);
  });
});

describe('entity rules: links', () => {
  it('joins a nickname to the full name when both link to the same topic page', () => {
    const text = 'Robert Smith arrived first. Later Bob spoke to the crowd.';
    const href = 'https://news.example/tags/robert-smith/';
    const article = { text, blocks: [{ start: 0, end: text.length, kind: 'paragraph' as const }], links: [{ start: 0, end: 12, href }, { start: 34, end: 37, href }] };
    const layer = segment(article);
    const { mentions, view } = findMentions(article, layer, stubTagger(text, layer, [['Robert Smith', 'person'], ['Bob', 'person']]));
    const entities = resolve(text, mentions, findRoles(view, mentions), possessiveAffiliations(view, mentions));
    const e = byName(entities, 'Robert Smith');
    assert.deepEqual(e.mentions.map((m) => m.text), ['Robert Smith', 'Bob']);
    assert.deepEqual(e.mentionRules, ['ner/stub', 'coref/same-link']);
    assert.deepEqual(e.links, [href]);
  });
});

describe('entity rules: near misses', () => {
  it('does not resolve a pronoun with no person before it', () => {
    const entities = entitiesOf('He said the weather would turn. Officials in Ohio agreed.', [['Ohio', 'place']]);
    assert.equal(entities.filter((e) => e.type === 'person').length, 0);
  });

  it('does not resolve "the prime minister" when no one holds a matching role', () => {
    const entities = entitiesOf('Director Tom Hart met Ana Silva. Later the prime minister called.', [['Tom Hart', 'person'], ['Ana Silva', 'person']]);
    assert.ok(entities.every((e) => !e.mentions.some((m) => m.text === 'the prime minister')));
  });

  it('takes no role from a clause between commas that is not a noun phrase', () => {
    const entities = entitiesOf('Ana Silva, who arrived late, said nothing.', [['Ana Silva', 'person']]);
    assert.deepEqual(byName(entities, 'Ana Silva').roles, []);
  });

  it('finds nothing in a heading or a credit line', () => {
    const text = 'Keir Starmer\n\nJane Doe | Reuters';
    const article = { text, blocks: [{ start: 0, end: 12, kind: 'heading' as const }, { start: 14, end: text.length, kind: 'credit' as const }], links: [] };
    const layer = segment(article);
    const { mentions } = findMentions(article, layer, stubTagger(text, layer, [['Keir Starmer', 'person'], ['Jane Doe', 'person']]));
    assert.deepEqual(mentions, []);
  });
});
