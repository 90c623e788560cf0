import type { Story } from '../model/schema.js';
import { escapeMarkdown } from './escape.js';
import { articleLabel, countItems, storyHeadline } from './items.js';
import { CLAIM_TYPE_LABEL, SPEAKER_VERDICT_LABEL, storyView, type SpanRef, type StoryView } from './story-view.js';

/** Longest quotation or sentence shown whole in a table cell. */
const DEFAULT_CELL_TEXT = 300;

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');
const cut = (text: string, max = DEFAULT_CELL_TEXT): string => (text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, '')} …` : text);
/** Where a span is: the outlet and the paragraph number the article section shows. */
const where = (r: SpanRef): string => `${escapeMarkdown(r.outlet)} ¶${r.paragraph}`;
const quoted = (r: SpanRef): string => `“${escapeMarkdown(cut(oneLine(r.span.text)))}”`;

/** The cross-outlet sections: in brief, aligned quotes, conflicts, numbers, claims, what one outlet alone reports. */
function crossOutletSections(view: StoryView, lines: string[]): void {
  if (view.summary.length) lines.push('', '## In brief', '', ...view.summary.map((r) => `- ${escapeMarkdown(oneLine(r.span.text))} (${where(r)})`));
  if (view.quotes.length) {
    lines.push('', '## Aligned quotes', '', '| # | Verdict | Speakers | One outlet | The other |', '| --- | --- | --- | --- | --- |');
    for (const q of view.quotes) {
      const [a, b] = q.sides;
      const speakers = `${SPEAKER_VERDICT_LABEL[q.speakers]}${q.related ? ' (related by affiliation)' : ''}`;
      lines.push(`| ${q.id} | ${escapeMarkdown(q.description)} | ${speakers} | ${escapeMarkdown(a!.who)}: ${quoted(a!.ref)} (${where(a!.ref)}) | ${escapeMarkdown(b!.who)}: ${quoted(b!.ref)} (${where(b!.ref)}) |`);
    }
  }
  if (view.conflicts.length) {
    lines.push('', '## Who said it: attribution conflicts', '', '| # | The words | One outlet gives them to | The other gives them to | Verdict |', '| --- | --- | --- | --- | --- |');
    for (const c of view.conflicts) {
      const side = (s: StoryView['conflicts'][number]['sides'][number]): string =>
        `${escapeMarkdown(s.who)}${s.source ? ` (“${escapeMarkdown(oneLine(s.source.span.text))}” ${escapeMarkdown(s.cue ?? '')}, ${where(s.source)})` : ''}`;
      const verdict = `${c.verdict === 'ambiguous' ? 'ambiguous in one outlet' : 'different actors'}${c.related ? '; related by affiliation' : ''}`;
      lines.push(`| ${c.id} | ${c.what ? `${quoted(c.what)} (${where(c.what)})` : '—'} | ${side(c.sides[0]!)} | ${side(c.sides[1]!)} | ${verdict} |`);
    }
  }
  if (view.numbers.length) {
    lines.push('', '## Numbers', '', '| # | Each outlet\'s figure | Verdict |', '| --- | --- | --- |');
    for (const n of view.numbers) {
      const side = (s: StoryView['numbers'][number]['sides'][number]): string => `**${escapeMarkdown(s.ref.span.text)}** ${escapeMarkdown(s.counted)} (${escapeMarkdown(s.interval)}; ${where(s.ref)})`;
      lines.push(`| ${n.id} | ${n.sides.map(side).join('<br>')} | ${n.verdict} |`);
    }
  }
  if (view.claims.length) {
    lines.push('', '## Claims, denials and evidence', '', '| # | Who | Claim | Against | Reported by | In their words |', '| --- | --- | --- | --- | --- | --- |');
    for (const k of view.claims) {
      const who = `${escapeMarkdown(k.by)}${k.alsoBy.length ? ` (also named: ${escapeMarkdown(k.alsoBy.join(', '))})` : ''}`;
      const words = k.mentions.map((parts) => `${parts.map(quoted).join(' … ')} (${where(parts[0]!)})`).join('<br>');
      lines.push(`| ${k.id} | ${who} | ${CLAIM_TYPE_LABEL[k.type]} | ${escapeMarkdown(k.against ?? '—')} | ${escapeMarkdown(k.outlets.join(', '))} | ${words} |`);
    }
  }
  const only = view.onlyIn.filter((o) => o.facts.length || o.entities.length || o.quotes.length);
  if (only.length) {
    lines.push('', '## Reported by one outlet only');
    for (const o of only) {
      lines.push('', `### Only in ${escapeMarkdown(o.outlet)}`, '');
      for (const f of o.facts) lines.push(`- ${escapeMarkdown(oneLine(f.span.text))} (¶${f.paragraph})`);
      if (o.entities.length) lines.push('', `Named only here: ${o.entities.map((e) => `${escapeMarkdown(e.name)} (¶${e.ref.paragraph})`).join(', ')}`);
      if (o.quotes.length) lines.push('', `Quoted only here: ${o.quotes.map((q) => `${quoted(q)} (¶${q.paragraph})`).join(', ')}`);
    }
  }
}

