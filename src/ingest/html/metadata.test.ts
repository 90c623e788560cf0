import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readHtml } from './index.js';
import { normalizePublished } from '../published.js';
import { stripTitleSuffix } from './metadata.js';
import { confidenceOf } from '../metadata-confidence.js';

const page = (head: string, body = '<p>Text.</p>', htmlAttrs = '') =>
  `<!DOCTYPE html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`;

describe('readHtml metadata', () => {
  it('reads JSON-LD inside @graph ahead of OpenGraph', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'The Site', url: 'https://example.com/' },
        {
          '@type': ['NewsArticle'],
          headline: 'Labour rejects Trump campaign&#8217;s complaint',
          author: [{ '@type': 'Person', name: 'Jane Doe' }, { '@type': 'Person', name: 'John Roe' }, 'https://example.com/staff/x'],
          datePublished: '2024-10-23T09:15:00+01:00',
          publisher: { '@type': 'Organization', name: 'The National' },
        },
      ],
    };
    const parts = readHtml(
      page(
        `<script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="og:title" content="OG title"><meta property="og:site_name" content="OG site"><link rel="canonical" href="/news/labour"><title>Title | Site</title>`,
        '<p>Body.</p>',
        ' lang="en-GB"',
      ),
      { url: 'https://example.com/x?utm=1' },
    );
    assert.deepEqual(parts.title, { value: 'Labour rejects Trump campaign’s complaint', from: 'json-ld:headline', confidence: confidenceOf('json-ld:headline') });
    assert.deepEqual(parts.byline, { value: 'Jane Doe, John Roe', from: 'json-ld:author', confidence: confidenceOf('json-ld:author') });
    assert.deepEqual(parts.published, { value: '2024-10-23T09:15:00+01:00', from: 'json-ld:datePublished', confidence: confidenceOf('json-ld:datePublished') });
    assert.deepEqual(parts.publisher, { value: 'The National', from: 'json-ld:publisher', confidence: confidenceOf('json-ld:publisher') });
    assert.deepEqual(parts.url, { value: 'https://example.com/news/labour', from: 'link:canonical', confidence: confidenceOf('link:canonical') });
    assert.deepEqual(parts.language, { value: 'en-GB', from: 'html:lang', confidence: confidenceOf('html:lang') });
  });

  it('reads an array of JSON-LD objects and ignores malformed JSON-LD with an info message', () => {
    const ld = [{ '@type': 'BreadcrumbList' }, { '@type': 'BlogPosting', headline: 'Post', datePublished: '2019-11-19' }];
    const parts = readHtml(
      page(`<script type="application/ld+json">{ not json</script><script type="application/ld+json">${JSON.stringify(ld)}</script>`),
    );
    assert.deepEqual(parts.title, { value: 'Post', from: 'json-ld:headline', confidence: confidenceOf('json-ld:headline') });
    assert.deepEqual(parts.published, { value: '2019-11-19', from: 'json-ld:datePublished', confidence: confidenceOf('json-ld:datePublished') });
    const info = parts.messages.filter((m) => m.code === 'json-ld-malformed');
    assert.equal(info.length, 1);
    assert.equal(info[0]?.severity, 'info');
  });

  it('reads OpenGraph only', () => {
    const parts = readHtml(
      page(
        '<meta property="og:title" content="OG headline"><meta property="og:site_name" content="CNBC"><meta property="og:url" content="https://www.cnbc.com/a.html"><meta property="og:locale" content="en_US"><meta property="article:published_time" content="2024-10-23T05:00:00Z"><meta property="article:author" content="https://www.facebook.com/cnbc">',
      ),
    );
    assert.deepEqual(parts.title, { value: 'OG headline', from: 'meta:og:title', confidence: confidenceOf('meta:og:title') });
    assert.deepEqual(parts.publisher, { value: 'CNBC', from: 'meta:og:site_name', confidence: confidenceOf('meta:og:site_name') });
    assert.deepEqual(parts.url, { value: 'https://www.cnbc.com/a.html', from: 'meta:og:url', confidence: confidenceOf('meta:og:url') });
    assert.deepEqual(parts.language, { value: 'en-US', from: 'meta:og:locale', confidence: confidenceOf('meta:og:locale') });
    assert.deepEqual(parts.published, { value: '2024-10-23T05:00:00Z', from: 'meta:article:published_time', confidence: confidenceOf('meta:article:published_time') });
    assert.equal(parts.byline, null, 'a profile URL is not a byline');
  });

  it('reads plain meta tags, the <title> without its site suffix and <time> in the article', () => {
    const parts = readHtml(
      page(
        '<title>Labour rejects claims of interference - The Example Times</title><meta name="author" content="By Jane Doe"><meta name="application-name" content="Example Times">',
        '<article><time datetime="2024-10-23">Oct 23</time><p>Body.</p></article>',
      ),
    );
    assert.deepEqual(parts.title, { value: 'Labour rejects claims of interference', from: 'html:title', confidence: confidenceOf('html:title') });
    assert.deepEqual(parts.byline, { value: 'Jane Doe', from: 'meta:author', confidence: confidenceOf('meta:author') });
    assert.deepEqual(parts.publisher, { value: 'Example Times', from: 'meta:application-name', confidence: confidenceOf('meta:application-name') });
    assert.deepEqual(parts.published, { value: '2024-10-23', from: 'html:time', confidence: confidenceOf('html:time') });
  });

  it('reads DC.date and a first <h1> as the last resorts', () => {
    const parts = readHtml(page('<meta name="DC.date" content="2024-10-23 10:00:00">', '<h1>The headline</h1><p>Body.</p>'));
    assert.deepEqual(parts.published, { value: '2024-10-23', from: 'meta:dc.date', confidence: confidenceOf('meta:dc.date') });
    assert.deepEqual(parts.title, { value: 'The headline', from: 'html:h1', confidence: confidenceOf('html:h1') });
  });
});

describe('normalizePublished', () => {
  const cases: [string, string | null][] = [
    ['2024-10-23', '2024-10-23'],
    ['2024-10-23T09:15:00+01:00', '2024-10-23T09:15:00+01:00'],
    ['2024-10-23T09:15:00.123Z', '2024-10-23T09:15:00.123Z'],
    ['2024-10-23T09:15:00+0100', '2024-10-23T09:15:00+01:00'],
    ['2024-10-23T09:15:00', '2024-10-23'],
    ['20241023', '2024-10-23'],
    ['Wed, 23 Oct 2024 09:15:00 GMT', '2024-10-23T09:15:00Z'],
    ['October 23, 2024', '2024-10-23'],
    ['2024-02-30', null],
    ['yesterday', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(`normalises ${JSON.stringify(input)} to ${JSON.stringify(expected)}`, () => assert.equal(normalizePublished(input), expected));
  }
});

describe('stripTitleSuffix', () => {
  it('strips a site name suffix but keeps a short headline whole', () => {
    assert.equal(stripTitleSuffix('Labour rejects claims | CNBC'), 'Labour rejects claims');
    assert.equal(stripTitleSuffix('Q&A - An interview with the Labour Party spokesperson'), 'Q&A - An interview with the Labour Party spokesperson');
    assert.equal(stripTitleSuffix('Labour | The National News', 'The National News'), 'Labour');
  });
});
