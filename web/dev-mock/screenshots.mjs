// Drives the web UI in Debian's Chromium (playwright-core) against a running server (the mock, or `parallax serve`),
// checks the main interactions and writes PNG screenshots of every page to test-output/.
//   node web/dev-mock/screenshots.mjs [--base http://127.0.0.1:8788/] [--story s1]
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const { values: opts } = parseArgs({ options: { base: { type: 'string', default: 'http://127.0.0.1:8788/' }, story: { type: 'string', default: 's1' }, out: { type: 'string', default: 'test-output' } } });
mkdirSync(opts.out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
const problems = [];
page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
const external = [];
page.on('request', (r) => !r.url().startsWith(new URL(opts.base).origin) && !r.url().startsWith('data:') && external.push(r.url()));
const shot = async (name, full = false) => {
  await page.screenshot({ path: `${opts.out}/${name}.png`, fullPage: full });
  console.log(`  ${name}.png`);
};
const go = async (hash, waitFor) => {
  await page.goto(`${opts.base}${hash}`);
  await page.waitForSelector(waitFor);
};

console.log('stories');
await go('#/stories', '[data-story]');
await shot('01-stories');
await page.fill('#filter-source', 'CNBC');
await page.click('[data-story-filters] button[type=submit]');
await page.waitForFunction(() => location.hash.includes('source=CNBC'));
await page.waitForSelector('[data-story="s1"]');
await shot('02-stories-filtered');

console.log('story');
await go(`#/stories/${opts.story}`, '[data-quote]');
await shot('03-story-top');
await shot('04-story-full', true);
// A quote: its span marked, focused, scrolled to in its column.
const q = page.locator('[data-quote]').first().locator('.quote-side[data-side="1"] .span-link');
const key = await q.getAttribute('data-span-link');
await q.click();
const mark = page.locator(`mark.highlight[data-span="${key}"]`);
await mark.waitFor();
assert.equal(await mark.evaluate((el) => el === document.activeElement), true, 'the mark has focus');
assert.ok(await mark.isVisible(), 'the mark is visible');
assert.match(page.url(), /hl=/);
await shot('05-story-quote-highlighted');
// The claims graph: an edge clicked.
await page.locator('[data-claims-graph]').scrollIntoViewIfNeeded();
await page.locator('[data-claims-graph] [data-claim]').first().focus();
await page.keyboard.press('Enter');
await page.locator('mark.highlight').waitFor();
await page.locator('[data-claims-graph]').scrollIntoViewIfNeeded();
await shot('06-story-claims');
// The timeline: a mark activated by keyboard.
await page.locator('[data-timeline]').scrollIntoViewIfNeeded();
await page.locator('[data-timeline] [data-event]').last().focus();
await page.keyboard.press('Enter');
await page.locator('mark.highlight').waitFor();
await page.locator('[data-timeline]').scrollIntoViewIfNeeded();
await shot('07-story-timeline');
await page.locator('#people').scrollIntoViewIfNeeded();
await shot('08-story-people');
await page.locator('#numbers').scrollIntoViewIfNeeded();
await shot('09-story-numbers-only');
await page.locator('#copies').scrollIntoViewIfNeeded();
await shot('10-story-copies');
// A shared link with ?hl= opens on the span.
const shared = page.url();
await page.goto('about:blank');
await page.goto(shared);
await page.locator('mark.highlight').waitFor();

console.log('article');
const articleId = await page.locator('[data-article-id]').first().getAttribute('data-article-id');
await go(`#/articles/${articleId}`, '[data-attribution]');
await page.locator('[data-attribution] .span-link').nth(2).click();
await page.locator('mark.highlight').waitFor();
await shot('11-article');

console.log('search');
await go('#/search?q=foreign%20interference', '[data-hit]');
await shot('12-search');
await page.fill('#search-q', 'zzzz-nothing');
await page.press('#search-q', 'Enter');
await page.waitForSelector('text=Nothing found');

console.log('add');
await go('#/add', '#upload-files');
await shot('13-add');
await page.click('[data-paste-form] button[type=submit]');
await page.waitForSelector('#paste-missing');
await page.fill('#paste-text', 'Keir Starmer said on Wednesday that the volunteers paid their own way.');
await page.fill('#paste-source', 'Test Outlet');
await page.click('[data-paste-form] button[type=submit]');
await page.waitForSelector('[data-add-results] [data-result-status]');
await page.setInputFiles('#upload-files', [
  { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('An article about councils. '.repeat(20000)) },
  { name: 'copy.txt', mimeType: 'text/plain', buffer: Buffer.from('Copy of a stored article.') },
  { name: 'b.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3]) },
]);
await page.click('[data-upload-form] button[type=submit]');
await page.waitForSelector('[data-upload-progress]');
await shot('13b-add-uploading');
await page.waitForSelector('[data-add-results] [data-result-status="failed"]');
await shot('14-add-results', true);
// Errors shown: a story that does not exist (its 404 is expected).
const before = problems.length;
await go('#/stories/nope', '.error-box');
await page.waitForTimeout(200);
problems.splice(before);
await shot('15-error');

// Narrow window.
await page.setViewportSize({ width: 820, height: 900 });
await go(`#/stories/${opts.story}`, '[data-quote]');
await shot('16-story-narrow');

await browser.close();
if (external.length) problems.push(`external requests: ${external.join(', ')}`);
writeFileSync(`${opts.out}/problems.txt`, problems.join('\n'));
console.log(problems.length ? `problems:\n${problems.join('\n')}` : 'no console errors, no external requests');
