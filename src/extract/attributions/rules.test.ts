import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plain-text.js';
import { createSegmenter } from '../../text/index.js';
import { createPosTagger } from '../pos/tagger.js';
import { createCueProposer } from './cue-proposals.js';
import { AttributionBuffer, markBlock, readAttributionArticle } from './features.js';
import { DEFAULT_ATTRIBUTION_MODEL, createAttributionExtractor, type AttributionFinding } from './index.js';
import { paragraphRanges, type CueRoles, type RoleSpan } from './tagger.js';
import { BlockAssembler, withoutSpans } from './group.js';
import { ACTIVE, PASSIVE, RAISING_CUE, cueVoice } from './role-features.js';

const segment = createSegmenter();
const extract = createAttributionExtractor();
const posTag = createPosTagger();

function run(text: string): AttributionFinding[] {
  const article = buildArticle(readPlainText(text), { source: 'test' }).article;
  return extract(article, segment(article));
}
const slice = (text: string, s: { start: number; end: number } | null): string | null => (s ? text.slice(s.start, s.end) : null);
/** A text read as the attribution tagger reads it: tokens, part-of-speech tags (no NER), cue and quotation flags. */
function readForTagging(text: string) {
  const article = buildArticle(readPlainText(text), { source: 'test' }).article;
  const layer = segment(article);
  const buf = new AttributionBuffer();
  readAttributionArticle(article.text, layer.tokens, layer.sentences, { ner: null, pos: posTag(article.text, layer) }, null, buf);
  return { article, layer, buf };
}

/** The cue proposals of every paragraph of a text, given the cues the tagger already took. */
function proposalsOf(text: string, taken: RoleSpan[] = []) {
  const { article, layer, buf } = readForTagging(text);
  const propose = createCueProposer(buf);
  const proposals = paragraphRanges(article, layer).flatMap((range) => {
    markBlock(buf, range.from, range.to);
    return propose(article.text, layer, range, taken);
  });
  return { proposals, article, layer };
}
const byRule = (found: readonly AttributionFinding[], rule: AttributionFinding['rule']) => found.filter((f) => f.rule === rule);

