import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSource, coversHead, isSentenceInitial, tokenize } from './names.js';

/** Analyses `span` (a substring of text, first occurrence) in `text`. */
function nameOf(text: string, span: string) {
  const start = text.indexOf(span);
  assert.ok(start >= 0, span);
  return analyzeSource(text, [{ start, end: start + span.length }]);
}

describe('tokenize', () => {
  it('cuts possessives off and keeps abbreviations and hyphens inside', () => {
    const toks = tokenize("Donald Trump's U.S. Holtz-Eakin Sanders’ aides");
    assert.deepEqual(toks.map((t) => t.text), ['Donald', 'Trump', 'U.S', 'Holtz-Eakin', 'Sanders', 'aides']);
    assert.deepEqual(toks.map((t) => t.possessive), [false, true, false, false, true, false]);
  });
});

describe('isSentenceInitial', () => {
  it('sees sentence starts but not words after titles', () => {
    const t = 'He left. Officials said so. Mr. Trump agreed. "Critics';
    assert.ok(isSentenceInitial(t, 0));
    assert.ok(isSentenceInitial(t, t.indexOf('Officials')));
    assert.ok(!isSentenceInitial(t, t.indexOf('Trump')));
    assert.ok(isSentenceInitial(t, t.indexOf('Critics')));
  });
});

describe('analyzeSource', () => {
  const ctx = 'The senator spoke. ';
  it('skips a leading determiner and stops at a possessive', () => {
    const r = nameOf(ctx + "Donald Trump's campaign said it.", "Donald Trump's campaign");
    assert.equal(r.principal?.text, 'Donald Trump');
    assert.equal(r.principal?.head.text, 'Trump');
    assert.equal(r.principal?.words, 2);
    assert.equal(nameOf(ctx + 'The Clinton campaign said.', 'The Clinton campaign').principal?.text, 'Clinton');
    assert.equal(nameOf('According to the New York Times, x.', 'the New York Times').principal?.text, 'New York Times');
  });

  it('does not qualify pronouns, determiners and sentence-initial common words', () => {
    for (const s of ['He', 'a source', 'The group', 'Officials', 'Many lawmakers', 'One of the two major candidates']) {
      assert.equal(nameOf(`${s} said it.`, s).qualifies, false, s);
    }
  });

  it('uses the article: a sentence-initial word it also writes in lower case is not a name', () => {
    const text = 'Pundits said so. Later, pundits agreed.';
    assert.equal(nameOf(text, 'Pundits').qualifies, false);
    assert.equal(nameOf('Caddell said so.', 'Caddell').qualifies, true);
  });

  it('keeps titles in the run without counting them as name words', () => {
    const r = nameOf(ctx + 'Mr. King, 82, said.', 'Mr. King, 82,');
    assert.equal(r.principal?.text, 'Mr. King');
    assert.equal(r.principal?.words, 1);
    assert.equal(nameOf(ctx + 'the President said.', 'the President').qualifies, false);
  });

  it('joins through connectors and takes the last run before an apposition or relative clause', () => {
    let r = nameOf(ctx + 'Secretary of State John Kerry said.', 'Secretary of State John Kerry');
    assert.equal(r.principal?.text, 'Secretary of State John Kerry');
    r = nameOf(ctx + 'Trump campaign spokesman Jason Miller said.', 'Trump campaign spokesman Jason Miller');
    assert.deepEqual(r.runs.map((x) => x.text), ['Trump', 'Jason Miller']);
    assert.equal(r.principal?.text, 'Jason Miller');
    r = nameOf(ctx + 'Carmel Martin, vice president for the Center for American Progress, said.', 'Carmel Martin, vice president for the Center for American Progress,');
    assert.equal(r.principal?.text, 'Carmel Martin');
    assert.equal(r.runs[1]?.text, 'Center for American Progress');
    r = nameOf(ctx + 'a spokesman, Brian Fallon, said.', 'a spokesman, Brian Fallon,');
    assert.equal(r.principal?.text, 'Brian Fallon');
  });

  it('treats weekdays and months as not names', () => {
    assert.equal(nameOf(ctx + 'his program on Wednesday said.', 'his program on Wednesday').qualifies, false);
  });
});

describe('coversHead', () => {
  it('needs the mention to cover the last token of the run', () => {
    const text = ctx2();
    const r = nameOf(text, 'Secretary of State John Kerry').principal!;
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    assert.ok(coversHead(r, at('John Kerry')));
    assert.ok(coversHead(r, at('Kerry')));
    assert.ok(!coversHead(r, at('Secretary of State')));
  });
});

function ctx2() {
  return 'Yesterday Secretary of State John Kerry said.';
}

describe('analyzeSource: a person "of" a place', () => {
  it('ends the name run before "of" and a state or country', () => {
    const text = 'Representative Charles B. Rangel of New York said so.';
    const src = analyzeSource(text, [{ start: 0, end: text.indexOf(' said') }]);
    assert.equal(src.principal?.text, 'Representative Charles B. Rangel');
    assert.deepEqual(src.runs.map((r) => r.text), ['Representative Charles B. Rangel', 'New York']);
  });

  it('keeps "of" inside a title before a name', () => {
    const text = 'Secretary of State John Kerry said so.';
    const src = analyzeSource(text, [{ start: 0, end: text.indexOf(' said') }]);
    assert.equal(src.principal?.text, 'Secretary of State John Kerry');
  });
});
