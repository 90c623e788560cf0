import type { Story } from '../model/schema.js';
import { escapeMarkdown } from './escape.js';
import { articleLabel, countItems, storyHeadline } from './items.js';

/** The story report as Markdown: metadata per outlet, then each article's blocks with their kinds. */
export function renderMarkdown(story: Story): string {
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(storyHeadline(story))}`, '');
  lines.push(`${story.articles.length} article(s) from ${escapeMarkdown(story.sources.join(', '))}.`, '');
  lines.push('| Outlet | Published | Title | Words | Entities | Attributions | Dates |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const entry of story.articles) {
    const c = countItems(entry);
    const words = entry.article.text.split(/\s+/).filter(Boolean).length;
    lines.push(
      `| ${escapeMarkdown(articleLabel(entry))} | ${entry.article.published ?? '—'} | ${escapeMarkdown(entry.article.title ?? '—')} | ${words} | ${c.entities} | ${c.attributions} | ${c.dates} |`,
    );
  }
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
    for (const block of article.blocks) {
      const text = escapeMarkdown(article.text.slice(block.start, block.end).replace(/\s*\n\s*/g, ' '));
      if (block.kind === 'heading') lines.push(`### ${text}`, '');
      else if (block.kind === 'paragraph') lines.push(text, '');
      else lines.push(`> _${block.kind}:_ ${text}`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
