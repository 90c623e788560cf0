/**
 * PolNeAR for training and checking the attribution tagger (never imported by the runtime): each
 * article read as the product reads it (plain-text ingest, our segmenter, the NER tagger), its paragraph
 * blocks, and the gold attributions from the brat .ann file, as character spans and mapped onto our tokens.
 */
import { readFileSync } from 'node:fs';
import { withoutNested } from '../../eval/attribution-gold.js';
import { listPolnear, readPolnearAnnotation } from '../../eval/polnear.js';
import { buildArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plain-text.js';
import type { Article } from '../../model/schema.js';
import { createSegmenter } from '../../text/index.js';
import type { TextLayer } from '../../text/types.js';
import { createNerTagger } from '../entities/ner/index.js';
import { createPosTagger } from '../pos/tagger.js';
import type { TokenEvidence } from './features.js';
import { attributionsOf, type AttributionFinding } from './index.js';
import type { AttributionModel } from './model.js';
import { emptyScores, scoreArticle, type QuickScores, type ScoredAttribution } from './quick-score.js';
import { AttributionDecoder, nerByToken, paragraphRanges, type BlockRange } from './tagger.js';
import type { TokenAttribution, TokenSpan } from './train.js';

export interface PolnearDoc {
  name: string;
  /** The article's text (article.text). */
  text: string;
  article: Article;
  layer: TextLayer;
  ranges: BlockRange[];
  /** The NER and part-of-speech taggers' output per token, as at run time. */
  evidence: TokenEvidence;
  /** The gold attributions in token spans. */
  attributions: TokenAttribution[];
  gold: ScoredAttribution[];
}

export interface LoadStats { attributions: number; fragments: number; unaligned: number }

/** Reads a PolNeAR split folder (e.g. `.../polnear/train`). */
export function loadPolnear(splitDir: string, limit = Infinity): { docs: PolnearDoc[]; stats: LoadStats } {
  const segment = createSegmenter();
  const ner = createNerTagger();
  const pos = createPosTagger();
  const stats: LoadStats = { attributions: 0, fragments: 0, unaligned: 0 };
  const docs: PolnearDoc[] = [];
  for (const entry of listPolnear(splitDir).articles.slice(0, limit)) {
    const text = readFileSync(entry.textPath, 'utf8');
    const article = buildArticle(readPlainText(text), { source: 'polnear' }).article;
    const layer = segment(article);
    const ranges = paragraphRanges(article, layer);
    const sentenceIndexes = ranges.flatMap((r) => Array.from({ length: r.sentenceEnd - r.sentenceStart }, (_, k) => r.sentenceStart + k));
    const evidence = { ner: nerByToken(ner(article.text, layer, sentenceIndexes), layer.tokens.length), pos: pos(article.text, layer, sentenceIndexes) };
    const ann = readPolnearAnnotation(entry);
    const tokens = layer.tokens;
    /** Tokens at least half inside each fragment (articles are short: a scan will do). */
    const toTokens = (frags: ReadonlyArray<{ start: number; end: number }>): TokenSpan[] => frags.flatMap((f) => {
      stats.fragments++;
      let start = -1, end = -1;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        if (t.end <= f.start) continue;
        if (t.start >= f.end) break;
        const inside = Math.min(t.end, f.end) - Math.max(t.start, f.start);
        if (2 * inside < t.end - t.start) continue;
        if (start < 0) start = i;
        end = i + 1;
      }
      if (start < 0) { stats.unaligned++; return []; }
      return [{ start, end }];
    });
    const gold: ScoredAttribution[] = [];
    const attributions: TokenAttribution[] = [];
    for (const a of ann.attributions) {
      stats.attributions++;
      attributions.push({ cue: a.cue ? toTokens(a.cue.sorted) : [], source: a.source ? toTokens(a.source.sorted) : [], content: a.content.flatMap((c) => toTokens(c.sorted)) });
      gold.push({ content: a.content.map((c) => c.sorted), source: a.source ? a.source.sorted : null, cue: a.cue ? a.cue.sorted : null });
    }
    docs.push({ name: entry.name, text: article.text, article, layer, ranges, evidence, attributions, gold });
  }
  return { docs, stats };
}

/**
 * Scores a model on PolNeAR documents with the quick scorer, in PolNeAR's form (as eval:attribution): continuations
 * folded into their heads, attributions nested inside another's content left out unless `keepNested`.
 */
export function scoreModel(model: AttributionModel, docs: readonly PolnearDoc[], { keepNested = false } = {}): QuickScores {
  const decoder = new AttributionDecoder(model);
  const scores = emptyScores();
  for (const d of docs) {
    const found = attributionsOf(decoder, d.text, d.layer, d.ranges, d.evidence);
    // PolNeAR's form: a continuation's content joins the attribution it continues (eval/attribution-gold.ts foldContinuations).
    let scored: ScoredAttribution[] = [];
    const scoredOf = new Map<AttributionFinding, ScoredAttribution>();
    for (const f of found) {
      const head = f.continues ? scoredOf.get(f.continues) : undefined;
      if (head) { head.content[0]!.push(...f.content); scoredOf.set(f, head); continue; }
      const s = { content: [[...f.content]], source: f.source ? [f.source] : null, cue: f.cue ? [f.cue] : null };
      scored.push(s);
      scoredOf.set(f, s);
    }
    if (!keepNested) scored = withoutNested(scored, (a) => ({ content: a.content[0]!, cue: a.cue?.[0] ?? null }));
    scoreArticle(d.text, scored, d.gold, scores);
  }
  return scores;
}
