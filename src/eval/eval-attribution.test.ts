import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldContinuations, withoutNested, goldAttribution, outletOf, predictedAttribution } from './attribution-gold.js';
import { parseBrat } from './brat.js';
import { aggregate, formatReport, parseArgs, scoreArticle } from './eval-attribution.js';

const TEXT = 'Smith said "we will win" and "soon". He told aides: taxes will fall, according to the plan.';
//            0    5    10        20        30        40        50        60        70        80
const ANN = [
  'T1\tSource 0 5\tSmith',
  'T2\tCue 6 10\tsaid',
  'T3\tContent 11 24\t"we will win"',
  'T4\tAttribution 6 10\tsaid',
  'T5\tContent 29 35\t"soon"',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T5',
  'T6\tSource 37 39\tHe',
  'T7\tCue 40 44\ttold',
  'T8\tContent 52 67\ttaxes will fall',
  'T9\tAttribution 40 44\ttold',
  'E2\tAttribution:T9 Content:T8 Cue:T7 Source:T6',
  'T10\tCue 69 81\taccording to',
  'T11\tContent 52 67\ttaxes will fall',
  'T12\tAttribution-no-source 69 81\taccording to',
  'E3\tAttribution-no-source:T12 Content:T11 Cue:T10',
  '',
].join('\n');

const doc = parseBrat(ANN);
const gold = doc.attributions.map((a) => goldAttribution(TEXT, a));

describe('gold attributions', () => {
  it('joins Content and Content2 into one trimmed discontinuous span', () => {
    assert.deepEqual(gold[0]!.content, [
      { start: 12, end: 23 },
      { start: 30, end: 34 },
    ]);
    assert.deepEqual(gold[0]!.facts, { direct: true, noSource: false, pronounSource: false, according: false });
    assert.deepEqual(gold[1]!.facts, { direct: false, noSource: false, pronounSource: true, according: false });
    assert.deepEqual(gold[2]!.facts, { direct: false, noSource: true, pronounSource: false, according: true });
    assert.equal(gold[2]!.source, null);
  });
  it('outlet is the file name prefix', () => {
    assert.equal(outletOf('wash-post_2016-10-01_x_ab12'), 'wash-post');
  });
});

describe('scoreArticle / aggregate', () => {
  it('gold against itself scores 1.0 everywhere', () => {
    const report = aggregate('dev', 'oracle', [scoreArticle('nyt_x', TEXT, gold, gold)], []);
    for (const role of ['content', 'source', 'cue'] as const) {
      assert.equal(report.roles[role].exact.f1, 1, role);
      assert.equal(report.roles[role].overlap.f1, 1, role);
    }
    assert.equal(report.roles.content.exact.gold, 3); // duplicate content counted per attribution
    assert.equal(report.roles.source.exact.gold, 2);
    assert.equal(report.attribution.allRoles.f1, 1);
    assert.deepEqual(
      report.buckets.map((b) => [b.bucket, b.gold, b.contentSourceRecall]),
      [
        ['direct (quote marks)', 1, 1],
        ['indirect', 2, 1],
        ['no source', 1, 1],
        ['pronoun source', 1, 1],
        ["'according to' cue", 1, 1],
      ],
    );
    assert.equal(report.outlets[0]?.outlet, 'nyt');
    assert.match(formatReport(report), /RECALL only/);
  });
  it('a contract-shaped prediction is scored like the gold it copies', () => {
    const asSpan = (start: number, end: number) => ({ start, end, text: TEXT.slice(start, end) });
    const pred = [
      predictedAttribution(TEXT, { content: [asSpan(29, 35), asSpan(11, 24)], cue: asSpan(6, 10), source: asSpan(0, 5) }),
      predictedAttribution(TEXT, { content: [asSpan(50, 68)], cue: asSpan(40, 44), source: asSpan(37, 39) }),
    ];
    const r = aggregate('dev', 'x', [scoreArticle('nyt_x', TEXT, gold, pred)], []);
    assert.equal(r.roles.content.exact.matched, 2); // trimmed: ": taxes will fall," = "taxes will fall"
    assert.equal(r.roles.source.exact.matched, 2);
    assert.equal(r.attribution.counts.allRoles, 2);
    assert.equal(r.attribution.content.precision, 1);
    assert.ok(Math.abs(r.attribution.content.recall - 2 / 3) < 1e-12);
  });
  it('no predictions score 0, and a prediction missing its source fails content+source only', () => {
    const empty = aggregate('dev', 'x', [scoreArticle('nyt_x', TEXT, gold, [])], []);
    assert.equal(empty.attribution.content.f1, 0);
    assert.equal(empty.roles.cue.exact.recall, 0);
    const pred = [predictedAttribution(TEXT, { content: [{ start: 52, end: 67, text: 'taxes will fall' }], cue: { start: 40, end: 44, text: 'told' }, source: null })];
    const r = aggregate('dev', 'x', [scoreArticle('nyt_x', TEXT, gold, pred)], []);
    // pairs with E3 (no source, equal Jaccard; source agreement breaks the tie), whose cue differs
    assert.equal(r.attribution.counts.content, 1);
    assert.equal(r.attribution.counts.contentSource, 1);
    assert.equal(r.attribution.counts.allRoles, 0);
    assert.equal(r.roles.content.exact.matched, 1);
  });
});

