import { extractStream } from '../api/extract.js';
import type { ExtractRecord } from '../model/schema.js';
import type { TextLayer } from '../text/types.js';
import { ingestOptions, type OptionValues } from './common.js';
import { diagnostic, writeOut, type CliIo } from './io.js';
import { createProgress } from './progress.js';
import { exitStatus, reportMessages } from './status.js';

function countBy<T extends string>(items: readonly { kind: T }[]): string {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`).join(', ');
}

/** The readable form of one record: what was read and what was found, with spans. */
export function summarizeRecord(record: ExtractRecord, layer: TextLayer): string {
  const { article } = record;
  const head = [article.source ?? 'unknown outlet', article.published ?? 'undated', article.title ? `“${article.title}”` : null].filter(Boolean).join(' · ');
  const lines = [
    `${record.input}`,
    `  ${head}`,
    `  ${article.text.length.toLocaleString('en')} characters · ${countBy(article.blocks)} · ${layer.sentences.length} sentences · ${layer.tokens.length} tokens · ${article.links.length} links`,
    `  ${record.entities.length} entities · ${record.attributions.length} attributions · ${record.dates.length} dates`,
  ];
  // Where each metadata value came from, and how far to trust it (pages; given values say "given").
  const meta = article.metadata;
  if (meta) {
    const fields = (['title', 'byline', 'published', 'modified', 'publisher', 'section', 'url', 'language'] as const)
      .flatMap((k) => (meta[k] && meta[k]!.from !== 'given' ? [`${k} ${meta[k]!.from} ${meta[k]!.confidence}`] : []));
    if (fields.length) lines.push(`  metadata: ${fields.join(' · ')}${meta.authors?.length ? ` · authors ${meta.authors.join('; ')}` : ''}`);
  }
  for (const b of article.blocks) {
    if (b.kind !== 'paragraph') lines.push(`  [${b.kind}] ${b.start}–${b.end} ${JSON.stringify(article.text.slice(b.start, b.end))}${b.rule ? ` (${b.rule})` : ''}`);
  }
  for (const e of record.entities) {
    const names = new Map<string, number>();
    for (const m of e.mentions) names.set(m.text, (names.get(m.text) ?? 0) + 1);
    const called = [...names].map(([text, n]) => (n > 1 ? `${text} ×${n}` : text)).join(', ');
    const first = e.mentions[0];
    lines.push(`  ${e.id} ${e.type} ${e.name}${e.roles.length ? ` (${e.roles.join('; ')})` : ''} — ${called}${first ? ` [first at ${first.start}–${first.end}]` : ''}`);
  }
  const nameOf = new Map(record.entities.map((e) => [e.id, e.name]));
  for (const a of record.attributions) {
    const speaker = a.speaker ? nameOf.get(a.speaker) : undefined;
    const who = a.source ? (speaker && speaker !== a.source.text ? `${a.source.text} (${speaker})` : a.source.text) : '(no source)';
    const via = a.via.length ? ` — via ${a.via.map((v) => (v.entity ? nameOf.get(v.entity) ?? v.span.text : v.span.text)).join(', ')}` : '';
    lines.push(`  ${a.kind} ${a.id}: ${who} ${a.cue?.text ?? ''} ${a.content.map((c) => JSON.stringify(c.text)).join(' … ')}${via}`);
  }
  for (const d of record.dates) {
    const how = [d.grain, d.rule].filter(Boolean).join(', ');
    lines.push(`  date ${JSON.stringify(d.span.text)} → ${d.value ?? `unresolved${d.reason ? ` (${d.reason})` : ''}`}${d.value && how ? ` (${how})` : ''}`);
  }
  return `${lines.join('\n')}\n\n`;
}

export async function runExtract(inputs: string[], values: OptionValues, io: CliIo): Promise<number> {
  const options = ingestOptions(values, io);
  const json = values.json === true;
  const progress = createProgress(io, 'extract', inputs.length || options.manifest?.entries.length || 1);
  let read = 0;
  let failed = 0;
  try {
    for await (const outcome of extractStream(inputs, options)) {
      progress.tick(!outcome.ok);
      if (!outcome.ok) {
        failed++;
        diagnostic(io, outcome.error.input, outcome.error.reason);
        continue;
      }
      read++;
      reportMessages(io, outcome.record);
      await writeOut(io.stdout, json ? `${JSON.stringify(outcome.record)}\n` : summarizeRecord(outcome.record, outcome.layer));
    }
  } finally {
    progress.stop();
  }
  if (!json && read + failed > 1) io.stderr.write(`parallax: ${read} article${read === 1 ? '' : 's'} read, ${failed} failed\n`);
  return exitStatus(read, failed);
}
