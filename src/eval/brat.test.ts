import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSpans, parseBrat, parseFragments, spanText } from './brat.js';

const TEXT = 'Smith said "we will win" and "soon", aides say.';
//            0    5    10        20        30        40
const ANN = [
  'T1\tSource 0 5\tSmith',
  'T2\tCue 6 10\tsaid',
  'T3\tContent 11 24;29 35\t"we will win" "soon"',
  'T4\tAttribution 6 10\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tSource 37 42\taides',
  'T6\tCue 43 46\tsay',
  'T7\tContent 29 35\t"soon"',
  'T8\tAttribution-no-source 43 46\tsay',
  'E2\tAttribution-no-source:T8 Content:T7 Cue:T6 Content2:T3',
  '#1\tAnnotatorNotes T1\ta note',
  '',
].join('\n');

describe('parseBrat', () => {
  it('reads spans, discontinuous fragments and their text', () => {
    const doc = parseBrat(ANN);
    assert.equal(doc.spans.length, 8);
    const t3 = doc.spansById.get('T3')!;
    assert.deepEqual(t3.fragments, [
      { start: 11, end: 24 },
      { start: 29, end: 35 },
    ]);
    assert.equal(t3.start, 11);
    assert.equal(t3.end, 35);
    assert.equal(t3.label, 'Content');
    assert.equal(spanText(TEXT, t3), '"we will win" "soon"');
    assert.deepEqual(checkSpans(doc, TEXT), []);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.others, ['#1\tAnnotatorNotes T1\ta note']);
  });

  it('sorts out-of-order fragments into `sorted` and keeps the written order', () => {
    const doc = parseBrat('T7\tContent 209 236;91 186\tx y');
    const t = doc.spans[0]!;
    assert.deepEqual(t.fragments.map((f) => f.start), [209, 91]);
    assert.deepEqual(t.sorted.map((f) => f.start), [91, 209]);
    assert.equal(t.start, 91);
    assert.equal(t.end, 236);
  });

  it('resolves attribution events with and without a source, and Content2', () => {
    const doc = parseBrat(ANN);
    assert.equal(doc.attributions.length, 2);
    const [a, b] = doc.attributions;
    assert.equal(a!.type, 'Attribution');
    assert.equal(a!.source?.text, 'Smith');
    assert.equal(a!.cue?.text, 'said');
    assert.equal(a!.trigger?.id, 'T4');
    assert.deepEqual(a!.content.map((c) => c.id), ['T3']);
    assert.equal(b!.type, 'Attribution-no-source');
    assert.equal(b!.source, null);
    assert.deepEqual(b!.content.map((c) => c.id), ['T7', 'T3']);
    assert.deepEqual(Object.keys(b!.roles).sort(), ['Content', 'Content2', 'Cue']);
    assert.equal(doc.events[1]!.args[2]!.base, 'Content');
  });

  it('reports malformed lines and missing references instead of throwing', () => {
    const doc = parseBrat('T1\tSource 5\tx\nT2\tCue 3 1\ty\nE1\tAttribution:T9 Source:T1\nE2\tnonsense');
    assert.equal(doc.spans.length, 0);
    assert.equal(doc.problems.length, 5); // T1, T2, E2 malformed; E1's trigger T9 and source T1 missing
    assert.equal(doc.attributions.length, 1);
    assert.equal(doc.attributions[0]!.source, null);
  });

  it('detects spans whose text does not match the article', () => {
    const doc = parseBrat('T1\tSource 0 5\tJones');
    assert.equal(checkSpans(doc, TEXT).length, 1);
  });

  it('parses fragment lists', () => {
    assert.deepEqual(parseFragments('1 2;3 4'), [
      { start: 1, end: 2 },
      { start: 3, end: 4 },
    ]);
    assert.equal(parseFragments('1'), null);
    assert.equal(parseFragments('4 2'), null);
  });
});
