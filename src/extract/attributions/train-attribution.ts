/**
 * `npm run train:attribution`: trains the two-stage attribution tagger (cue tagger, then role tagger) on
 * PolNeAR train (only) and writes models/attribution-polnear.bin.gz and its section of models/README.md. First
 * trains on 90 % of train and prints the held-out tenth's scores after each role-tagger epoch (quick-score.ts),
 * then trains on all of train with the chosen epoch count. Deterministic (seeded). Dev is never read.
 *
 *   node dist/extract/attributions/train-attribution.js [--epochs 10] [--members 3] [--bits 19] [--role-bits 20] [--seed 1] [--prune 0.5]
 *     [--clusters PATH | --no-clusters] [--out PATH] [--no-readme] [--no-final] [--limit N] [--cv K]
 *
 * `--cv K` instead cross-validates: K models, each trained on all of train but every K-th article from an offset,
 * each scoring the articles it did not see; prints each fold's and the pooled scores, and writes nothing. Pooled
 * over all of train, it is ten times the evidence of the held-out tenth (or of dev), for telling a change from noise.
 *
 * Word clusters (default models/word-clusters.bin.gz, `npm run train:clusters`) are read as evidence and copied
 * into the model.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { isCI, REPO_ROOT, requireData } from '../../config/paths.js';
import { writeModelsReadmeSection } from '../models-readme.js';
import { DEFAULT_ATTRIBUTION_MODEL } from './index.js';
import { encodeAttributionModel } from './model.js';
import { loadPolnear, scoreModel } from './polnear-data.js';
import { addScores, emptyScores, formatScores, type QuickScores } from './quick-score.js';
import { trainAttributionModel } from './train.js';
import { clusterMap, DEFAULT_WORD_CLUSTERS, loadWordClusters } from '../word-clusters/index.js';
import { badArgument, readScriptArgs, type ScriptOptions, type ScriptSpec } from '../../config/script-args.js';

/** Epochs: chosen on the held-out tenth of train (see models/README.md). */
export const DEFAULT_EPOCHS = 10;
/**
 * The role tagger's epochs: by five-fold cross-validation over train, 20 gave +19 exact contents over four folds
 * against 10 with fewer predictions, cue and source flat (docs/attributions.md).
 */
export const DEFAULT_ROLE_EPOCHS = 20;
/** 2^19 buckets for the cue tagger (2^20: no better on the held-out tenth, and slower for the cache)… */
export const DEFAULT_BITS = 19;
/** …and 2^20 for the role tagger (+0.7 source, +0.4 content exact F1 on the held-out tenth over 2^19). */
export const DEFAULT_ROLE_BITS = 20;
/** Perceptrons averaged per stage (train.ts): 3 beat 1 by +1.2 cue / +0.6 content exact F1 on the held-out tenth; 4 no better. */
export const DEFAULT_MEMBERS = 3;
/** Weights with |w| ≤ this are dropped (size vs. accuracy; see models/README.md). */
export const DEFAULT_PRUNE = 0.5;
/** Every HELD_OUT-th article of train is held out in the first pass. */
const HELD_OUT = 10;

