import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSegmenter } from '../../../text/index.js';
import { conllArticle, labelDoc, readConll, type AlignStats } from './conll.js';
import { Decoder } from './decode.js';
import { ENTITY_TYPES, MAX_FEATURES_PER_TOKEN, NUM_LABELS, POS_B, POS_L, POS_U, label, tokenFeatures } from './features.js';
import { loadNerModel } from './tagger.js';
import { compactModel, decodeModel, encodeModel, spansOf, viterbi, ViterbiBuffer, allowed, allowedEnd } from './model.js';
import { buildLexicons, featurize, jackknifeLexicons, seededRandom, trainPerceptron, type LabeledDoc } from './train.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const segment = createSegmenter();
const BITS = 16;

/**
 * A toy corpus: "Mr X" is a person, "in Y" a place. Every name is made up and used once, people and
 * places from the same syllables, so only the context can tell them apart.
 */
function toyCorpus(): string {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vo', 'den'];
  let next = 0;
  const name = (): string => {
    const k = next++;
    const word = syllables[k % 8]! + syllables[(k >> 3) % 8]! + syllables[(k >> 6) % 8]!;
    return word[0]!.toUpperCase() + word.slice(1);
  };
  const lines: string[] = [];
  for (let d = 0; d < 12; d++) {
    lines.push('-DOCSTART- -X- O O', '');
    for (let s = 0; s < 5; s++) {
      const rows = [['Mr', 'O'], [name(), 'B-PER'], ['arrived', 'O'], ['in', 'O'], [name(), 'B-LOC'], ['today', 'O'], ['.', 'O']];
      lines.push(...rows.map(([w, t]) => `${w} X X ${t}`), '');
    }
  }
  return lines.join('\n');
}

function toyDocs(): LabeledDoc[] {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ner-'));
  const path = join(dir, 'toy.iob2');
  writeFileSync(path, toyCorpus());
  const stats: AlignStats = { entities: 0, misaligned: 0, crossSentence: 0 };
  return readConll(path).map((doc) => labelDoc(doc, segment(conllArticle(doc.text)), stats));
}

