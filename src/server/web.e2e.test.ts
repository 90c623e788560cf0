/**
 * The web UI in a real browser (Debian's Chromium through playwright-core) against `startServer` on a store holding
 * the seed story: the stories page, the story page (aligned quotes, claims map, timeline; a quote clicked and by
 * keyboard → its words marked), search through the header box, and an upload through the add page. Every count is
 * checked against the API's own answer, every marked span against the article's text. Screenshots of each page go
 * to test-output/e2e/. Without Chromium or a built UI the tests are skipped, saying why — in CI they fail.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { ingestStream, type IngestOutcome } from '../api/ingest.js';
import { isCI, REPO_ROOT } from '../config/paths.js';
import { readManifest } from '../ingest/index.js';
import type { ExtractRecord, Story } from '../model/schema.js';
import { Store } from '../store/index.js';
import { browserUnavailable, launchChromium, SCREENSHOTS, watchPage } from '../test-support/browser.js';
import { tempDir } from '../test-support/cli.js';
import { startServer, type Server } from './serve.js';

/** The little of the DOM the page functions use (the project compiles without the DOM library). */
interface DomElement {
  id: string;
  className: string;
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
}
declare const document: { activeElement: DomElement | null };

interface StorySummary {
  id: string;
  title: string | null;
  articles: number;
  originals: number;
  sources: string[];
}
interface StoryAnswer {
  summary: StorySummary;
  analysis: Story;
}
interface ArticleSummary {
  id: string;
  title: string | null;
  source: string | null;
  story: string;
}

const unavailable = browserUnavailable();

