/**
 * `npm run train:clusters`: learns word clusters (cluster.ts) from the unlabelled text of the shared data —
 * PolNeAR train's articles (never dev), the story sets' articles, CoNLL-2003 eng.train's sentences and the
 * article-extraction set's article bodies — tokenized as at run time, and writes models/word-clusters.bin.gz
 * and its section of models/README.md. Deterministic.
 *
 *   node dist/extract/word-clusters/train-clusters.js [--out PATH] [--no-readme]
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dataDir, isCI, requireData } from '../../config/paths.js';
import { buildArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plain-text.js';
import { createSegmenter } from '../../text/index.js';
import { ArticleBuffer, readArticle } from '../entities/ner/features.js';
import { writeModelsReadmeSection } from '../models-readme.js';
import { DEFAULT_CLUSTER_OPTIONS, learnWordClusters } from './cluster.js';
import { DEFAULT_WORD_CLUSTERS, encodeWordClusters } from './index.js';
import { readScriptArgs, type ScriptOptions, type ScriptSpec } from '../../config/script-args.js';

/** The unlabelled texts, by corpus (only the training side of each labelled set). */
function* corpusTexts(root: string): Generator<[corpus: string, text: string]> {
  const polnear = join(root, 'polnear', 'train', 'text');
  for (const f of readdirSync(polnear).sort()) if (f.endsWith('.txt')) yield ['polnear/train', readFileSync(join(polnear, f), 'utf8')];
  const stories = join(root, 'stories');
  for (const f of readdirSync(stories).sort()) {
    if (!f.endsWith('.jsonl')) continue;
    for (const line of readFileSync(join(stories, f), 'utf8').split('\n')) if (line.trim()) yield [`stories/${f}`, String((JSON.parse(line) as { text?: unknown }).text ?? '')];
  }
  const conll = readFileSync(join(root, 'conll2003', 'eng.train.iob2'), 'utf8');
  let doc: string[] = [], sentence: string[] = [];
  for (const line of conll.split('\n')) {
    if (line.startsWith('-DOCSTART-')) { if (doc.length) yield ['conll2003/eng.train', doc.join('\n')]; doc = []; continue; }
    if (!line.trim()) { if (sentence.length) doc.push(sentence.join(' ')); sentence = []; continue; }
    sentence.push(line.split(' ')[0]!);
  }
  if (doc.length) yield ['conll2003/eng.train', doc.join('\n')];
  const truth = JSON.parse(readFileSync(join(root, 'article-extraction', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  for (const id of Object.keys(truth).sort()) yield ['article-extraction', truth[id]!.articleBody ?? ''];
}

const SPEC = {
  name: 'train:clusters',
  summary: 'Learns word clusters from the unlabelled text of the shared data (PolNeAR train, the story sets, CoNLL-2003 eng.train, the article bodies) and writes them and their section of models/README.md. Deterministic.',
  options: { out: { type: 'string', default: DEFAULT_WORD_CLUSTERS }, 'no-readme': { type: 'boolean', default: false } },
  help: { out: 'where to write the clusters (default models/word-clusters.bin.gz)', 'no-readme': 'leave models/README.md alone' },
  examples: ['npm run train:clusters', 'npm run train:clusters -- --out /tmp/clusters.bin.gz --no-readme'],
} as const satisfies ScriptSpec<ScriptOptions>;

{
  const parsed = readScriptArgs(SPEC);
  if (!parsed.ok) process.exit(parsed.code);
  const { values } = parsed;
  for (const part of ['polnear/train', 'stories', 'conll2003', 'article-extraction']) {
    const check = requireData(part);
    if (!check.ok) {
      console.error(`parallax: train:clusters: ${check.reason}`);
      process.exit(isCI() ? 1 : 0);
    }
  }
  const t0 = performance.now();
  const segment = createSegmenter();
  const buf = new ArticleBuffer();
  const sentences: Int32Array[] = [];
  const tokensBy = new Map<string, number>();
  for (const [corpus, text] of corpusTexts(dataDir())) {
    if (!text.trim()) continue;
    const article = buildArticle(readPlainText(text), { source: 'clusters' }).article;
    const layer = segment(article);
    readArticle(article.text, layer.tokens, buf);
    for (const s of layer.sentences) {
      if (s.tokenEnd > s.tokenStart) sentences.push(buf.word.slice(s.tokenStart, s.tokenEnd));
    }
    tokensBy.set(corpus, (tokensBy.get(corpus) ?? 0) + layer.tokens.length);
  }
  const tokens = [...tokensBy.values()].reduce((a, b) => a + b, 0);
  console.log(`read ${tokens} tokens in ${sentences.length} sentences (${[...tokensBy].map(([c, n]) => `${c} ${n}`).join(', ')}) — ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const options = DEFAULT_CLUSTER_OPTIONS;
  const clusters = learnWordClusters(sentences, options);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  writeFileSync(values.out, encodeWordClusters(clusters, { corpora: Object.fromEntries(tokensBy), options }));
  const kb = statSync(values.out).size / 1e3;
  console.log(`wrote ${relative(process.cwd(), values.out)}: ${clusters.words.length} words, ${options.coarse} / ${options.fine} clusters, ${kb.toFixed(0)} kB — ${secs} s`);
  if (!values['no-readme']) {
    writeModelsReadmeSection('word-clusters.bin.gz', [
      '## word-clusters.bin.gz — word clusters (evidence for the attribution tagger)',
      '',
      `- **Data (unlabelled text only):** ${[...tokensBy].map(([c, n]) => `\`${c}\` (${n.toLocaleString('en')} tokens)`).join(', ')}; read from \`$PARALLAX_DATA\`.`,
      '  PolNeAR dev is never read. Research use, as the data sets.',
      `- **Method:** each word seen ≥ ${options.minCount} times is described by its left and right neighbours (positive PMI over the ${options.contexts}`,
      `  most frequent words), projected to ${options.dims} dimensions by a seeded random ±1 matrix; spherical k-means groups the words into`,
      `  ${options.coarse} coarse and ${options.fine} fine clusters (${options.rounds} rounds). See src/extract/word-clusters/cluster.ts.`,
      `- **Command:** \`npm run train:clusters\` (seed ${options.seed}); deterministic; ${secs} s on this machine.`,
      `- **Size:** ${clusters.words.length.toLocaleString('en')} words, ${kb.toFixed(0)} kB gzipped. The attribution model copies the table into its own file.`,
      '',
    ].join('\n'));
  }
}