const SPEC = {
  name: 'train:attribution',
  summary: `Trains the two-stage attribution tagger on PolNeAR train (only): first on 90 % of it, scoring the held-out tenth after each
epoch, then on all of it; writes the model and its section of models/README.md. Deterministic.`,
  options: {
      epochs: { type: 'string', default: String(DEFAULT_EPOCHS) },
      'role-epochs': { type: 'string', default: String(DEFAULT_ROLE_EPOCHS) },
      members: { type: 'string', default: String(DEFAULT_MEMBERS) },
      clusters: { type: 'string', default: DEFAULT_WORD_CLUSTERS },
      'no-clusters': { type: 'boolean', default: false },
      bits: { type: 'string', default: String(DEFAULT_BITS) },
      'role-bits': { type: 'string', default: String(DEFAULT_ROLE_BITS) },
      seed: { type: 'string', default: '1' },
      prune: { type: 'string', default: String(DEFAULT_PRUNE) },
      out: { type: 'string', default: DEFAULT_ATTRIBUTION_MODEL },
      limit: { type: 'string' },
      'no-readme': { type: 'boolean', default: false },
      'no-final': { type: 'boolean', default: false },
      cv: { type: 'string' },
    },
  help: {
    epochs: 'epochs of the cue tagger (default ' + DEFAULT_EPOCHS + ')', 'role-epochs': 'epochs of the role tagger (default ' + DEFAULT_ROLE_EPOCHS + ')', members: 'perceptrons averaged per stage (default ' + DEFAULT_MEMBERS + ')',
    clusters: 'word clusters to read as evidence (default models/word-clusters.bin.gz)', 'no-clusters': 'train without word clusters',
    bits: 'log2 of the cue tagger\'s weight buckets (default ' + DEFAULT_BITS + ')', 'role-bits': 'log2 of the role tagger\'s (default ' + DEFAULT_ROLE_BITS + ')',
    seed: 'the first perceptron\'s order (default 1)', prune: 'drop weights with |w| ≤ VALUE (default ' + DEFAULT_PRUNE + ')',
    out: 'where to write the model (default models/attribution-polnear.bin.gz)', limit: 'only the first VALUE articles of train',
    'no-readme': 'leave models/README.md alone', 'no-final': 'stop after the held-out pass',
    cv: 'cross-validate over VALUE folds of train instead (prints scores, writes nothing)',
  },
  examples: ['npm run train:attribution', 'npm run train:attribution -- --no-final --epochs 5', 'npm run train:attribution -- --out /tmp/m.bin.gz --no-readme', 'npm run train:attribution -- --cv 5'],
  numbers: ['epochs', 'role-epochs', 'members', 'bits', 'role-bits', 'seed', 'prune', 'limit', 'cv'],
} as const satisfies ScriptSpec<ScriptOptions>;