// Sentences written for these tests (not from PolNeAR or the seed story).
describe('attribution rules beside the taggers', { skip: !existsSync(DEFAULT_ATTRIBUTION_MODEL) && 'no model (npm run train:attribution)' }, () => {
  it('speaker-label: "NAME: …" opening a line is NAME speaking', () => {
    const text = 'WALLACE: Let us start with the debate.';
    const [a] = byRule(run(text), 'attribution/speaker-label');
    assert.equal(slice(text, a!.source), 'WALLACE');
    assert.equal(slice(text, a!.cue), ':');
    assert.deepEqual(a!.content.map((c) => slice(text, c)), ['Let us start with the debate']);
  });

  it('speaker-label: never a label that names no speaker, nor a lower-case word, nor a line of figures', () => {
    for (const text of ['Note: the meeting was moved to Tuesday.', 'UPDATE: the road is open again.', 'Editor\'s note: this story was corrected.', 'the plan: build more homes.']) {
      assert.deepEqual(byRule(run(text), 'attribution/speaker-label'), [], text);
    }
    const layout = 'The count so far\n\nThe party counted the delegates on Tuesday night.\n\nOKAFOR: 2,316.\n\nLOOK: Photos of the rally are going around.\n\nMENDEZ: We will count again.';
    assert.deepEqual(byRule(run(layout), 'attribution/speaker-label').map((f) => slice(layout, f.source)), ['MENDEZ']);
  });

  it('dash-credit: a quotation credited after a dash, non-breaking space and all', () => {
    const text = '“We can win this.” \u2015\u00a0Maria Lopez\n“They will not stop us.” \u2014 Sam Okafor.';
    const found = byRule(run(text), 'attribution/dash-credit');
    assert.deepEqual(found.map((f) => [slice(text, f.source), slice(text, f.cue), f.content.map((c) => slice(text, c)), f.kind]), [
      ['Maria Lopez', '\u2015', ['We can win this'], 'direct'],
      ['Sam Okafor', '\u2014', ['They will not stop us'], 'direct'],
    ]);
  });

  it('dash-credit: not a dash inside a sentence, nor a quotation without a name after it', () => {
    for (const text of ['“We can win this” — and then they lost.', '“We can win this.” — 2016', 'Prices rose — Maria Lopez left.']) {
      assert.deepEqual(byRule(run(text), 'attribution/dash-credit'), [], text);
    }
  });

  it('colon-next-paragraph: "X continued:" takes the next paragraph\'s quotation as content', () => {
    const text = 'Caddell continued:\n\n"The health issue is a partisan issue."';
    const [a] = byRule(run(text), 'attribution/colon-next-paragraph');
    assert.equal(slice(text, a!.source), 'Caddell');
    assert.deepEqual(a!.content.map((c) => slice(text, c)), ['The health issue is a partisan issue']);
    assert.equal(a!.kind, 'direct');
  });

  it('colon-next-paragraph: not when the next paragraph is no quotation', () => {
    const text = 'Caddell continued:\n\nThe polls closed at eight.';
    assert.deepEqual(byRule(run(text), 'attribution/colon-next-paragraph'), []);
  });

  it('continued-quote: a quotation paragraph with no cue continues the previous speaker', () => {
    const text = '"We won," she said.\n\n"They lost, and they know it."';
    const found = run(text);
    const head = found.find((f) => f.rule === 'attribution/cue-roles')!;
    const [next] = byRule(found, 'attribution/continued-quote');
    assert.equal(slice(text, head.source), 'she');
    assert.equal(next!.continues, head);
    assert.equal(next!.cue, null);
    assert.deepEqual(next!.content.map((c) => slice(text, c)), ['They lost, and they know it']);
  });

  it('continued-quote: a quoted sentence after the cue\'s sentence is its own attribution', () => {
    const text = '"When the British came before, it did not end well," he wrote, recalling the war. "They have forgotten the message."';
    const found = run(text);
    const head = found.find((f) => slice(text, f.cue) === 'wrote')!;
    assert.deepEqual(head.content.map((c) => slice(text, c)), ['When the British came before, it did not end well']);
    const [next] = byRule(found, 'attribution/continued-quote');
    assert.equal(next!.continues, head);
    assert.deepEqual(next!.content.map((c) => slice(text, c)), ['They have forgotten the message']);
  });

  it('continued-quote: each quoted sentence after the cue\'s, up to one with a cue of its own', () => {
    const text = '“The river rose faster than anyone expected,” the mayor said on Friday. “We moved three hundred families overnight.” “Nobody was hurt.” “The roads will stay shut,” an engineer added.';
    const found = run(text);
    const head = found.find((f) => slice(text, f.cue) === 'said')!;
    assert.deepEqual(head.content.map((c) => slice(text, c)), ['The river rose faster than anyone expected']);
    const more = byRule(found, 'attribution/continued-quote');
    assert.ok(more.every((f) => f.continues === head), JSON.stringify(more));
    assert.deepEqual(more.flatMap((f) => f.content.map((c) => slice(text, c))).join(' | ').replace(/[“”]/g, ''), 'We moved three hundred families overnight | Nobody was hurt');
    const added = found.find((f) => slice(text, f.cue) === 'added')!;
    assert.deepEqual(added.content.map((c) => slice(text, c)), ['The roads will stay shut']);
  });

  it('continued-quote: not after an indirect attribution, nor a paragraph with words outside the quotation', () => {
    assert.deepEqual(byRule(run('The mayor said the plan would work.\n\n"It will," they hoped, then left.'), 'attribution/continued-quote'), []);
    assert.deepEqual(byRule(run('"We won," she said.\n\nThe crowd cheered "loudly" for an hour.'), 'attribution/continued-quote'), []);
  });

  it('reporting-noun: "accusations by X that …" gives X as source and the that-clause as content', () => {
    const text = 'Labour has rejected accusations by Donald Trump\'s campaign team that its members interfered.';
    const [a] = byRule(run(text), 'attribution/reporting-noun');
    assert.equal(slice(text, a!.cue), 'accusations');
    assert.equal(slice(text, a!.source), 'Donald Trump\'s campaign team');
    assert.deepEqual(a!.content.map((c) => slice(text, c)), ['that its members interfered']);
  });

  it('reporting-noun proposals: the by-phrase or a possessor past an adjective is the source; a relative "that" proposes nothing', () => {
    const propose = (text: string) => {
      const { proposals, layer } = proposalsOf(text);
      const tok = (s: { start: number; end: number } | null) => (s ? text.slice(layer.tokens[s.start]!.start, layer.tokens[s.end - 1]!.end) : null);
      return proposals.filter((p) => p.origin === 'reporting-noun')
        .map((p) => [tok(p), tok(p.frame!.source), tok({ start: p.frame!.contentStart, end: p.frame!.contentStart + 1 })]);
    };
    assert.deepEqual(propose('The video contradicted the police\'s earlier claim that he had refused.'), [['claim', 'police\'s', 'that']]);
    assert.deepEqual(propose('Labour rejected accusations by the campaign team that members interfered.'), [['accusations', 'the campaign team', 'that']]);
    assert.deepEqual(propose('He cited reports that the deal was dead.'), [['reports', null, 'that']]);
    assert.deepEqual(propose('Reports that were published on Monday said nothing new.'), []);
  });

  it('speech-verb: "…, Patel said, according to the letter" keeps Patel as the speaker', () => {
    const text = 'The party would house volunteers, Patel said, according to the letter.';
    // Whether the cue tagger finds "said" itself or the speech-verb proposal supplies it, the attribution is Patel's.
    const [a] = run(text).filter((f) => slice(text, f.cue) === 'said');
    assert.ok(a && ['attribution/cue-roles', 'attribution/speech-verb'].includes(a.rule), a?.rule);
    assert.equal(slice(text, a.source), 'Patel');
    assert.deepEqual(a.content.map((c) => slice(text, c)), ['The party would house volunteers']);
    // The proposal itself: "said" after its subject, unless the tagger already took it.
    const said = proposalsOf(text).layer.tokens.findIndex((t) => text.slice(t.start, t.end) === 'said');
    const speechVerbs = (taken: RoleSpan[]) => proposalsOf(text, taken).proposals.filter((p) => p.origin === 'speech-verb').map((p) => [p.start, p.end]);
    assert.deepEqual(speechVerbs([]), [[said, said + 1]]);
    assert.deepEqual(speechVerbs([{ start: said, end: said + 1, role: 1 }]), []);
  });

  it('speech-verb: never inside a quotation (the quoted speaker\'s words are theirs)', () => {
    assert.deepEqual(byRule(run('"Then he said we should go," she recalled.'), 'attribution/speech-verb'), []);
  });

  it('shared-source: "X said A and warned B" gives B the source of A, and A ends before "and"', () => {
    const text = 'The minister said taxes would fall and warned that prices would rise.';
    const found = run(text);
    const [b] = byRule(found, 'attribution/shared-source');
    assert.equal(slice(text, b!.cue), 'warned');
    assert.equal(slice(text, b!.source), 'The minister');
    assert.deepEqual(b!.content.map((c) => slice(text, c)), ['that prices would rise']);
    const a = found.find((f) => slice(text, f.cue) === 'said')!;
    assert.deepEqual(a.content.map((c) => slice(text, c)), ['taxes would fall']);
  });

  it('a source ending at a possessor runs on to the possessed noun', () => {
    const text = 'Trump\'s team said the vote was rigged.';
    const [a] = run(text);
    assert.equal(slice(text, a!.source), 'Trump\'s team');
  });
});

