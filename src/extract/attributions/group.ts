/**
 * Grouping the tagger's role spans into attributions, one paragraph block at a time, by named rules:
 *
 * - `attribution/tagger-cue`: each CUE span anchors one attribution. Every CONTENT span joins the cue
 *   nearest to it (a cue in one of its sentences first, then the fewest tokens between them; ties to the
 *   cue on the left), so `"A," she said, "B."` gives one attribution whose content has two fragments.
 *   Every SOURCE span joins the nearest cue of its sentence; a cue keeps the nearest one it was given.
 * - `attribution/tagger-cue-shared-source`: a cue given no source borrows the nearest source span
 *   of its sentence that another cue took ("he said A and added B").
 * - `attribution/tagger-content-only`: a block with content but no cue: each content span is an
 *   attribution with cue null (and the nearest source of its sentence, if any).
 * - `attribution/according-to`: a sentence opening "According to X, …" on which the tagger found nothing:
 *   cue "According to", source X (up to the first comma, at most 12 tokens), content the rest of the sentence.
 * A cue that ends up with no content gives nothing (an attribution needs content).
 *
 * kind: `direct` if every word of the content is inside quotation marks, `mixed` if some are, else `indirect`.
 */
import type { TextLayer } from '../../text/types.js';
import { A_ACCORDING, A_IN_QUOTE, A_QUOTE_CLOSE, A_QUOTE_OPEN, A_SENT_END, A_SENT_START, type AttributionBuffer } from './features.js';
import type { RoleSpan } from './tagger.js';

export interface OffsetSpan {
  start: number;
  end: number;
}

export type AttributionRule = 'attribution/tagger-cue' | 'attribution/tagger-cue-shared-source' | 'attribution/tagger-content-only' | 'attribution/according-to';

export interface AttributionFinding {
  kind: 'direct' | 'mixed' | 'indirect';
  /** The content's fragments, in text order. */
  content: OffsetSpan[];
  cue: OffsetSpan | null;
  source: OffsetSpan | null;
  rule: AttributionRule;
}

const ROLE_SOURCE = 0, ROLE_CUE = 1;

/** Tokens between two token ranges (0 when adjacent or overlapping). */
const gap = (a: RoleSpan, b: RoleSpan): number => Math.max(0, b.start - a.end, a.start - b.end);

