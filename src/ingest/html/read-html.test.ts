import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readHtml } from './index.js';
import { checkSpans } from '../invariants.js';
import { confidenceOf } from '../metadata-confidence.js';

const SHARED = resolve(process.cwd(), process.env['PARALLAX_SHARED'] ?? '../shared');
const SEED_001 = resolve(SHARED, 'fixtures/seed-story/001_016024430793a84e.txt');

const blockTexts = (html: string, url?: string) => {
  const parts = readHtml(html, url ? { url } : {});
  assert.deepEqual(checkSpans(parts), []);
  return parts.blocks.map((b) => [parts.text.slice(b.start, b.end), b.kind]);
};

describe('readHtml on fragments', () => {
  it('reads seed 001 as one paragraph with links over the anchor texts', () => {
    const parts = readHtml(readFileSync(SEED_001, 'utf8'));
    assert.deepEqual(checkSpans(parts), []);
    assert.equal(parts.blocks.length, 1);
    assert.equal(parts.blocks[0]?.kind, 'paragraph');
    assert.ok(parts.text.startsWith('Britain sought to defuse a row with Donald Trump on Wednesday'));
    assert.ok(!parts.text.includes('<a'));
    const trump = parts.links.find((l) => l.href === 'https://www.thenationalnews.com/tags/donald-trump/');
    assert.ok(trump);
    assert.equal(parts.text.slice(trump.start, trump.end), 'Donald Trump');
    assert.deepEqual(
      parts.links.map((l) => parts.text.slice(l.start, l.end)).slice(0, 4),
      ['Donald Trump', 'Keir Starmer', 'Kamala Harris', 'US'],
    );
    assert.deepEqual(parts.messages, []);
  });

  it('joins blocks with a blank line and collapses whitespace inside a block', () => {
    const parts = readHtml('<p>One\n   two\t three</p>\n<p>Four.</p>');
    assert.equal(parts.text, 'One two three\n\nFour.');
  });

  it('decodes entities, including &nbsp; as a space', () => {
    const parts = readHtml('<p>Tom &amp; Jerry &#8220;said&#8221;&nbsp;hi</p>');
    assert.equal(parts.text, 'Tom & Jerry “said” hi');
  });

  it('drops script, style and template content', () => {
    const parts = readHtml('<p>Before <script>alert(1)</script>after</p><style>p{}</style><template>x</template>');
    assert.equal(parts.text, 'Before after');
    assert.ok(!parts.text.includes('alert'));
  });

  it('makes <br> a line break and a double <br> a block break', () => {
    assert.equal(readHtml('<p>Line one<br>line two<br><br>Next block</p>').text, 'Line one\nline two\n\nNext block');
    assert.deepEqual(blockTexts('<p>a<br/>b<br><br>c</p>').map(([t]) => t), ['a\nb', 'c']);
  });

  it('gives headings, captions and list items their kinds', () => {
    assert.deepEqual(
      blockTexts('<h2>Why it matters.</h2><p>Body text here.</p><figure><img src=x><figcaption>Starmer in Samoa</figcaption></figure><ul><li>Apples</li></ul>'),
      [['Why it matters.', 'heading'], ['Body text here.', 'paragraph'], ['Starmer in Samoa', 'caption'], ['Apples', 'paragraph']],
    );
  });

  it('classifies a figcaption that is only a credit as a credit', () => {
    assert.deepEqual(blockTexts('<figure><figcaption>Brian Snyder | Reuters</figcaption></figure>'), [['Brian Snyder | Reuters', 'credit']]);
  });

  it('keeps text after a nested block as its own block', () => {
    assert.deepEqual(blockTexts('<div>Intro <b>bold</b><p>Inner.</p>Tail text.</div>').map(([t]) => t), ['Intro bold', 'Inner.', 'Tail text.']);
  });

  it('resolves relative hrefs against the given URL and splits a link that spans blocks', () => {
    const parts = readHtml('<a href="/tags/x/"><p>First</p><p>Second</p></a> <a href="javascript:void(0)">no</a>', { url: 'https://example.com/news/1' });
    assert.deepEqual(checkSpans(parts), []);
    assert.deepEqual(parts.links.map((l) => [parts.text.slice(l.start, l.end), l.href]), [
      ['First', 'https://example.com/tags/x/'],
      ['Second', 'https://example.com/tags/x/'],
    ]);
  });

  it('treats blank lines in bare fragment text as paragraph breaks', () => {
    assert.deepEqual(blockTexts('First <a href="/a">para</a>.\n\nSecond para.').map(([t]) => t), ['First para.', 'Second para.']);
  });

  it('keeps whitespace inside <pre> but never a blank line', () => {
    assert.equal(readHtml('<pre>a  b\n  c\n\n\nd</pre>').text, 'a  b\n  c\nd');
  });

  it('skips hidden elements', () => {
    assert.equal(readHtml('<p>Shown</p><p hidden>Hidden</p><p style="display: none">Gone</p>').text, 'Shown');
  });

  it('returns empty parts for an empty string', () => {
    const parts = readHtml('');
    assert.equal(parts.text, '');
    assert.deepEqual(parts.blocks, []);
  });

  it('does not throw on 100,000 nested divs', () => {
    const n = 100_000;
    const parts = readHtml('<div>'.repeat(n) + 'deep text' + '</div>'.repeat(n));
    assert.equal(parts.text, 'deep text');
    assert.ok(parts.messages.some((m) => m.code === 'html-nesting-limited'));
    const page = readHtml('<html><body>' + '<div>'.repeat(n) + '<p>deep</p>' + '</div>'.repeat(n) + '</body></html>');
    assert.deepEqual(checkSpans(page), []);
  });

  it('does not throw on malformed markup', () => {
    for (const html of ['<', '<<p>>', '</div></p>', '<p <a href=">x</a>', '<!-- unclosed', '<script>', '<a href="http://[::1">x</a>', '\u0000<p>\ud800</p>', '<table><td>x<tr><p>y']) {
      const parts = readHtml(html);
      assert.deepEqual(checkSpans(parts), [], html);
    }
  });

  it('keeps span invariants on random markup (property)', () => {
    const token = fc.constantFrom(
      '<p>', '</p>', '<div>', '</div>', '<a href="/x">', '<a href="">', '</a>', '<br>', '<h2>', '</h2>', '<figcaption>', '</figcaption>',
      '<pre>', '</pre>', '<script>', '</script>', '<li>', '<td>', ' ', '\n\n', '\t', '&amp;', '&nbsp;', '&#8220;', 'word', 'Reuters', '<', '>', '"', '<!--', '-->',
      '<html>', '<body>',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string()), { maxLength: 40 }), (tokens) => {
        const parts = readHtml(tokens.join(''));
        assert.deepEqual(checkSpans(parts), []);
      }),
      { numRuns: 300 },
    );
  });

  it('throws a TypeError on a non-string', () => {
    assert.throws(() => readHtml(undefined as unknown as string), TypeError);
  });
});

