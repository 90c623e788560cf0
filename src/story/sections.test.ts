/**
 * The cross-outlet sections on a two-article story written for the test (a council row: an accusation, a denial,
 * a shared quotation with a word added, a budget given differently, a crowd hedged two ways, a memo cited).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyze } from '../api/analyze.js';
import { Story } from '../model/schema.js';
import { describeAlignment } from './quotes.js';

const A = `Councillor Jane Doe accused Mayor John Smith of "wasting public money on a vanity project" at a meeting on Monday.

Nearly 200 residents attended the meeting, where the council approved a $5 million budget.

Smith denied the accusation. "I have not wasted a penny of public money," he said.

The council also cited a leaked memo showing the project's costs had doubled.`;
const B = `Mayor John Smith has rejected claims by Councillor Jane Doe that he was "wasting public money".

Almost 200 people came to Monday's meeting. The council approved a budget of $9 million.

"I have not wasted a single penny of public money," Smith told reporters.

Doe pointed to a leaked memo about the project's costs.

Local elections are due in May.`;

let story: Story;
const name = (id: string | null): string | undefined => story.entities.find((e) => e.id === id)?.name;

before(async () => {
  story = await analyze([{ text: A, source: 'Daily A', published: '2024-10-23' }, { text: B, source: 'Daily B', published: '2024-10-23' }], { now: new Date(0) });
});

describe('the story sections', () => {
  it('validate against the story schema', () => {
    assert.doesNotThrow(() => Story.parse(JSON.parse(JSON.stringify(story))));
  });

  it('every span of every section is the article text at its offsets', () => {
    const check = (article: number, s: { start: number; end: number; text: string }): void => assert.equal(story.articles[article]!.article.text.slice(s.start, s.end), s.text);
    for (const s of story.summary) check(s.article, s.span);
    for (const q of story.alignedQuotes) for (const side of q.quotes) check(side.article, side.span);
    for (const c of story.conflicts) for (const side of c.sides) { if (side.source) check(side.article, side.source); if (side.cue) check(side.article, side.cue); }
    for (const n of story.numbers) for (const q of n.quantities) { check(q.article, q.span); check(q.article, q.sentence); }
    for (const k of story.claims) for (const m of k.mentions) for (const s of m.spans) check(m.article, s);
    for (const f of story.coverage.facts) for (const m of f.mentions) check(m.article, m.span);
    for (const u of story.coverage.uniqueEntities) for (const e of u.entities) check(u.article, e.sentence);
    for (const u of story.coverage.uniqueQuotes) for (const q of u.quotes) check(u.article, q);
  });

  it('aligns a quotation with a word added as a wording difference naming the word, same speaker', () => {
    const q = story.alignedQuotes.find((x) => x.quotes[0].span.text.startsWith('I have not'));
    assert.ok(q);
    assert.equal(q.verdict, 'wording');
    assert.deepEqual(q.diff, { added: ['single'], dropped: [], changed: [] });
    assert.equal(q.speakers, 'same');
    assert.equal(q.description, 'wording differs: Daily B adds “single”');
  });

  it('gives a quotation inside what is denied to its accuser, not the denier', () => {
    const q = story.alignedQuotes.find((x) => x.quotes.some((s) => s.span.text === 'wasting public money'));
    assert.ok(q);
    assert.equal(q.verdict, 'part');
    assert.equal(q.speakers, 'same');
    assert.deepEqual(q.quotes.map((s) => s.speakers.map(name)), [['Jane Doe'], ['Jane Doe']]);
    assert.equal(story.conflicts.length, 0);
  });

  it('does not align quotations that merely share a phrase', () => {
    assert.ok(!story.alignedQuotes.some((x) => x.quotes.some((s) => s.span.text === 'wasting public money') && x.quotes.some((s) => s.span.text.startsWith('I have not'))));
  });

  it('flags numbers about the same thing that cannot both be right, and reads hedges', () => {
    const budget = story.numbers.find((n) => n.quantities.some((q) => q.span.text === '$9 million'));
    assert.ok(budget, JSON.stringify(story.numbers));
    assert.equal(budget.verdict, 'conflict');
    assert.deepEqual(budget.quantities.map((q) => q.kind), ['money', 'money']);
  });

  it('maps the accusation, the denial in both outlets and the evidence cited', () => {
    const accusation = story.claims.find((k) => k.type === 'accusation');
    assert.deepEqual([name(accusation?.by ?? null), name(accusation?.against ?? null)], ['Jane Doe', 'John Smith']);
    const denial = story.claims.find((k) => k.type === 'denial');
    assert.equal(name(denial?.by ?? null), 'John Smith');
    assert.deepEqual([...new Set(denial!.mentions.map((m) => m.article))].sort(), [0, 1]);
    const evidence = story.claims.find((k) => k.type === 'evidence');
    assert.match(evidence!.mentions[0]!.spans[0]!.text, /leaked memo/);
  });

  it('reports which outlets give each fact and what only one gives', () => {
    const shared = story.coverage.facts.filter((f) => f.articles.length === 2);
    assert.ok(shared.some((f) => f.mentions.some((m) => m.span.text.includes('leaked memo'))));
    const onlyB = story.coverage.onlyIn.find((o) => o.article === 1)!.facts.map((id) => story.coverage.facts.find((f) => f.id === id)!.mentions[0]!.span.text);
    assert.ok(onlyB.includes('Local elections are due in May.'), onlyB.join(' | '));
    assert.ok(story.coverage.quoted.some((q) => name(q.speaker) === 'John Smith' && q.words > 5));
  });

  it('sums up in the outlets\' own sentences', () => {
    assert.ok(story.summary.length > 0);
    for (const s of story.summary) assert.ok(story.articles[s.article]!.article.text.includes(s.span.text));
  });
});

describe('describeAlignment', () => {
  const diff = { added: [], dropped: [], changed: [] };
  it('says which outlet quotes a part of which', () => {
    assert.equal(describeAlignment({ verdict: 'part', longer: 1, diff }, ['X', 'Y']), "X quotes a part of Y's quotation");
    assert.equal(describeAlignment({ verdict: 'part', longer: 0, diff }, ['X', 'Y']), "Y quotes a part of X's quotation");
  });
  it('lists dropped, added and changed words', () => {
    assert.equal(describeAlignment({ verdict: 'wording', diff: { added: ['b'], dropped: ['a'], changed: [['c', 'd']] } }, ['X', 'Y']), 'wording differs: Y drops “a”; Y adds “b”; “c” → “d”');
  });
});

describe('aligned quotes over more than two outlets', () => {
  it('pairs every outlet with every later one, in article then quotation order, and leaves unrelated quotations apart', async () => {
    const quote = (who: string, extra: string): string => `${who} said: "We will rebuild the bridge before the winter floods arrive." ${extra}`;
    const three = await analyze([
      { text: `${quote('Mayor John Smith', 'The council met on Monday.')}\n\n"Nobody asked the farmers about the new road," said Ann Lee.`, source: 'One' },
      { text: quote('Smith', 'Residents were sceptical.'), source: 'Two' },
      { text: `${quote('John Smith', 'Work starts in May.')}\n\n"Nobody asked the farmers about the new road," Lee said.`, source: 'Three' },
    ], { now: new Date(0) });
    const pairs = three.alignedQuotes.map((q) => q.quotes.map((side) => side.article).join('-'));
    assert.deepEqual(pairs, ['0-1', '0-2', '0-2', '1-2']);
    assert.deepEqual(three.alignedQuotes.map((q) => q.id), ['q1', 'q2', 'q3', 'q4']);
    const farmers = three.alignedQuotes.filter((q) => q.quotes.every((side) => side.span.text.includes('farmers')));
    assert.deepEqual(farmers.map((q) => q.quotes.map((side) => side.article).join('-')), ['0-2']);
  });
});
