/**
 * `npm run train:ner`: trains the NER model on CoNLL-2003 eng.train (only) and writes
 * models/ner-conll2003.bin.gz and models/README.md. With eng.testa present, prints dev F1 after each
 * epoch (for choosing the epoch count; dev never trains the model).
 *
 *   node dist/extract/entities/ner/train-ner.js [--epochs 4] [--bits 20] [--seed 1] [--out models/x.bin.gz] [--no-readme]
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { isCI, requireData } from '../../../config/paths.js';
import { writeModelsReadmeSection } from '../../models-readme.js';
import { loadLabeled } from './conll.js';
import { evaluateModel, type Evaluation } from './evaluate.js';
import { ENTITY_TYPES } from './features.js';
import { prf } from './metrics.js';
import { compactModel, encodeModel } from './model.js';
import { DEFAULT_NER_MODEL } from './tagger.js';
import { buildLexicons, featurize, jackknifeLexicons, trainPerceptron, type Sequence } from './train.js';
import { readScriptArgs, type ScriptOptions, type ScriptSpec } from '../../../config/script-args.js';

/** Epochs: dev F1 peaks here and then slowly declines (see models/README.md). */
export const DEFAULT_EPOCHS = 4;
/** 2^20 feature buckets: few collisions for the ~1M distinct features, model a few MB. */
export const DEFAULT_BITS = 20;
/** Gazetteer folds: each training document sees a gazetteer built without it. */
export const DEFAULT_FOLDS = 5;
/** Weights with |w| ≤ this are dropped: dev F1 −0.2, model 0.8 → 0.36 MB, tagging ~25% faster. */
export const DEFAULT_PRUNE = 1;

const SPEC = {
  name: 'train:ner',
  summary: 'Trains the NER model on CoNLL-2003 eng.train (only) and writes it and its section of models/README.md; with eng.testa present, prints its F1 after each epoch.',
  options: {
    epochs: { type: 'string', default: String(DEFAULT_EPOCHS) },
    bits: { type: 'string', default: String(DEFAULT_BITS) },
    seed: { type: 'string', default: '1' },
    folds: { type: 'string', default: String(DEFAULT_FOLDS) },
    prune: { type: 'string', default: String(DEFAULT_PRUNE) },
    out: { type: 'string', default: DEFAULT_NER_MODEL },
    'no-readme': { type: 'boolean', default: false },
  },
  help: {
    epochs: 'epochs (default ' + DEFAULT_EPOCHS + ')', bits: 'log2 of the weight buckets (default ' + DEFAULT_BITS + ')', seed: 'training order (default 1)',
    folds: 'gazetteer folds (default ' + DEFAULT_FOLDS + ')', prune: 'drop weights with |w| ≤ VALUE (default ' + DEFAULT_PRUNE + ')',
    out: 'where to write the model (default models/ner-conll2003.bin.gz)', 'no-readme': 'leave models/README.md alone',
  },
  examples: ['npm run train:ner', 'npm run train:ner -- --epochs 2 --out /tmp/ner.bin.gz --no-readme'],
  numbers: ['epochs', 'bits', 'seed', 'folds', 'prune'],
} as const satisfies ScriptSpec<ScriptOptions>;

const parsed = readScriptArgs(SPEC);
if (!parsed.ok) process.exit(parsed.code);
const { values } = parsed;
const epochs = Number(values.epochs), bits = Number(values.bits), seed = Number(values.seed), folds = Number(values.folds), prune = Number(values.prune);