describe('parseArgs', () => {
  it('reads the flags and rejects unknown ones', () => {
    assert.deepEqual(parseArgs(['--split', 'train', '--limit=3', '--json', '--baseline', 'quotes']), {
      split: 'train',
      limit: 3,
      json: true,
      oracle: false,
      baseline: 'quotes',
      keepNested: false,
      literal: false,
    });
    assert.equal((parseArgs(['--keep-nested']) as { keepNested: boolean }).keepNested, true);
    assert.equal((parseArgs(['--literal']) as { literal: boolean }).literal, true);
    assert.equal(typeof parseArgs(['--literal', '--keep-nested']), 'string');
    assert.equal(typeof parseArgs(['--split', 'test']), 'string');
    assert.equal(typeof parseArgs(['--baseline', 'x']), 'string');
    assert.equal(typeof parseArgs(['--oracle', '--baseline', 'quotes']), 'string');
  });
});

describe('foldContinuations', () => {
  const span = (start: number, end: number) => ({ start, end, text: TEXT.slice(start, end) });
  it('joins a continuation\'s content to the attribution it continues, in PolNeAR\'s form, and scores it so', () => {
    const head = { id: 'a1', content: [span(11, 24)], cue: span(6, 10), source: span(0, 5) };
    const next = { id: 'a2', content: [span(29, 35)], cue: null, source: null, continues: 'a1' };
    const third = { id: 'a3', content: [span(52, 67)], cue: span(40, 44), source: span(37, 39) };
    const folded = foldContinuations([head, next, third]);
    assert.equal(folded.length, 2);
    assert.deepEqual(folded[0]!.content.map((c) => c.text), ['"we will win"', '"soon"']);
    assert.deepEqual(head.content.length, 1, 'the input is not changed');
    const score = scoreArticle('t', TEXT, gold, folded.map((p) => predictedAttribution(TEXT, p)));
    assert.equal(score.roles.content.exact.matched, 2, 'Smith\'s two-fragment content and "taxes will fall" match exactly');
  });

  it('follows a chain of continuations back to its head', () => {
    const list = [
      { id: 'a1', content: [span(11, 24)], cue: span(6, 10), source: span(0, 5) },
      { id: 'a2', content: [span(29, 35)], cue: null, source: null, continues: 'a1' },
      { id: 'a3', content: [span(52, 67)], cue: null, source: null, continues: 'a2' },
    ];
    assert.deepEqual(foldContinuations(list).map((a) => a.content.length), [3]);
  });
});

describe('withoutNested', () => {
  const at = (start: number, end: number) => ({ start, end });
  const spans = (a: { content: { start: number; end: number }[]; cue: { start: number; end: number } | null }) => a;
  it('leaves out an attribution whose cue lies inside another\'s content, and keeps the rest in order', () => {
    // "The BBC reported the prime minister said no. Others said yes."
    const outer = { content: [at(15, 44)], cue: at(8, 16) };
    const inner = { content: [at(42, 44)], cue: at(37, 41) };
    const other = { content: [at(58, 61)], cue: at(53, 57) };
    assert.deepEqual(withoutNested([outer, inner, other], spans), [outer, other]);
  });

  it('keeps an attribution whose cue only touches another\'s content, and one without a cue', () => {
    const a = { content: [at(10, 20)], cue: at(0, 9) };
    const touching = { content: [at(26, 30)], cue: at(19, 25) };
    const continued = { content: [at(12, 18)], cue: null };
    assert.deepEqual(withoutNested([a, touching, continued], spans), [a, touching, continued]);
  });

  it('of two that hold each other\'s cue, keeps the one with the longer content', () => {
    const long = { content: [at(0, 40)], cue: at(45, 50) };
    const short = { content: [at(44, 60)], cue: at(10, 14) };
    assert.deepEqual(withoutNested([short, long], spans), [long]);
  });

  it('reads every fragment of the outer content', () => {
    const outer = { content: [at(0, 5), at(30, 50)], cue: at(10, 14) };
    const inner = { content: [at(45, 50)], cue: at(35, 40) };
    assert.deepEqual(withoutNested([outer, inner], spans), [outer]);
  });
});