describe('readHtml on whole pages', () => {
  const paragraphs = Array.from({ length: 8 }, (_, i) =>
    `<p>Paragraph ${i + 1} of the article tells a long story about the election, the volunteers who travelled, and what the campaign said, so that Readability finds enough text here.</p>`,
  ).join('\n');

  it('extracts the article body with Readability', () => {
    const page = `<!DOCTYPE html><html lang="en"><head><title>Story | Site</title></head><body><nav><a href="/">Home</a></nav><article><h1>Story</h1>${paragraphs}<p>See <a href="/more">more</a>.</p></article><footer>Footer links</footer></body></html>`;
    const parts = readHtml(page, { url: 'https://example.com/a/b' });
    assert.deepEqual(checkSpans(parts), []);
    assert.ok(parts.text.includes('Paragraph 1 of the article'));
    assert.ok(!parts.text.includes('Footer links'));
    assert.ok(parts.links.some((l) => l.href === 'https://example.com/more' && parts.text.slice(l.start, l.end) === 'more'));
    assert.deepEqual(parts.title, { value: 'Story', from: 'html:title', confidence: confidenceOf('html:title') });
    assert.deepEqual(parts.language, { value: 'en', from: 'html:lang', confidence: confidenceOf('html:lang') });
    assert.deepEqual(parts.url, { value: 'https://example.com/a/b', from: 'option:url', confidence: confidenceOf('option:url') });
  });

  it('reports a page with no article body', () => {
    const parts = readHtml('<!DOCTYPE html><html><head><title>Empty</title></head><body><script>var x = 1;</script></body></html>');
    assert.equal(parts.text, '');
    assert.deepEqual(parts.blocks, []);
    const message = parts.messages.find((m) => m.code === 'no-article-body');
    assert.equal(message?.severity, 'error');
    assert.deepEqual(parts.title, { value: 'Empty', from: 'html:title', confidence: confidenceOf('html:title') });
  });

  it('keeps script content out of the text of a script-laden page', () => {
    const scripts = '<script>document.write("evil")</script>'.repeat(50);
    const parts = readHtml(`<html><body>${scripts}<article>${paragraphs}</article>${scripts}</body></html>`);
    assert.ok(parts.text.includes('Paragraph 8'));
    assert.ok(!parts.text.includes('evil'));
  });
});
