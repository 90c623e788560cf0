import type { Story } from '../model/schema.js';
import { escapeHtml, safeHref } from './escape.js';
import { segmentBlock, spanHighlight, type Highlight } from './highlights.js';
import { articleHighlights, articleLabel, countItems, storyHeadline } from './items.js';
import { REPORT_CSS } from './report-css.js';
import { CLAIM_TYPE_LABEL, SPEAKER_VERDICT_LABEL, storyView, type SpanRef, type StoryView } from './story-view.js';

type StoryArticle = Story['articles'][number];

const BLOCK_TAG: Record<string, string> = { heading: 'h3', paragraph: 'p', caption: 'p', credit: 'p', boilerplate: 'p' };

function renderBlocks(entry: StoryArticle, articleIndex: number, refs: readonly Highlight[]): string {
  const { article } = entry;
  const highlights = [...articleHighlights(entry), ...refs];
  const parts: string[] = [];
  for (const block of article.blocks) {
    const tag = BLOCK_TAG[block.kind] ?? 'p';
    const inner = segmentBlock(block, highlights, article.links)
      .map((seg) => {
        let html = escapeHtml(article.text.slice(seg.start, seg.end)).replace(/\n/g, '<br>');
        for (const h of seg.highlights) {
          // A span the story sections link to carries its anchor on its first segment.
          const anchor = h.kind === 'ref' && seg.start === h.start ? ` id="${escapeHtml(h.id)}"` : '';
          html = `<mark class="hl-${h.kind}"${anchor} data-item="${escapeHtml(h.id)}" title="${escapeHtml(h.title)}">${html}</mark>`;
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

function renderArticle(entry: StoryArticle, index: number, refs: readonly Highlight[]): string {
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
${renderBlocks(entry, index, refs)}
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

// ---------- cross-outlet sections ----------

const DEFAULT_SHOWN_TEXT = 300;
const shown = (text: string): string => escapeHtml((text.length > DEFAULT_SHOWN_TEXT ? `${text.slice(0, DEFAULT_SHOWN_TEXT).replace(/\s+\S*$/, '')} …` : text).replace(/\s*\n\s*/g, ' '));
/** A span's words, linked to the span in the article text (highlighted there when followed). */
const linked = (r: SpanRef, quote = true): string => `<a href="#${escapeHtml(r.anchor)}" title="${escapeHtml(`${r.outlet}, paragraph ${r.paragraph}`)}">${quote ? '“' : ''}${shown(r.span.text)}${quote ? '”' : ''}</a>`;
const outletTag = (r: SpanRef): string => `<span class="muted">${escapeHtml(r.outlet)}</span>`;
const verdictTag = (verdict: string, text: string): string => `<span class="verdict verdict-${escapeHtml(verdict)}">${escapeHtml(text)}</span>`;

function section(id: string, title: string, intro: string, table: string): string {
  return `<section class="section" aria-labelledby="h-${id}">
<h2 id="h-${id}">${escapeHtml(title)}</h2>
${intro ? `<p class="muted">${escapeHtml(intro)}</p>\n` : ''}${table}
</section>`;
}

function table(head: readonly string[], rows: readonly string[]): string {
  return `<table>
<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

/** "In brief" and the outlets side by side. */
function renderOverview(view: StoryView): string {
  const brief = view.summary.length
    ? `<ul class="brief">${view.summary.map((r) => `<li>${linked(r, false)} ${outletTag(r)}</li>`).join('')}</ul>`
    : '';
  const rows = view.outlets.map((o) => {
    const most = o.quoted.slice(0, 3).map((q) => `${escapeHtml(q.who)} <span class="muted">(${q.words} words)</span>`).join(', ') || '—';
    return `<tr><td><a href="#h-a${o.article}"><strong>${escapeHtml(o.outlet)}</strong></a></td><td>${escapeHtml(o.published ?? '—')}</td><td>${escapeHtml(o.title ?? '—')}</td><td>${o.words}</td><td>${o.sharedFacts}</td><td>${o.onlyFacts}</td><td>${most}</td></tr>`;
  });
  return section('brief', 'In brief', 'The facts most outlets report, each in one outlet’s own words.', brief)
    + '\n' + section('side', 'The outlets side by side', '', table(['Outlet', 'Published', 'Title', 'Words', 'Facts shared', 'Only here', 'Quotes most'], rows));
}

function renderQuotes(view: StoryView): string {
  if (!view.quotes.length) return '';
  const rows = view.quotes.map((q) => {
    const side = (s: StoryView['quotes'][number]['sides'][number]): string => `<strong>${escapeHtml(s.who)}</strong> ${outletTag(s.ref)}<blockquote>${linked(s.ref)}</blockquote>`;
    const speakers = verdictTag(q.speakers, `${SPEAKER_VERDICT_LABEL[q.speakers]}${q.related ? ' (related by affiliation)' : ''}`);
    return `<tr id="${escapeHtml(q.id)}"><td>${escapeHtml(q.id)}</td><td>${verdictTag(q.verdict, q.description)}<br>${speakers}</td><td>${side(q.sides[0]!)}</td><td>${side(q.sides[1]!)}</td></tr>`;
  });
  return section('quotes', 'Aligned quotes', 'The same quotation in two outlets: how the words compare, and whom each outlet gives them to.', table(['#', 'Verdict', 'One outlet', 'The other'], rows));
}

function renderConflicts(view: StoryView): string {
  if (!view.conflicts.length) return '';
  const rows = view.conflicts.map((c) => {
    const side = (s: StoryView['conflicts'][number]['sides'][number]): string =>
      `<strong>${escapeHtml(s.who)}</strong> <span class="muted">${escapeHtml(s.outlet)}</span>${s.source ? `<br>${linked(s.source)} ${escapeHtml(s.cue ?? '')}` : ''}`;
    const verdict = verdictTag(c.verdict, `${c.verdict === 'ambiguous' ? 'ambiguous in one outlet' : 'different actors'}${c.related ? '; related by affiliation' : ''}`);
    return `<tr id="${escapeHtml(c.id)}"><td>${escapeHtml(c.id)}</td><td>${c.what ? linked(c.what) : '—'}</td><td>${side(c.sides[0]!)}</td><td>${side(c.sides[1]!)}</td><td>${verdict}</td></tr>`;
  });
  return section('conflicts', 'Who said it: attribution conflicts', 'The same words or statement given to different actors by different outlets.', table(['#', 'The words', 'One outlet gives them to', 'The other gives them to', 'Verdict'], rows));
}

function renderNumbers(view: StoryView): string {
  if (!view.numbers.length) return '';
  const rows = view.numbers.map((n) => {
    const side = (s: StoryView['numbers'][number]['sides'][number]): string => `${linked(s.ref, false)} ${escapeHtml(s.counted)} ${outletTag(s.ref)}<br><span class="muted">${escapeHtml(s.interval)}</span>`;
    return `<tr id="${escapeHtml(n.id)}"><td>${escapeHtml(n.id)}</td><td><ul class="told">${n.sides.map((x) => `<li>${side(x)}</li>`).join('')}</ul></td><td>${verdictTag(n.verdict, n.verdict)}</td></tr>`;
  });
  return section('numbers', 'Numbers', 'Quantities about the same thing in sentences reporting one fact, read with their hedges (“nearly 100” is 90–100).', table(['#', 'Each outlet’s figure', 'Verdict'], rows));
}

function renderClaims(view: StoryView): string {
  if (!view.claims.length) return '';
  const rows = view.claims.map((k) => {
    const who = `<strong>${escapeHtml(k.by)}</strong>${k.alsoBy.length ? `<br><span class="muted">also named: ${escapeHtml(k.alsoBy.join(', '))}</span>` : ''}`;
    const words = `<ul class="told">${k.mentions.map((parts) => `<li>${outletTag(parts[0]!)} ${parts.map((p) => linked(p)).join(' … ')}</li>`).join('')}</ul>`;
    return `<tr id="${escapeHtml(k.id)}"><td>${escapeHtml(k.id)}</td><td>${who}</td><td>${escapeHtml(CLAIM_TYPE_LABEL[k.type])}</td><td>${escapeHtml(k.against ?? '—')}</td><td>${escapeHtml(k.outlets.join(', '))}</td><td>${words}</td></tr>`;
  });
  return section('claims', 'Claims, denials and evidence', 'Who accuses whom, who denies or answers it, and what each side cites — in each outlet’s words.', table(['#', 'Who', 'Claim', 'Against', 'Reported by', 'In their words'], rows));
}

function renderOnlyIn(view: StoryView): string {
  const only = view.onlyIn.filter((o) => o.facts.length || o.entities.length || o.quotes.length);
  if (!only.length) return '';
  const rows = only.map((o) => {
    const facts = `<ul class="told">${o.facts.map((f) => `<li>${linked(f, false)}</li>`).join('')}</ul>`;
    const named = o.entities.map((e) => `<a href="#${escapeHtml(e.ref.anchor)}">${escapeHtml(e.name)}</a>`).join(', ') || '—';
    const quotes = o.quotes.map((q) => linked(q)).join('<br>') || '—';
    return `<tr><td><strong>${escapeHtml(o.outlet)}</strong></td><td>${facts}</td><td>${named}</td><td>${quotes}</td></tr>`;
  });
  return section('only', 'Reported by one outlet only', 'Sentences no other outlet reports; the people, organisations and places only one outlet names; the quotations only one prints.', table(['Outlet', 'Only here', 'Named only here', 'Quoted only here'], rows));
}

/** The story report as one self-contained HTML page: inline CSS, no scripts, no network. */
export function renderHtml(story: Story): string {
  const title = storyHeadline(story);
  const view = storyView(story);
  const refsOf = (article: number): Highlight[] => view.refs.filter((r) => r.article === article).map((r) => spanHighlight(r.span, 'ref', r.anchor, `${r.outlet}: referred to above`));
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
${renderOverview(view)}
${renderQuotes(view)}
${renderConflicts(view)}
${renderNumbers(view)}
${renderClaims(view)}
${renderOnlyIn(view)}
${renderEntities(story)}
${renderAttributions(story)}
${renderTimeline(story)}
<main class="outlets" style="--columns:${Math.max(1, Math.min(story.articles.length, 3))}">
${story.articles.map((a, i) => renderArticle(a, i, refsOf(i))).join('\n')}
</main>
</body>
</html>
`;
}
