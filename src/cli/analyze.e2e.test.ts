import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLE_STORY } from '../config/paths.js';
import { Story } from '../model/schema.js';
import { runCli, tempDir } from '../test-support/cli.js';

const MANIFEST = join(EXAMPLE_STORY, 'manifest.json');

describe('parallax analyze', () => {
  it('writes a valid JSON story of the seed with both outlets, earliest first', async () => {
    const run = await runCli(['analyze', '--format', 'json', '--manifest', MANIFEST]);
    assert.equal(run.code, 0, run.stderr);
    const story = Story.parse(JSON.parse(run.stdout));
    assert.deepEqual(story.sources, ['CNBC', 'The National']);
    assert.equal(story.articles.length, 2);
    assert.deepEqual(story.dateRange, { first: '2024-10-23', last: '2024-10-23' });
  });

  it('writes a self-contained HTML report: no scripts, no external resources, both outlets side by side', async () => {
    const out = join(tempDir(), 'report.html');
    const run = await runCli(['analyze', '--manifest', MANIFEST, '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /wrote the html report on 2 articles \(CNBC, The National\)/);
    const html = readFileSync(out, 'utf8');
    assert.doesNotMatch(html, /<script|<link |src="http|url\(http/);
    assert.match(html, /<h2 id="h-a0">CNBC<\/h2>/);
    assert.match(html, /<h2 id="h-a1">The National<\/h2>/);
    // The heading and the photo credit are marked as such, not shown as prose.
    assert.match(html, /class="block block-heading"[^>]*>Complaint</);
    assert.match(html, /class="block block-credit"[^>]*><span class="kind">credit<\/span> Brian Snyder \| Reuters</);
    // The link keeps its href; inside it, the name is marked as an entity (and possibly as an attribution's source).
    assert.match(html, /<a href="https:\/\/www\.thenationalnews\.com\/tags\/keir-starmer\/" rel="noopener noreferrer">(<mark [^>]*>)*<mark class="hl-entity" data-item="e\d+" title="Keir Starmer \(person\)">Keir Starmer<\/mark>(<\/mark>)*<\/a>/);
    // Who is involved: one row per story entity, naming both outlets for someone both report on.
    assert.match(html, /<h2 id="h-who">Who is involved<\/h2>/);
    // Who said what: rows with an outlet, a speaker, a cue and a link to the paragraph.
    assert.match(html, /<h2 id="h-said">Who said what<\/h2>/);
    assert.match(html, /<tr><td>The National<\/td><td><strong>Keir Starmer<\/strong>[^\n]*<\/td><td>said<\/td><td>(direct|mixed|indirect)<\/td><td><a href="#a1-0">/);
    assert.match(html, /<tr class="entity-person"><td><strong>Keir Starmer<\/strong><\/td><td>person<\/td><td>Prime Minister<\/td><td><a href="#a0-\d+">CNBC<\/a> \(\d+\), <a href="#a1-0">The National<\/a> \(\d+\)<\/td>/);
  });

  it('escapes article text in the HTML report: markup in an article is shown as text', async () => {
    const dir = tempDir();
    // A JSON record's text is plain text even when it quotes markup, so the markup reaches the report.
    const evil = join(dir, 'evil.jsonl');
    writeFileSync(evil, `${JSON.stringify({ text: 'The post read <script>alert("x")</script> and <img src=x onerror="alert(1)"> in full.\n\nOfficials said it was a test.\n', title: '<script>t()</script>' })}\n`);
    const out = join(dir, 'r.html');
    const run = await runCli(['analyze', '--source', 'Evil <b>Outlet</b>', evil, '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    const html = readFileSync(out, 'utf8');
    assert.doesNotMatch(html, /<script|<img|<b>Outlet/);
    assert.match(html, /&lt;script&gt;t\(\)&lt;\/script&gt;/);
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
    assert.match(html, /Evil &lt;b&gt;Outlet&lt;\/b&gt;/);
  });

  it('prints Markdown to standard output by default', async () => {
    const run = await runCli(['analyze', '--manifest', MANIFEST]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^# /);
    assert.match(run.stdout, /\| CNBC \| 2024-10-23 \|/);
    assert.match(run.stdout, /### ¶\d+ Complaint/);
    assert.match(run.stdout, /> _credit:_ ¶\d+ Brian Snyder \\\| Reuters/);
    assert.match(run.stdout, /## Aligned quotes/);
  });

  it('exits 1 and still reports when one input fails, 2 when none can be read', async () => {
    const some = await runCli(['analyze', '--format', 'json', join(EXAMPLE_STORY, '000_49f830ee32a1459f.txt'), 'missing.txt']);
    assert.equal(some.code, 1);
    assert.equal(some.stderr, 'parallax: missing.txt: no such file or directory\n');
    assert.equal(Story.parse(JSON.parse(some.stdout)).articles.length, 1);
    const none = await runCli(['analyze', 'missing.txt']);
    assert.equal(none.code, 2);
    assert.equal(none.stdout, '');
  });
});