// Sentences written for these tests (not from PolNeAR or the seed story).
describe('attribution rules: nearer cue, interrupted content, markup', { skip: !existsSync(DEFAULT_ATTRIBUTION_MODEL) && 'no model (npm run train:attribution)' }, () => {
  it('content/nearer-cue: words after "adding that" are what was added, not what was said', () => {
    const text = '“The river is rising,” said the engineer, adding that “the bridge will close tonight.”';
    const found = run(text);
    const said = found.find((f) => slice(text, f.cue) === 'said')!;
    const adding = found.find((f) => slice(text, f.cue) === 'adding')!;
    assert.deepEqual(said.content.map((c) => slice(text, c)), ['The river is rising']);
    assert.ok(adding.content.some((c) => slice(text, c)!.includes('the bridge will close tonight')));
  });

  it('content/interrupted: "Recently, she said, …" — the opening before the source and cue is content too', () => {
    const text = 'Recently, she said, the town has changed beyond recognition.';
    const [a] = run(text);
    assert.equal(slice(text, a!.source), 'she');
    assert.deepEqual(a!.content.map((c) => slice(text, c)), ['Recently', 'the town has changed beyond recognition']);
  });

  it('content/interrupted: not before a quotation, nor when the source and cue are apart', () => {
    const quoted = 'In the statement, the mayor wrote, “We will rebuild the harbour.”';
    const [q] = run(quoted).filter((f) => slice(quoted, f.cue) === 'wrote');
    assert.deepEqual(q!.content.map((c) => slice(quoted, c)), ['We will rebuild the harbour']);
  });

  it('speech-verb proposals: never a tag name of markup left in the text', () => {
    const { proposals, article, layer } = proposalsOf('Supporters cheered.\n\n<tweet id="12" author="@mayor">We did it</tweet>. The mayor tweet later.');
    for (const p of proposals) {
      const before = article.text.slice(layer.tokens[Math.max(0, p.start - 2)]!.start, layer.tokens[p.start]!.start);
      assert.ok(!before.includes('<'), `proposed a cue inside markup: ${before}`);
    }
  });

  it('speech-verb proposals: a past form followed by a verb modifies its noun ("the families admitted are …")', () => {
    const words = (text: string): string[] => {
      const { proposals, article, layer } = proposalsOf(text);
      return proposals.filter((p) => p.origin === 'speech-verb').map((p) => article.text.slice(layer.tokens[p.start]!.start, layer.tokens[p.end - 1]!.end));
    };
    assert.deepEqual(words('The ministry says most of the families admitted are from the north.'), ['says']);
    assert.deepEqual(words('The talks failed, the minister admitted on Tuesday.'), ['admitted']);
  });
});

