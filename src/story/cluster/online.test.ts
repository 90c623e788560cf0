import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CLUSTER_OPTIONS, OnlineClusterer, splitDue, type ClusterInput } from './online.js';

// Short articles written for the test: a storm and a trial, each told by three outlets, plus a later storm.
const storm = (id: string, published: string | null, extra: string): ClusterInput => ({
  id, published, title: `Storm Ciara floods coastal towns ${extra}`,
  text: `Storm Ciara brought floods to the coastal towns of Devon and Cornwall, where rivers burst their banks and the Environment Agency issued warnings. ${extra}`,
  entities: [{ canonical: 'place:devon', mentions: 2 }, { canonical: 'place:cornwall', mentions: 1 }, { canonical: 'organization:environment agency', mentions: 1 }],
});
const trial = (id: string, published: string | null, extra: string): ClusterInput => ({
  id, published, title: `Jury hears closing arguments in fraud trial ${extra}`,
  text: `The jury in the fraud trial of banker John Smith heard closing arguments at Southwark Crown Court, where prosecutors said he hid losses. ${extra}`,
  entities: [{ canonical: 'person:john smith', mentions: 3 }, { canonical: 'organization:southwark crown court', mentions: 1 }],
});

describe('OnlineClusterer', () => {
  it('puts each outlet\'s report of one event in one story and keeps two events apart', () => {
    const c = new OnlineClusterer();
    const ids = [storm('a1', '2020-02-09', 'on Sunday'), trial('b1', '2020-02-09', 'on Monday'), storm('a2', '2020-02-10', 'overnight'), trial('b2', '2020-02-10', 'this week'), storm('a3', '2020-02-10', 'again'), trial('b3', '2020-02-11', 'today')].map((a) => ({ id: a.id, story: c.add(a) }));
    const story = (id: string): string | null => c.storyOf(id);
    assert.equal(new Set(['a1', 'a2', 'a3'].map(story)).size, 1);
    assert.equal(new Set(['b1', 'b2', 'b3'].map(story)).size, 1);
    assert.notEqual(story('a1'), story('b1'));
    assert.equal(ids.length, 6);
    assert.deepEqual(c.history.map((h) => h.type), ['new', 'new', 'join', 'join', 'join', 'join']);
  });

  it('starts a new story for the same kind of event outside the time window', () => {
    const c = new OnlineClusterer({ windowDays: 5 });
    c.add(storm('a1', '2020-02-09', ''));
    c.add(storm('a2', '2021-03-01', 'a year on'));
    assert.notEqual(c.storyOf('a1'), c.storyOf('a2'));
  });

  it('asks more of undated articles: a weak match joins when dated, not when undated', () => {
    const weak = (id: string, published: string | null): ClusterInput => ({ id, published, title: 'Rivers rise in Devon', text: 'Rivers rose in Devon on Sunday as heavy rain fell across the region, and the Environment Agency issued warnings for farmland.', entities: [{ canonical: 'place:devon', mentions: 1 }] });
    const score = (published: string | null): number => {
      const c = new OnlineClusterer({ threshold: 0, undatedThreshold: 0 });
      c.add(storm('a1', published, ''));
      c.add(weak('w', published));
      return c.history.at(-1)!.score ?? 0;
    };
    const s = score('2020-02-09');
    assert.ok(s > 0 && s < 1, String(s));
    const c1 = new OnlineClusterer({ threshold: s - 0.01, undatedThreshold: s + 0.05 });
    c1.add(storm('a1', '2020-02-09', ''));
    assert.equal(c1.add(weak('w', '2020-02-09')), c1.storyOf('a1'));
    const c2 = new OnlineClusterer({ threshold: s - 0.01, undatedThreshold: s + 0.05 });
    c2.add(storm('a1', null, ''));
    assert.notEqual(c2.add(weak('w', null)), c2.storyOf('a1'));
  });

  it('merges two stories an article is close to both of, and keeps the merge in the history', () => {
    const c = new OnlineClusterer({ threshold: 0.05, mergeThreshold: 0.05, windowDays: 30 });
    c.add({ id: 'd', published: '2020-02-09', title: 'Devon rivers burst their banks', text: 'Rivers burst their banks in Devon.', entities: [{ canonical: 'place:devon', mentions: 2 }] });
    c.add({ id: 'k', published: '2020-02-09', title: 'Cornwall harbour walls damaged', text: 'Harbour walls were damaged in Cornwall.', entities: [{ canonical: 'place:cornwall', mentions: 2 }] });
    assert.notEqual(c.storyOf('d'), c.storyOf('k'));
    c.add(storm('both', '2020-02-09', 'in Devon and Cornwall'));
    assert.equal(c.storyOf('d'), c.storyOf('k'));
    assert.ok(c.history.some((h) => h.type === 'merge'));
  });

  it('reaches the same stories when replayed from stored term counts, as another process does', () => {
    const inputs = [storm('a1', '2020-02-09', 'x'), trial('b1', '2020-02-09', 'y'), storm('a2', '2020-02-10', 'z'), trial('b2', null, 'w')];
    const live = new OnlineClusterer();
    const log = inputs.map((a) => ({ id: a.id, terms: live.termCounts(a), story: live.add(a) }));
    const replay = new OnlineClusterer();
    const stored = JSON.parse(JSON.stringify(log)) as typeof log;
    assert.deepEqual(stored.map((e) => replay.addTerms(e.id, e.terms)), log.map((e) => e.story));
    assert.deepEqual(replay.history, live.history);
  });

  it('lets go of stories past their time, dated by days and undated by arrivals, so memory stays flat', () => {
    const c = new OnlineClusterer({ retainDays: 30, retainArrivals: 1500 });
    c.add(storm('old', '2020-01-01', ''));
    c.add(trial('undated', null, ''));
    assert.equal(c.liveStories, 2);
    c.add(storm('later', '2020-03-15', 'again'));
    assert.equal(c.liveStories, 2, 'the January storm is let go, a March storm starts anew');
    assert.notEqual(c.storyOf('later'), c.storyOf('old'));
    assert.equal(c.storyOf('old'), 's1', 'an article of a story let go still answers');
    for (let i = 0; i < 2000; i++) c.add({ id: `n${i}`, published: '2020-03-16', title: `Unrelated item ${i}`, text: `Item number ${i} about topic ${i}.`, entities: [] });
    assert.ok(c.storyOf('undated'));
    assert.ok(c.liveStories < 2000, String(c.liveStories));
    // The undated trial story has had no article for 2,000 arrivals: a new trial report starts a new story.
    assert.notEqual(c.add(trial('undated2', null, 'later')), c.storyOf('undated'));
  });

  it('splits a story whose articles turn out to be two events, keeping the first with the first article', () => {
    // Everything joins (threshold 0): the storm and the trial are glued into one story until the split check.
    const c = new OnlineClusterer({ threshold: 0, undatedThreshold: 0, mergeThreshold: 2, splitMinSize: 4, splitEvery: 1, splitThreshold: 0.15 });
    const inputs = [storm('a1', '2020-02-09', 'x'), trial('b1', '2020-02-09', 'y'), storm('a2', '2020-02-10', 'z'), trial('b2', '2020-02-10', 'w')];
    for (const a of inputs) c.add(a);
    const split = c.history.find((h) => h.type === 'split');
    assert.ok(split, JSON.stringify(c.history));
    assert.equal(split.merged, 's1');
    assert.deepEqual(split.articles, ['b1', 'b2']);
    assert.equal(c.storyOf('a1'), 's1');
    assert.equal(c.storyOf('a2'), 's1');
    assert.equal(c.storyOf('b1'), split.story);
    // Each half goes on as a story of its own.
    assert.equal(c.add(trial('b3', '2020-02-11', 'v')), split.story);
    assert.equal(c.add(storm('a3', '2020-02-11', 'u')), 's1');
  });

  it('checks a small story for a split every few articles and a large one about every eighth of its size', () => {
    const due = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k).filter((n) => splitDue(n, DEFAULT_CLUSTER_OPTIONS));
    assert.deepEqual(due(0, 31), [6, 9, 12, 15, 18, 21, 24, 27, 30]);
    const big = due(1000, 2000);
    assert.ok(big.length >= 7 && big.length <= 16, String(big));
    assert.ok(big.every((n, k) => k === 0 || n - big[k - 1]! >= 64), String(big));
    // Checks up to n articles stay a small multiple of log n, however large the story grows: each costs its size.
    const work = due(0, 100_000).reduce((sum, n) => sum + n, 0);
    assert.ok(work < 20 * 100_000, String(work));
  });

  it('hands its events over once (takeHistory) and, told to, forgets the stories of articles let go', () => {
    const kept = new OnlineClusterer({ retainDays: 30 });
    const lean = new OnlineClusterer({ retainDays: 30, keepForgotten: false });
    for (const c of [kept, lean]) {
      c.add(storm('old', '2020-01-01', ''));
      assert.deepEqual(c.takeHistory().map((e) => e.type), ['new']);
      assert.deepEqual(c.history, []);
      c.add(storm('later', '2020-03-15', 'again'));
      assert.deepEqual(c.takeHistory().map((e) => e.type), ['new']);
    }
    assert.equal(kept.storyOf('old'), 's1');
    assert.equal(lean.storyOf('old'), null, 'its story was let go and its caller keeps the assignment');
    assert.equal(lean.storyOf('later'), 's2');
  });

  it('keeps a story whole when its articles are one event', () => {
    const c = new OnlineClusterer({ splitMinSize: 4, splitEvery: 1 });
    for (const [i, extra] of ['x', 'y', 'z', 'w', 'v', 'u'].entries()) c.add(storm(`a${i}`, '2020-02-09', extra));
    assert.equal(c.history.filter((h) => h.type === 'split').length, 0);
  });

  it('forgets one-off terms of stories let go, so the dictionary does not grow with the corpus', () => {
    const c = new OnlineClusterer({ retainArrivals: 300 });
    const item = (i: number): ClusterInput => ({ id: `n${i}`, published: null, title: null, text: `Zqx${i}word appeared once in report ${i}.`, entities: [] });
    for (let i = 0; i < 3000; i++) c.add(item(i));
    const terms = new Set(c.snapshot().terms.map(([t]) => t));
    assert.equal([...terms].filter((t) => /^zqx\d+word$/.test(t)).length < 1400, true, String(terms.size));
    assert.ok(terms.has('zqx2999word'), 'a live story keeps its terms');
    assert.ok(!terms.has('zqx5word'), 'an old one-off term is gone');
    // Determinism holds across the pruning: a clusterer restored from a snapshot goes on exactly as the original.
    const copy = OnlineClusterer.restore(c.snapshot(), { retainArrivals: 300 });
    for (let i = 3000; i < 3200; i++) assert.equal(copy.add(item(i)), c.add(item(i)));
  });

  it('forgets terms of stories let go that were not seen for retainArrivals arrivals, however often seen before', () => {
    const c = new OnlineClusterer({ retainArrivals: 300 });
    // A name in three articles early on (df 3), then 3,000 articles about other things.
    for (let i = 0; i < 3; i++) c.add({ id: `old${i}`, published: null, title: null, text: `Qorvath spoke at the harbour meeting ${i}.`, entities: [] });
    const item = (i: number): ClusterInput => ({ id: `n${i}`, published: null, title: null, text: `Zqx${i}word appeared in report ${i}, and Zqx${i}word again.`, entities: [] });
    assert.ok(new Set(c.snapshot().terms.map(([t]) => t)).has('qorvath'));
    for (let i = 0; i < 3000; i++) c.add(item(i));
    const terms = new Set(c.snapshot().terms.map(([t]) => t));
    assert.ok(!terms.has('qorvath'), 'a name unseen for 3,000 arrivals is gone');
    assert.ok(terms.has('report'), 'a word in use stays');
    // The snapshot keeps when each term was last used: a restored clusterer forgets the same terms later on.
    const copy = OnlineClusterer.restore(c.snapshot(), { retainArrivals: 300 });
    for (let i = 3000; i < 4100; i++) assert.equal(copy.add(item(i)), c.add(item(i)));
    assert.deepEqual(copy.snapshot().terms, c.snapshot().terms);
  });

  it('writes a compact snapshot (live terms only, vectors as flat arrays) and still reads the version-1 form', () => {
    const c = new OnlineClusterer({ splitMinSize: 4, splitEvery: 1 });
    for (let i = 0; i < 12; i++) c.add(i % 2 ? storm(`a${i}`, '2020-02-09', `extra${i}`) : trial(`b${i}`, '2020-02-10', `more${i}`));
    const v2 = c.snapshot();
    assert.equal(v2.version, 2);
    assert.ok(v2.stories.every((st) => st.centroid[0].length === st.centroid[1].length && st.members.every((m) => m.vector[0].length === m.vector[1].length)));
    // The same state as version 1 wrote it: a slot per term id, [term, weight] pairs.
    const df = new Array<number>(v2.nextTerm).fill(0), lastSeen = new Array<number>(v2.nextTerm).fill(v2.seen);
    for (const [, id, d, l] of v2.terms) { df[id] = d; lastSeen[id] = l; }
    const pairs = ([t, w]: [number[], number[]]): Array<[number, number]> => t.map((x, i) => [x, w[i]!]);
    const v1 = {
      version: 1 as const, seen: v2.seen, nextStory: v2.nextStory, newestDay: v2.newestDay, lastForget: v2.lastForget,
      terms: v2.terms.map(([t, id]): [string, number] => [t, id]), df, lastSeen,
      stories: v2.stories.map((st) => ({ ...st, centroid: pairs(st.centroid), members: st.members.map((m) => ({ ...m, vector: pairs(m.vector) })) })),
    };
    const fromV1 = OnlineClusterer.restore(v1, { splitMinSize: 4, splitEvery: 1 });
    const fromV2 = OnlineClusterer.restore(v2, { splitMinSize: 4, splitEvery: 1 });
    assert.deepEqual(fromV1.snapshot(), v2);
    for (let i = 12; i < 20; i++) {
      const a = i % 2 ? storm(`a${i}`, '2020-02-10', `late${i}`) : trial(`b${i}`, '2020-02-11', `later${i}`);
      const expected = c.add(a);
      assert.equal(fromV1.add(a), expected);
      assert.equal(fromV2.add(a), expected);
    }
  });
});
