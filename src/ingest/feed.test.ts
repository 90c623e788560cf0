import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { tempDir } from '../test-support/cli.js';
import { feedFormatOf, readFeedItems, type FeedItemResult } from './feed.js';
import { readInputs, type IngestResult } from './read-inputs.js';
import { articlePage, escapeXml, paragraphs, serve, type TestServer } from './source-fixtures.js';

async function collect<T>(results: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of results) out.push(r);
  return out;
}

const html = (tag: string) => paragraphs(tag).map((p) => `<p>${p}</p>`).join('\n');

function rss(items: string[], title = 'The Daily Example'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${title}</title><link>https://daily.test/</link><description>News</description>
${items.join('\n')}
</channel></rss>`;
}

const rssItem = (fields: { title?: string; link?: string; guid?: string; date?: string; creator?: string; description?: string; content?: string }) =>
  `<item>${fields.title ? `<title>${escapeXml(fields.title)}</title>` : ''}${fields.link ? `<link>${fields.link}</link>` : ''}${fields.guid ? `<guid isPermaLink="false">${fields.guid}</guid>` : ''}${fields.date ? `<pubDate>${fields.date}</pubDate>` : ''}${fields.creator ? `<dc:creator>${fields.creator}</dc:creator>` : ''}${fields.description ? `<description>${escapeXml(fields.description)}</description>` : ''}${fields.content ? `<content:encoded><![CDATA[${fields.content}]]></content:encoded>` : ''}</item>`;

const ok = (r: IngestResult | undefined) => {
  assert.ok(r?.ok, r && !r.ok ? r.error.message : 'no result');
  return r;
};

describe('feeds', () => {
  let server: TestServer;
  before(async () => {
    server = await serve({
      '/teaser-story': { type: 'text/html; charset=utf-8', body: articlePage('Council approves the bridge', paragraphs('fetched')) },
      '/feed.xml': { type: 'application/rss+xml', body: rss([rssItem({ title: 'Served', link: 'https://daily.test/served', guid: 's1', content: html('served') })], 'Served Feed') },
    });
  });
  after(() => server.close());

  it('reads each RSS item as an article: title, link, date, channel title as source, creator as byline', async () => {
    const dir = tempDir();
    const file = join(dir, 'daily.rss');
    writeFileSync(
      file,
      rss([
        rssItem({ title: 'Minister & the plan', link: 'https://daily.test/a', guid: 'a-1', date: 'Wed, 23 Oct 2024 10:00:00 GMT', creator: 'Jane Reporter', content: html('first') }),
        rssItem({ title: 'Second story', link: 'https://daily.test/b', guid: 'b-1', date: 'Thu, 24 Oct 2024 08:30:00 +0100', content: html('second') }),
      ]),
    );
    const results = await collect(readInputs([file], { followFeedLinks: false }));
    assert.deepEqual(results.map((r) => r.ok && r.input), [`${file}#1`, `${file}#2`]);
    const first = ok(results[0]);
    assert.equal(first.article.title, 'Minister & the plan');
    assert.equal(first.article.url, 'https://daily.test/a');
    assert.equal(first.article.published, '2024-10-23T10:00:00Z');
    assert.equal(first.article.source, 'The Daily Example');
    assert.equal(first.article.byline, 'Jane Reporter');
    assert.match(first.article.text, /^first paragraph 1\. The minister said/);
    assert.equal(first.article.blocks.filter((b) => b.kind === 'paragraph').length, 4);
    assert.equal(ok(results[1]).article.published, '2024-10-24T07:30:00Z');
  });

  it('gives the caller’s source over the channel title, and the caller’s date to items without one', async () => {
    const dir = tempDir();
    const file = join(dir, 'f.rss.gz');
    writeFileSync(file, gzipSync(rss([rssItem({ title: 'Undated', link: 'https://daily.test/u', content: html('undated') })])));
    const [r] = await collect(readInputs([file], { source: 'Example Wire', published: '2024-01-02', followFeedLinks: false }));
    assert.equal(ok(r).article.source, 'Example Wire');
    assert.equal(ok(r).article.published, '2024-01-02');
  });

  it('reads an Atom feed: entry title, alternate link, published date, author, html content', async () => {
    const dir = tempDir();
    const file = join(dir, 'news.atom');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title><id>urn:feed</id><updated>2024-10-23T12:00:00Z</updated>
<link rel="self" href="https://atom.test/feed.atom"/>
<entry><id>urn:entry:1</id><title type="text">Atom story</title>
<link rel="alternate" type="text/html" href="https://atom.test/story"/><link rel="enclosure" href="https://atom.test/a.mp3"/>
<published>2024-10-22T09:00:00Z</published><updated>2024-10-23T09:00:00Z</updated><author><name>Ann Author</name></author>
<summary>Short.</summary><content type="html">${escapeXml(html('atom'))}</content></entry>
</feed>`,
    );
    const [r, ...rest] = await collect(readInputs([file], { followFeedLinks: false }));
    assert.equal(rest.length, 0);
    const { article } = ok(r);
    assert.equal(r!.ok && r!.input, `${file}#1`);
    assert.equal(article.title, 'Atom story');
    assert.equal(article.url, 'https://atom.test/story');
    assert.equal(article.published, '2024-10-22T09:00:00Z');
    assert.equal(article.source, 'Atom Times');
    assert.equal(article.byline, 'Ann Author');
    assert.match(article.text, /^atom paragraph 1\./);
  });

  it('reads an RSS 1.0 (RDF) feed with dc:date', async () => {
    const dir = tempDir();
    const file = join(dir, 'rdf.xml');
    writeFileSync(
      file,
      `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="https://rdf.test/"><title>RDF Post</title><link>https://rdf.test/</link><description>d</description></channel>
<item rdf:about="https://rdf.test/1"><title>RDF story</title><link>https://rdf.test/1</link><dc:date>2024-10-21</dc:date><dc:creator>Bob</dc:creator>
<content:encoded><![CDATA[${html('rdf')}]]></content:encoded></item></rdf:RDF>`,
    );
    const [r] = await collect(readInputs([file], { followFeedLinks: false }));
    assert.equal(ok(r).article.published, '2024-10-21');
    assert.equal(ok(r).article.source, 'RDF Post');
    assert.equal(ok(r).article.byline, 'Bob');
  });

  it('fetches the linked page of an item that has only a teaser, keeping the feed’s title and date', async () => {
    const dir = tempDir();
    const file = join(dir, 'teasers.rss');
    writeFileSync(
      file,
      rss([
        rssItem({ title: 'Feed title for the bridge', link: `${server.base}/teaser-story`, date: 'Wed, 23 Oct 2024 10:00:00 GMT', description: 'Councillors voted on the bridge. <a href="x">More</a>' }),
        rssItem({ title: 'Gone', link: `${server.base}/gone`, description: 'The teaser of a page that is gone.' }),
        rssItem({ title: 'Gone, no teaser', link: `${server.base}/gone-too` }),
      ]),
    );
    const results = await collect(readInputs([file]));
    assert.equal(results.length, 3);
    const fetched = ok(results[0]);
    assert.equal(fetched.input, `${file}#1`);
    assert.equal(fetched.article.title, 'Feed title for the bridge');
    assert.equal(fetched.article.published, '2024-10-23T10:00:00Z');
    assert.equal(fetched.article.url, `${server.base}/teaser-story`);
    assert.match(fetched.article.text, /fetched paragraph 1\. The minister said/);
    assert.ok(server.hits.includes('/teaser-story'));
    // The page failed (404): the teaser is read, with a warning saying why.
    const fallback = ok(results[1]);
    assert.equal(fallback.article.text, 'The teaser of a page that is gone.');
    assert.deepEqual(fallback.messages.map((m) => [m.code, m.severity]), [['feed-summary-only', 'warning']]);
    assert.match(fallback.messages[0]!.reason, /HTTP 404/);
    // Nothing to fall back to: the item fails alone, named by its position.
    const failed = results[2]!;
    assert.ok(!failed.ok);
    assert.equal(failed.error.input, `${file}#3`);
    assert.equal(failed.error.code, 'fetch-failed');
    assert.match(failed.error.message, /#3: HTTP 404/);
  });

  it('reports malformed feed XML as one failure and still reads the other inputs', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.rss');
    writeFileSync(bad, rss([rssItem({ title: 'Cut', content: html('cut') })]).slice(0, 300));
    const good = join(dir, 'good.txt');
    writeFileSync(good, 'Still read.');
    const results = await collect(readInputs([bad, good]));
    assert.equal(results.length, 2);
    const [failure, text] = results;
    assert.ok(failure && !failure.ok);
    assert.equal(failure.error.code, 'bad-feed');
    assert.match(failure.error.message, /^.*bad\.rss: malformed feed XML \(.+\)$/);
    assert.doesNotMatch(failure.error.message, /\n/);
    assert.equal(ok(text).article.text, 'Still read.');
  });

  it('says a feed with no items has no articles', async () => {
    const dir = tempDir();
    const file = join(dir, 'empty.rss');
    writeFileSync(file, rss([]));
    const results = await collect(readInputs([file]));
    assert.equal(results.length, 1);
    assert.ok(!results[0]!.ok);
    assert.equal(results[0]!.error.code, 'no-articles');
    assert.equal(results[0]!.error.reason, 'feed has no items');
  });

  it('reads .xml only when its root element is a feed; other XML fails when named and is skipped in a folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'feed.xml'), rss([rssItem({ title: 'X', link: 'https://daily.test/x', content: html('xml') })]));
    writeFileSync(join(dir, 'in', 'sitemap.xml'), '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.test/</loc></url></urlset>');
    const fromFolder = await collect(readInputs([join(dir, 'in')], { followFeedLinks: false }));
    assert.deepEqual(fromFolder.map((r) => r.ok && r.input), [`${join(dir, 'in', 'feed.xml')}#1`]);
    const [named] = await collect(readInputs([join(dir, 'in', 'sitemap.xml')]));
    assert.ok(named && !named.ok);
    assert.equal(named.error.code, 'unsupported');
    assert.match(named.error.reason, /not an RSS, Atom or RDF feed \(root element <urlset>\)/);
  });

  it('finds the root element past the XML declaration, stylesheets, comments and a doctype', () => {
    assert.equal(feedFormatOf('\uFEFF<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?><!-- c --><!DOCTYPE rss><rss version="2.0">'), 'rss');
    assert.equal(feedFormatOf('<rdf:RDF xmlns:rdf="x">'), 'rdf');
    assert.equal(feedFormatOf('<feed xmlns="http://www.w3.org/2005/Atom">'), 'atom');
    assert.equal(feedFormatOf('<!DOCTYPE html><html><body><rss>'), null);
    assert.equal(feedFormatOf('<urlset>'), null);
  });

  it('reads a feed URL (sniffed, not by its name) item by item', async () => {
    const results = await collect(readInputs([`${server.base}/feed.xml`], { followFeedLinks: false }));
    assert.equal(results.length, 1);
    const r = ok(results[0]);
    assert.equal(r.input, `${server.base}/feed.xml#1`);
    assert.equal(r.article.source, 'Served Feed');
    assert.equal(r.article.url, 'https://daily.test/served');
  });

  it('gives a poller stable keys, and skips items it has seen before fetching anything', async () => {
    const dir = tempDir();
    const file = join(dir, 'poll.rss');
    writeFileSync(
      file,
      rss([
        rssItem({ title: 'Has guid', guid: 'guid-1', link: 'https://daily.test/1', content: html('one') }),
        rssItem({ title: 'Has link', link: 'https://daily.test/2', content: html('two') }),
        rssItem({ title: 'Teaser', link: `${server.base}/teaser-story`, description: 'Short.' }),
      ]),
    );
    const first: FeedItemResult[] = await collect(readFeedItems(file));
    assert.deepEqual(first.map((r) => r.key), ['guid-1', 'https://daily.test/2', `${server.base}/teaser-story`]);
    assert.ok(first.every((r) => r.ok));
    const seen = new Set(first.map((r) => r.key!));
    const hitsBefore = server.hits.length;
    assert.deepEqual(await collect(readFeedItems(file, { seen })), []);
    assert.equal(server.hits.length, hitsBefore, 'a seen item is not fetched again');
    const onlyNew = await collect(readFeedItems(file, { seen: (key) => key !== 'guid-1' }));
    assert.deepEqual(onlyNew.map((r) => r.key), ['guid-1']);
  });

  it('gives a poller one keyless failure for a feed it cannot fetch', async () => {
    const results = await collect(readFeedItems(`${server.base}/no-such-feed`));
    assert.equal(results.length, 1);
    assert.equal(results[0]!.key, null);
    assert.ok(!results[0]!.ok);
    assert.equal(results[0]!.error.code, 'fetch-failed');
  });
});