/**
 * The assembler alone, fed what the taggers would give: the cue and source found (the words given, first occurrence),
 * and no content — so these rules are tested whatever the trained model reads.
 */
function assembleWithoutContent(text: string, cueWords: string, sourceWords: string): AttributionFinding[] {
  return assembleWith(text, cueWords, sourceWords, null);
}
/** The same, with the content the role tagger would give (the words given, one fragment each), or none. */
function assembleWith(text: string, cueWords: string, sourceWords: string | null, contentWords: string | readonly string[] | null): AttributionFinding[] {
  const { article, layer, buf } = readForTagging(text);
  const span = (words: string, role: number): RoleSpan => {
    const at = article.text.indexOf(words);
    assert.ok(at >= 0, `no "${words}" in the text`);
    const start = layer.tokens.findIndex((t) => t.start === at);
    const end = layer.tokens.findIndex((t) => t.end === at + words.length) + 1;
    assert.ok(start >= 0 && end > start, `"${words}" is not whole tokens`);
    return { start, end, role };
  };
  const [range] = paragraphRanges(article, layer);
  markBlock(buf, range!.from, range!.to);
  const contents = contentWords === null ? [] : typeof contentWords === 'string' ? [contentWords] : contentWords;
  const roles = [...(sourceWords === null ? [] : [span(sourceWords, 0)]), ...contents.map((c) => span(c, 2))].sort((a, b) => a.start - b.start);
  const tagged: CueRoles[] = [{ cue: span(cueWords, 1), origin: 'tagger', roles }];
  return new BlockAssembler(article.text, layer, buf).block(range!, tagged);
}
const contentOf = (text: string, found: readonly AttributionFinding[]) => found.map((f) => ({ rule: f.rule, content: f.content.map((c) => slice(text, c)) }));

describe('rules for a cue given a source but no content (BlockAssembler)', () => {
  it('clause-before-source: the clause before ", SOURCE CUE" at the sentence\'s end is what was said', () => {
    const cases: Array<[string, string, string, string]> = [
      ['The harbour will close for a week, the port authority announced on Tuesday.', 'announced', 'the port authority', 'The harbour will close for a week'],
      ['The bridge was never safe, Okafor has said.', 'has said', 'Okafor', 'The bridge was never safe'],
      ['Ticket prices rose again, said the transit agency.', 'said', 'the transit agency', 'Ticket prices rose again'],
    ];
    for (const [text, cue, source, content] of cases) {
      assert.deepEqual(contentOf(text, assembleWithoutContent(text, cue, source)), [{ rule: 'attribution/clause-before-source', content: [content] }], text);
    }
  });

  it('clause-before-source: not after a scene-setting opening, nor when the cue has words of its own after it', () => {
    for (const [text, cue, source] of [
      ['In a speech in 1990, the senator declared.', 'declared', 'the senator'],
      ['After the storm passed, the mayor pinned her hopes on the new levee.', 'pinned her hopes', 'the mayor'],
      ['Last month, the council agreed.', 'agreed', 'the council'],
    ] as const) {
      assert.deepEqual(assembleWithoutContent(text, cue, source), [], text);
    }
  });

  it('content-near-cue: the quotation just before or after the source and cue, or their "that" clause', () => {
    const before = '“WE ARE BACK,” the coach declared in a post.';
    assert.deepEqual(contentOf(before, assembleWithoutContent(before, 'declared', 'the coach')), [{ rule: 'attribution/content-near-cue', content: ['WE ARE BACK'] }]);
    const after = 'The minister said of the delay, “Nobody is happy about it.”';
    assert.deepEqual(contentOf(after, assembleWithoutContent(after, 'said', 'The minister')), [{ rule: 'attribution/content-near-cue', content: ['Nobody is happy about it'] }]);
    const that = 'Okafor said on Friday that the bridge would reopen in May.';
    assert.deepEqual(contentOf(that, assembleWithoutContent(that, 'said', 'Okafor')), [{ rule: 'attribution/content-near-cue', content: ['that the bridge would reopen in May'] }]);
  });

  it('content-near-cue: not across a verb of another clause', () => {
    const text = 'Okafor said nothing and left before the vote that followed.';
    assert.deepEqual(assembleWithoutContent(text, 'said', 'Okafor'), []);
  });
});

describe('content/interrupted: a cue word read as a noun is no cue of the opening', { skip: !existsSync(DEFAULT_ATTRIBUTION_MODEL) && 'no model (npm run train:attribution)' }, () => {
  it('"In his state, he said, …" keeps "In his state" as content', () => {
    const text = 'In his state, Mendez said, first-time offenders are sent to treatment.';
    const a = run(text).find((f) => slice(text, f.cue) === 'said');
    assert.ok(a, 'no attribution for "said"');
    assert.deepEqual(a.content.map((c) => slice(text, c)), ['In his state', 'first-time offenders are sent to treatment']);
  });
});

