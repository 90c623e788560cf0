/**
 * Attribution conflicts: the same words or the same statement given to different actors by different outlets —
 * an aligned quotation whose speakers differ or that one outlet leaves ambiguous, or two attributions with the
 * same cue of action and much the same content ("Trump's campaign team … accused Labour of …" / "the US candidate
 * accused the UK's ruling Labour Party of …") whose speakers differ (a bare "said" is not enough). Speakers linked by affiliation (the campaign and its
 * candidate, the campaign and its lawyer) are marked `related`: a difference of naming more than of fact, but a
 * difference a reader should see.
 */
import type { Attribution, Span } from '../model/schema.js';
import type { StoryContext } from './context.js';
import { NEUTRAL_CUES } from './lexicon.js';
import type { AlignedQuote } from './quotes.js';
import { contentStems, shared, stem } from './words.js';

export interface ConflictSide {
  article: number;
  attribution: string;
  /** Story entity ids the outlet gives the words to. */
  speakers: string[];
  /** The source as written ("the US candidate") and the cue. */
  source: Span | null;
  cue: Span | null;
}

export interface AttributionConflict {
  id: string;
  /** `different`: no speaker in common; `ambiguous`: an outlet leaves it open between speakers. */
  verdict: 'different' | 'ambiguous';
  /** The speakers are linked by affiliation. */
  related: boolean;
  /** The aligned quotation it comes from, if any. */
  quote: string | null;
  sides: [ConflictSide, ConflictSide];
}

/** Content words two contents must share (and this share of the smaller's) to be the same statement. */
export const DEFAULT_MIN_SHARED_WORDS = 3;
export const DEFAULT_MIN_SHARED_SHARE = 0.6;
const NEUTRAL: ReadonlySet<string> = new Set(NEUTRAL_CUES);

export function findConflicts(ctx: StoryContext, quotes: readonly AlignedQuote[]): AttributionConflict[] {
  const out: Omit<AttributionConflict, 'id'>[] = [];
  const seen = new Set<string>();
  const side = (article: number, a: Attribution): ConflictSide => ({ article, attribution: a.id, speakers: ctx.speakersOf(article, a), source: a.source ?? null, cue: a.cue ?? null });
  const attributionOf = (article: number, id: string | null): Attribution | undefined => (id ? ctx.records[article]!.attributions.find((a) => a.id === id) : undefined);
  const relatedSpeakers = (x: readonly string[], y: readonly string[]): boolean => x.some((s) => y.some((t) => ctx.related(s).has(t)));
  const add = (article: [number, number], a: [Attribution, Attribution], verdict: AttributionConflict['verdict'], quote: string | null): void => {
    const key = `${article[0]}:${a[0].id}|${article[1]}:${a[1].id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const sides: [ConflictSide, ConflictSide] = [side(article[0], a[0]), side(article[1], a[1])];
    out.push({ verdict, related: relatedSpeakers(sides[0].speakers, sides[1].speakers), quote, sides });
  };
  for (const q of quotes) {
    if (q.speakers !== 'different' && q.speakers !== 'ambiguous') continue;
    const a = attributionOf(q.quotes[0].article, q.quotes[0].attribution), b = attributionOf(q.quotes[1].article, q.quotes[1].attribution);
    if (a && b) add([q.quotes[0].article, q.quotes[1].article], [a, b], q.speakers, q.id);
  }
  // Statements with no quotation in common: the same cue and much the same content. Each attribution's speakers,
  // cue and words are read once.
  // Only a cue that says what was done ("accused", "warned", "demanded"): a cue of bare speech says too little.
  const cueStem = (a: Attribution): string | null => {
    if (!a.cue) return null;
    const words = a.cue.text.toLowerCase().split(/\s+/);
    return words.every((w) => NEUTRAL.has(w)) ? null : stem(words[words.length - 1] ?? '');
  };
  const facts = ctx.records.map((r, k) => r.attributions.map((a) => ({ a, speakers: ctx.speakersOf(k, a), cue: cueStem(a), stems: contentStems(a.content.map((c) => c.text).join(' ')) })));
  for (let x = 0; x < ctx.records.length; x++) {
    for (let y = x + 1; y < ctx.records.length; y++) {
      for (const fa of facts[x]!) {
        if (!fa.speakers.length || !fa.cue) continue;
        for (const fb of facts[y]!) {
          if (!fb.speakers.length || fa.cue !== fb.cue || fa.speakers.some((s) => fb.speakers.includes(s))) continue;
          const w = shared(fa.stems, fb.stems);
          if (w >= DEFAULT_MIN_SHARED_WORDS && w >= DEFAULT_MIN_SHARED_SHARE * Math.min(fa.stems.size, fb.stems.size)) add([x, y], [fa.a, fb.a], 'different', null);
        }
      }
    }
  }
  return out.map((c, k) => ({ id: `c${k + 1}`, ...c }));
}