describe('NER training', () => {
  it('reads CoNLL into one line per sentence with gold character spans', () => {
    const docs = toyDocs();
    assert.equal(docs.length, 12);
    const first = docs[0]!;
    assert.ok(first.text.startsWith('Mr Kakaka arrived in Lokaka today .\n'), first.text);
    const smith = first.tokens.findIndex((t) => first.text.slice(t.start, t.end) === 'Kakaka');
    assert.equal(first.labels[smith], label(ENTITY_TYPES.indexOf('PER'), POS_U));
  });

  it('decodes only well-formed BILOU sequences', () => {
    const L = 17;
    const n = 3;
    // Scores favour an ill-formed "B-PER, O, L-LOC"; Viterbi must return something legal.
    const scores = new Float64Array(n * L);
    scores[label(0, POS_B)] = 5;
    scores[L + 0] = 5;
    scores[2 * L + label(2, POS_L)] = 5;
    const out = new Uint8Array(n);
    viterbi(scores, n, new Float64Array((L + 1) * L), out, new ViterbiBuffer());
    assert.ok(allowed(L, out[0]!));
    for (let t = 1; t < n; t++) assert.ok(allowed(out[t - 1]!, out[t]!), `${out[t - 1]} → ${out[t]}`);
    assert.deepEqual(spansOf([label(1, POS_B), label(1, POS_L), 0, label(2, POS_U)], 4), [
      { start: 0, end: 2, type: 1 },
      { start: 3, end: 4, type: 2 },
    ]);
  });

  it('Viterbi (unrolled, pruned) finds the best well-formed sequence', () => {
    const L = NUM_LABELS;
    const random = seededRandom(11);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(random() * 6);
      const spread = round % 3 === 0 ? 0.5 : 20;
      const scores = Float64Array.from({ length: n * L }, () => (random() - 0.5) * spread);
      const transitions = Float64Array.from({ length: (L + 1) * L }, () => (random() - 0.5) * spread);
      const out = new Uint8Array(n);
      viterbi(scores, n, transitions, out, new ViterbiBuffer());
      const score = (seq: ArrayLike<number>): number => {
        let v = 0;
        for (let t = 0; t < n; t++) v += scores[t * L + seq[t]!]! + transitions[(t === 0 ? L : seq[t - 1]!) * L + seq[t]!]!;
        return v;
      };
      // Exhaustive search over well-formed sequences.
      let best = -Infinity;
      const seq = new Uint8Array(n);
      const walk = (t: number): void => {
        if (t === n) { if (allowedEnd(seq[n - 1]!)) best = Math.max(best, score(seq)); return; }
        for (let l = 0; l < L; l++) if (allowed(t === 0 ? L : seq[t - 1]!, l)) { seq[t] = l; walk(t + 1); }
      };
      if (n <= 4) walk(0);
      for (let t = 0; t < n; t++) assert.ok(allowed(t === 0 ? L : out[t - 1]!, out[t]!));
      assert.ok(allowedEnd(out[n - 1]!));
      if (n <= 4) assert.ok(Math.abs(score(out) - best) < 1e-9, `round ${round}: ${score(out)} < ${best}`);
    }
  });

  it('the decoder\'s cached sums equal the weights of tokenFeatures', () => {
    const model = loadNerModel();
    const decoder = new Decoder(model);
    const text = 'Angela Merkel met Emmanuel Macron in Berlin on Monday .\nMerkel said the talks in Berlin went well , Macron said .\nLONDON 1996-08-30\n';
    const layer = segment(conllArticle(text));
    // Twice, so the second pass reads the cache.
    for (let pass = 0; pass < 2; pass++) {
      decoder.tagArticle(text, layer.tokens, layer.sentences);
      const mask = (1 << model.bits) - 1;
      const feats = new Int32Array(MAX_FEATURES_PER_TOKEN);
      const s = layer.sentences.at(-1)!;
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const end = tokenFeatures(decoder.buf, i, s.tokenStart, s.tokenEnd, mask, feats, 0);
        const expected = new Int32Array(NUM_LABELS);
        for (let k = 0; k < end; k++) {
          const r = Array.prototype.indexOf.call(model.rows, feats[k]!);
          if (r < 0) continue;
          for (let e = model.rowStart[r]!; e < model.rowStart[r + 1]!; e++) { const l = model.labels[e]!; expected[l] = expected[l]! + model.quantised[e]!; }
        }
        const got = decoder.sumsOfSentence.slice((i - s.tokenStart) * NUM_LABELS, (i - s.tokenStart + 1) * NUM_LABELS);
        assert.deepEqual(got, expected, `token ${i}`);
      }
    }
  });

  it('tags the same with a tiny token cache (emptied and grown mid-article)', () => {
    const model = loadNerModel();
    const sentence = 'Angela Merkel met Emmanuel Macron and officials of the European Union in Berlin on Monday , Reuters said .';
    const text = `${sentence}\n${Array.from({ length: 6 }, () => sentence.replace(/ \.$/, ' ,')).join(' ')} .\nMerkel left .\n`;
    const layer = segment(conllArticle(text));
    const big = new Decoder(model);
    const tiny = new Decoder(model, 8);
    const expected = big.tagArticle(text, layer.tokens, layer.sentences);
    assert.ok(expected.length > 5);
    for (let pass = 0; pass < 2; pass++) assert.deepEqual(tiny.tagArticle(text, layer.tokens, layer.sentences), expected);
  });

  it('learns a toy pattern and tags unseen names in it', () => {
    const docs = toyDocs();
    const lex = buildLexicons(docs);
    // As train-ner does: each document's gazetteer features come from the other folds.
    const perDoc = jackknifeLexicons(docs, 3);
    const seqs = docs.flatMap((d, k) => featurize(d, perDoc[k]!, BITS));
    const errors: number[] = [];
    const { weights, transitions } = trainPerceptron(seqs, { bits: BITS, epochs: 5, seed: 7, onEpoch: (_e, _a, n) => errors.push(n) });
    assert.equal(errors.at(-1), 0, `errors by epoch: ${errors.join(', ')}`);
    const model = compactModel(weights, BITS, transitions, lex, { toy: true });
    // The file round-trips.
    const loaded = decodeModel(encodeModel(model));
    assert.deepEqual(loaded.info, { toy: true });
    const text = 'Mr Okafor arrived in Quito today .\n';
    const layer = segment(conllArticle(text));
    const spans = new Decoder(loaded).tagArticle(text, layer.tokens, layer.sentences);
    const got = spans.map((s) => `${ENTITY_TYPES[s.type]}:${text.slice(layer.tokens[s.tokenStart]!.start, layer.tokens[s.tokenEnd - 1]!.end)}`);
    assert.deepEqual(got, ['PER:Okafor', 'LOC:Quito']);
  });

  it('trains deterministically for a given seed', () => {
    const docs = toyDocs();
    const lex = buildLexicons(docs);
    const seqs = docs.flatMap((d) => featurize(d, lex, BITS));
    const a = trainPerceptron(seqs, { bits: BITS, epochs: 2, seed: 3 });
    const b = trainPerceptron(seqs, { bits: BITS, epochs: 2, seed: 3 });
    assert.deepEqual(a.weights, b.weights);
  });
});
