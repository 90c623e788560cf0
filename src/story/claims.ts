/**
 * The claims map: who accuses whom of what, who denies it or answers it, and the evidence each side cites — a graph
 * whose edges each carry the attributions (spans) of every outlet that reports them.
 *
 * - `accusation`: an attribution with an accusation cue ("accused", "accusations", "alleged"). Its speaker accuses;
 *   the first person or organisation named in its content ("the Labour Party of …") is accused. Accusers linked by
 *   affiliation (a campaign, its candidate, its lawyer) are one side and one edge, `by` the one named most.
 * - `denial` / `response`: what the accused side says after the accusation. The accused side: the accused, those
 *   affiliated with them ("Labour's Environment Secretary"), whoever rejects or denies an accusation (a denial cue),
 *   and whoever answers it ("Asked about the accusation, …"). Not their documents ("the deleted post said …": that
 *   is the evidence), nor what reaches us through the accusers (via). A denial has a denial cue or a negation
 *   ("none of this has been organised …"); else it is a response. One edge per speaker, against the main accuser.
 *   A reporter's frame around someone's words ("…, the broadcaster reported") is neither.
 * - `evidence`: a sentence where the accusing side cites, points to or objects to something ("cited media reports by
 *   the Washington Post", "objected to a Labour staffer's LinkedIn post"): the thing cited, merged across outlets by
 *   shared content words.
 */
import type { Attribution, Span } from '../model/schema.js';
import type { StoryContext } from './context.js';
import { ACCUSATION_CUES, DENIAL_CUES, EVIDENCE_VERBS, NEGATIONS, RESPONSE_MARKERS } from './lexicon.js';
import { contentStems, shared, stem, wordsOf } from './words.js';

export type ClaimType = 'accusation' | 'denial' | 'response' | 'evidence';

export interface ClaimMention {
  article: number;
  /** The attribution it comes from (null for evidence read from a sentence). */
  attribution: string | null;
  /** The words: the content's parts, or for evidence the thing cited. */
  spans: Span[];
}

export interface ClaimEdge {
  id: string;
  type: ClaimType;
  /** Story entity id of who accuses, denies, responds or cites. */
  by: string;
  /** Others of the same side named for it in other outlets (the campaign's candidate, its lawyer). */
  alsoBy: string[];
  /** Story entity id of who is accused (accusation) or answered (denial, response); null for evidence. */
  against: string | null;
  mentions: ClaimMention[];
}

const stems = (list: readonly string[]): Set<string> => new Set(list.map(stem));
const ACCUSE = stems(ACCUSATION_CUES), DENY = stems(DENIAL_CUES);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RESPONSE = new RegExp(`\\b(?:${RESPONSE_MARKERS.map(escape).join('|')})\\b`, 'i');
const NEGATION = new RegExp(`(?:\\b(?:${NEGATIONS.filter((n) => n !== "n't").join('|')})\\b|n['’]t\\b)`, 'i');
const EVIDENCE = new RegExp(`\\b(?:${[...EVIDENCE_VERBS].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s+`, 'gi');
// Where the thing cited ends: a comma, "in which", "suggesting", "that …", the sentence's end.
const EVIDENCE_END = /,|\s+(?:in which|which|that|suggesting|saying|as evidence|because)\b|[.;:]\s|[.;:]$/i;
/** Source words that make a speaker a document (its words are evidence, not an answer). */
const DOCUMENT_SOURCE = /\b(?:post|posts|letter|tweet|tweets|statement|email|memo|document|filing|complaint|caption|video|ad)\b/i;
/** Content words two evidence items must share to be one. */
export const DEFAULT_EVIDENCE_SHARED = 2;

