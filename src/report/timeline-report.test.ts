import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../api/analyze.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

// Two short articles written for the test: the same Wednesday in both, a month in one, and markup in a sentence.
const articles = [
  { text: 'The mayor opened the bridge on Wednesday. The plan was approved in August.', source: 'Daily A', published: '2024-10-23' },
  { text: 'On Wednesday the mayor opened the bridge <b>at last</b>.', source: 'Daily B', published: '2024-10-23' },
];

describe('the story report\'s timeline', () => {
  it('lists each dated event once, with every outlet\'s sentence, in date order (JSON, Markdown, HTML)', async () => {
    const story = await analyze(articles, { now: new Date(0) });
    assert.deepEqual(story.timeline.map((t) => [t.value, t.grain, t.articles.length]), [['2024-08', 'month', 1], ['2024-10-23', 'day', 2]]);
    const md = renderMarkdown(story);
    assert.match(md, /## When/);
    assert.ok(md.includes('| t2 | 2024-10-23 | day | Daily B | **On Wednesday** the mayor'), md);
    const html = renderHtml(story);
    assert.match(html, /<h2 id="h-when">When<\/h2>/);
    assert.match(html, /<mark class="hl-date">on Wednesday<\/mark>/);
    assert.doesNotMatch(html, /<b>at last<\/b>/, 'text from the article is escaped');
    assert.match(html, /&lt;b&gt;at last&lt;\/b&gt;/);
  });
});
