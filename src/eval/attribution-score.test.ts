import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  attributionCounts,
  attributionF1,
  countLetters,
  exactF1,
  exactRole,
  letterIndex,
  letterJaccard,
  overlapF1,
  overlapRole,
  pairAttributions,
  prf,
  rolesAgree,
  sharedLetters,
  trimFragment,
  trimSpan,
  type ScoredAttribution,
} from './attribution-score.js';

const f = (start: number, end: number) => ({ start, end });
/** The span of the first occurrence of `needle` in `text`. */
const at = (text: string, needle: string, from = 0) => {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, needle);
  return f(start, start + needle.length);
};

describe('trimSpan', () => {
  const text = 'He said: “We will win.” (Really!)';
  it('cuts quote marks and punctuation at the edges of each fragment', () => {
    const quote = at(text, '“We will win.”');
    assert.deepEqual(trimFragment(text, quote), at(text, 'We will win'));
    assert.deepEqual(trimSpan(text, [at(text, ' said: ')]), [at(text, 'said')]);
    assert.deepEqual(trimSpan(text, [at(text, '(Really!)')]), [at(text, 'Really')]);
  });
  it('drops fragments without letters or digits, sorts the rest and keeps duplicates once', () => {
    const later = at(text, 'Really');
    const earlier = at(text, 'We');
    assert.deepEqual(trimSpan(text, [later, at(text, ': '), earlier, earlier]), [earlier, later]);
    assert.deepEqual(trimSpan(text, [at(text, ': “')]), []);
  });
  it('keeps digits and inner punctuation', () => {
    const t = '"$4.5 billion."';
    assert.deepEqual(trimSpan(t, [f(0, t.length)]), [f(2, 13)]);
    assert.equal(t.slice(2, 13), '4.5 billion');
  });
});

describe('letters', () => {
  const text = 'ab, cd. ef';
  const index = letterIndex(text);
  it('counts letters and digits once over overlapping fragments', () => {
    assert.equal(countLetters(index, [f(0, 10)]), 6);
    assert.equal(countLetters(index, [f(0, 5), f(3, 10)]), 6);
    assert.equal(sharedLetters(index, [f(0, 2), f(8, 10)], [f(1, 9)]), 2); // b and e
    assert.equal(letterJaccard(index, [f(0, 2)], [f(0, 6)]), 0.5);
    assert.equal(letterJaccard(index, [], []), 0);
  });
  it('roles agree when both are missing or they share a letter', () => {
    assert.equal(rolesAgree(index, null, null), true);
    assert.equal(rolesAgree(index, [f(0, 2)], null), false);
    assert.equal(rolesAgree(index, null, [f(0, 2)]), false);
    assert.equal(rolesAgree(index, [f(0, 2)], [f(1, 6)]), true);
    assert.equal(rolesAgree(index, [f(0, 2)], [f(2, 4)]), false); // only ", " shared
  });
});

describe('exactRole', () => {
  it('matches spans as multisets: duplicates count only as often as they occur in gold', () => {
    const a = [f(0, 2)];
    const b = [f(4, 6)];
    const c = exactRole([a, a, b], [a, a, a, [f(4, 5)]]);
    assert.deepEqual(c, { pred: 4, gold: 3, matched: 2 });
    assert.deepEqual(exactF1(c), prf(2, 4, 2, 3));
  });
  it('compares discontinuous spans fragment by fragment', () => {
    assert.equal(exactRole([[f(0, 2), f(4, 6)]], [[f(0, 2), f(4, 6)]]).matched, 1);
    assert.equal(exactRole([[f(0, 2), f(4, 6)]], [[f(0, 6)]]).matched, 0);
    assert.equal(exactRole([[f(0, 2), f(4, 6)]], [[f(0, 2)]]).matched, 0);
  });
  it('does not count empty spans', () => {
    assert.deepEqual(exactRole([[]], [[]]), { pred: 0, gold: 0, matched: 0 });
  });
});

