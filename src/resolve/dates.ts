/**
 * Dates as records: the expression's span with its text, the value, grain and rule, and the event it dates —
 * the sentence it anchors, with the entities named in it (their ids, in order of first mention there).
 */
import type { DateFinding } from '../extract/dates/index.js';
import type { DateMention, Entity } from '../model/schema.js';

const spanOf = (text: string, s: { start: number; end: number }) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });

export function resolveDates(text: string, findings: readonly DateFinding[], entities: readonly Entity[]): DateMention[] {
  return findings.map((f) => {
    const inside = entities
      .map((e) => ({ id: e.id, at: Math.min(...e.mentions.filter((m) => m.start >= f.event.start && m.end <= f.event.end).map((m) => m.start)) }))
      .filter((e) => Number.isFinite(e.at))
      .sort((a, b) => a.at - b.at);
    return {
      span: spanOf(text, f),
      value: f.value,
      grain: f.grain,
      rule: f.rule,
      ...(f.reason ? { reason: f.reason } : {}),
      event: { span: spanOf(text, f.event), entities: inside.map((e) => e.id) },
    };
  });
}
