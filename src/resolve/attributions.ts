/**
 * Attributions as records: spans with their text, and the speaker — the entity a source span names.
 * `speaker/head-mention`: of the entity mentions inside the source, the one ending last is the head of the
 * noun phrase ("Trump campaign lawyer Gary Lawkowski" → Gary Lawkowski; "a Labour Party spokesperson" →
 * Labour Party; "he" → whoever coreference resolved "he" to). No mention inside: no speaker, never a guess.
 */
import type { AttributionFinding } from '../extract/attributions/index.js';
import type { Attribution, Entity, Span } from '../model/schema.js';

const spanOf = (text: string, s: { start: number; end: number }): Span => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });

function speakerOf(source: { start: number; end: number } | null, entities: readonly Entity[]): string | null {
  if (!source) return null;
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

export function resolveAttributions(text: string, findings: readonly AttributionFinding[], entities: readonly Entity[]): Attribution[] {
  return findings
    .filter((f) => f.content.length > 0)
    .map((f, k) => ({
      id: `a${k + 1}`,
      kind: f.kind,
      content: f.content.map((c) => spanOf(text, c)),
      cue: f.cue ? spanOf(text, f.cue) : null,
      source: f.source ? spanOf(text, f.source) : null,
      speaker: speakerOf(f.source, entities),
      via: [],
      rule: f.rule,
    }));
}