describe('withoutSpans (content/not-its-own-cue)', () => {
  it('cuts the cue and source out of a content fragment stretched over them', () => {
    const parts = [{ start: 0, end: 20, role: 2 }];
    assert.deepEqual(withoutSpans(parts, [{ start: 8, end: 9 }, { start: 9, end: 12 }]), [{ start: 0, end: 8, role: 2 }, { start: 12, end: 20, role: 2 }]);
    assert.deepEqual(withoutSpans(parts, [{ start: 0, end: 3 }]), [{ start: 3, end: 20, role: 2 }]);
    assert.deepEqual(withoutSpans(parts, [{ start: 25, end: 26 }]), parts);
    assert.deepEqual(withoutSpans(parts, [{ start: 0, end: 20 }]), []);
  });
});

describe('cueVoice', () => {
  const voiceOf = (text: string, cue: string): number => {
    const { article, layer, buf } = readForTagging(text);
    const words = cue.split(' ');
    const start = layer.tokens.findIndex((_, i) => words.every((w, k) => article.text.slice(layer.tokens[i + k]?.start, layer.tokens[i + k]?.end) === w));
    return cueVoice(buf, start, start + words.length, 0);
  };
  it('tells passive and raising cues from active ones', () => {
    assert.equal(voiceOf('The bank is expected to raise rates.', 'expected'), PASSIVE);
    assert.equal(voiceOf('He has been criticized for the delay.', 'criticized'), PASSIVE);
    assert.equal(voiceOf('The senator seemed to accept the deal.', 'seemed'), RAISING_CUE);
    assert.equal(voiceOf('The senator said the deal was dead.', 'said'), ACTIVE);
    assert.equal(voiceOf('The senator has criticized the deal.', 'criticized'), ACTIVE);
  });
});

// Sentences written for these tests (not from PolNeAR or the seed story).
describe('content/quote-then-cue', { skip: !existsSync(DEFAULT_ATTRIBUTION_MODEL) && 'no model (npm run train:attribution)' }, () => {
  it('after a quotation and its cue, the unquoted rest of the sentence says how it was said, not what', () => {
    const text = '"The harbour will reopen next spring after the repairs," a port authority spokeswoman said in written remarks to local radio.';
    const [a] = run(text);
    assert.deepEqual(a!.content.map((c) => slice(text, c)), ['The harbour will reopen next spring after the repairs']);
    assert.equal(a!.kind, 'direct');
  });

  it('keeps a second quotation after the cue', () => {
    const text = '"The harbour will reopen," the spokeswoman said, "but not before spring."';
    const [a] = run(text);
    assert.deepEqual(a!.content.map((c) => slice(text, c)), ['The harbour will reopen', 'but not before spring']);
  });
});