// Characters trimmed from the edges of a content fragment: spaces, quotation marks, , ; : and dashes.
// e.g. `“We will win,”` → `We will win`.
const EDGE = /[\s"'“”‘’«»„,;:\u2013\u2014-]/u;

/** The fragment without the quotation marks and separators at its edges, and without a final period unless it ends an abbreviation ("U.S."). */
function trimContent(text: string, start: number, end: number): OffsetSpan | null {
  let s = start, e = end;
  for (;;) {
    while (s < e && EDGE.test(text[s]!)) s++;
    while (e > s && EDGE.test(text[e - 1]!)) e--;
    if (e > s && text[e - 1] === '.' && !/(^|[^A-Za-z])[A-Z]\.$|\.[A-Za-z]\.$/.test(text.slice(Math.max(s, e - 4), e))) { e--; continue; }
    break;
  }
  return e > s ? { start: s, end: e } : null;
}

/** Source tokens at most, between "According to" and its comma. */
const MAX_ACCORDING_SOURCE = 12;

/**
 * `attribution/according-to`: role spans for sentences of the block [from, to) that open with "According
 * to X," where the tagger found no content and no other cue (cue, source X up to the comma, content the rest
 * of the sentence). The tagger's own spans in such a sentence are dropped by the caller.
 */
function accordingTo(text: string, layer: TextLayer, buf: AttributionBuffer, spans: readonly RoleSpan[], from: number, to: number): RoleSpan[][] {
  const out: RoleSpan[][] = [];
  const attr = buf.attr, tokens = layer.tokens;
  for (let i = from; i + 2 < to; i++) {
    if (!(attr[i]! & A_SENT_START) || !(attr[i]! & A_ACCORDING) || !(attr[i + 1]! & A_ACCORDING)) continue;
    let end = i;
    while (end < to && !(attr[end]! & A_SENT_END)) end++;
    if (end >= to) end = to - 1;
    // The tagger's spans in the sentence: any content, or a cue other than "According to", and the rule stays out.
    if (spans.some((s) => s.start <= end && s.end > i && (s.role === 2 || (s.role === ROLE_CUE && (s.start !== i || s.end !== i + 2))))) continue;
    let comma = -1;
    for (let j = i + 3; j < Math.min(end, i + 2 + MAX_ACCORDING_SOURCE + 1); j++) {
      if (text.slice(tokens[j]!.start, tokens[j]!.end) === ',') { comma = j; break; }
    }
    if (comma < 0 || comma + 1 > end) continue;
    out.push([{ start: i, end: i + 2, role: ROLE_CUE }, { start: i + 2, end: comma, role: ROLE_SOURCE }, { start: comma + 1, end: end + 1, role: 2 }]);
  }
  return out;
}

/**
 * Attributions of one block from its role spans (token indexes), in text order of their first span;
 * `range` (the block's tokens [from, to)) enables the rules that read the block itself (according-to).
 */
export function groupBlock(text: string, layer: TextLayer, buf: AttributionBuffer, taggerSpans: readonly RoleSpan[], range?: { from: number; to: number }): AttributionFinding[] {
  const according = range ? accordingTo(text, layer, buf, taggerSpans, range.from, range.to) : [];
  const taken = new Set(according.map(([cue]) => buf.sentence[cue!.start]!));
  const spans = taken.size === 0 ? taggerSpans : taggerSpans.filter((s) => !taken.has(buf.sentence[s.start]!));
  const tokens = layer.tokens;
  const sentenceOf = (i: number): number => buf.sentence[i]!;
  const sharesSentence = (a: RoleSpan, b: RoleSpan): boolean => sentenceOf(a.start) <= sentenceOf(b.end - 1) && sentenceOf(b.start) <= sentenceOf(a.end - 1);
  const cues = spans.filter((s) => s.role === ROLE_CUE);
  const sources = spans.filter((s) => s.role === ROLE_SOURCE);
  const contents = spans.filter((s) => s.role !== ROLE_CUE && s.role !== ROLE_SOURCE);
  const charSpan = (s: RoleSpan): OffsetSpan => ({ start: tokens[s.start]!.start, end: tokens[s.end - 1]!.end });
  /** The best cue index for a span: a cue sharing a sentence first, then the smallest gap, ties to the left. */
  const nearestCue = (s: RoleSpan, sameSentenceOnly: boolean): number => {
    let best = -1, bestKey = Infinity;
    cues.forEach((c, k) => {
      const same = sharesSentence(s, c);
      if (sameSentenceOnly && !same) return;
      const key = (same ? 0 : 1e6) + 2 * gap(s, c) + (c.start < s.start ? 0 : 1);
      if (key < bestKey) { bestKey = key; best = k; }
    });
    return best;
  };
  const nearestSource = (s: RoleSpan, pool: readonly RoleSpan[]): RoleSpan | null => {
    let best: RoleSpan | null = null, bestKey = Infinity;
    for (const src of pool) {
      if (!sharesSentence(s, src)) continue;
      const key = 2 * gap(s, src) + (src.start < s.start ? 0 : 1);
      if (key < bestKey) { bestKey = key; best = src; }
    }
    return best;
  };
  const kindOf = (parts: readonly RoleSpan[]): AttributionFinding['kind'] => {
    let quoted = 0, plain = 0;
    for (const p of parts) {
      for (let i = p.start; i < p.end; i++) {
        const a = buf.attr[i]!;
        if (a & (A_QUOTE_OPEN | A_QUOTE_CLOSE)) continue;
        if (a & A_IN_QUOTE) quoted++;
        else if (tokens[i]!.kind === 'word' || tokens[i]!.kind === 'number') plain++;
      }
    }
    return quoted > 0 && plain === 0 ? 'direct' : quoted > 0 ? 'mixed' : 'indirect';
  };
  const contentSpans = (parts: readonly RoleSpan[]): OffsetSpan[] => parts.flatMap((p) => {
    const c = charSpan(p);
    const t = trimContent(text, c.start, c.end);
    return t ? [t] : [];
  });

  const out: Array<AttributionFinding & { at: number }> = [];
  {
    for (const [cue, source, content] of according) {
      const parts = contentSpans([content!]);
      if (parts.length) out.push({ kind: kindOf([content!]), content: parts, cue: charSpan(cue!), source: charSpan(source!), rule: 'attribution/according-to', at: cue!.start });
    }
  }
  if (cues.length === 0) {
    for (const c of contents) {
      const content = contentSpans([c]);
      if (!content.length) continue;
      const src = nearestSource(c, sources);
      out.push({ kind: kindOf([c]), content, cue: null, source: src ? charSpan(src) : null, rule: 'attribution/tagger-content-only', at: c.start });
    }
    out.sort((a, b) => a.at - b.at);
    return out.map(({ at: _at, ...f }) => f);
  }
  const contentOf: RoleSpan[][] = cues.map(() => []);
  for (const c of contents) contentOf[nearestCue(c, false)]!.push(c);
  const sourceOf: Array<RoleSpan | null> = cues.map(() => null);
  for (const s of sources) {
    const k = nearestCue(s, true);
    if (k < 0) continue;
    const cur = sourceOf[k];
    if (!cur || gap(s, cues[k]!) < gap(cur, cues[k]!)) sourceOf[k] = s;
  }
  cues.forEach((cue, k) => {
    const parts = contentOf[k]!;
    const content = contentSpans(parts);
    if (!content.length) return;
    let source: RoleSpan | null = sourceOf[k] ?? null;
    let rule: AttributionRule = 'attribution/tagger-cue';
    if (!source) {
      source = nearestSource(cue, sources);
      if (source) rule = 'attribution/tagger-cue-shared-source';
    }
    out.push({ kind: kindOf(parts), content, cue: charSpan(cue), source: source ? charSpan(source) : null, rule, at: Math.min(cue.start, parts[0]!.start) });
  });
  out.sort((a, b) => a.at - b.at);
  return out.map(({ at: _at, ...f }) => f);
}