export function mapClaims(ctx: StoryContext): ClaimEdge[] {
  const cueStem = (a: Attribution): string | null => (a.cue ? stem(a.cue.text.split(/\s+/).pop() ?? '') : null);
  // Any word of the cue: "has rejected claims", "flatly denied".
  const denies = (a: Attribution): boolean => a.cue !== null && a.cue.text.split(/\s+/).some((w) => DENY.has(stem(w)));
  const firstActor = (article: number, spans: readonly Span[]): string | null => {
    const r = ctx.records[article]!;
    let best: { id: string; at: number } | null = null;
    for (const e of r.entities) {
      if (e.type !== 'person' && e.type !== 'organization') continue;
      for (const m of e.mentions) {
        if (spans.some((c) => m.start >= c.start && m.end <= c.end) && (!best || m.start < best.at)) best = { id: e.id, at: m.start };
      }
    }
    return best ? ctx.storyId(article, best.id) : null;
  };

  // Accusations, and the accusing side.
  interface Found { article: number; a: Attribution; by: string; against: string | null }
  const accusations: Found[] = [];
  ctx.records.forEach((r, article) => {
    for (const a of r.attributions) {
      const s = cueStem(a);
      const by = ctx.speakersOf(article, a)[0];
      if (!s || !ACCUSE.has(s) || !by) continue;
      accusations.push({ article, a, by, against: firstActor(article, a.content) });
    }
  });
  const accusers = new Set(accusations.map((f) => f.by));
  // Accusers linked by affiliation are one side: each one's representative is the side's most named accuser.
  const count = new Map<string, number>();
  for (const f of accusations) count.set(f.by, (count.get(f.by) ?? 0) + 1);
  const sideOf = new Map<string, string>();
  for (const id of accusers) {
    const group = [id, ...[...ctx.related(id)].filter((x) => accusers.has(x))];
    sideOf.set(id, group.sort((x, y) => (count.get(y) ?? 0) - (count.get(x) ?? 0) || x.localeCompare(y))[0]!);
  }
  const accuserSide = new Set<string>([...accusers].flatMap((id) => [id, ...ctx.related(id)]));
  const accused = new Set(accusations.map((f) => f.against).filter((x): x is string => x !== null && !accuserSide.has(x)));
  const mainAccuser = [...count].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
  const main = mainAccuser ? sideOf.get(mainAccuser)! : null;

  const edges = new Map<string, Omit<ClaimEdge, 'id'>>();
  const edge = (type: ClaimType, by: string, against: string | null, mention: ClaimMention, also?: string): void => {
    const key = `${type}|${by}|${against}`;
    const e = edges.get(key) ?? { type, by, alsoBy: [], against, mentions: [] };
    if (also && also !== by && !e.alsoBy.includes(also)) e.alsoBy.push(also);
    e.mentions.push(mention);
    edges.set(key, e);
  };
  for (const f of accusations) {
    if (!f.against || accuserSide.has(f.against)) continue;
    edge('accusation', sideOf.get(f.by)!, f.against, { article: f.article, attribution: f.a.id, spans: f.a.content }, f.by);
  }

  // The accused side: the accused, their affiliates, and whoever denies or answers an accusation.
  if (main && accused.size) {
    const side = new Set<string>();
    for (const id of accused) { side.add(id); for (const r of ctx.related(id)) if (!accuserSide.has(r)) side.add(r); }
    const sentenceOf = (article: number, at: number): string => {
      const s = ctx.sentences(article).find((x) => x.start <= at && at < x.end);
      return s ? ctx.records[article]!.article.text.slice(s.start, s.end) : '';
    };
    // A report of someone's words ("…, the prime minister said "no," the broadcaster reported") is the reporter's
    // frame, not an answer of the reporter's: an attribution holding another's cue in its content is left out.
    const frames = new Set<string>();
    ctx.records.forEach((r, article) => {
      for (const a of r.attributions) {
        if (r.attributions.some((b) => b !== a && b.cue && a.content.some((c) => c.start <= b.cue!.start && b.cue!.end <= c.end))) frames.add(`${article}:${a.id}`);
      }
    });
    ctx.records.forEach((r, article) => {
      for (const a of r.attributions) {
        const by = ctx.speakersOf(article, a)[0];
        if (!by || accuserSide.has(by) || !a.cue || frames.has(`${article}:${a.id}`)) continue;
        if (denies(a) || RESPONSE.test(sentenceOf(article, a.cue.start))) side.add(by);
      }
    });
    ctx.records.forEach((r, article) => {
      // Only what is said after the article first reports an accusation (anywhere in an article that reports none:
      // an outlet may report the denial alone).
      const first = Math.min(...accusations.filter((f) => f.article === article).map((f) => f.a.content[0]!.start), Infinity);
      const firstAt = Number.isFinite(first) ? first : 0;
      for (const a of r.attributions) {
        const by = ctx.speakersOf(article, a)[0];
        if (!by || !side.has(by) || !a.cue || a.cue.start < firstAt || frames.has(`${article}:${a.id}`)) continue;
        if (a.source && DOCUMENT_SOURCE.test(a.source.text)) continue;
        if (a.via.some((v) => { const id = ctx.storyId(article, v.entity); return id !== null && accuserSide.has(id); })) continue;
        const s = cueStem(a);
        if (s && ACCUSE.has(s)) continue;
        const words = a.content.map((c) => c.text).join(' ');
        const type: ClaimType = denies(a) || NEGATION.test(words) ? 'denial' : 'response';
        edge(type, by, main, { article, attribution: a.id, spans: a.content });
      }
    });
  }

  // Evidence: what the accusing side cites.
  const evidence: Array<{ by: string; mention: ClaimMention; stems: Set<string> }> = [];
  ctx.records.forEach((r, article) => {
    const text = r.article.text;
    for (const s of ctx.sentences(article)) {
      const sentence = text.slice(s.start, s.end);
      for (const m of sentence.matchAll(EVIDENCE)) {
        const at = s.start + m.index;
        // Who cites: the last person or organisation named before the verb in the sentence, or the attribution with that cue.
        // (Of mentions starting together, the longer: "Mr Trump's team" over "Mr Trump".)
        let by: string | null = null, last = -1, lastEnd = -1;
        for (const e of r.entities) {
          if (e.type !== 'person' && e.type !== 'organization') continue;
          for (const mention of e.mentions) {
            if (mention.start < s.start || mention.end > at) continue;
            if (mention.start > last || (mention.start === last && mention.end > lastEnd)) { last = mention.start; lastEnd = mention.end; by = ctx.storyId(article, e.id); }
          }
        }
        const cueAttribution = r.attributions.find((a) => a.cue && a.cue.start <= at && at < a.cue.end + 1);
        if (cueAttribution && ctx.speakersOf(article, cueAttribution)[0]) by = ctx.speakersOf(article, cueAttribution)[0]!;
        if (!by || !accuserSide.has(by)) continue;
        const from = at + m[0].length;
        const rest = text.slice(from, s.end);
        const stop = EVIDENCE_END.exec(rest);
        const end = from + (stop ? stop.index : rest.replace(/[.\s]+$/, '').length);
        if (end <= from || wordsOf(text.slice(from, end)).length === 0) continue;
        evidence.push({ by, mention: { article, attribution: null, spans: [{ start: from, end, text: text.slice(from, end) }] }, stems: contentStems(sentence) });
      }
    }
  });
  const groups: Array<typeof evidence> = [];
  for (const item of evidence) {
    const g = groups.find((x) => x.some((y) => y.mention.article !== item.mention.article && shared(contentStems(y.mention.spans[0]!.text), contentStems(item.mention.spans[0]!.text)) >= DEFAULT_EVIDENCE_SHARED));
    if (g) g.push(item);
    else groups.push([item]);
  }
  const out: Omit<ClaimEdge, 'id'>[] = [...edges.values()];
  for (const g of groups) {
    const by = sideOf.get(g[0]!.by) ?? g[0]!.by;
    out.push({ type: 'evidence', by, alsoBy: [...new Set(g.map((x) => x.by).filter((x) => x !== by))], against: null, mentions: g.map((x) => x.mention) });
  }
  const order: Record<ClaimType, number> = { accusation: 0, denial: 1, response: 2, evidence: 3 };
  out.sort((a, b) => order[a.type] - order[b.type] || b.mentions.length - a.mentions.length);
  return out.map((e, k) => ({ id: `k${k + 1}`, ...e }));
}
