/**
 * `npm run eval:ner`: exact span-and-type P/R/F1 on CoNLL-2003 eng.testa (dev) for PER, ORG and LOC
 * (MISC left out on both sides, micro-averaged over the three), per ../shared/docs/data.md.
 *
 *   node dist/extract/entities/ner/eval-ner.js [--raw | --pipeline] [--model PATH]
 *
 * --raw (default) runs the product's ingest and segmenter, then the tagger on every sentence;
 * --pipeline runs extract() and scores the entities' mentions with their entity type.
 * Also prints the tagger's speed on testa and on PolNeAR dev (when present), and how many gold
 * entities lie in blocks the block classifier does not call paragraphs (the product skips those).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../../api/extract.js';
import { isCI, requireData } from '../../../config/paths.js';
import type { Article } from '../../../model/schema.js';
import { createSegmenter } from '../../../text/index.js';
import type { TextLayer } from '../../../text/types.js';
import { conllArticle, readConll } from './conll.js';
import { ENTITY_TYPES } from './features.js';
import { addMatches, micro, newCounts, prf, type Counts } from './metrics.js';
import { createNerTagger, DEFAULT_NER_MODEL, NER_TYPES, type NerType } from './tagger.js';
import { readScriptArgs, type ScriptOptions, type ScriptSpec } from '../../../config/script-args.js';

const SPEC = {
  name: 'eval:ner',
  summary: 'The NER tagger on CoNLL-2003 eng.testa: exact span-and-type P/R/F1 for PER, ORG and LOC, the tagger alone or through the whole pipeline.',
  options: { raw: { type: 'boolean', default: false }, pipeline: { type: 'boolean', default: false }, model: { type: 'string', default: DEFAULT_NER_MODEL } },
  help: { raw: "the product's ingest and segmenter, then the tagger on every sentence (the default)", pipeline: "extract(), scoring the entities' mentions with their entity type", model: 'the NER model to read (default models/ner-conll2003.bin.gz)' },
  examples: ['npm run eval:ner', 'npm run eval:ner -- --pipeline'],
} as const satisfies ScriptSpec<ScriptOptions>;

const parsed = readScriptArgs(SPEC);
if (!parsed.ok) process.exit(parsed.code);
const { values } = parsed;
const mode = values.pipeline ? 'pipeline' : 'raw';

const data = requireData('conll2003/eng.testa.iob2');
if (!data.ok) {
  console.error(`parallax: eval:ner: ${data.reason}`);
  process.exit(isCI() ? 1 : 0);
}

const typeIndex = (t: NerType): number => NER_TYPES.indexOf(t);
const docs = readConll(data.path);
const segment = createSegmenter();
const tagger = createNerTagger({ modelPath: values.model });
const articles: Article[] = docs.map((d) => conllArticle(d.text));
const layers: TextLayer[] = articles.map((a) => segment(a));
tagger('', { tokens: [], sentences: [] }); // load the model outside the timing

const counts: Counts[] = newCounts();
let tagMs = 0;
let sentences = 0;
let tokens = 0;
if (mode === 'raw') {
  docs.forEach((doc, k) => {
    const layer = layers[k]!;
    const t0 = performance.now();
    const mentions = tagger(articles[k]!.text, layer);
    tagMs += performance.now() - t0;
    sentences += layer.sentences.length;
    tokens += layer.tokens.length;
    addMatches(counts, doc.entities, mentions.map((m) => ({ start: m.start, end: m.end, type: typeIndex(m.type) })));
  });
} else {
  const records = await extract(docs.map((d) => ({ text: d.text, source: 'conll' })));
  docs.forEach((doc, k) => {
    const record = records[k]!;
    if (record.article.text !== doc.text) throw new Error(`eval:ner: article ${k} text changed in the pipeline`);
    // Named mentions only: CoNLL annotates names, so pronouns ("he said") and descriptions ("the prime minister")
    // that coreference adds to an entity are not scored as name predictions.
    const named = (rule: string | undefined) => !rule || !/^coref\/(pronoun|description)/.test(rule);
    const predicted = record.entities.flatMap((e) =>
      e.mentions.filter((_, i) => named(e.mentionRules?.[i])).map((m) => ({ start: m.start, end: m.end, type: typeIndex(e.type) })),
    );
    addMatches(counts, doc.entities, predicted);
  });
}

// Gold entities outside paragraph blocks (headings, credits…), which the product does not extract from.
let outside = 0;
const outsideByKind = new Map<string, number>();
docs.forEach((doc, k) => {
  const blocks = articles[k]!.blocks;
  for (const e of doc.entities) {
    if (e.type > 2) continue;
    const block = blocks.find((b) => b.start <= e.start && e.end <= b.end);
    const kind = block ? block.kind : 'none';
    if (kind !== 'paragraph') {
      outside++;
      outsideByKind.set(kind, (outsideByKind.get(kind) ?? 0) + 1);
    }
  }
});

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
const num = (x: number): string => String(x).padStart(6);
console.log(`NER on CoNLL-2003 eng.testa (${docs.length} documents), mode ${mode}, exact span + type, MISC not scored`);
console.log('type       P       R      F1   gold   pred  correct');
counts.forEach((c, t) => {
  const s = prf(c);
  console.log(`${ENTITY_TYPES[t]!.padEnd(5)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)} ${num(s.gold)} ${num(s.predicted)} ${num(s.correct)}`);
});
const all = micro(counts);
console.log(`${'all'.padEnd(5)} ${pct(all.precision)}  ${pct(all.recall)}  ${pct(all.f1)} ${num(all.gold)} ${num(all.predicted)} ${num(all.correct)}`);
console.log(`gold PER/ORG/LOC entities in non-paragraph blocks: ${outside} of ${all.gold} (${[...outsideByKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})`);
if (mode === 'raw') {
  console.log(`tagger speed on testa: ${(sentences / (tagMs / 1000)).toFixed(0)} sentences/s, ${(tokens / (tagMs / 1000) / 1000).toFixed(0)}k tokens/s, ${(docs.length / (tagMs / 1000)).toFixed(0)} articles/s (${tagMs.toFixed(0)} ms)`);
  // Speed on real news: PolNeAR dev (84 articles), segmenting outside the timing.
  const polnear = requireData('polnear/dev/text');
  if (polnear.ok) {
    const files = readdirSync(polnear.path).filter((f) => f.endsWith('.txt')).sort();
    const texts = files.map((f) => readFileSync(join(polnear.path, f), 'utf8'));
    const pArticles = texts.map((t) => conllArticle(t));
    const pLayers = pArticles.map((a) => segment(a));
    const rounds = 5;
    let best = Infinity;
    let mentions = 0;
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      mentions = 0;
      pArticles.forEach((a, k) => { mentions += tagger(a.text, pLayers[k]!).length; });
      best = Math.min(best, performance.now() - t0);
    }
    const chars = texts.reduce((n, t) => n + t.length, 0);
    console.log(`tagger speed on PolNeAR dev: ${(pArticles.length / (best / 1000)).toFixed(0)} articles/s (${pArticles.length} articles, ${(chars / 1e6).toFixed(2)} M chars, best of ${rounds}: ${best.toFixed(0)} ms; ${mentions} mentions)`);
  }
}
