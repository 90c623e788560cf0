import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyBlock, createBlockClassifier } from './blocks.js';

const cases: [text: string, kind: string, rule: string][] = [
  ['Complaint', 'heading', 'block/heading-short-line'],
  ['What happens next', 'heading', 'block/heading-short-line'],
  ['Brian Snyder | Reuters', 'credit', 'block/credit-pipe'],
  ['Evan Vucci/AP', 'credit', 'block/credit-pipe'],
  ['Jim Watson/AFP via Getty Images', 'credit', 'block/credit-pipe'],
  ['Photo: AFP', 'credit', 'block/credit-label'],
  ['Image credit: NASA/JPL-Caltech', 'credit', 'block/credit-label'],
  ['Photograph by Tom Jenkins', 'credit', 'block/credit-label'],
  ['(Getty Images)', 'credit', 'block/credit-parenthesised'],
  ['(AP Photo/Evan Vucci)', 'credit', 'block/credit-parenthesised'],
  ['Getty Images', 'credit', 'block/credit-agency'],
  ['AFP via Getty Images', 'credit', 'block/credit-agency'],
  ['© Aaron Schwartz', 'credit', 'block/credit-copyright'],
  ['By Jane Doe and John Roe, Reuters', 'credit', 'block/credit-byline'],
  ['Read the rest here.', 'boilerplate', 'block/boilerplate-phrase'],
  ['Read more: Labour rejects Trump campaign complaint', 'boilerplate', 'block/boilerplate-phrase'],
  ['Sign up for our newsletter', 'boilerplate', 'block/boilerplate-phrase'],
  ['Follow us on Twitter', 'boilerplate', 'block/boilerplate-phrase'],
  ['Follow Newsbeat on Instagram, Facebook and YouTube.', 'boilerplate', 'block/boilerplate-follow'],
  ['Share this article', 'boilerplate', 'block/boilerplate-phrase'],
  ['© 2024 Example Media. All rights reserved.', 'boilerplate', 'block/boilerplate-copyright'],
  ['* * *', 'boilerplate', 'block/separator'],
  ['Keir Starmer speaks in Samoa on Wednesday. (Reuters)', 'caption', 'block/caption-trailing-credit'],
  ['Protesters gather outside the court. Photo: Jane Doe', 'caption', 'block/caption-trailing-credit'],
  ['LONDON 1996-08-30', 'paragraph', 'block/dateline'],
  ['WASHINGTON, Oct. 23', 'paragraph', 'block/dateline'],
  ['Rio de Janeiro, November 5, 2024', 'paragraph', 'block/dateline'],
];

describe('classifyBlock', () => {
  for (const [text, kind, rule] of cases) {
    it(`classifies ${JSON.stringify(text)} as ${kind} (${rule})`, () => {
      assert.deepEqual(classifyBlock(text), { kind, rule });
    });
  }

  it('collapses inner whitespace and line breaks before matching', () => {
    assert.deepEqual(classifyBlock('  Brian Snyder\n| Reuters  '), { kind: 'credit', rule: 'block/credit-pipe' });
  });

  it('takes thresholds from options', () => {
    const strict = createBlockClassifier({ headingMaxWords: 2 });
    assert.equal(strict('What happens next').kind, 'paragraph');
    assert.equal(strict('Complaint').kind, 'heading');
  });
});

// Near misses: short real paragraphs that must stay paragraphs.
const nearMisses = [
  '"No," he said.',
  '"No comment"',
  'He declined to comment',
  'They were not available',
  'Yes.',
  'Reuters reported the news on Tuesday.',
  'The Associated Press contributed to this report.',
  'CNBC has reached out to the Labour Party for comment on the authenticity of the post.',
  '"They\'re doing it in their spare time," he noted.',
  'Turnout was 62% | up from 58% in 2020.',
  'It is common practice, a Labour Party spokesperson said (in emailed comments).',
  'Asked if the row risked damaging his relationship with Donald Trump, the prime minister said "no."',
  'Photos of the event were shared widely on social media, where they drew criticism from Republicans and Democrats alike, and the campaign later said it had not seen them before publication in any form at all.',
  'Following the election, the party said it would review its rules.',
  'Sharing the stage with Harris, he said the country could not wait.',
  'Clinton Breaks With Obama On 9/11 Lawsuit Bill.',
  'AP',
];

describe('classifyBlock near misses', () => {
  for (const text of nearMisses.slice(0, -1)) {
    it(`keeps ${JSON.stringify(text)} a paragraph`, () => {
      assert.deepEqual(classifyBlock(text), { kind: 'paragraph', rule: 'block/paragraph' });
    });
  }
  it('does not call a section label with a pipe a credit', () => {
    assert.notEqual(classifyBlock('Politics | Opinion').kind, 'credit');
  });
  it('calls a bare agency name a credit, not a heading', () => {
    assert.equal(classifyBlock('AP').kind, 'credit');
  });
});
