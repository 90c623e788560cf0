/**
 * A parser for brat standoff annotation (.ann), as used by PolNeAR's attribution files
 * (see ../shared/docs/data.md): `T` lines are text-bound spans, `E` lines tie spans together
 * into events (one attribution each). Used by the evaluations only; never by the library.
 *
 *   T3<TAB>Content 120 211;215 230<TAB>text of both fragments, joined by a space
 *   E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1 [Content2:T9]
 *   E2<TAB>Attribution-no-source:T8 Content:T7 Cue:T6
 *
 * Other brat lines (`A`/`M` attributes, `R` relations, `N` normalisations, `#` notes, `*`
 * equivalences) are kept verbatim in `others`; malformed lines are reported in `problems`,
 * never thrown.
 */

/** A half-open character range (end exclusive), in the annotated text's offsets. */
export interface Fragment {
  start: number;
  end: number;
}

/** A `T` line: a label over one or more fragments. */
export interface BratSpan {
  id: string;
  /** Source, Cue, Content, Attribution, Attribution-no-source, Discuss, Discard, … */
  label: string;
  /** The fragments in the order the file gives them (PolNeAR has some out of order, e.g. `209 236;91 186`). */
  fragments: Fragment[];
  /** The fragments sorted by start: the form scoring uses. */
  sorted: Fragment[];
  /** First start and last end over all fragments. */
  start: number;
  end: number;
  /** The text as written in the file (brat joins the fragments' texts with single spaces). */
  text: string;
  /** 1-based line number in the .ann file. */
  line: number;
}

/** One `role:id` argument of an `E` line; `base` drops a trailing number (`Content2` → `Content`). */
export interface BratArg {
  role: string;
  base: string;
  id: string;
}

/** An `E` line. */
export interface BratEvent {
  id: string;
  /** The event type, e.g. `Attribution` or `Attribution-no-source`. */
  type: string;
  /** The trigger span id (the id after `TYPE:`). */
  trigger: string;
  args: BratArg[];
  line: number;
}

/** An attribution event with its spans resolved. Missing references are reported as problems. */
export interface BratAttribution {
  id: string;
  type: string;
  trigger: BratSpan | null;
  /** The first Source-role argument, or null (`Attribution-no-source`). */
  source: BratSpan | null;
  /** Every Source-role argument (PolNeAR has at most one; kept general). */
  sources: BratSpan[];
  cue: BratSpan | null;
  cues: BratSpan[];
  /** Content, Content2, … in the order the line gives them. */
  content: BratSpan[];
  /** Every argument's span by its role as written (`Source`, `Content2`, …). */
  roles: Record<string, BratSpan[]>;
  line: number;
}

export interface BratProblem {
  line: number;
  reason: string;
}

export interface BratDocument {
  spans: BratSpan[];
  spansById: Map<string, BratSpan>;
  events: BratEvent[];
  /** Events whose type starts with `Attribution` (both `Attribution` and `Attribution-no-source`). */
  attributions: BratAttribution[];
  others: string[];
  problems: BratProblem[];
}

const FRAGMENT = /^(\d+) (\d+)$/;

/** Parses a `120 211;215 230` offset list; null when malformed. */
export function parseFragments(offsets: string): Fragment[] | null {
  const fragments: Fragment[] = [];
  for (const part of offsets.split(';')) {
    const m = FRAGMENT.exec(part.trim());
    if (!m) return null;
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (end < start) return null;
    fragments.push({ start, end });
  }
  return fragments.length ? fragments : null;
}

/** `Content2` → `Content`; `Source` → `Source`. */
export const baseRole = (role: string): string => role.replace(/\d+$/, '');

export function parseBrat(annText: string): BratDocument {
  const spans: BratSpan[] = [];
  const spansById = new Map<string, BratSpan>();
  const events: BratEvent[] = [];
  const others: string[] = [];
  const problems: BratProblem[] = [];
  const lines = annText.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const tab = raw.indexOf('\t');
    const id = tab < 0 ? raw.trim() : raw.slice(0, tab);
    const rest = tab < 0 ? '' : raw.slice(tab + 1);
    if (/^T\d+$/.test(id)) {
      const tab2 = rest.indexOf('\t');
      const head = tab2 < 0 ? rest : rest.slice(0, tab2);
      const text = tab2 < 0 ? '' : rest.slice(tab2 + 1);
      const space = head.indexOf(' ');
      const label = space < 0 ? head : head.slice(0, space);
      const fragments = space < 0 ? null : parseFragments(head.slice(space + 1));
      if (!label || !fragments) {
        problems.push({ line, reason: `malformed span line: ${raw.slice(0, 80)}` });
        return;
      }
      const sorted = [...fragments].sort((a, b) => a.start - b.start || a.end - b.end);
      const span: BratSpan = {
        id,
        label,
        fragments,
        sorted,
        start: sorted[0]!.start,
        end: Math.max(...fragments.map((f) => f.end)),
        text,
        line,
      };
      if (spansById.has(id)) problems.push({ line, reason: `duplicate id ${id}` });
      spans.push(span);
      spansById.set(id, span);
    } else if (/^E\d+$/.test(id)) {
      const parts = rest.trim().split(/\s+/).filter(Boolean);
      const parsed = parts.map((p) => {
        const colon = p.lastIndexOf(':');
        return colon <= 0 ? null : { role: p.slice(0, colon), id: p.slice(colon + 1) };
      });
      if (!parsed.length || parsed.some((p) => !p || !p.id)) {
        problems.push({ line, reason: `malformed event line: ${raw.slice(0, 80)}` });
        return;
      }
      const [trigger, ...args] = parsed as { role: string; id: string }[];
      events.push({
        id,
        type: trigger!.role,
        trigger: trigger!.id,
        args: args.map((a) => ({ role: a.role, base: baseRole(a.role), id: a.id })),
        line,
      });
    } else {
      others.push(raw);
    }
  });

  const attributions: BratAttribution[] = [];
  for (const event of events) {
    if (!event.type.startsWith('Attribution')) continue;
    const get = (ref: string): BratSpan | null => {
      const span = spansById.get(ref);
      if (!span) problems.push({ line: event.line, reason: `${event.id} refers to missing span ${ref}` });
      return span ?? null;
    };
    const roles: Record<string, BratSpan[]> = {};
    const byBase: Record<string, BratSpan[]> = {};
    for (const arg of event.args) {
      const span = get(arg.id);
      if (!span) continue;
      (roles[arg.role] ??= []).push(span);
      (byBase[arg.base] ??= []).push(span);
    }
    const sources = byBase.Source ?? [];
    const cues = byBase.Cue ?? [];
    attributions.push({
      id: event.id,
      type: event.type,
      trigger: get(event.trigger),
      source: sources[0] ?? null,
      sources,
      cue: cues[0] ?? null,
      cues,
      content: byBase.Content ?? [],
      roles,
      line: event.line,
    });
  }
  return { spans, spansById, events, attributions, others, problems };
}

/** The text a span covers in `text`: its fragments' texts joined by single spaces (brat's convention). */
export function spanText(text: string, span: Pick<BratSpan, 'fragments'>): string {
  return span.fragments.map((f) => text.slice(f.start, f.end)).join(' ');
}

/** Spans whose text in the .ann file differs from the article text at their offsets. */
export function checkSpans(doc: BratDocument, text: string): BratSpan[] {
  return doc.spans.filter((s) => s.end > text.length || spanText(text, s) !== s.text);
}