describe('content boundaries the role tagger drew past (BlockAssembler)', () => {
  const contentAfter = (text: string, cue: string, source: string | null, content: string | readonly string[]) => assembleWith(text, cue, source, content).map((f) => f.content.map((c) => slice(text, c)));

  it('content/opening-clause: a cue in an opening subordinate clause ends its content where the main clause starts', () => {
    assert.deepEqual(contentAfter('After the agency reported that the dam was safe, the mayor reopened the road.', 'reported', 'the agency', 'that the dam was safe, the mayor reopened the road'), [['that the dam was safe']]);
    assert.deepEqual(contentAfter('While the union argued that pay had fallen, the board voted for cuts.', 'argued', 'the union', 'that pay had fallen, the board voted for cuts'), [['that pay had fallen']]);
    // The cue itself opening the sentence, a participle the tagger may read as past tense.
    assert.deepEqual(contentAfter('Asked whether the plan had failed, the minister told reporters it had not.', 'Asked', null, 'whether the plan had failed, the minister told reporters it had not'), [['whether the plan had failed']]);
  });

  it('content/opening-clause: not in a main clause, nor for a cue after the opening\'s comma', () => {
    assert.deepEqual(contentAfter('The agency reported that the dam was safe, the road would reopen and traffic would resume.', 'reported', 'The agency', 'that the dam was safe, the road would reopen and traffic would resume'), [['that the dam was safe, the road would reopen and traffic would resume']]);
    assert.deepEqual(contentAfter('If it rains, the referee said, the match stops.', 'said', 'the referee', 'the match stops'), [['If it rains', 'the match stops']]);
  });

  it('content/recipient: the person told is not part of what was told', () => {
    assert.deepEqual(contentAfter('She told reporters that the plan was dead.', 'told', 'She', 'reporters that the plan was dead'), [['that the plan was dead']]);
    assert.deepEqual(contentAfter('He reminded voters of his record in the state.', 'reminded', 'He', 'voters of his record in the state'), [['of his record in the state']]);
    assert.deepEqual(contentAfter('The mayor is telling a crowd in Leeds that taxes will fall.', 'is telling', 'The mayor', 'a crowd in Leeds that taxes will fall'), [['that taxes will fall']]);
    assert.deepEqual(contentAfter('The coach told his players they would start.', 'told', 'The coach', 'his players they would start'), [['they would start']]);
    // Any cue's recipient after "to"; not an infinitive.
    assert.deepEqual(contentAfter('She complained to the referee that the pitch was wet.', 'complained', 'She', 'to the referee that the pitch was wet'), [['that the pitch was wet']]);
    assert.deepEqual(contentAfter('He wrote to Ms. Okafor about the budget.', 'wrote', 'He', 'to Ms. Okafor about the budget'), [['about the budget']]);
    assert.deepEqual(contentAfter('The mayor declined to comment on the budget.', 'declined', 'The mayor', 'to comment on the budget'), [['to comment on the budget']]);
    // Any cue's person-like object before an indirect question; not before an infinitive.
    assert.deepEqual(contentAfter('Reporters asked Ms. Okafor whether she would run.', 'asked', 'Reporters', 'Ms. Okafor whether she would run'), [['whether she would run']]);
    assert.deepEqual(contentAfter('The mayor urged residents to stay indoors.', 'urged', 'The mayor', 'residents to stay indoors'), [['residents to stay indoors']]);
  });

  it('content/raising-subject: the subject of a raising cue, or of a passive one before an infinitive, is content', () => {
    const roles = (text: string, cue: string, source: string, content: string) => assembleWith(text, cue, source, content).map((f) => ({ source: slice(text, f.source), content: f.content.map((c) => slice(text, c)) }));
    assert.deepEqual(roles('Ms. Kelly seemed certain to leave.', 'seemed', 'Ms. Kelly', 'certain to leave'), [{ source: null, content: ['Ms. Kelly', 'certain to leave'] }]);
    assert.deepEqual(roles('The bank is expected to act in May.', 'is expected', 'The bank', 'to act in May'), [{ source: null, content: ['The bank', 'to act in May'] }]);
    assert.deepEqual(roles('Ms. Kelly said she would leave.', 'said', 'Ms. Kelly', 'she would leave'), [{ source: 'Ms. Kelly', content: ['she would leave'] }]);
    // ("about" joins the cue: cue/preposition.)
    assert.deepEqual(roles('The mayor was asked about the budget.', 'was asked', 'The mayor', 'about the budget'), [{ source: 'The mayor', content: ['the budget'] }]);
  });

  it('content/earlier-quotation: "He said C" after `“A,” X said. “B.”` leaves B to X', () => {
    const text = '“We won,” Okafor said. “It was close.” He said the count would be checked.';
    const { article, layer, buf } = readForTagging(text);
    const span = (words: string, role: number, from = 0): RoleSpan => {
      const at = article.text.indexOf(words, from);
      return { start: layer.tokens.findIndex((t) => t.start === at), end: layer.tokens.findIndex((t) => t.end === at + words.length) + 1, role };
    };
    const [range] = paragraphRanges(article, layer);
    markBlock(buf, range!.from, range!.to);
    const secondSaid = article.text.indexOf('said', article.text.indexOf('He'));
    const tagged: CueRoles[] = [
      { cue: span('said', 1), origin: 'tagger', roles: [span('We won', 2), span('Okafor', 0)] },
      { cue: span('said', 1, secondSaid), origin: 'tagger', roles: [span('It was close', 2), span('He', 0), span('the count would be checked', 2)] },
    ];
    const found = new BlockAssembler(article.text, layer, buf).block(range!, tagged);
    const said = found.filter((f) => f.cue).map((f) => f.content.map((c) => slice(text, c)));
    assert.deepEqual(said, [['We won'], ['the count would be checked']]);
    const continued = found.filter((f) => f.rule === 'attribution/continued-quote').map((f) => f.content.map((c) => slice(text, c)));
    assert.deepEqual(continued, [['It was close']]);
  });

  it('cue/preposition: a preposition the cue selects, right after it, joins the cue', () => {
    const cueAndContent = (text: string, cue: string, source: string, content: string) => assembleWith(text, cue, source, content).map((f) => [slice(text, f.cue), f.content.map((c) => slice(text, c))]);
    assert.deepEqual(cueAndContent('The minister spoke about the budget cuts.', 'spoke', 'The minister', 'about the budget cuts'), [['spoke about', ['the budget cuts']]]);
    assert.deepEqual(cueAndContent('Mr. Ruiz was known as the fixer.', 'was known', 'Mr. Ruiz', 'as the fixer'), [['was known as', ['the fixer']]]);
    // An infinitive is content ("to answer"), and so is a quotation that opens with a preposition.
    assert.deepEqual(cueAndContent('The senator refused to answer.', 'refused', 'The senator', 'to answer'), [['refused', ['to answer']]]);
    assert.deepEqual(cueAndContent('The mayor said "for the first time we agree."', 'said', 'The mayor', '"for the first time we agree."'), [['said', ['for the first time we agree']]]);
  });

  it('content/stray-fragment: a fragment that words other than the cue and source part from the rest is dropped', () => {
    assert.deepEqual(contentAfter('Ruiz said the road would reopen on Monday after the engineers had checked the bridge twice.', 'said', 'Ruiz', ['the road would reopen on Monday', 'the bridge twice']), [['the road would reopen on Monday']]);
    assert.deepEqual(contentAfter('Ruiz said that the dam would hold, and the engineers agreed that the river was low.', 'said', 'Ruiz', ['that the dam would hold', 'that the river was low']), [['that the dam would hold']]);
    // Parted by the cue and source, or by punctuation only: one content.
    assert.deepEqual(contentAfter('“We will win,” Ruiz said, “and we will hold.”', 'said', 'Ruiz', ['We will win', 'and we will hold']), [['We will win', 'and we will hold']]);
    assert.deepEqual(contentAfter('Ruiz said the dam would hold -- the river was low.', 'said', 'Ruiz', ['the dam would hold', 'the river was low']), [['the dam would hold', 'the river was low']]);
  });

  it('content/quote-then-cue: after content before the cue, a fragment a preposition governs after it names where it was said', () => {
    assert.deepEqual(contentAfter('“The harbour will reopen,” the mayor said on “Morning Report.”', 'said', 'the mayor', ['The harbour will reopen', 'Morning Report']), [['The harbour will reopen']]);
    assert.deepEqual(contentAfter('The harbour will reopen, the mayor said in an interview with local radio.', 'said', 'the mayor', ['The harbour will reopen', 'local radio']), [['The harbour will reopen']]);
    // Not a content that starts after the cue, nor a quotation after a comma.
    assert.deepEqual(contentAfter('The mayor said on Monday that the harbour would reopen.', 'said', 'The mayor', ['that the harbour would reopen']), [['that the harbour would reopen']]);
    assert.deepEqual(contentAfter('“The harbour will reopen,” the mayor said, “in the spring.”', 'said', 'the mayor', ['The harbour will reopen', 'in the spring']), [['The harbour will reopen', 'in the spring']]);
    // After a quotation, a quoted title after the writer's words is no second quotation; one after a comma is.
    assert.deepEqual(contentAfter('“The harbour will reopen,” the mayor told the radio programme “Morning Report.”', 'told', 'the mayor', ['The harbour will reopen', 'Morning Report']), [['The harbour will reopen']]);
    assert.deepEqual(contentAfter('“The harbour will reopen,” the mayor said in a statement, “but not before spring.”', 'said', 'the mayor', ['The harbour will reopen', 'but not before spring']), [['The harbour will reopen', 'but not before spring']]);
  });

  it('content/sentence-start: a clause before its cue, started inside its sentence, starts with the sentence', () => {
    assert.deepEqual(contentAfter('But that is not good enough, the mayor said.', 'said', 'the mayor', 'that is not good enough'), [['But that is not good enough']]);
    assert.deepEqual(contentAfter('The harbour, which reopened in May, is busy again, the mayor said.', 'said', 'the mayor', 'which reopened in May, is busy again'), [['The harbour, which reopened in May, is busy again']]);
    assert.deepEqual(contentAfter('In Leeds, Harbour Street is busy again, the mayor said.', 'said', 'the mayor', 'Harbour Street is busy again'), [['In Leeds, Harbour Street is busy again']]);
    // Not a noun phrase or relative word, nor a content after its cue.
    assert.deepEqual(contentAfter('The harbour reopened in May, a move the mayor praised.', 'praised', 'the mayor', 'a move'), [['a move']]);
    assert.deepEqual(contentAfter('In Leeds, the mayor said the harbour is busy again.', 'said', 'the mayor', 'the harbour is busy again'), [['the harbour is busy again']]);
    // The first fragment of a content that runs on after its cue.
    assert.deepEqual(contentAfter('But the plan is not good enough, the mayor said, and never was.', 'said', 'the mayor', ['the plan is not good enough', 'and never was']), [['But the plan is not good enough', 'and never was']]);
  });

  it('content/according-to-phrase: after a sentence-initial "According to", the comma closes the source', () => {
    const roles = (text: string, cue: string, source: string | null, content: string) => assembleWith(text, cue, source, content).map((f) => ({ source: slice(text, f.source), content: f.content.map((c) => slice(text, c)) }));
    assert.deepEqual(roles('According to early results of a survey conducted for the council, most residents want the park.', 'According to', null, 'for the council, most residents want the park'),
      [{ source: 'early results of a survey conducted for the council', content: ['most residents want the park'] }]);
    // Content already after the comma, or a source the role tagger ran past the comma: as they were.
    assert.deepEqual(roles('According to the council, most residents want the park.', 'According to', 'the council', 'most residents want the park'), [{ source: 'the council', content: ['most residents want the park'] }]);
  });

  it('content/sentence-end: a content after its cue stopped a few words short of the sentence end runs on to it', () => {
    assert.deepEqual(contentAfter('The mayor said the harbour would reopen in the spring.', 'said', 'The mayor', 'the harbour would reopen'), [['the harbour would reopen in the spring']]);
    // The last fragment of a content that starts before its cue.
    assert.deepEqual(contentAfter('The harbour, the mayor said, would reopen in the spring.', 'said', 'the mayor', ['The harbour', 'would reopen']), [['The harbour', 'would reopen in the spring']]);
    // Not past a comma, nor over many words, nor over another cue word.
    assert.deepEqual(contentAfter('The mayor said the harbour would reopen, which pleased the fishermen.', 'said', 'The mayor', 'the harbour would reopen'), [['the harbour would reopen']]);
    assert.deepEqual(contentAfter('The mayor said the harbour would reopen after a long and costly repair of the old stone wall by the council.', 'said', 'The mayor', 'the harbour would reopen'), [['the harbour would reopen']]);
    assert.deepEqual(contentAfter('The mayor said the harbour would reopen as the council announced.', 'said', 'The mayor', 'the harbour would reopen'), [['the harbour would reopen']]);
  });

  it('content/addressee: the subject of a passive ask- or tell-type cue is not part of what was asked', () => {
    assert.deepEqual(contentAfter('The mayor was asked whether the harbour would reopen.', 'was asked', null, ['The mayor', 'whether the harbour would reopen']), [['whether the harbour would reopen']]);
    assert.deepEqual(contentAfter('Voters were told that the count would take a week.', 'were told', null, ['Voters', 'that the count would take a week']), [['that the count would take a week']]);
    // Not before an infinitive, nor for an active cue or another verb.
    assert.deepEqual(contentAfter('The mayor was asked to name a date.', 'was asked', null, ['The mayor', 'to name a date']), [['The mayor', 'to name a date']]);
    assert.deepEqual(contentAfter('The harbour, the mayor asked, would reopen.', 'asked', null, ['The harbour', 'would reopen']), [['The harbour', 'would reopen']]);
  });

  it('content/recipient: an object that is what was told stays ("told a story about …")', () => {
    assert.deepEqual(contentAfter('He told a story about his father.', 'told', 'He', 'a story about his father'), [['a story about his father']]);
    assert.deepEqual(contentAfter('She said reporters were waiting outside.', 'said', 'She', 'reporters were waiting outside'), [['reporters were waiting outside']]);
  });
});

