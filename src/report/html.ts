import type { Story } from '../model/schema.js';
import { escapeHtml, safeHref } from './escape.js';
import { segmentBlock } from './highlights.js';
import { articleHighlights, articleLabel, countItems, storyHeadline } from './items.js';
import { REPORT_CSS } from './report-css.js';

type StoryArticle = Story['articles'][number];

const BLOCK_TAG: Record<string, string> = { heading: 'h3', paragraph: 'p', caption: 'p', credit: 'p', boilerplate: 'p' };

function renderBlocks(entry: StoryArticle, articleIndex: number): string {
  const { article } = entry;
  const highlights = articleHighlights(entry);
  const parts: string[] = [];
  for (const block of article.blocks) {
    const tag = BLOCK_TAG[block.kind] ?? 'p';
    const inner = segmentBlock(block, highlights, article.links)
      .map((seg) => {
        let html = escapeHtml(article.text.slice(seg.start, seg.end)).replace(/\n/g, '<br>');
        for (const h of seg.highlights) {
          html = `<mark class="hl-${h.kind}" data-item="${escapeHtml(h.id)}" title="${escapeHtml(h.title)}">${html}</mark>`;
        }
        const href = seg.href ? safeHref(seg.href) : null;
        if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`;
        return html;
      })
      .join('');
    const label = block.kind === 'paragraph' || block.kind === 'heading' ? '' : `<span class="kind">${escapeHtml(block.kind)}</span> `;
    const id = `a${articleIndex}-${block.start}`;
    parts.push(`<${tag} id="${id}" class="block block-${escapeHtml(block.kind)}" title="${escapeHtml(block.rule ?? block.kind)}">${label}${inner}</${tag}>`);
  }
  return parts.join('\n');
}

function metaRow(name: string, value: string | null | undefined, href?: string | null): string {
  if (!value) return '';
  const shown = href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(value)}</a>` : escapeHtml(value);
  return `<dt>${escapeHtml(name)}</dt><dd>${shown}</dd>`;
}

function renderArticle(entry: StoryArticle, index: number): string {
  const { article } = entry;
  const counts = countItems(entry);
  const url = article.url ? safeHref(article.url) : null;
  return `<article class="outlet" aria-labelledby="h-a${index}">
<header>
<h2 id="h-a${index}">${escapeHtml(articleLabel(entry))}</h2>
${article.title ? `<p class="title">${escapeHtml(article.title)}</p>` : ''}
<dl>${metaRow('Published', article.published)}${metaRow('Byline', article.byline)}${metaRow('URL', article.url, url)}${metaRow('Input', entry.input)}${metaRow('Words', String(article.text.split(/\s+/).filter(Boolean).length))}${metaRow('Found', `${counts.entities} entities · ${counts.attributions} attributions · ${counts.dates} dates`)}</dl>
</header>
<div class="body">
${renderBlocks(entry, index)}
</div>
</article>`;
}

const TYPE_ORDER = ['person', 'organization', 'place', 'other'] as const;

/** "Who is involved": the story's entities, people first, each with roles, the outlets naming it and the names used. */
function renderEntities(story: Story): string {
  if (story.entities.length === 0) return '';
  const rows = [...story.entities]
    .sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || b.mentions - a.mentions)
    .map((e) => {
      const outlets = e.in.map((ref) => {
        const entry = story.articles[ref.article];
        const entity = entry?.entities.find((x) => x.id === ref.entity);
        const first = entity?.mentions[0];
        const label = entry ? articleLabel(entry) : '?';
        const anchor = first && entry ? `#a${ref.article}-${entry.article.blocks.find((b) => b.start <= first.start && first.end <= b.end)?.start ?? 0}` : '#';
        return `<a href="${anchor}">${escapeHtml(label)}</a> (${entity?.mentions.length ?? 0})`;
      });
      return `<tr class="entity-${escapeHtml(e.type)}"><td><strong>${escapeHtml(e.name)}</strong></td><td>${escapeHtml(e.type)}</td><td>${escapeHtml(e.roles.join('; '))}</td><td>${outlets.join(', ')}</td><td class="aliases">${escapeHtml(e.aliases.join(' · '))}</td></tr>`;
    });
  return `<section class="section" aria-labelledby="h-who">
<h2 id="h-who">Who is involved</h2>
<table>
<thead><tr><th>Name</th><th>Type</th><th>Roles</th><th>Named by (mentions)</th><th>Also called</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

const DEFAULT_QUOTE_PREVIEW = 240;

/** "Who said what": each outlet's attributions with speaker, cue and content, each linked to its place in the text. */
function renderAttributions(story: Story): string {
  const rows: string[] = [];
  story.articles.forEach((entry, index) => {
    for (const a of entry.attributions) {
      const speaker = entry.entities.find((e) => e.id === a.speaker)?.name;
      const who = speaker ?? a.source?.text ?? '—';
      const content = a.content.map((c) => c.text).join(' … ');
      const shown = content.length > DEFAULT_QUOTE_PREVIEW ? `${content.slice(0, DEFAULT_QUOTE_PREVIEW)} …` : content;
      const first = a.content[0]!;
      const block = entry.article.blocks.find((b) => b.start <= first.start && first.start < b.end);
      const via = speaker && a.source && a.source.text !== speaker ? ` <span class="muted">(“${escapeHtml(a.source.text)}”)</span>` : '';
      rows.push(
        `<tr><td>${escapeHtml(articleLabel(entry))}</td><td><strong>${escapeHtml(who)}</strong>${via}</td><td>${escapeHtml(a.cue?.text ?? '—')}</td><td>${escapeHtml(a.kind)}</td><td><a href="#a${index}-${block?.start ?? 0}">${escapeHtml(shown)}</a></td></tr>`,
      );
    }
  });
  if (rows.length === 0) return '';
  return `<section class="section" aria-labelledby="h-said">
<h2 id="h-said">Who said what</h2>
<table>
<thead><tr><th>Outlet</th><th>Speaker</th><th>Cue</th><th>Kind</th><th>What was said</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

/** The sentence with its date expression marked, escaped. */
function markedSentence(text: string, sentence: { start: number; end: number }, date: { start: number; end: number }): string {
  return `${escapeHtml(text.slice(sentence.start, date.start))}<mark class="hl-date">${escapeHtml(text.slice(date.start, date.end))}</mark>${escapeHtml(text.slice(date.end, sentence.end))}`.replace(/\s*\n\s*/g, ' ');
}

/** "When": the story's timeline, each event with its date and grain and, per outlet, the sentence that dates it. */
function renderTimeline(story: Story): string {
  if (story.timeline.length === 0) return '';
  const rows = story.timeline.map((t) => {
    const told = t.mentions.map((m) => {
      const entry = story.articles[m.article]!;
      const block = entry.article.blocks.find((b) => b.start <= m.sentence.start && m.sentence.start < b.end);
      return `<li><a href="#a${m.article}-${block?.start ?? 0}">${escapeHtml(articleLabel(entry))}</a>: ${markedSentence(entry.article.text, m.sentence, m.date)}</li>`;
    });
    return `<tr id="${escapeHtml(t.id)}"><td class="when"><strong>${escapeHtml(t.value)}</strong><br><span class="muted">${escapeHtml(t.grain)}</span></td><td><ul class="told">${told.join('')}</ul></td></tr>`;
  });
  return `<section class="section" aria-labelledby="h-when">
<h2 id="h-when">When</h2>
<table>
<thead><tr><th>Date</th><th>What happened, in each outlet's words</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

/** The story report as one self-contained HTML page: inline CSS, no scripts, no network. */
export function renderHtml(story: Story): string {
  const title = storyHeadline(story);
  const range = story.dateRange.first
    ? story.dateRange.first === story.dateRange.last
      ? story.dateRange.first
      : `${story.dateRange.first} – ${story.dateRange.last}`
    : 'dates unknown';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)} — Parallax</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="story">
<p class="brand">Parallax story report</p>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${story.articles.length} article${story.articles.length === 1 ? '' : 's'} from ${escapeHtml(story.sources.join(', '))} · ${escapeHtml(range)}</p>
<p class="legend"><span class="kind">heading</span> <span class="kind">credit</span> <span class="kind">caption</span> <span class="kind">boilerplate</span> blocks are kept in the text but no facts are taken from them. Generated ${escapeHtml(story.generated)}.</p>
</header>
${renderEntities(story)}
${renderAttributions(story)}
${renderTimeline(story)}
<main class="outlets" style="--columns:${Math.max(1, Math.min(story.articles.length, 3))}">
${story.articles.map((a, i) => renderArticle(a, i)).join('\n')}
</main>
</body>
</html>
`;
}
