import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plain-text.js';
import { createSegmenter } from '../../text/index.js';
import { A_CUE, A_EXTCUE, A_LEXCUE, AttributionBuffer, readAttributionArticle } from './features.js';

const segment = createSegmenter();

/** Each token's text with its cue flags, for a sentence written for this test. */
function flags(text: string): Array<[string, number]> {
  const article = buildArticle(readPlainText(text), { source: 'test' }).article;
  const layer = segment(article);
  const buf = new AttributionBuffer();
  readAttributionArticle(article.text, layer.tokens, layer.sentences, { ner: null, pos: null }, null, buf);
  return layer.tokens.map((t, i) => [article.text.slice(t.start, t.end), buf.attr[i]! & (A_CUE | A_LEXCUE | A_EXTCUE)]);
}

describe('attribution token flags', () => {
  it('reads core cue verbs as lexicon cues, extended cue verbs as cues of their own kind, other words as neither', () => {
    const got = Object.fromEntries(flags('The mayor said she lamented the council\'s decision, which neighbours had heralded.'));
    assert.equal(got.said, A_CUE | A_LEXCUE);
    assert.equal(got.lamented, A_CUE | A_EXTCUE);
    assert.equal(got.heralded, A_CUE | A_EXTCUE);
    for (const w of ['mayor', 'she', 'council', 'decision', 'neighbours']) assert.equal(got[w], 0, w);
  });
});
