/**
 * Gold and predicted attributions in scoring form (./attribution-score.ts), with the facts the breakdown buckets
 * use. Gold: PolNeAR brat events (`Attribution`, `Attribution-no-source`); predicted: the contract's
 * `attributions` records (only `content`, `cue`, `source` are scored).
 */
import type { Attribution, Span } from '../model/schema.js';
import type { BratAttribution, BratSpan, Fragment } from './brat.js';
import { trimSpan, type ScoredAttribution, type TrimmedSpan } from './attribution-score.js';

/** What scoring reads of a predicted attribution. */
export type PredictedAttribution = Pick<Attribution, 'content' | 'cue' | 'source'> & Partial<Pick<Attribution, 'id' | 'continues'>>;

/**
 * PolNeAR's form of our attributions: PolNeAR writes a quotation that continues in later sentences or paragraphs
 * as further content fragments of one attribution, where we give each continuation its own attribution that
 * `continues` the first; so a continuation's content joins the attribution it continues (and is not scored alone).
 */
export function foldContinuations(list: readonly PredictedAttribution[]): PredictedAttribution[] {
  const out: PredictedAttribution[] = [];
  const byId = new Map<string, PredictedAttribution>();
  for (const a of list) {
    const head = a.continues === undefined ? undefined : byId.get(a.continues);
    if (head) {
      head.content = [...head.content, ...a.content];
      if (a.id !== undefined) byId.set(a.id, head);
      continue;
    }
    const copy = { ...a, content: [...a.content] };
    out.push(copy);
    if (a.id !== undefined) byId.set(a.id, copy);
  }
  return out;
}

/** Character offsets of a span or fragment. */
interface Range { start: number; end: number }

/**
 * PolNeAR's form, the other half: PolNeAR gives each token at most one role, so it never annotates an attribution
 * inside another's content (of train's 19,868 gold contents none holds another attribution's cue), where we report both — in
 * "the BBC reported the prime minister said no", the prime minister's words came via the BBC (resolve: via/nested).
 * Scored against PolNeAR, an attribution whose cue lies inside another's content is left out, as systems that find
 * nested entities are scored on flat corpora by their outermost ones. `spans` reads an attribution's content and cue.
 * Of two that hold each other's cue (one of them misread), the one with the longer content counts as the outer.
 */
export function withoutNested<T>(list: readonly T[], spans: (a: T) => { content: readonly Range[]; cue: Range | null }): T[] {
  const read = list.map(spans);
  const holds = (j: number, i: number): boolean => {
    const cue = read[i]!.cue;
    return !!cue && j !== i && read[j]!.content.some((c) => c.start <= cue.start && cue.end <= c.end);
  };
  const extent = read.map((a) => a.content.reduce((n, c) => n + c.end - c.start, 0));
  const outer = (j: number, i: number): boolean => !holds(i, j) || extent[j]! > extent[i]! || (extent[j] === extent[i] && j < i);
  return list.filter((_, i) => !read.some((__, j) => holds(j, i) && outer(j, i)));
}

/** Facts that decide the breakdown buckets; the same tests apply to gold and to predictions. */
export interface AttributionFacts {
  /**
   * The content's text (as annotated, before trimming, each fragment widened by 2 characters on either side, so
   * `said “…,”` counts whether or not the marks were annotated) has a double quote mark: " “ ” „ « ».
   */
  direct: boolean;
  /** No source (gold: an `Attribution-no-source` event, or no letters in its source). */
  noSource: boolean;
  /** The source, trimmed, is one pronoun (he, she, they, it, we, I, you, who, his, …). */
  pronounSource: boolean;
  /** The cue, trimmed, starts with "according". */
  according: boolean;
}

export interface EvalAttribution extends ScoredAttribution {
  facts: AttributionFacts;
}

const QUOTE_MARKS = /["“”„«»]/;

/** Pronouns that make a source a "pronoun source" (personal, possessive, relative). */
export const PRONOUNS = new Set([
  'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'they', 'them',
  'their', 'who', 'whom', 'whose', 'which', 'that', 'one',
]);

const textOf = (text: string, span: TrimmedSpan | null): string => (span ? span.map((f) => text.slice(f.start, f.end)).join(' ') : '');
const nonEmpty = (span: TrimmedSpan): TrimmedSpan | null => (span.length ? span : null);

export function factsOf(text: string, rawContent: readonly Fragment[], source: TrimmedSpan | null, cue: TrimmedSpan | null, noSource: boolean): AttributionFacts {
  return {
    direct: rawContent.some((f) => QUOTE_MARKS.test(text.slice(Math.max(0, f.start - 2), f.end + 2))),
    noSource,
    pronounSource: PRONOUNS.has(textOf(text, source).toLowerCase()),
    according: /^according\b/i.test(textOf(text, cue)),
  };
}

/**
 * A gold attribution: content = its Content plus any Content2… fragments, as one discontinuous span; source and
 * cue likewise (PolNeAR has at most one each; a cue of only punctuation, like `:` or `―`, is missing).
 */
export function goldAttribution(text: string, a: BratAttribution): EvalAttribution {
  const frags = (spans: readonly BratSpan[]): Fragment[] => spans.flatMap((s) => s.fragments);
  const rawContent = frags(a.content);
  const content = trimSpan(text, rawContent);
  const source = nonEmpty(trimSpan(text, frags(a.sources)));
  const cue = nonEmpty(trimSpan(text, frags(a.cues)));
  const noSource = a.type === 'Attribution-no-source' || !source;
  return { content, source, cue, facts: factsOf(text, rawContent, source, cue, noSource) };
}

/** A predicted attribution: its content spans as one discontinuous span. */
export function predictedAttribution(text: string, a: PredictedAttribution): EvalAttribution {
  const frag = (s: Span): Fragment => ({ start: s.start, end: s.end });
  const rawContent = a.content.map(frag);
  const content = trimSpan(text, rawContent);
  const source = a.source ? nonEmpty(trimSpan(text, [frag(a.source)])) : null;
  const cue = a.cue ? nonEmpty(trimSpan(text, [frag(a.cue)])) : null;
  return { content, source, cue, facts: factsOf(text, rawContent, source, cue, !source) };
}

/** The outlet of a PolNeAR article: its file name prefix (breitbart, huff-post, nyt, politico, usa-today, wash-post, west-journal). */
export const outletOf = (name: string): string => name.split('_')[0] ?? name;
