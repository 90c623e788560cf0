/**
 * A quick self-check of the attribution tagger on PolNeAR dev, straight from the .ann gold (no pipeline):
 * exact P/R/F1 per role, attribution-level content and content+source F1 (quick-score.ts), a breakdown by
 * rule, and the tagger's speed (articles/s, warm, median of 5 runs).
 *
 *   node dist/extract/attributions/eval-quick.js [--split dev] [--model PATH]
 */
import { createNerTagger } from '../entities/ner/index.js';
import { isCI, requireData } from '../../config/paths.js';
import { createAttributionExtractor, loadAttributionModel, DEFAULT_ATTRIBUTION_MODEL } from './index.js';
import { loadPolnear, scoreModel } from './polnear-data.js';
import { formatScores } from './quick-score.js';
import { readScriptArgs, type ScriptOptions, type ScriptSpec } from '../../config/script-args.js';

const SPEC = {
  name: 'eval-quick',
  command: 'node dist/extract/attributions/eval-quick.js [OPTIONS]',
  summary: 'A quick self-check of the attribution tagger on a PolNeAR split, straight from the .ann gold: exact P/R/F1 per role, attribution-level F1, findings by rule, and the speed.',
  options: { split: { type: 'string', default: 'dev' }, model: { type: 'string', default: DEFAULT_ATTRIBUTION_MODEL } },
  help: { split: 'train or dev (default dev)', model: 'the attribution model to read (default models/attribution-polnear.bin.gz)' },
  examples: ['node dist/extract/attributions/eval-quick.js', 'node dist/extract/attributions/eval-quick.js --model /tmp/m.bin.gz'],
} as const satisfies ScriptSpec<ScriptOptions>;
const parsed = readScriptArgs(SPEC);
if (!parsed.ok) process.exit(parsed.code);
const { values } = parsed;
const data = requireData(`polnear/${values.split}`);
if (!data.ok) {
  console.error(`parallax: eval-quick: ${data.reason}`);
  process.exit(isCI() ? 1 : 0);
}
const { docs } = loadPolnear(data.path);
const model = loadAttributionModel(values.model);
console.log(`PolNeAR ${values.split}: ${docs.length} articles, ${docs.reduce((n, d) => n + d.gold.length, 0)} gold attributions`);
console.log(formatScores(scoreModel(model, docs)));

const extract = createAttributionExtractor({ modelPath: values.model });
const rules = new Map<string, number>();
for (const d of docs) for (const f of extract(d.article, d.layer)) rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
console.log(`by rule: ${[...rules].map(([r, n]) => `${r} ${n}`).join(', ')}`);
const times: number[] = [];
for (let run = 0; run < 5; run++) {
  const t = performance.now();
  for (const d of docs) extract(d.article, d.layer);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const ms = times[2]!;
console.log(`speed (extractor incl. NER, warm, median of 5): ${(docs.length / (ms / 1000)).toFixed(0)} articles/s (${ms.toFixed(0)} ms for ${docs.length})`);
// With the NER mentions passed in (the pipeline's shared NER pass): the attribution tagger alone.
const ner = createNerTagger();
const mentions = docs.map((d) => ner(d.article.text, d.layer));
const shared: number[] = [];
for (let run = 0; run < 5; run++) {
  const t = performance.now();
  docs.forEach((d, k) => extract(d.article, d.layer, mentions[k]));
  shared.push(performance.now() - t);
}
shared.sort((a, b) => a - b);
console.log(`speed (NER mentions passed in, warm, median of 5): ${(docs.length / (shared[2]! / 1000)).toFixed(0)} articles/s`);
