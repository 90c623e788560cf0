import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPlainText } from '../ingest/plain-text.js';
import { buildArticle } from '../ingest/article.js';
import { buildStory } from '../story/build-story.js';
import { SCHEMA_VERSION } from '../model/schema.js';
import { storyHeadline } from './items.js';

function storyOf(text: string, title: string | null = null) {
  const { article } = buildArticle(readPlainText(text), { source: 'Test', title });
  return buildStory([{ schema: SCHEMA_VERSION, input: 't.txt', article, entities: [], attributions: [], dates: [] }]);
}

describe('storyHeadline', () => {
  it('uses the article title when there is one', () => {
    assert.equal(storyHeadline(storyOf('Body text here. More.', 'Labour rejects claims')), 'Labour rejects claims');
  });

  it('otherwise takes the opening sentence of the first paragraph, abbreviations and all', () => {
    const story = storyOf('The U.S. envoy met Ms. Patel on Monday. She said little.\n');
    assert.equal(storyHeadline(story), 'The U.S. envoy met Ms. Patel on Monday.');
  });

  it('cuts a long opening sentence at a word boundary and marks the cut', () => {
    const long = `${'The committee said the proposal would be reviewed again '.repeat(5)}soon.`;
    const headline = storyHeadline(storyOf(long));
    assert.ok(headline.endsWith(' …'));
    assert.ok(long.startsWith(headline.slice(0, -2)));
    assert.ok(headline.length <= 142);
  });
});