describe('that-clause proposals (cue-proposals.ts)', () => {
  const thatCues = (text: string, taken: (layer: ReturnType<typeof proposalsOf>['layer']) => RoleSpan[] = () => []) => {
    const first = proposalsOf(text);
    const { proposals, layer } = proposalsOf(text, taken(first.layer));
    const tok = (s: { start: number; end: number }) => text.slice(layer.tokens[s.start]!.start, layer.tokens[s.end - 1]!.end);
    return proposals.filter((p) => p.origin === 'that-clause').map((p) => [tok(p), tok({ start: p.frame!.contentStart, end: p.frame!.contentStart + 1 })]);
  };

  it('proposes a verb followed by a "that" clause, with its auxiliaries, negation and adverbs', () => {
    assert.deepEqual(thatCues('The economist calculates that 600 jobs will go.'), [['calculates', 'that']]);
    assert.deepEqual(thatCues('The senator has long maintained that she complied with the rules.'), [['has long maintained', 'that']]);
    assert.deepEqual(thatCues('Her colleagues didn\'t know that she had been ill.'), [['did n\'t know', 'that']].map(([c, t]) => [c!.replace('did n', 'didn'), t]));
  });

  it('proposes nothing for "is that", a determiner "that", a quotation, or after another cue of the sentence', () => {
    assert.deepEqual(thatCues('The problem is that nobody voted.'), []);
    assert.deepEqual(thatCues('He carried that message to the convention.'), []);
    assert.deepEqual(thatCues('"Everyone knows that we won," she said.'), []);
    const text = 'Okafor said he thinks that taxes will rise.';
    const said = (layer: ReturnType<typeof proposalsOf>['layer']) => {
      const i = layer.tokens.findIndex((t) => text.slice(t.start, t.end) === 'said');
      return [{ start: i, end: i + 1, role: 1 }];
    };
    assert.deepEqual(thatCues(text), [['thinks', 'that']]);
    assert.deepEqual(thatCues(text, said), []);
  });
});