describe('feed items with teasers only: linked pages fetched in parallel, results in feed order', () => {
  let server: TestServer;
  let inFlight = 0, most = 0;
  before(async () => {
    const routes: Parameters<typeof serve>[0] = {};
    for (let k = 1; k <= 6; k++) {
      routes[`/page-${k}`] = (_req, res) => {
        inFlight++;
        most = Math.max(most, inFlight);
        // Held a moment, so that requests made at once are seen at once.
        setTimeout(() => {
          inFlight--;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(`Story ${k}`, paragraphs(`page${k}`)));
        }, 40);
      };
    }
    server = await serve(routes);
  });
  after(() => server.close());

  const feedOf = (keys: number[]): string => {
    const file = join(tempDir(), 'teasers.rss');
    writeFileSync(file, rss(keys.map((k) => rssItem({ title: `Teaser ${k}`, link: `${server.base}/page-${k}`, guid: `g${k}`, description: 'Short.' }))));
    return file;
  };

  it('fetches up to `concurrency` pages at once and yields the items in feed order', async () => {
    most = 0;
    const results = await collect(readFeedItems(feedOf([1, 2, 3, 4, 5, 6]), { concurrency: 3 }));
    assert.deepEqual(results.map((r) => r.key), ['g1', 'g2', 'g3', 'g4', 'g5', 'g6']);
    assert.deepEqual(results.map((r) => r.ok && r.article.text.slice(0, 5)), ['page1', 'page2', 'page3', 'page4', 'page5', 'page6']);
    assert.ok(most >= 2 && most <= 3, `at most 3 at once, more than one: ${most}`);
    most = 0;
    await collect(readFeedItems(feedOf([1, 2, 3]), { concurrency: 1 }));
    assert.equal(most, 1);
  });

  it('an item the caller stores while it is fetched again later in the feed is yielded once, as when read one at a time', async () => {
    const seen = new Set<string>();
    const results: FeedItemResult[] = [];
    for await (const r of readFeedItems(feedOf([1, 2, 1, 3]), { seen })) {
      results.push(r);
      if (r.key) seen.add(r.key);
    }
    assert.deepEqual(results.map((r) => r.key), ['g1', 'g2', 'g3']);
  });
});
