/**
 * PolNeAR for training and checking the attribution tagger (never imported by the runtime): each
 * article read as the product reads it (plain-text ingest, our segmenter, the NER tagger), its paragraph
 * blocks, the gold BIO labels from the brat .ann file mapped onto our tokens, and the gold attributions.
 */
import { readFileSync } from 'node:fs';
import { listPolnear, readPolnearAnnotation } from '../../eval/polnear.js';
import { buildArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plain-text.js';
import type { Article } from '../../model/schema.js';
import { createSegmenter } from '../../text/index.js';
import type { TextLayer } from '../../text/types.js';
import { createNerTagger } from '../entities/ner/index.js';
import { labelOf } from './features.js';
import { attributionsOf } from './index.js';
import type { AttributionModel } from './model.js';
import { emptyScores, scoreArticle, type QuickScores, type ScoredAttribution } from './quick-score.js';
import { AttributionDecoder, nerByToken, paragraphRanges, type BlockRange } from './tagger.js';

export interface PolnearDoc {
  name: string;
  /** The article's text (article.text). */
  text: string;
  article: Article;
  layer: TextLayer;
  ranges: BlockRange[];
  ner: Uint8Array;
  /** Gold BIO label per token (0 where no role or outside paragraphs). */
  labels: Uint8Array;
  gold: ScoredAttribution[];
}

export interface LoadStats { attributions: number; fragments: number; unaligned: number; conflicts: number }

/** Reads a PolNeAR split folder (e.g. `.../polnear/train`). */
export function loadPolnear(splitDir: string, limit = Infinity): { docs: PolnearDoc[]; stats: LoadStats } {
  const segment = createSegmenter();
  const ner = createNerTagger();
  const stats: LoadStats = { attributions: 0, fragments: 0, unaligned: 0, conflicts: 0 };
  const docs: PolnearDoc[] = [];
  for (const entry of listPolnear(splitDir).articles.slice(0, limit)) {
    const text = readFileSync(entry.textPath, 'utf8');
    const article = buildArticle(readPlainText(text), { source: 'polnear' }).article;
    const layer = segment(article);
    const ranges = paragraphRanges(article, layer);
    const sentenceIndexes = ranges.flatMap((r) => Array.from({ length: r.sentenceEnd - r.sentenceStart }, (_, k) => r.sentenceStart + k));
    const nerTypes = nerByToken(ner(article.text, layer, sentenceIndexes), layer.tokens.length);
    const ann = readPolnearAnnotation(entry);
    const labels = new Uint8Array(layer.tokens.length);
    const tokens = layer.tokens;
    const mark = (frags: ReadonlyArray<{ start: number; end: number }>, role: number): void => {
      for (const f of frags) {
        stats.fragments++;
        let first = true;
        // Tokens at least half inside the fragment (binary search would do; articles are short).
        for (let i = 0; i < tokens.length; i++) {
          const t = tokens[i]!;
          if (t.end <= f.start) continue;
          if (t.start >= f.end) break;
          const inside = Math.min(t.end, f.end) - Math.max(t.start, f.start);
          if (2 * inside < t.end - t.start) continue;
          if (labels[i] !== 0) { stats.conflicts++; first = false; continue; }
          labels[i] = labelOf(role, !first);
          first = false;
        }
        if (first) stats.unaligned++;
      }
    };
    const gold: ScoredAttribution[] = [];
    // Nested attributions overlap (an outer content holds an inner source and cue): sources and cues
    // are marked first, so the inner ones keep their role and the outer content is cut around them.
    for (const a of ann.attributions) {
      if (a.source) mark(a.source.sorted, 0);
      if (a.cue) mark(a.cue.sorted, 1);
    }
    for (const a of ann.attributions) {
      stats.attributions++;
      for (const c of a.content) mark(c.sorted, 2);
      gold.push({ content: a.content.map((c) => c.sorted), source: a.source ? a.source.sorted : null, cue: a.cue ? a.cue.sorted : null });
    }
    // Labels outside paragraph blocks are never tagged: clear them.
    const keep = new Uint8Array(tokens.length);
    for (const r of ranges) keep.fill(1, r.from, r.to);
    for (let i = 0; i < tokens.length; i++) if (!keep[i]) labels[i] = 0;
    docs.push({ name: entry.name, text: article.text, article, layer, ranges, ner: nerTypes, labels, gold });
  }
  return { docs, stats };
}

/** Scores a model on PolNeAR documents with the quick scorer. */
export function scoreModel(model: AttributionModel, docs: readonly PolnearDoc[]): QuickScores {
  const decoder = new AttributionDecoder(model);
  const scores = emptyScores();
  for (const d of docs) {
    const found = attributionsOf(decoder, d.text, d.layer, d.ranges, d.ner);
    scoreArticle(d.text, found.map((f) => ({ content: [f.content], source: f.source ? [f.source] : null, cue: f.cue ? [f.cue] : null })), d.gold, scores);
  }
  return scores;
}
