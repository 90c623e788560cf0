/**
 * CoNLL-2003's part-of-speech column on our tokens: each document (clitics attached, as running text has
 * them) read as the product reads it (plain-text ingest, our segmenter), each of our tokens given the folded
 * tag (tags.ts) of the CoNLL token it starts in.
 */
import { conllArticle, readConll } from '../entities/ner/conll.js';
import { createSegmenter } from '../../text/index.js';
import { posIndex } from './tags.js';
import type { TaggedDoc } from './train.js';

export function loadTaggedConll(path: string): TaggedDoc[] {
  const segment = createSegmenter();
  return readConll(path, { attachClitics: true }).map((doc) => {
    const layer = segment(conllArticle(doc.text));
    const tags = new Int8Array(layer.tokens.length).fill(-1);
    let k = 0;
    layer.tokens.forEach((t, i) => {
      while (k < doc.tokens.length && doc.tokens[k]!.end <= t.start) k++;
      const c = doc.tokens[k];
      if (c && c.start <= t.start) tags[i] = posIndex(c.pos);
    });
    return { text: doc.text, layer, tags };
  });
}