describe('overlapRole', () => {
  const text = 'aaaa bbbb cccc dddd';
  const index = letterIndex(text);
  it('credits each span with its best share covered by one span of the other side', () => {
    const gold = [[f(0, 9)], [f(10, 19)]]; // 8 letters each
    const pred = [[f(5, 14)]]; // bbbb cccc: half in each gold span
    const c = overlapRole(index, gold, pred);
    assert.equal(c.precisionCredit, 0.5); // best single gold span covers 4 of 8
    assert.equal(c.recallCredit, 1); // each gold span: 4 of 8 covered
    assert.deepEqual(overlapF1(c), prf(0.5, 1, 1, 2));
  });
  it('counts the letters of a discontinuous span over its fragments', () => {
    const c = overlapRole(index, [[f(0, 4), f(15, 19)]], [[f(0, 4)]]);
    assert.equal(c.precisionCredit, 1);
    assert.equal(c.recallCredit, 0.5);
  });
});

describe('pairAttributions', () => {
  // 0         1         2         3         4
  // 0123456789012345678901234567890123456789012
  const text = 'one two three four five six seven eight Sam';
  const index = letterIndex(text);
  const att = (content: [number, number][], source: [number, number] | null = null, cue: [number, number] | null = null): ScoredAttribution => ({
    content: content.map(([s, e]) => f(s, e)),
    source: source && [f(...source)],
    cue: cue && [f(...cue)],
  });
  it('pairs one to one, best content Jaccard first', () => {
    const gold = [att([[0, 13]]), att([[0, 23]])];
    const pred = [att([[0, 23]])];
    const pairs = pairAttributions(index, gold, pred);
    assert.deepEqual(
      pairs.map((p) => [p.gold, p.pred, p.jaccard]),
      [[1, 0, 1]],
    );
  });
  it('leaves out pairs under 0.5 Jaccard and keeps those at 0.5', () => {
    // "one two" (6 letters) vs "one two three four" (15): 0.4 → no pair
    assert.equal(pairAttributions(index, [att([[0, 18]])], [att([[0, 7]])]).length, 0);
    // "one two three" (11) vs "one two three four five six" (22): exactly 0.5 → a pair
    assert.equal(pairAttributions(index, [att([[0, 27]])], [att([[0, 13]])]).length, 1);
  });
  it('compares discontinuous contents as one span', () => {
    const pairs = pairAttributions(index, [att([[0, 3], [34, 39]])], [att([[34, 39], [0, 3]])]);
    assert.equal(pairs[0]?.jaccard, 1);
  });
  it('content+source: both without a source agree; one side without a source does not', () => {
    const gold = [att([[0, 13]]), att([[14, 27]], [40, 43])];
    const pred = [att([[0, 13]]), att([[14, 27]])];
    const c = attributionCounts(pairAttributions(index, gold, pred), 2, 2);
    assert.deepEqual(c, { pred: 2, gold: 2, content: 2, contentSource: 1, allRoles: 1 });
    const swapped = attributionCounts(pairAttributions(index, [att([[0, 13]])], [att([[0, 13]], [40, 43])]), 1, 1);
    assert.equal(swapped.contentSource, 0);
  });
  it('all roles: cues must overlap, or both be missing', () => {
    const gold = [att([[0, 13]], [40, 43], null), att([[14, 27]], [40, 43], [28, 33]), att([[28, 39]], [40, 43], [34, 39])];
    const pred = [att([[0, 13]], [40, 42], null), att([[14, 27]], [41, 43], [28, 32]), att([[28, 39]], [40, 43], null)];
    const c = attributionCounts(pairAttributions(index, gold, pred), 3, 3);
    assert.deepEqual(c, { pred: 3, gold: 3, content: 3, contentSource: 3, allRoles: 2 });
    const f1 = attributionF1(c);
    assert.equal(f1.content.f1, 1);
    assert.ok(Math.abs(f1.allRoles.f1 - 2 / 3) < 1e-12);
  });
  it('on equal Jaccard, prefers the pair whose sources agree', () => {
    const gold = [att([[0, 13]], [40, 43]), att([[0, 13]], [34, 39])];
    const pred = [att([[0, 13]], [34, 39]), att([[0, 13]], [40, 43])];
    const c = attributionCounts(pairAttributions(index, gold, pred), 2, 2);
    assert.equal(c.contentSource, 2);
  });
});

describe('prf', () => {
  it('is 0 on empty denominators', () => {
    assert.deepEqual(prf(0, 0, 0, 5), { precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(prf(1, 2, 1, 2), { precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});
