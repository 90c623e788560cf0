/**
 * Attributions as records: spans with their text, and the speaker — the entity a source span names.
 * `speaker/head-mention`: of the entity mentions inside the source, the one ending last is the head of the
 * noun phrase ("Trump campaign lawyer Gary Lawkowski" → Gary Lawkowski; "a Labour Party spokesperson" →
 * Labour Party; "he" → whoever coreference resolved "he" to). "It" / "they" with nothing inside: the organisation
 * that is the subject of the previous sentence (`speaker/pronoun-subject`); an appositive source names the person
 * just before it (`speaker/apposition`). Otherwise no speaker, never a guess. A quotation that continues the
 * previous one (its finding says `continues`) takes that one's speaker and via.
 */
import type { AttributionFinding } from '../extract/attributions/index.js';
import { cueForms } from '../lexicon/cues.js';
import { DOCUMENT_NOUNS, RELAY_VERB_LEMMAS } from '../lexicon/documents.js';
import { ROLE_HEADS, ROLE_MODIFIERS } from '../extract/entities/lexicon/people.js';
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

/** The entity mention starting first in [from, to), moved along to the head of its noun phrase ("Trump campaign lawyer Gary Lawkowski" → Gary Lawkowski). */
function firstNounPhraseHead(text: string, from: number, to: number, entities: readonly Entity[]): string | null {
  const inRange = entities.flatMap((e) => e.mentions.filter((m) => m.start >= from && m.end <= to && (e.type === 'person' || e.type === 'organization')).map((m) => ({ id: e.id, start: m.start, end: m.end })));
  inRange.sort((a, b) => a.start - b.start || b.end - a.end);
  let head = inRange[0];
  if (!head) return null;
  // A possessive or role words between two mentions keep them in one noun phrase: "Labour's", "campaign lawyer".
  for (const next of inRange) {
    if (next.start < head.end) continue;
    const gap = /^(?:['’]s)?((?:\s+[\p{L}.-]+)*?)\s+$/u.exec(text.slice(head.end, next.start));
    if (gap && gap[1]!.trim().split(/\s+/).every((w) => !w || ROLE_WORDS.has(w.toLowerCase()))) head = next;
  }
  return head.id;
}

const ROLE_WORDS = new Set([...ROLE_HEADS, ...ROLE_MODIFIERS].flatMap((r) => r.split(' ')));

const DOCUMENT = new RegExp(`\\b(${DOCUMENT_NOUNS.map((d) => d.replace('-', '\\-')).join('|')})\\b`, 'i');
/** The document nouns of a text; a capitalised one is part of a name ("the Washington Post"), not a document. */
const documentNouns = (words: string): RegExpExecArray[] => [...words.matchAll(new RegExp(DOCUMENT.source, 'gi'))].filter((m) => m[1] === m[1]!.toLowerCase());
/** How far back a document's earlier mention is looked for. */
const DEFAULT_DOCUMENT_LOOKBACK = 4000;

/**
 * `speaker/document-author`: a source whose head is a document ("the complaint", "the post", "The deleted post by
 * Labour's Sofia Patel") speaks for its author: the entity after "by" in it, else the author at the document's
 * latest earlier mention — "X's letter", "a letter by X", or the subject of the sentence ("Trump's campaign team
 * filed a complaint"); a definite "the letter" with no earlier letter refers to the latest document named before
 * it. A document with no author in sight gives no speaker.
 */
function documentAuthor(text: string, source: { start: number; end: number }, entities: readonly Entity[], self = false): string | null {
  const words = text.slice(source.start, source.end);
  const head = documentNouns(words)[0];
  if (!head || /^(it|they|which)$/i.test(words)) return null;
  const by = /\bby\s+/i.exec(words.slice(head.index));
  if (by) return firstNounPhraseHead(text, source.start + head.index + by.index + by[0].length, source.end, entities);
  const noun = head[1]!.toLowerCase().replace(/s$/, '');
  // `self`: the span is the document's mention in its own sentence (a relative's antecedent), not a later "the complaint".
  const until = self ? source.end : source.start;
  const before = text.slice(Math.max(0, until - DEFAULT_DOCUMENT_LOOKBACK), until);
  const offset = until - before.length;
  // The document's own earlier mention; failing that (a definite "the letter" for what was "a complaint"), the latest
  // document named before it.
  const earlier = [...before.matchAll(new RegExp(`\\b${noun.replace('-', '\\-')}s?\\b`, 'gi'))].pop()
    ?? (/^the\b/i.test(words) ? documentNouns(before).pop() : undefined);
  if (!earlier) return null;
  const at = offset + earlier.index;
  const after = /^\w+\s+by\s+/i.exec(text.slice(at, at + 40));
  if (after) return firstNounPhraseHead(text, at + after[0].length, at + after[0].length + 80, entities);
  const start = sentenceStart(text, at);
  return firstNounPhraseHead(text, start, at, entities);
}

/**
 * `speaker/relative`: "…, which demanded …": a relative "which" names what the clause before it is about — the
 * latest document of its sentence (whose author speaks), else its latest organisation.
 */
function relativeSpeaker(text: string, source: { start: number; end: number }, entities: readonly Entity[]): string | null {
  if (!/^which$/i.test(text.slice(source.start, source.end))) return null;
  const start = sentenceStart(text, source.start);
  const clause = text.slice(start, source.start);
  const documents = documentNouns(clause);
  const last = documents[documents.length - 1];
  if (last) return documentAuthor(text, { start: start + last.index, end: start + last.index + last[0].length }, entities, true);
  let best: { id: string; end: number } | null = null;
  for (const e of entities) {
    if (e.type !== 'organization') continue;
    for (const m of e.mentions) if (m.start >= start && m.end <= source.start && (!best || m.end > best.end)) best = { id: e.id, end: m.end };
  }
  return best?.id ?? null;
}

/**
 * `speaker/apposition-inside`: a source that names a person and describes them after a comma ("Sofia Patel, the
 * head of operations at Labour,") is that person, not the organisation in the description.
 */
function leadingPerson(text: string, source: { start: number; end: number }, entities: readonly Entity[]): string | null {
  for (const e of entities) {
    if (e.type !== 'person') continue;
    for (const m of e.mentions) if (m.start === source.start && /^\s*,/.test(text.slice(m.end, source.end))) return e.id;
  }
  return null;
}

/** The speaker of a source span, by the rules in this file's header, in order. */
function speakerOf(source: { start: number; end: number } | null, entities: readonly Entity[], text?: string): string | null {
  if (!source) return null;
  if (text) {
    const named = leadingPerson(text, source, entities) ?? documentAuthor(text, source, entities) ?? relativeSpeaker(text, source, entities);
    if (named) return named;
  }
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

// "a since-deleted LinkedIn post in which": a determiner, the medium's words, "in which" right before the source.
// The medium's words hold no determiner, so the match starts at the last one: "The letter cited [a] …".
const IN_WHICH = /\b(?:a|an|the|his|her|their|its)\s+((?:(?!(?:a|an|the|his|her|their|its)\s)[^\s,;.]+\s+){0,5}(?!(?:a|an|the|his|her|their|its)\s)[^\s,;.]+)\s+in which\s+$/i;

function within(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

const RELAY_WORDS = cueForms(RELAY_VERB_LEMMAS);
/** Whether an attribution passes on others' words ("reported", "said", "according to"), so that one inside its content came through it. */
function relays(a: Attribution): boolean {
  if (!a.cue) return false;
  const words = a.cue.text.toLowerCase().split(/\s+/);
  return words[0] === 'according' || words.some((w) => RELAY_WORDS.has(w));
}

/**
 * Second-hand sources, `via`:
 * - `via/according-to`: "…," he said, according to the BBC — the phrase right after the attribution.
 * - `via/reported`: "…, the British public broadcaster reported." — a reporting clause that closes the sentence.
 * - `via/nested`: an attribution inside the content of one that passes words on ("the prime minister said "no," …,
 *   the British public broadcaster reported") came through the outer one's source; not so inside "rejected" or
 *   "sought" ("Labour rejected accusations by Trump's team that …" is no medium for the accusation).
 * - `via/in-which`: "a LinkedIn post in which Sofia Patel said …": the medium named before "in which".
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
    const medium = a.source ? IN_WHICH.exec(text.slice(Math.max(0, a.source.start - DEFAULT_VIA_WINDOW), a.source.start)) : null;
    if (medium) {
      const start = a.source!.start - (medium.input.length - medium.index) + medium[0].indexOf(medium[1]!);
      const span = spanOf(text, { start, end: start + medium[1]!.length });
      a.via.push({ entity: speakerOf(span, entities), span, rule: 'via/in-which' });
    }
    const anchor = a.cue ?? a.source;
    if (!anchor) continue;
    for (const outer of list) {
      if (outer === a || !outer.source || !outer.content.some((c) => within(c, anchor)) || !relays(outer)) continue;
      if (a.via.some((v) => v.span.start === outer.source!.start)) continue;
      // No one is their own medium: "Trump's team cited reports, suggesting …" read as the team's own suggestion.
      if (outer.speaker && outer.speaker === a.speaker) continue;
      a.via.push({ entity: outer.speaker, span: outer.source, rule: 'via/nested' });
    }
  }
}

export function resolveAttributions(text: string, findings: readonly AttributionFinding[], entities: readonly Entity[]): Attribution[] {
  const list: Attribution[] = [];
  const recordOf = new Map<AttributionFinding, Attribution>();
  for (const f of findings) {
    if (f.content.length === 0) continue;
    // A quotation that continues another (attribution/continued-quote) is that speaker's, named there.
    const previous = f.continues ? recordOf.get(f.continues) : undefined;
    const record: Attribution = {
      id: `a${list.length + 1}`,
      kind: f.kind,
      content: f.content.map((c) => spanOf(text, c)),
      cue: f.cue ? spanOf(text, f.cue) : null,
      source: f.source ? spanOf(text, f.source) : null,
      speaker: previous ? previous.speaker : speakerOf(f.source, entities, text),
      via: previous ? previous.via.map((v) => ({ ...v })) : [],
      ...(previous ? { continues: previous.id } : {}),
      rule: f.rule,
    };
    list.push(record);
    recordOf.set(f, record);
  }
  addVia(text, list, entities);
  addAlternatives(text, list, entities);
  return withoutRelays(list);
}

/**
 * `speaker/participle-ambiguous`: "Trump's team cited media reports by the Post, suggesting that …": a participle
 * after a comma may belong to the main clause's subject or to the noun phrase before the comma. When another
 * attribution of the sentence, before it, has a different speaker (the main clause's), that one is recorded in
 * `alternatives`; when it has the same (the participle was read as the subject's), the people and organisations
 * named in the noun phrase before the comma are: the text does not say which of them suggests. An ambiguous
 * attribution is a finding in itself.
 */
function addAlternatives(text: string, list: Attribution[], entities: readonly Entity[]): void {
  for (const a of list) {
    if (!a.cue || !/ing$/i.test(a.cue.text) || !/,\s*$/.test(text.slice(Math.max(0, a.cue.start - 3), a.cue.start))) continue;
    const from = sentenceStart(text, a.cue.start);
    const before = list.filter((b) => b !== a && b.cue && b.speaker && b.cue.start >= from && b.cue.end <= a.cue!.start);
    const main = before.find((b) => b.speaker !== a.speaker);
    if (main?.speaker) { a.alternatives = [main.speaker]; continue; }
    const same = before[before.length - 1];
    if (!same || !a.speaker) continue;
    const phrase = { start: same.cue!.end, end: text.lastIndexOf(',', a.cue.start) };
    const named = entities.filter((e) => e.id !== a.speaker && (e.type === 'person' || e.type === 'organization')
      && e.mentions.some((m) => m.start >= phrase.start && m.end <= phrase.end));
    if (named.length) a.alternatives = named.map((e) => e.id);
  }
}

/**
 * "…," he said, according to the BBC: the BBC is the via of his attribution, not a second speaker of the same words.
 * An attribution whose cue is "according to" and whose source is the via/according-to of another attribution whose
 * content it holds is dropped; the rest are numbered again (a1, a2, …) and `continues` follows.
 */
function withoutRelays(list: Attribution[]): Attribution[] {
  // b's content within a's: the same words, or a's with b's cue and source in it ("…, Patel said, according to …").
  const holds = (a: Attribution, b: Attribution): boolean => b.content.every((c) => a.content.some((o) => o.start <= c.start && c.end <= o.end));
  const kept = list.filter((a) => !(
    a.cue && /^according to$/i.test(a.cue.text) && a.source
    && list.some((b) => b !== a && holds(a, b) && b.via.some((v) => v.rule === 'via/according-to' && v.span.start === a.source!.start))
  ));
  if (kept.length === list.length) return list;
  const renamed = new Map(kept.map((a, k) => [a.id, `a${k + 1}`]));
  return kept.map((a) => {
    const { continues, ...rest } = a;
    const head = continues === undefined ? undefined : renamed.get(continues);
    return { ...rest, id: renamed.get(a.id)!, ...(head ? { continues: head } : {}) };
  });
}