const trainData = requireData('conll2003/eng.train.iob2');
if (!trainData.ok) {
  console.error(`parallax: train:ner: ${trainData.reason}`);
  process.exit(isCI() ? 1 : 0);
}
const t0 = performance.now();
const train = loadLabeled(trainData.path);
console.log(`train: ${train.docs.length} documents, ${train.stats.entities} entities (${train.stats.misaligned} not on our token edges, ${train.stats.crossSentence} across our sentences) — read in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const devData = requireData('conll2003/eng.testa.iob2');
const dev = devData.ok ? loadLabeled(devData.path) : null;

const lexicons = buildLexicons(train.labeled);
const perDoc = jackknifeLexicons(train.labeled, folds);
const seqs: Sequence[] = [];
train.labeled.forEach((doc, k) => seqs.push(...featurize(doc, perDoc[k]!, bits)));
console.log(`features: ${seqs.length} sentences, ${seqs.reduce((n, s) => n + s.feats.length, 0)} feature occurrences — ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const fmt = (x: number): string => (100 * x).toFixed(2);
const devScores: Array<{ epoch: number; f1: number }> = [];
let lastDev: Evaluation | null = null;
const { weights, transitions } = trainPerceptron(seqs, {
  bits, epochs, seed,
  onEpoch: (epoch, averaged, errors) => {
    let line = `epoch ${epoch}: ${errors} token errors`;
    if (dev) {
      const a = averaged();
      lastDev = evaluateModel(compactModel(a.weights, bits, a.transitions, lexicons, {}, prune), dev.docs, dev.layers, dev.articles);
      devScores.push({ epoch, f1: lastDev.overall.f1 });
      line += `; dev P/R/F1 ${fmt(lastDev.overall.precision)} / ${fmt(lastDev.overall.recall)} / ${fmt(lastDev.overall.f1)}`;
    }
    console.log(`${line} — ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  },
});
const seconds = (performance.now() - t0) / 1000;

const info = {
  data: 'CoNLL-2003 English eng.train.iob2 (Reuters 1996; research use)',
  documents: train.docs.length, entities: train.stats.entities, epochs, bits, seed, folds, prune,
  trainedSeconds: Math.round(seconds), date: new Date().toISOString().slice(0, 10),
};
const model = compactModel(weights, bits, transitions, lexicons, info, prune);
const bytes = encodeModel(model);
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, bytes);
const size = statSync(values.out).size;
console.log(`wrote ${relative(process.cwd(), values.out)} (${(size / 1e6).toFixed(2)} MB) — total ${seconds.toFixed(1)} s`);

if (!values['no-readme']) {
  const d = lastDev as Evaluation | null;
  const devTable = d
    ? [
        '| type | P | R | F1 | gold | predicted | correct |', '| --- | --- | --- | --- | --- | --- | --- |',
        ...d.perType.map((c, t) => { const s = prf(c); return `| ${ENTITY_TYPES[t]} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} | ${s.gold} | ${s.predicted} | ${s.correct} |`; }),
        `| all three | ${fmt(d.overall.precision)} | ${fmt(d.overall.recall)} | ${fmt(d.overall.f1)} | ${d.overall.gold} | ${d.overall.predicted} | ${d.overall.correct} |`,
        '', `Dev F1 by epoch: ${devScores.map((s) => `${s.epoch}: ${fmt(s.f1)}`).join(', ')}.`,
      ].join('\n')
    : '(eng.testa was not present when this model was trained.)';
  // Its own section only: the other models' sections stay.
  const section = `## ner-conll2003.bin.gz — named-entity tagger

- **Data:** CoNLL-2003 English \`eng.train.iob2\` only (${train.docs.length} documents, ${train.stats.entities} entities; Reuters news, 1996),
  read from \`$PARALLAX_DATA/conll2003/\`. Licence: CoNLL-2003 / Reuters RCV1, **research use** only.
  \`eng.testa\` (dev) was used to choose the epoch count and report scores, never to train; testb was not used.
- **Model:** averaged structured perceptron, BILOU labels over PER/ORG/LOC/MISC, constrained Viterbi; hashed
  features (2^${bits} buckets), gazetteer from the training spans (${folds}-fold jackknifed during training). See docs/ner.md.
- **Command:** \`npm run train:ner\` (epochs ${epochs}, seed ${seed}, prune ${prune}); deterministic.
- **Training time:** ${seconds.toFixed(0)} s on this machine (one core).
- **Size:** ${(size / 1e6).toFixed(2)} MB gzipped.

### Dev (eng.testa) exact span-and-type scores, raw tagger over our tokenizer, MISC not scored

${devTable}
`;
  writeModelsReadmeSection('ner-conll2003.bin.gz', section);
}
