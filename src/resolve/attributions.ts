/**
 * Attributions as records: spans with their text, and the speaker — the entity a source span names.
 * `speaker/head-mention`: of the entity mentions inside the source, the one ending last is the head of the
 * noun phrase ("Trump campaign lawyer Gary Lawkowski" → Gary Lawkowski; "a Labour Party spokesperson" →
 * Labour Party; "he" → whoever coreference resolved "he" to). "It" / "they" with nothing inside: the organisation
 * that is the subject of the previous sentence (`speaker/pronoun-subject`); an appositive source names the person
 * just before it (`speaker/apposition`). Otherwise no speaker, never a guess.
 */
import type { AttributionFinding } from '../extract/attributions/index.js';
import type { Attribution, Entity, Span } from '../model/schema.js';

const spanOf = (text: string, s: { start: number; end: number }): Span => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });

/** Where the sentence holding `at` starts: after the last ". " (or "?", "!", closing quote) before it, or a line break. */
function sentenceStart(text: string, at: number): number {
  // The window takes in the character at `at` so that the look-ahead for a capital can see it.
  const from = Math.max(0, at - 600);
  const window = text.slice(from, at + 1);
  let cut = -1;
  for (const m of window.matchAll(/[.!?]["”’]?\s+(?=["“‘]?\p{Lu})|\n/gu)) {
    if (from + m.index + m[0].length <= at) cut = m.index + m[0].length;
  }
  return cut < 0 ? from : from + cut;
}

/**
 * `speaker/pronoun-subject`: "It said …" / "They said …" with no entity inside the source names the subject of the
 * previous sentence — its first organisation mention ("The Trump team also objected … It said …").
 */
function pronounSpeaker(text: string, source: { start: number; end: number }, entities: readonly Entity[]): string | null {
  if (!/^(it|they)$/i.test(text.slice(source.start, source.end))) return null;
  const here = sentenceStart(text, source.start);
  if (here === 0) return null;
  const previous = sentenceStart(text, here - 1);
  let best: { id: string; start: number } | null = null;
  for (const e of entities) {
    if (e.type !== 'organization') continue;
    for (const m of e.mentions) {
      if (m.start >= previous && m.end <= here && (!best || m.start < best.start)) best = { id: e.id, start: m.start };
    }
  }
  return best?.id ?? null;
}

/**
 * `speaker/apposition`: a source that is the appositive of a person named just before it ("Sofia Patel, [the head
 * of operations at Labour,] said") is that person, not the organisation inside the role.
 */
function appositionSpeaker(text: string, source: { start: number; end: number }, entities: readonly Entity[]): string | null {
  if (!/^(the|a|an)\s/i.test(text.slice(source.start, source.end))) return null;
  const comma = text.lastIndexOf(',', source.start);
  if (comma < 0 || text.slice(comma + 1, source.start).trim() !== '') return null;
  for (const e of entities) {
    if (e.type === 'person' && e.mentions.some((m) => m.end === comma)) return e.id;
  }
  return null;
}

/** The speaker of a source span, by the rules in this file's header, in order. */
function speakerOf(source: { start: number; end: number } | null, entities: readonly Entity[], text?: string): string | null {
  if (!source) return null;
  const inside = headMention(source, entities);
  // A person named inside the source wins ("…with Donald Trump, [the prime minister] said" is Starmer, resolved by
  // coreference); otherwise an appositive source names the person before it.
  if (inside && entities.find((e) => e.id === inside)?.type === 'person') return inside;
  const apposed = text ? appositionSpeaker(text, source, entities) : null;
  return apposed ?? inside ?? (text ? pronounSpeaker(text, source, entities) : null);
}

/** Of the entity mentions inside the source, the one ending last: the head of the noun phrase. */
function headMention(source: { start: number; end: number }, entities: readonly Entity[]): string | null {
  let best: { id: string; end: number; length: number } | null = null;
  for (const e of entities) {
    for (const m of e.mentions) {
      if (m.start < source.start || m.end > source.end) continue;
      const length = m.end - m.start;
      if (!best || m.end > best.end || (m.end === best.end && length > best.length)) best = { id: e.id, end: m.end, length };
    }
  }
  return best?.id ?? null;
}

/** How far after an attribution an "according to X" may stand: the rest of a sentence. */
const DEFAULT_VIA_WINDOW = 160;

// ", according to the BBC." / ", according to a post caption featured by the Trump campaign's letter." — the
// phrase runs to the next comma, semicolon, quotation mark or sentence end (a period before a space or the end).
const ACCORDING_TO = /^\s*,?\s*according to\s+((?:[^,;"“”\n.]|\.(?!\s|$))+)/i;

// "…, the British public broadcaster reported." — a reporting clause closing the sentence after the attribution.
const REPORTED_BY = /^[^.;\n]*?,\s*((?:the |a |an )?[^,.;"“”\n]{2,80}?)\s+(?:reported|said|wrote|added|noted|told\s+\w+)\s*\./i;

function within(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Second-hand sources, `via`:
 * - `via/according-to`: "…," he said, according to the BBC — the phrase right after the attribution.
 * - `via/reported`: "…, the British public broadcaster reported." — a reporting clause that closes the sentence.
 * - `via/nested`: an attribution inside another's content ("the prime minister said "no," …, the British public
 *   broadcaster reported") came through the outer one's source.
 */
function addVia(text: string, list: Attribution[], entities: readonly Entity[]): void {
  for (const a of list) {
    const spans = [...a.content, ...(a.cue ? [a.cue] : []), ...(a.source ? [a.source] : [])];
    const after = Math.max(...spans.map((s) => s.end));
    const match = ACCORDING_TO.exec(text.slice(after, after + DEFAULT_VIA_WINDOW));
    if (match) {
      const phrase = match[1]!.trimEnd();
      const start = after + match[0].length - match[1]!.length;
      const span = spanOf(text, { start, end: start + phrase.length });
      a.via.push({ entity: speakerOf(span, entities), span, rule: 'via/according-to' });
    }
    const reported = REPORTED_BY.exec(text.slice(after, after + DEFAULT_VIA_WINDOW));
    if (reported) {
      const start = after + reported[0].indexOf(reported[1]!, reported[0].lastIndexOf(','));
      const span = spanOf(text, { start, end: start + reported[1]!.length });
      const entity = speakerOf(span, entities);
      // Only a reporter this article names as an entity ("the British public broadcaster" → BBC): "…, officials said" stays a plain attribution.
      if (entity && !a.via.some((v) => v.span.start === span.start)) a.via.push({ entity, span, rule: 'via/reported' });
    }
    const anchor = a.cue ?? a.source;
    if (!anchor) continue;
    for (const outer of list) {
      if (outer === a || !outer.source || !outer.content.some((c) => within(c, anchor))) continue;
      if (a.via.some((v) => v.span.start === outer.source!.start)) continue;
      a.via.push({ entity: outer.speaker, span: outer.source, rule: 'via/nested' });
    }
  }
}

export function resolveAttributions(text: string, findings: readonly AttributionFinding[], entities: readonly Entity[]): Attribution[] {
  const list: Attribution[] = findings
    .filter((f) => f.content.length > 0)
    .map((f, k) => ({
      id: `a${k + 1}`,
      kind: f.kind,
      content: f.content.map((c) => spanOf(text, c)),
      cue: f.cue ? spanOf(text, f.cue) : null,
      source: f.source ? spanOf(text, f.source) : null,
      speaker: speakerOf(f.source, entities, text),
      via: [],
      rule: f.rule,
    }));
  addVia(text, list, entities);
  return list;
}