/** The story report as Markdown: in brief, the outlets side by side, the cross-outlet sections, then each article's blocks, numbered. */
export function renderMarkdown(story: Story): string {
  const view = storyView(story);
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(storyHeadline(story))}`, '');
  lines.push(`${story.articles.length} article(s) from ${escapeMarkdown(story.sources.join(', '))}. ¶N refers to the numbered paragraphs of each article below.`, '');
  lines.push('| Outlet | Published | Title | Words | Entities | Attributions | Dates | Facts shared | Only here | Quotes most |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  story.articles.forEach((entry, k) => {
    const c = countItems(entry);
    const o = view.outlets[k]!;
    const most = o.quoted.slice(0, 3).map((q) => `${escapeMarkdown(q.who)} (${q.words} words)`).join(', ') || '—';
    lines.push(
      `| ${escapeMarkdown(articleLabel(entry))} | ${entry.article.published ?? '—'} | ${escapeMarkdown(entry.article.title ?? '—')} | ${o.words} | ${c.entities} | ${c.attributions} | ${c.dates} | ${o.sharedFacts} | ${o.onlyFacts} | ${most} |`,
    );
  });
  crossOutletSections(view, lines);
  if (story.entities.length) {
    lines.push('', '## Who is involved', '', '| Name | Type | Roles | Named by (mentions) |', '| --- | --- | --- | --- |');
    for (const e of story.entities) {
      const outlets = e.in.map((ref) => {
        const entry = story.articles[ref.article];
        const n = entry?.entities.find((x) => x.id === ref.entity)?.mentions.length ?? 0;
        return `${entry ? escapeMarkdown(articleLabel(entry)) : '?'} (${n})`;
      });
      lines.push(`| ${escapeMarkdown(e.name)} | ${e.type} | ${escapeMarkdown(e.roles.join('; '))} | ${outlets.join(', ')} |`);
    }
  }
  const said = story.articles.flatMap((entry) =>
    entry.attributions.map((a) => {
      const who = entry.entities.find((e) => e.id === a.speaker)?.name ?? a.source?.text ?? '—';
      const content = a.content.map((c) => c.text).join(' … ').replace(/\s+/g, ' ');
      return `| ${escapeMarkdown(articleLabel(entry))} | ${escapeMarkdown(who)} | ${escapeMarkdown(a.cue?.text ?? '—')} | ${a.kind} | ${escapeMarkdown(content)} |`;
    }),
  );
  if (said.length) lines.push('', '## Who said what', '', '| Outlet | Speaker | Cue | Kind | What was said |', '| --- | --- | --- | --- | --- |', ...said);
  if (story.timeline.length) {
    lines.push('', '## When', '', '| Event | Date | Grain | Outlet | What happened (the sentence; the date in bold) |', '| --- | --- | --- | --- | --- |');
    for (const t of story.timeline) {
      for (const m of t.mentions) {
        const entry = story.articles[m.article]!;
        const text = entry.article.text;
        const sentence = `${escapeMarkdown(text.slice(m.sentence.start, m.date.start))}**${escapeMarkdown(text.slice(m.date.start, m.date.end))}**${escapeMarkdown(text.slice(m.date.end, m.sentence.end))}`.replace(/\s*\n\s*/g, ' ');
        lines.push(`| ${t.id} | ${t.value} | ${t.grain} | ${escapeMarkdown(articleLabel(entry))} | ${sentence} |`);
      }
    }
  }
  for (const entry of story.articles) {
    const { article } = entry;
    lines.push('', `## ${escapeMarkdown(articleLabel(entry))}`, '');
    if (article.title) lines.push(`**${escapeMarkdown(article.title)}**`, '');
    const meta = [article.published && `published ${article.published}`, article.byline && `by ${escapeMarkdown(article.byline)}`, article.url && `<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>`].filter(Boolean);
    if (meta.length) lines.push(meta.join(' · '), '');
    article.blocks.forEach((block, k) => {
      const text = `¶${k + 1} ${escapeMarkdown(article.text.slice(block.start, block.end).replace(/\s*\n\s*/g, ' '))}`;
      if (block.kind === 'heading') lines.push(`### ${text}`, '');
      else if (block.kind === 'paragraph') lines.push(text, '');
      else lines.push(`> _${block.kind}:_ ${text}`, '');
    });
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
