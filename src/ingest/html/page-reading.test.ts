/**
 * Whole pages written for the test: site furniture marked by kind, metadata with sources and confidence, pages
 * that are a video or a gallery, AMP markup.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDocument } from '../read-inputs.js';
import { readHtml } from './index.js';
import { bylineNames, cleanByline, stripSiteName } from './metadata.js';

const PROSE = Array.from({ length: 6 }, (_, k) => `<p>Paragraph ${k + 1} of the report says the council met on Tuesday and voted to keep the library open for another year, after residents signed a petition.</p>`).join('\n');

const page = (head: string, body: string): string => `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

const kinds = (html: string): Array<[string, string, string]> => {
  const parts = readHtml(html);
  return parts.blocks.map((b) => [b.kind, b.rule ?? '', parts.text.slice(b.start, b.end)]);
};

describe('site furniture in a whole page', () => {
  const html = page('<title>Library stays open | Daily Example</title><meta property="og:site_name" content="Daily Example">', `
    <article class="post tag-news tag-library">
      <h1>Library stays open</h1>
      <div class="newsletter-box"><p>1,204 readers get this in their inbox each morning</p><p>Pass it on to a friend who would want to know</p></div>
      <p class="article-date">Updated Nov 19, 6:55 AM; Posted Nov 18, 8:19 PM</p>
      ${PROSE}
      <figure><img src="a.jpg"><p>Residents outside the library on Tuesday evening.</p></figure>
      <ul class="nav-list"><li><a href="/home">Home</a></li><li><a href="/news">News</a></li></ul>
      <p>(Reporting by Jane Doe; Editing by John Roe)</p>
      <div class="post-tags"><p>Libraries, county council, budgets and the petitions behind them</p><p>Local government in the region this year</p></div>
    </article>`);

  it('keeps the article\'s paragraphs and marks the rest by kind, each with its rule', () => {
    const blocks = kinds(html);
    const body = blocks.filter(([k]) => k === 'paragraph').map(([, , t]) => t);
    assert.equal(body.length, 6, JSON.stringify(blocks, null, 1));
    assert.ok(body.every((t) => t.startsWith('Paragraph ')));
    const ruleOf = (text: string): string | undefined => blocks.find(([, , t]) => t.startsWith(text))?.slice(0, 2).join(' ');
    // The headline is metadata: Readability drops it, or it is marked as a repeat of the title.
    assert.ok(!blocks.some(([k, , t]) => (k === 'paragraph' || k === 'heading') && t === 'Library stays open'));
    assert.equal(ruleOf('1,204 readers'), 'boilerplate html/class-newsletter');
    assert.equal(ruleOf('Updated Nov 19'), 'boilerplate block/date-only');
    assert.equal(ruleOf('Residents outside'), 'caption html/figure');
    assert.match(ruleOf('Home') ?? '', /^boilerplate (?:html\/class-nav|block\/furniture|html\/link-dense)$/);
    assert.equal(ruleOf('(Reporting by'), 'credit block/credit-reporting');
    assert.equal(ruleOf('Libraries, county council'), 'boilerplate html/class-tags');
  });

  it('does not believe a class that covers most of the article ("tag-news" on the whole post)', () => {
    assert.ok(!kinds(html).some(([, rule]) => rule === 'html/class-tag'));
  });
});

describe('the title repeated in the body', () => {
  it('is marked as a repeat, not counted as the article\'s first paragraph', () => {
    const blocks = kinds(page('<title>Library stays open</title>', `<div class="story"><p class="kicker">Library stays open</p>${PROSE}</div>`));
    assert.deepEqual(blocks[0]?.slice(0, 2), ['boilerplate', 'html/title-repeat']);
  });
});

describe('page metadata with sources and confidence', () => {
  it('strips the site\'s name from a headline, whichever statement carries it', () => {
    assert.equal(stripSiteName('South Dakota doubles down | TheHill', [null, null, 'thehill']), 'South Dakota doubles down');
    assert.equal(stripSiteName('Nadal keeps Spain alive - Sportsnet.ca', ['Sportsnet', null, null]), 'Nadal keeps Spain alive');
    assert.equal(stripSiteName('Trump - the aftermath', ['Daily Example', null, 'example']), 'Trump - the aftermath');
  });

  it('takes the headline most statements agree on, the reader\'s one on a tie', () => {
    const parts = readHtml(page('<title>Swift may play at the AMAs after all - Example News</title><meta property="og:title" content="Swift row seems to be over"><meta property="og:site_name" content="Example News">', `<h1>Swift may play at the AMAs after all</h1>${PROSE}`));
    assert.equal(parts.title?.value, 'Swift may play at the AMAs after all');
    assert.equal(parts.title?.from, 'html:title');
  });

  it('reads modification date, section, every author, and gives each value its source and confidence', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Council keeps library open', datePublished: '2019-11-19T06:56:43-05:00', dateModified: '2019-11-19T10:20:59-05:00', articleSection: 'Local', author: [{ name: 'Jane Doe' }, { name: 'John Roe' }] });
    const parts = readHtml(page(`<script type="application/ld+json">${ld}</script>`, `<h1>Council keeps library open</h1>${PROSE}`));
    assert.deepEqual([parts.published?.value, parts.published?.from], ['2019-11-19T06:56:43-05:00', 'json-ld:datePublished']);
    assert.deepEqual([parts.modified?.value, parts.section?.value, parts.authors], ['2019-11-19T10:20:59-05:00', 'Local', ['Jane Doe', 'John Roe']]);
    assert.ok(parts.published!.confidence > 0.9 && parts.title!.confidence > 0.9);
  });

  it('falls back to a date in the address, then a date element, then the date printed under the headline, each less trusted', () => {
    const fromUrl = readHtml(page('<link rel="canonical" href="https://example.com/news/2019/11/19/library-stays-open/">', `<h1>Library</h1>${PROSE}`));
    assert.deepEqual([fromUrl.published?.value, fromUrl.published?.from], ['2019-11-19', 'url:date']);
    const fromElement = readHtml(page('', `<h1>Library</h1><span class="article-publish-date">November 19, 2019, 9:02 AM</span>${PROSE}`));
    assert.deepEqual([fromElement.published?.value, fromElement.published?.from], ['2019-11-19', 'html:date-text']);
    const printed = readHtml(page('<title>Library stays open</title>', `<div><h2>Library stays open</h2> Article posted: [ 2018-08-25 15:24 ] by Admin</div>${PROSE}`));
    assert.deepEqual([printed.published?.value, printed.published?.from], ['2018-08-25', 'html:date-near-title']);
    assert.deepEqual([printed.byline?.value, printed.byline?.from], ['Admin', 'html:byline-near-title']);
    assert.ok(printed.published!.confidence < fromUrl.published!.confidence);
  });

  it('prefers the page\'s byline when it names the metadata\'s author and more', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Hearing', author: { name: 'Stefan Becket' } });
    const parts = readHtml(page(`<script type="application/ld+json">${ld}</script>`, `<h1>Hearing</h1><p class="byline">By Stefan Becket, Kathryn Watson, Grace Segers</p>${PROSE}`));
    assert.equal(parts.byline?.value, 'Stefan Becket, Kathryn Watson, Grace Segers');
    assert.deepEqual(parts.authors, ['Stefan Becket', 'Kathryn Watson', 'Grace Segers']);
  });

  it('cleans bylines to names: no "By", labels, dates or roles', () => {
    assert.equal(cleanByline('By Jane Doe | Updated 6:55 AM', 't')?.value, 'Jane Doe');
    assert.equal(cleanByline('Regan September 15, 2014', 't')?.value, 'Regan');
    assert.equal(cleanByline('Text: Венера Ерофеева', 't')?.value, 'Венера Ерофеева');
    assert.equal(cleanByline('https://facebook.com/jane', 't'), null);
    assert.deepEqual(bylineNames('TOM KRISHER, AP Auto Writer'), ['TOM KRISHER']);
    assert.deepEqual(bylineNames('Jane Doe and John Roe, Reuters', 'Reuters'), ['Jane Doe', 'John Roe']);
  });
});

describe('pages that are not an article', () => {
  const read = (html: string) => [...readDocument('page.html', Buffer.from(html), { kind: 'html', meta: {} })][0]!;

  it('says a page is mostly a video instead of returning its caption', () => {
    const r = read(page('<meta property="og:type" content="video.other"><title>Watch: the launch</title>', '<h1>Watch: the launch</h1><video src="v.mp4"></video><p>The rocket lifted off on Tuesday morning from the coast.</p>'));
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.error.code === 'video-page' && /mostly a video \(og:type video\.other\), with \d+ words of text/.test(r.error.reason), !r.ok ? r.error.reason : '');
  });

  it('says a page is mostly a photo gallery', () => {
    const images = Array.from({ length: 8 }, (_, k) => `<figure><img src="${k}.jpg"><figcaption>Photo ${k}</figcaption></figure>`).join('');
    const r = read(page('<title>In pictures</title>', `<h1>In pictures: the storm</h1><div class="gallery">${images}</div><p>Scenes from the storm that hit the coast on Monday night.</p>`));
    assert.ok(!r.ok && r.error.code === 'gallery-page', !r.ok ? r.error.reason : 'read as an article');
  });

  it('reads an article with an embedded video as an article', () => {
    const r = read(page('<title>Launch</title>', `<h1>Launch</h1><iframe src="https://www.youtube.com/embed/x"></iframe>${PROSE}`));
    assert.ok(r.ok);
  });

  it('reads an AMP page like any other', () => {
    const amp = `<!doctype html><html amp lang="en"><head><meta charset="utf-8"><link rel="canonical" href="https://example.com/2019/11/19/library/"><title>Library stays open</title><script async src="https://cdn.ampproject.org/v0.js"></script><style amp-boilerplate>body{visibility:hidden}</style></head><body><header><amp-img src="logo.png" width="100" height="30"></amp-img></header><article><h1>Library stays open</h1>${PROSE}<amp-ad type="doubleclick" data-slot="/1/ad"></amp-ad></article></body></html>`;
    const r = read(amp);
    assert.ok(r.ok);
    if (r.ok) {
      assert.equal(r.article.blocks.filter((b) => b.kind === 'paragraph').length, 6);
      assert.equal(r.article.published, '2019-11-19');
      assert.equal(r.article.metadata?.published?.from, 'url:date');
    }
  });
});
