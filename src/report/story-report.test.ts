import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../api/analyze.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

// Two short articles written for the test; one quotes markup, which must reach the report as text.
const articles = [
  { text: 'Councillor Jane Doe accused Mayor John Smith of "wasting <b>public</b> money on a vanity project".\n\nNearly 200 residents of the town attended the meeting.', source: 'Daily A', published: '2024-10-23' },
  { text: 'Mayor John Smith rejected claims by Councillor Jane Doe that he was "wasting <b>public</b> money".\n\nAlmost 200 residents of the town attended the meeting.', source: 'Daily B', published: '2024-10-23' },
];

describe('the story report\'s cross-outlet sections', () => {
  it('shows in brief, aligned quotes, numbers and claims in Markdown, each pointing at its paragraph', async () => {
    const md = renderMarkdown(await analyze(articles, { now: new Date(0) }));
    for (const heading of ['## In brief', '## Aligned quotes', '## Numbers', '## Claims, denials and evidence']) assert.ok(md.includes(heading), heading);
    assert.match(md, /\| q1 \| Daily B quotes a part of Daily A's quotation \| same speaker \|/);
    assert.match(md, /\*\*Nearly 200\*\* residents \(180–200; Daily A ¶2\)<br>\*\*Almost 200\*\* residents \(180–200; Daily B ¶2\) \| consistent \|/);
    assert.match(md, /¶2 Nearly 200 residents/);
  });

  it('links every item of the HTML report to a highlighted span of the article text, escaping the text', async () => {
    const html = renderHtml(await analyze(articles, { now: new Date(0) }));
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(targets.length > 5);
    for (const t of targets) assert.ok(ids.has(t), `#${t} has a target`);
    assert.match(html, /<mark class="hl-ref" id="s\d+-\d+-\d+"/);
    assert.match(html, /<h2 id="h-quotes">Aligned quotes<\/h2>/);
    assert.doesNotMatch(html, /<b>public<\/b>/);
  });
});
