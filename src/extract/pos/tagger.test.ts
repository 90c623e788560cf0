import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plain-text.js';
import { createSegmenter } from '../../text/index.js';
import { ArticleBuffer, readArticle } from '../entities/ner/features.js';
import { decodePosModel, encodePosModel } from './model.js';
import { POS_TAGS, posIndex, tagIndex } from './tags.js';
import { DEFAULT_POS_MODEL, createPosTagger, tagSentence } from './tagger.js';
import { buildTagDictionary, trainPosModel, type TaggedDoc } from './train.js';

const segment = createSegmenter();
const layerOf = (text: string) => segment(buildArticle(readPlainText(text), { source: 'test' }).article);
const names = (tags: Uint8Array) => Array.from(tags, (t) => POS_TAGS[t]);

describe('posIndex', () => {
  it('folds Penn Treebank tags into ours and gives -1 for none', () => {
    assert.equal(posIndex('NNPS'), tagIndex('NNP'));
    assert.equal(posIndex('JJR'), tagIndex('JJ'));
    assert.equal(posIndex('WP'), tagIndex('WDT'));
    assert.equal(posIndex('``'), tagIndex('QUOTE'));
    assert.equal(posIndex('NN|SYM'), tagIndex('NN'));
    assert.equal(posIndex('VBD'), tagIndex('VBD'));
    assert.equal(posIndex('-X-'), -1);
    assert.ok(POS_TAGS.length <= 32, 'a weight-table row holds at most 32 labels');
  });
});

describe('createPosTagger (bundled model)', { skip: !existsSync(DEFAULT_POS_MODEL) && 'no model (npm run train:pos)' }, () => {
  const tag = createPosTagger();
  // Sentences written for the test.
  it('tags a plain sentence', () => {
    const text = 'The minister said the plan would work.';
    assert.deepEqual(names(tag(text, layerOf(text))), ['DT', 'NN', 'VBD', 'DT', 'NN', 'MD', 'VB', '.']);
  });

  it('tells a possessive from a verb and a participle from a past tense', () => {
    const text = 'The mayor has rejected the council\'s plan.';
    const tags = names(tag(text, layerOf(text)));
    assert.equal(tags[2], 'VBZ');
    assert.equal(tags[3], 'VBN');
    assert.equal(tags[6], 'POS');
  });

  it('tags only the sentences asked for, and reads the same from a buffer the caller filled', () => {
    const text = 'He left. She stayed.';
    const layer = layerOf(text);
    const second = tag(text, layer, [1]);
    assert.equal(second[0], 0, 'the first sentence is left untagged (0)');
    const buf = new ArticleBuffer();
    readArticle(text, layer.tokens, buf);
    assert.deepEqual(tag(text, layer, undefined, buf), tag(text, layer));
  });
});

describe('trainPosModel', () => {
  /** Toy documents: "NAME runs ." and "the NOUN runs ." with their tags. */
  function toy(text: string, tags: string[]): TaggedDoc {
    const layer = layerOf(text);
    return { text, layer, tags: Int8Array.from(tags.map((t) => tagIndex(t as (typeof POS_TAGS)[number]))) };
  }
  const docs = [
    ...['Mara', 'Olek', 'Tim', 'Ana'].map((n) => toy(`${n} runs fast.`, ['NNP', 'VBZ', 'RB', '.'])),
    ...['dog', 'cat', 'bird', 'horse'].map((n) => toy(`The ${n} runs fast.`, ['DT', 'NN', 'VBZ', 'RB', '.'])),
  ];

  it('learns the toy pattern, round-trips the model file, and is deterministic for a seed', () => {
    const model = decodePosModel(encodePosModel(trainPosModel(docs, { bits: 12, epochs: 5, seed: 2 })));
    const text = 'The cow runs fast.';
    const layer = layerOf(text);
    const buf = new ArticleBuffer();
    readArticle(text, layer.tokens, buf);
    const out = new Uint8Array(layer.tokens.length);
    tagSentence(model, buf, 0, layer.tokens.length, out, new Int32Array(16), new Int32Array(POS_TAGS.length));
    assert.deepEqual(names(out), ['DT', 'NN', 'VBZ', 'RB', '.']);
    const again = encodePosModel(trainPosModel(docs, { bits: 12, epochs: 5, seed: 2 }));
    assert.deepEqual(again, encodePosModel(trainPosModel(docs, { bits: 12, epochs: 5, seed: 2 })));
  });

  it('puts only frequent, unambiguous words in the tag dictionary', () => {
    const dict = buildTagDictionary(docs, 4, 0.97);
    const layer = layerOf('runs the dog');
    const buf = new ArticleBuffer();
    readArticle('runs the dog', layer.tokens, buf);
    assert.equal(dict.get(buf.word[0]!, -1), tagIndex('VBZ'), '"runs" is seen 8 times, always VBZ');
    assert.equal(dict.get(buf.word[1]!, -1), tagIndex('DT'));
    assert.equal(dict.get(buf.word[2]!, -1), -1, '"dog" is seen once');
  });
});
