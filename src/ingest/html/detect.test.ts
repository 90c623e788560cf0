import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { isWholePage, looksLikeHtml } from './detect.js';
import { limitNestingDepth } from './nesting.js';

const SHARED = resolve(process.cwd(), process.env['PARALLAX_SHARED'] ?? '../shared');

describe('looksLikeHtml', () => {
  it('fires on seed 001 (text with <a> tags)', () => {
    assert.equal(looksLikeHtml(readFileSync(resolve(SHARED, 'fixtures/seed-story/001_016024430793a84e.txt'), 'utf8')), true);
  });
  it('fires on pages, paired tags and <br>', () => {
    for (const text of ['<!DOCTYPE html><p>x', '<html><body>x</body></html>', 'a <b>bold</b> move', 'line<br/>line', '<p class="x">para</p>']) {
      assert.equal(looksLikeHtml(text), true, text);
    }
  });
  it('does not fire on plain text that merely contains < or >', () => {
    for (const text of ['I <3 NY', 'if a < b and b > c', 'x<y>z', 'Use <name> as a placeholder', 'a <b and c> d', 'vector<int>', '', readFileSync(resolve(SHARED, 'fixtures/seed-story/000_49f830ee32a1459f.txt'), 'utf8')]) {
      assert.equal(looksLikeHtml(text), false, text);
    }
  });
});

describe('isWholePage', () => {
  it('tells whole pages from fragments', () => {
    assert.equal(isWholePage('<!doctype html><title>x</title>'), true);
    assert.equal(isWholePage('<HTML lang=en>'), true);
    assert.equal(isWholePage('<body>'), true);
    assert.equal(isWholePage('<p>para <a href="/x">x</a></p>'), false);
    assert.equal(isWholePage('<header>x</header><bodyguard>'), false);
  });
});

describe('limitNestingDepth', () => {
  it('leaves shallow markup unchanged', () => {
    const html = '<div><p>a<p>b</div><script>"<div><div>"</script>';
    assert.equal(limitNestingDepth(html, 3).html, html);
  });
  it('drops tags beyond the cap and keeps their text', () => {
    const out = limitNestingDepth('<div><div><div>x</div></div></div>', 2);
    assert.equal(out.dropped, 2);
    assert.equal(out.html.replace(/\s/g, ''), '<div><div>x</div></div>');
  });
});
