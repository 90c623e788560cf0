import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plain-text.js';
import { createSegmenter } from '../../text/index.js';
import { CUE_LABELS, ROLE_LABELS, roleSpans } from './features.js';
import { attributionsOf } from './index.js';
import { decodeAttributionModel, encodeAttributionModel } from './model.js';
import { AttributionDecoder, paragraphRanges } from './tagger.js';
import { trainAttributionModel, type LabeledArticle } from './train.js';
import { IntMap } from '../entities/ner/intmap.js';
import { hashWord } from '../entities/ner/features.js';
import { packCluster } from '../word-clusters/index.js';

const segment = createSegmenter();

/** A toy article: "NAME grumbled X." where the model must learn grumbled as cue, NAME as source, X as content. */
function toy(name: string, what: string): LabeledArticle {
  const text = `${name} grumbled ${what}.`;
  const article = buildArticle(readPlainText(text), { source: 'toy' }).article;
  const layer = segment(article);
  const tokensOf = (start: number, end: number) => {
    const inside = layer.tokens.flatMap((t, i) => (t.start >= start && t.end <= end ? [i] : []));
    return [{ start: inside[0]!, end: inside[inside.length - 1]! + 1 }];
  };
  const cue = text.indexOf('grumbled');
  return {
    text, layer, ranges: paragraphRanges(article, layer), evidence: { ner: null, pos: null },
    attributions: [{ source: tokensOf(0, name.length), cue: tokensOf(cue, cue + 8), content: tokensOf(text.indexOf(what), text.indexOf(what) + what.length) }],
  };
}

describe('attribution training', () => {
  it('roleSpans reads each stage\'s BIO labels as roles', () => {
    assert.equal(CUE_LABELS.L, 3);
    assert.equal(ROLE_LABELS.L, 5);
    // Role stage: 1/2 source, 3/4 content; an I after O or after another role starts a new span.
    assert.deepEqual(roleSpans([1, 2, 0, 3, 4, 4, 3, 2], 8, ROLE_LABELS), [
      { start: 0, end: 2, role: 0 }, { start: 3, end: 6, role: 2 }, { start: 6, end: 7, role: 2 }, { start: 7, end: 8, role: 0 },
    ]);
    assert.deepEqual(roleSpans([0, 1, 2, 0, 1], 5, CUE_LABELS), [{ start: 1, end: 3, role: 1 }, { start: 4, end: 5, role: 1 }]);
  });

  it('learns a toy pattern, round-trips the model file and groups the spans', () => {
    const names = ['Mara', 'Olek', 'Tiny Tim', 'The baker'];
    const things = ['the bread was stale', 'rain is coming', 'nobody listens', 'prices went up again'];
    const docs = names.flatMap((n) => things.map((w) => toy(n, w)));
    const model = decodeAttributionModel(encodeAttributionModel(trainAttributionModel(docs, { bits: 14, epochs: 6, seed: 3 })));
    const text = 'Olek grumbled the soup was cold.';
    const article = buildArticle(readPlainText(text), { source: 'toy' }).article;
    const layer = segment(article);
    const [a, ...rest] = attributionsOf(new AttributionDecoder(model), text, layer, paragraphRanges(article, layer), { ner: null, pos: null });
    assert.equal(rest.length, 0);
    assert.equal(text.slice(a!.source!.start, a!.source!.end), 'Olek');
    assert.equal(text.slice(a!.cue!.start, a!.cue!.end), 'grumbled');
    assert.deepEqual(a!.content.map((c) => text.slice(c.start, c.end)), ['the soup was cold']);
    assert.equal(a!.kind, 'indirect');
  });

  it('averages several perceptrons per stage, with its own role-table size and the word clusters it was given', () => {
    const names = ['Mara', 'Olek', 'Tiny Tim', 'The baker'];
    const things = ['the bread was stale', 'rain is coming', 'nobody listens', 'prices went up again'];
    const docs = names.flatMap((n) => things.map((w) => toy(n, w)));
    const clusters = new IntMap([hashWord('grumbled'), hashWord('muttered')], [packCluster(1, 7), packCluster(1, 7)]);
    const one = trainAttributionModel(docs, { bits: 13, roleBits: 14, epochs: 3, seed: 3 });
    const three = decodeAttributionModel(encodeAttributionModel(trainAttributionModel(docs, { bits: 13, roleBits: 14, epochs: 3, seed: 3, members: 3, clusters })));
    assert.equal(three.cue.bits, 13);
    assert.equal(three.role.bits, 14);
    assert.deepEqual(Array.from(three.clusters!.keys), Array.from(clusters.keys));
    assert.equal(one.clusters, null);
    // The average of three orders is not the first order's model.
    assert.notDeepEqual(Array.from(three.role.quantised), Array.from(one.role.quantised));
    assert.throws(() => trainAttributionModel(docs, { bits: 12, epochs: 1, members: 0 }), /members must be a positive whole number/);
  });

  it('is deterministic for a seed', () => {
    const docs = [toy('Mara', 'it rained'), toy('Olek', 'it snowed')];
    const a = encodeAttributionModel(trainAttributionModel(docs, { bits: 12, epochs: 2, seed: 5 }));
    const b = encodeAttributionModel(trainAttributionModel(docs, { bits: 12, epochs: 2, seed: 5 }));
    assert.deepEqual(a, b);
  });
});
