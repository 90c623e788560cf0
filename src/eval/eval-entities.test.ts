import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity } from '../model/schema.js';
import { parseBrat } from './brat.js';
import { goldSources, scoreArticle, spreadExamples, summarize } from './eval-entities.js';

const TEXT = 'Gov. Jo Lee said so. A source said no. Brand Inc. said yes. Kim said too.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });
const ANN = [
  ['Gov. Jo Lee', 1],
  ['A source', 5],
  ['Brand Inc', 9],
  ['Kim', 13],
]
  .map(([s, n]) => {
    const sp = at(s as string);
    const i = n as number;
    return `T${i}\tSource ${sp.start} ${sp.end}\t${s}\nT${i + 1}\tCue ${sp.end + 1} ${sp.end + 5}\tsaid\nT${i + 2}\tContent 0 1\tG\nT${i + 3}\tAttribution ${sp.end + 1} ${sp.end + 5}\tsaid\nE${i}\tAttribution:T${i + 3} Content:T${i + 2} Cue:T${i + 1} Source:T${i}`;
  })
  .join('\n');

const e = (id: string, type: Entity['type'], ...m: string[]): Entity => ({ id, type, name: m[0]!, roles: [], affiliations: [], mentions: m.map(at) });

describe('eval:entities scoring', () => {
  const sources = goldSources(parseBrat(ANN));
  it('collects each source span once', () => {
    assert.equal(sources.length, 4);
  });
  it('scores qualifying sources by person/organization mentions covering the name head', () => {
    const results = scoreArticle('x', TEXT, sources, [e('e1', 'person', 'Jo Lee'), e('e2', 'organization', 'Brand Inc.'), e('e3', 'place', 'Kim')]);
    assert.deepEqual(results.map((r) => r.principal.text), ['Gov. Jo Lee', 'Brand Inc', 'Kim']);
    assert.deepEqual(results.map((r) => r.coveredBy), [['person'], ['organization'], []]);
    assert.deepEqual(results[2]!.otherTypeOnly, ['place']);
    const s = summarize(results, 1, sources.length, [], 5);
    assert.equal(s.qualifying, 3);
    assert.equal(s.covered, 2);
    assert.equal(s.coveredOnlyByPlaceOrOther, 1);
    assert.deepEqual(s.singleWord, { qualifying: 1, covered: 0 }); // Kim
    assert.deepEqual(s.multiWord, { qualifying: 2, covered: 2 }); // Jo Lee (the title not counted), Brand Inc
    assert.deepEqual(s.uncovered, [{ article: 'x', span: 'Kim', name: 'Kim' }]);
  });
  it('does not count a mention that misses the head', () => {
    const [r] = scoreArticle('x', TEXT, sources.slice(0, 1), [e('e1', 'person', 'Gov. Jo')]);
    assert.deepEqual(r!.coveredBy, []);
  });
  it('spreads examples over articles and names', () => {
    const mk = (article: string, text: string) => ({ article, principal: { text } });
    const items = [mk('a', 'X'), mk('a', 'X'), mk('a', 'Y'), mk('b', 'Z')];
    assert.deepEqual(spreadExamples(items, 3).map((i) => `${i.article}:${i.principal.text}`), ['a:X', 'b:Z', 'a:Y']);
  });
});
