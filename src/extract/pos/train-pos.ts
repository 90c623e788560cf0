/**
 * `npm run train:pos`: trains the part-of-speech tagger on CoNLL-2003 eng.train (its POS column; only
 * train) and writes models/pos-conll2003.bin.gz and its section of models/README.md. With eng.testa
 * present, prints token accuracy on it after each epoch (testa never trains the model).
 *
 *   node dist/extract/pos/train-pos.js [--epochs 8] [--bits 16] [--seed 1] [--prune 0.5] [--out PATH] [--no-readme]
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { isCI, requireData } from '../../config/paths.js';
import { writeModelsReadmeSection } from '../models-readme.js';
import { ArticleBuffer, readArticle } from '../entities/ner/features.js';
import { loadTaggedConll } from './conll-tags.js';
import { MAX_POS_FEATURES } from './features.js';
import { encodePosModel, type PosModel } from './model.js';
import { NUM_POS } from './tags.js';
import { DEFAULT_POS_MODEL, tagSentence } from './tagger.js';
import { trainPosModel, type TaggedDoc } from './train.js';
import { readScriptArgs, type ScriptOptions, type ScriptSpec } from '../../config/script-args.js';

/** Epochs: testa accuracy levels off here (see models/README.md). */
export const DEFAULT_EPOCHS = 8;
/** 2^16 buckets: a 4 MB dense table that stays in cache (testa 94.60 %; 2^18: 94.86 % at 16 MB, tagging ~3x slower). */
export const DEFAULT_BITS = 16;
/** Weights with |w| ≤ this are dropped (model size). */
export const DEFAULT_PRUNE = 0.5;

/** Share of tagged tokens whose tag the model gets right. */
export function accuracy(model: PosModel, docs: readonly TaggedDoc[]): number {
  const buf = new ArticleBuffer();
  const feats = new Int32Array(MAX_POS_FEATURES), scores = new Int32Array(NUM_POS);
  let right = 0, all = 0;
  for (const d of docs) {
    readArticle(d.text, d.layer.tokens, buf);
    const tags = new Uint8Array(d.layer.tokens.length);
    for (const s of d.layer.sentences) tagSentence(model, buf, s.tokenStart, s.tokenEnd, tags, feats, scores);
    for (let i = 0; i < tags.length; i++) if (d.tags[i]! >= 0) { all++; if (d.tags[i] === tags[i]) right++; }
  }
  return all ? right / all : 0;
}

const SPEC = {
  name: 'train:pos',
  summary: 'Trains the part-of-speech tagger on CoNLL-2003 eng.train (its POS column) and writes the model and its section of models/README.md; with eng.testa present, prints token accuracy on it after each epoch.',
  options: {
      epochs: { type: 'string', default: String(DEFAULT_EPOCHS) },
      bits: { type: 'string', default: String(DEFAULT_BITS) },
      seed: { type: 'string', default: '1' },
      prune: { type: 'string', default: String(DEFAULT_PRUNE) },
      out: { type: 'string', default: DEFAULT_POS_MODEL },
      'no-readme': { type: 'boolean', default: false },
    },
  help: {
    epochs: 'epochs (default ' + DEFAULT_EPOCHS + ')', bits: 'log2 of the weight buckets (default ' + DEFAULT_BITS + ')', seed: 'training order (default 1)',
    prune: 'drop weights with |w| ≤ VALUE (default ' + DEFAULT_PRUNE + ')', out: 'where to write the model (default models/pos-conll2003.bin.gz)', 'no-readme': 'leave models/README.md alone',
  },
  examples: ['npm run train:pos', 'npm run train:pos -- --epochs 4 --out /tmp/pos.bin.gz --no-readme'],
  numbers: ['epochs', 'bits', 'seed', 'prune'],
} as const satisfies ScriptSpec<ScriptOptions>;

{
  const parsed = readScriptArgs(SPEC);
  if (!parsed.ok) process.exit(parsed.code);
  const { values } = parsed;
  const epochs = Number(values.epochs), bits = Number(values.bits), seed = Number(values.seed), prune = Number(values.prune);
  const trainData = requireData('conll2003/eng.train.iob2');
  if (!trainData.ok) {
    console.error(`parallax: train:pos: ${trainData.reason}`);
    process.exit(isCI() ? 1 : 0);
  }
  const t0 = performance.now();
  const secs = (): string => ((performance.now() - t0) / 1000).toFixed(1);
  const train = loadTaggedConll(trainData.path);
  const devData = requireData('conll2003/eng.testa.iob2');
  const dev = devData.ok ? loadTaggedConll(devData.path) : null;
  console.log(`train: ${train.length} documents, ${train.reduce((n, d) => n + d.tags.filter((t) => t >= 0).length, 0)} tagged tokens — read in ${secs()} s`);
  const perEpoch: Array<{ epoch: number; acc: number | null }> = [];
  const info = { data: 'CoNLL-2003 eng.train (POS column)', epochs, bits, seed, prune };
  const model = trainPosModel(train, {
    bits, epochs, seed, prune, info,
    onEpoch: (epoch, m, errors, tokens) => {
      const acc = dev ? accuracy(m(), dev) : null;
      perEpoch.push({ epoch, acc });
      console.log(`epoch ${epoch}: train errors ${(100 * errors / tokens).toFixed(2)} %${acc === null ? '' : `; eng.testa accuracy ${(100 * acc).toFixed(2)} %`} — ${secs()} s`);
    },
  });
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, encodePosModel(model));
  const mb = statSync(values.out).size / 1e6;
  console.log(`wrote ${relative(process.cwd(), values.out)} (${mb.toFixed(2)} MB) — ${secs()} s in all`);
  if (!values['no-readme']) {
    const last = perEpoch[perEpoch.length - 1]?.acc;
    const section = [
      '## pos-conll2003.bin.gz — part-of-speech tagger',
      '',
      '- **Data:** CoNLL-2003 `eng.train` (Reuters news, 1996; research use), its part-of-speech column (Penn Treebank tags folded into',
      '  31 classes, src/extract/pos/tags.ts), read from `$PARALLAX_DATA/conll2003/`. `eng.testa` only measures.',
      `- **Model:** greedy averaged perceptron (2^${bits} hashed feature buckets; the two previous tags as features).`,
      `- **Command:** \`npm run train:pos\` (epochs ${epochs}, seed ${seed}, prune ${prune}); deterministic.`,
      `- **Training time:** ${secs()} s on this machine. **Size:** ${mb.toFixed(2)} MB gzipped.`,
      last == null ? '' : `- **eng.testa token accuracy:** ${(100 * last).toFixed(2)} % (per epoch: ${perEpoch.map((e) => (100 * e.acc!).toFixed(2)).join(', ')}).`,
      '',
    ].join('\n');
    writeModelsReadmeSection('pos-conll2003.bin.gz', section);
  }
}