{
  const parsed = readScriptArgs(SPEC);
  if (!parsed.ok) process.exit(parsed.code);
  const { values } = parsed;
  const folds = values.cv === undefined ? 0 : Number(values.cv);
  if (values.cv !== undefined && (!Number.isInteger(folds) || folds < 2)) process.exit(badArgument(SPEC.name, `--cv needs a whole number of folds, 2 or more, got '${values.cv}'`));
  const epochs = Number(values.epochs), roleEpochs = Number(values['role-epochs']), members = Number(values.members), bits = Number(values.bits), roleBits = Number(values['role-bits']), seed = Number(values.seed), prune = Number(values.prune);
  const data = requireData('polnear/train');
  if (!data.ok) {
    console.error(`parallax: train:attribution: ${data.reason}`);
    process.exit(isCI() ? 1 : 0);
  }
  const t0 = performance.now();
  const secs = (): string => ((performance.now() - t0) / 1000).toFixed(1);
  const clusters = values['no-clusters'] ? null : clusterMap(loadWordClusters(values.clusters));
  const { docs, stats } = loadPolnear(data.path, values.limit ? Number(values.limit) : Infinity);
  console.log(`train: ${docs.length} articles, ${stats.attributions} attributions, ${stats.fragments} fragments (${stats.unaligned} on no token of ours) — read in ${secs()} s`);
  if (folds > 0) {
    if (folds > docs.length) process.exit(badArgument(SPEC.name, `--cv ${folds} is more folds than the ${docs.length} articles read`));
    const pooled = emptyScores();
    const f1s = (s: QuickScores): string => `source ${(100 * s.source.f1).toFixed(2)} cue ${(100 * s.cue.f1).toFixed(2)} content ${(100 * s.content.f1).toFixed(2)}; attr content+source ${(100 * s.attrContentSource.f1).toFixed(2)}`;
    for (let k = 0; k < folds; k++) {
      const scores = scoreModel(trainAttributionModel(docs.filter((_, i) => i % folds !== k), { bits, roleBits, epochs, roleEpochs, seed, prune, members, clusters }), docs.filter((_, i) => i % folds === k));
      addScores(pooled, scores);
      console.log(`fold ${k + 1} of ${folds}: exact F1 ${f1s(scores)} (matches: cue ${scores.cue.tp}, content ${scores.content.tp}, source ${scores.source.tp}) — ${secs()} s`);
    }
    console.log(`${folds}-fold cross-validation over ${docs.length} articles of train, pooled:\n${formatScores(pooled)}`);
    process.exit(0);
  }
  const fit = docs.filter((_, i) => i % HELD_OUT !== 0), held = docs.filter((_, i) => i % HELD_OUT === 0);
  const perEpoch: Array<{ epoch: number; scores: QuickScores }> = [];
  const fitted = trainAttributionModel(fit, {
    bits, roleBits, epochs, roleEpochs, seed, prune, members, clusters,
    onEpoch: (stage, epoch, model, errors) => {
      if (stage === 'cue') { console.log(`cue tagger epoch ${epoch}: ${errors} token errors — ${secs()} s`); return; }
      const scores = scoreModel(model(), held);
      perEpoch.push({ epoch, scores });
      console.log(`role tagger epoch ${epoch}: ${errors} token errors; held-out (${held.length} articles) exact F1 source ${(100 * scores.source.f1).toFixed(1)} cue ${(100 * scores.cue.f1).toFixed(1)} content ${(100 * scores.content.f1).toFixed(1)}; attr content+source ${(100 * scores.attrContentSource.f1).toFixed(1)} — ${secs()} s`);
    },
  });
  const heldScores = scoreModel(fitted, held);
  console.log(`held-out tenth, the average of ${members} perceptron(s) per stage:\n${formatScores(heldScores)}`);
  if (values['no-final']) process.exit(0);
  const t1 = performance.now();
  const info = { data: 'PolNeAR train (all 840 articles)', clusters: clusters ? relative(REPO_ROOT, values.clusters) : null, epochs, roleEpochs, members, bits, roleBits, seed, prune, trainedAt: 'see models/README.md' };
  const model = trainAttributionModel(docs, { bits, roleBits, epochs, roleEpochs, seed, prune, members, clusters, info });
  const trainSeconds = (performance.now() - t1) / 1000;
  const bytes = encodeAttributionModel(model);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, bytes);
  const mb = statSync(values.out).size / 1e6;
  console.log(`wrote ${relative(process.cwd(), values.out)} (${mb.toFixed(2)} MB, ${model.cue.rows.length} + ${model.role.rows.length} rows) — final training ${trainSeconds.toFixed(1)} s, total ${secs()} s`);
  if (!values['no-readme']) {
    const section = [
      '## attribution-polnear.bin.gz — attribution tagger (who said what)',
      '',
      '- **Data:** PolNeAR `train/` only (840 articles, 2015-11 – 2016-09; 19,868 attributions), read from `$PARALLAX_DATA/polnear/`.',
      '  No licence is stated: **research use** only. `dev/` was never used for training; settings were chosen on a held-out tenth of train (once, between two',
      '  settings equal there — 10 or 15 epochs, cue-stage clusters or not — dev was looked at too) and, since 2026-12-01, by five-fold cross-validation',
      '  over train (`npm run train:attribution -- --cv 5`; docs/attributions.md).',
      '- **Model:** two averaged structured perceptrons with constrained Viterbi: a cue tagger (BIO over cue spans per paragraph)',
      `  and a role tagger (BIO over source and content, per cue, features relative to the cue), each the average of ${members}`,
      `  perceptrons trained in different orders (seeds ${seed}–${seed + members - 1}); hashed features (2^${bits} and 2^${roleBits}`,
      `  buckets each), learnt cue vocabulary and the cue-verb lexicon (src/lexicon/cues.ts, core and extended); NER and part-of-speech tags and ${clusters ? 'word clusters (word-clusters.bin.gz, copied into this file)' : 'no word clusters'} as evidence. See docs/attributions.md.`,
      `- **Command:** \`npm run train:attribution\` (epochs ${epochs} for the cue tagger and ${roleEpochs} for the role tagger, seed ${seed}, prune ${prune}); deterministic.`,
      `- **Training time:** ${secs()} s in all on this machine (reading and NER-tagging train, a held-out pass, then ${trainSeconds.toFixed(0)} s for the final model on all of train).`,
      `- **Size:** ${mb.toFixed(2)} MB gzipped.`,
      '',
      `Held-out tenth of train (84 articles), per epoch of the first perceptron — exact F1 source / cue / content, attribution-level content+source F1:`,
      '',
      ...perEpoch.map(({ epoch, scores: s }) => `- epoch ${epoch}: ${(100 * s.source.f1).toFixed(1)} / ${(100 * s.cue.f1).toFixed(1)} / ${(100 * s.content.f1).toFixed(1)}; ${(100 * s.attrContentSource.f1).toFixed(1)}`),
      '',
      `- the average of ${members}: ${(100 * heldScores.source.f1).toFixed(1)} / ${(100 * heldScores.cue.f1).toFixed(1)} / ${(100 * heldScores.content.f1).toFixed(1)}; ${(100 * heldScores.attrContentSource.f1).toFixed(1)}`,
      '',
      'Dev scores: docs/attributions.md (`npm run eval:attribution`).',
      '',
    ].join('\n');
    writeModelsReadmeSection('attribution-polnear.bin.gz', section);
  }
}