if (unavailable && !isCI()) {
  test('web UI in Chromium', { skip: `skipped: ${unavailable}` }, () => {});
} else if (unavailable) {
  test('web UI in Chromium', () => assert.fail(`${unavailable}; the browser tests must run in CI`));
} else {
  describe('web UI in Chromium', { timeout: 60_000 }, () => {
    let dir: string;
    let store: Store;
    let server: Server;
    let browser: Browser;
    let page: Page;
    let watched: { problems: string[] };
    let storyId: string;
    let story: StoryAnswer;
    const texts = new Map<string, string>();

    const api = async <T>(path: string): Promise<T> => {
      const res = await fetch(new URL(path, server.url));
      assert.equal(res.status, 200, `GET ${path}: ${res.status}`);
      return (await res.json()) as T;
    };
    /** An article's text as the API gives it (spans are UTF-16 offsets into it). */
    const textOf = async (id: string): Promise<string> => {
      if (!texts.has(id)) texts.set(id, (await api<{ record: ExtractRecord }>(`api/articles/${encodeURIComponent(id)}`)).record.article.text);
      return texts.get(id)!;
    };
    /** `ARTICLE_ID:START-END` → the words of the article there. */
    const spanText = async (key: string): Promise<string> => {
      const m = /^(.+):(\d+)-(\d+)$/.exec(key);
      assert.ok(m, `a span key: ${key}`);
      return (await textOf(m[1]!)).slice(Number(m[2]), Number(m[3]));
    };
    /** Attributes of every element a locator matches, each element's values joined by a space. */
    const attrs = (locator: Locator, ...names: string[]): Promise<string[]> => locator.evaluateAll((els, ns) => els.map((e) => ns.map((n) => (e as unknown as DomElement).getAttribute(n)).join(' ')), names);
    const shot = (name: string, fullPage = false) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
    const open = async (hash: string, ready: string) => {
      // Through about:blank, so that each page starts as a fresh load (focus at the top, no state kept).
      await page.goto('about:blank');
      await page.goto(new URL(hash, server.url).href);
      await page.waitForSelector(ready);
    };
    /** The highlighted span is the one asked for, focused, and shows exactly the article's words there. */
    const assertHighlighted = async (key: string) => {
      const mark = page.locator(`mark.highlight[data-span="${key}"]`);
      await mark.waitFor();
      assert.equal(await page.locator('mark.highlight').count(), 1, 'one span highlighted');
      const parts = await page.locator('mark.highlight, mark.highlight-more').allTextContents();
      const expected = await spanText(key);
      if (parts.length === 1) assert.equal(parts[0], expected, `the marked words are article.text.slice(start, end) for ${key}`);
      else assert.equal(parts.join('').replace(/\s+/g, ' '), expected.replace(/\s+/g, ' '), `the marked parts are the span's words for ${key}`);
      assert.equal(await mark.evaluate((el) => (el as unknown) === document.activeElement), true, 'the highlighted span has focus');
      assert.ok(await mark.isVisible(), 'the highlighted span is scrolled into view');
      assert.ok(decodeURIComponent(page.url()).includes(`hl=${key}`), `the address holds the span (${page.url()})`);
    };

    before(async () => {
      dir = tempDir('parallax-web-e2e-');
      mkdirSync(SCREENSHOTS, { recursive: true });
      store = await Store.open(join(dir, 'store.db'));
      const outcomes: IngestOutcome[] = [];
      for await (const o of ingestStream([], store, { manifest: readManifest(join(REPO_ROOT, 'examples', 'seed-story', 'manifest.json')) })) outcomes.push(o);
      assert.ok(outcomes.length >= 2 && outcomes.every((o) => o.status === 'new'), `the seed story ingested: ${JSON.stringify(outcomes)}`);
      const stories = new Set(outcomes.map((o) => (o.status === 'failed' ? '' : o.story)));
      assert.equal(stories.size, 1, 'the seed articles make one story');
      storyId = [...stories][0]!;
      server = await startServer(store, { port: 0, host: '127.0.0.1', version: 'test' });
      story = await api<StoryAnswer>(`api/stories/${storyId}`);
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      page.setDefaultTimeout(10_000);
      watched = watchPage(page, new URL(server.url).origin);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      await store?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('the stories page lists the stored stories and links to the seed story', async () => {
      const list = await api<{ stories: StorySummary[]; total: number }>('api/stories');
      await open('#/stories', '[data-story-list] [data-story]');
      assert.equal(await page.locator('[data-story-list] [data-story]').count(), list.stories.length, 'one item per story of GET /api/stories');
      const item = page.locator(`[data-story="${storyId}"]`);
      for (const source of story.summary.sources) assert.ok((await item.textContent())!.includes(source), `the item names ${source}`);
      await shot('01-stories');
      await item.locator('a.story-title').click();
      await page.waitForSelector(`[data-story-id="${storyId}"] [data-quote-list]`);
      assert.ok(page.url().endsWith(`#/stories/${storyId}`), page.url());
    });

    test('the story page shows the aligned quotes, the claims map and the timeline of the analysis', async () => {
      const a = story.analysis;
      assert.ok(a.alignedQuotes.length > 0 && a.claims.length > 0 && a.timeline.length > 0, 'the seed story has quotes, claims and dates to show');
      await open(`#/stories/${storyId}`, `[data-story-id="${storyId}"] [data-quote-list]`);
      const root = page.locator(`[data-story-id="${storyId}"]`);

      const rows = root.locator('[data-quote-list] li.quote-row');
      assert.equal(await rows.count(), a.alignedQuotes.length, 'one quote row per aligned quote');
      assert.deepEqual(await attrs(rows, 'data-quote', 'data-verdict'), a.alignedQuotes.map((q) => `${q.id} ${q.verdict}`));
      assert.equal(await rows.locator('.quote-side').count(), 2 * a.alignedQuotes.length, 'two sides per quote');

      // The graph draws one edge per claim that has another end (the accused, or the evidence cited); the list has them all.
      // (`figure[data-claims-graph] svg` also matches the legend's swatches: the edges are looked for in the figure.)
      const graph = root.locator('figure[data-claims-graph]');
      await graph.locator('g[data-claim]').first().waitFor();
      const drawable = a.claims.filter((c) => c.type === 'evidence' || c.against);
      assert.equal(await graph.locator('g[data-claim]').count(), drawable.length, 'one graph edge per claim with two ends');
      assert.deepEqual((await attrs(graph.locator('g[data-claim]'), 'data-claim', 'data-claim-type')).sort(), drawable.map((c) => `${c.id} ${c.type}`).sort());
      assert.equal(await root.locator('li[data-claim-item]').count(), a.claims.length, 'one list item per claim');

      // The timeline: a mark per dated event on the axis, a table row per event.
      const timeline = root.locator('figure[data-timeline]');
      await timeline.locator('g[data-event]').first().waitFor();
      const dated = a.timeline.filter((e) => /^\d{4}/.test(e.start));
      assert.equal(await timeline.locator('g[data-event]').count(), dated.length, 'one timeline mark per dated event');
      assert.deepEqual((await attrs(timeline.locator('g[data-event]'), 'data-event', 'data-start')).sort(), dated.map((e) => `${e.id} ${e.start}`).sort());
      assert.equal(await root.locator('tr[data-event-row]').count(), a.timeline.length, 'one table row per event');

      // The outlets' texts beside the analysis, one column per article analysed.
      assert.equal(await page.locator('[data-outlets] section.column[data-article-id]').count(), a.articles.length, 'one column per article');
      await shot('02-story-top');
      await shot('03-story-full', true);
    });

    test('clicking a quote marks its words in the article, focused', async () => {
      await open(`#/stories/${storyId}`, '[data-quote-list] li.quote-row');
      // The second outlet's side of the first aligned quote.
      const link = page.locator('[data-quote-list] li.quote-row').first().locator('.quote-side[data-side="1"] a.span-link');
      const key = (await link.getAttribute('data-span-link'))!;
      const q = story.analysis.alignedQuotes[0]!;
      assert.equal(key.replace(/^.*:/, ''), `${q.quotes[1].span.start}-${q.quotes[1].span.end}`, 'the link is to the span of the analysis');
      await link.click();
      await assertHighlighted(key);
      await shot('04-story-quote-highlighted');

      // A claims-map edge is a button too (on a fresh page, so that the mark is the edge's).
      await open(`#/stories/${storyId}`, 'figure[data-claims-graph] g[data-claim]');
      assert.equal(await page.locator('mark.highlight').count(), 0);
      await page.locator('figure[data-claims-graph] g[data-claim]').first().click();
      await page.locator('mark.highlight').waitFor();
      await assertHighlighted((await page.locator('mark.highlight').getAttribute('data-span'))!);
    });

    test('by keyboard: Tab reaches the skip link, then a quote link; Enter marks the quote', async () => {
      await open(`#/stories/${storyId}`, '[data-quote-list] li.quote-row');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the first Tab reaches the skip link');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main'); // Enter on the skip link: focus on the content
      let key: string | null = null;
      for (let i = 0; i < 400 && !key; i++) {
        await page.keyboard.press('Tab');
        key = await page.evaluate(() => {
          const el = document.activeElement;
          return el?.matches('li.quote-row a.span-link') ? el.getAttribute('data-span-link') : null;
        });
      }
      assert.ok(key, 'Tab reaches a quote link');
      await page.keyboard.press('Enter');
      await assertHighlighted(key);
      await shot('05-story-keyboard');

      // A timeline mark, focused and activated with Enter (on a fresh page, so that the mark is the event's).
      await open(`#/stories/${storyId}`, 'figure[data-timeline] g[data-event]');
      await page.locator('figure[data-timeline] g[data-event]').last().focus();
      await page.keyboard.press('Enter');
      await page.locator('mark.highlight').waitFor();
      await assertHighlighted((await page.locator('mark.highlight').getAttribute('data-span'))!);
    });

    test('search from the header box finds "Lawkowski" and a hit links to the story', async () => {
      const expected = await api<{ hits: ArticleSummary[] }>('api/search?q=Lawkowski');
      assert.ok(expected.hits.length > 0, 'the API finds Lawkowski');
      await open('#/stories', '#header-q');
      await page.fill('#header-q', 'Lawkowski');
      await page.press('#header-q', 'Enter');
      await page.waitForSelector('[data-search-results] li[data-hit]');
      assert.match(page.url(), /#\/search\?q=Lawkowski$/);
      const hits = page.locator('[data-search-results] li[data-hit]');
      assert.deepEqual(await attrs(hits, 'data-hit'), expected.hits.map((h) => h.id), 'the hits of GET /api/search, in order');
      assert.ok((await hits.first().locator('mark.term').allTextContents()).some((t) => /lawkowski/i.test(t)), 'the searched word is marked in the snippet');
      await shot('06-search');
      const storyLink = hits.first().locator(`a[href="#/stories/${expected.hits[0]!.story}"]`);
      assert.equal(expected.hits[0]!.story, storyId);
      await storyLink.click();
      await page.waitForSelector(`[data-story-id="${storyId}"] [data-quote-list]`);

      // And the hit's article page.
      await open('#/search?q=Lawkowski', '[data-search-results] li[data-hit]');
      await hits.first().locator('a.hit-title').click();
      await page.waitForSelector(`[data-article-page="${expected.hits[0]!.id}"] li[data-attribution]`);
      await shot('07-article');
    });

    test('uploading an article file through the add page stores it', async () => {
      const before = await api<{ articles: ArticleSummary[]; total: number }>('api/articles?limit=500');
      const file = join(dir, 'council-library.txt');
      writeFileSync(
        file,
        'Quillbridge council votes to keep its library open\n\n' +
          'The Quillbridge town council voted on Tuesday to keep the central library open for another two years. ' +
          '"The library is where this town reads, works and meets," said councillor Maria Denholm, who proposed the motion. ' +
          'Opponents said the building needed repairs the council could not afford.\n',
      );
      await open('#/add', '#upload-files');
      await shot('08-add');
      await page.setInputFiles('#upload-files', file);
      await page.click('form[data-upload-form] button[type=submit]');
      const row = page.locator('[data-add-results] tr[data-result-status]');
      await row.first().waitFor();
      assert.deepEqual(await attrs(row, 'data-result-status'), ['new'], 'one row: new');
      assert.ok((await row.first().textContent())!.includes('council-library.txt'), 'the row names the file');
      await shot('09-add-results', true);

      const now = await api<{ articles: ArticleSummary[]; total: number }>('api/articles?limit=500');
      assert.equal(now.total, before.total + 1, 'one more article in GET /api/articles');
      const added = now.articles.filter((a) => !before.articles.some((b) => b.id === a.id));
      assert.equal(added.length, 1);
      assert.ok((await textOf(added[0]!.id)).includes('Quillbridge town council'), 'the new article is the uploaded file');
      const found = await api<{ hits: ArticleSummary[] }>('api/search?q=Quillbridge');
      assert.deepEqual(found.hits.map((h) => h.id), [added[0]!.id], 'and it is searchable');
    });

    test('no console errors, failed requests or requests leaving the origin', () => {
      assert.deepEqual(watched.problems, []);
    });
  });
}
