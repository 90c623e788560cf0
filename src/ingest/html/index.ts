/**
 * HTML → DocumentParts. Whole pages go through Readability, fragments are walked as they are;
 * see docs/ingest-html.md for the rules.
 */
import type { Block, Message } from '../../model/schema.js';
import type { DocumentParts } from '../types.js';
import { extractArticleBody } from './body.js';
import { isWholePage } from './detect.js';
import { type DomNode, parseDocument, parseFragment } from './dom.js';
import { bylineNames, bylineNearTitle, bylineText, cleanByline, readMetadata, timeInArticle } from './metadata.js';
import { DEFAULT_MAX_NESTING_DEPTH, limitNestingDepth } from './nesting.js';
import { walkToText } from './walk.js';
import { DEFAULT_MIN_ARTICLE_WORDS, pageKindSignals } from './page-kind.js';

export { isWholePage, looksLikeHtml } from './detect.js';

export interface ReadHtmlOptions {
  /** The page's URL when known: resolves relative links and is the fallback article URL. */
  url?: string;
  /** See DEFAULT_MAX_NESTING_DEPTH. */
  maxNestingDepth?: number;
}

/** Words in the paragraph blocks. */
const proseWords = (built: { text: string; blocks: Block[] }): number =>
  built.blocks.filter((b) => b.kind === 'paragraph').reduce((n, b) => n + built.text.slice(b.start, b.end).split(/\s+/).filter(Boolean).length, 0);

const comparable = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * `html/title-repeat`: the headline (the page's title) or the page's own address, repeated as a block before the
 * article's first paragraph, is the page's furniture: the title is metadata, not a sentence of the body.
 */
function markTitleRepeat(built: { text: string; blocks: Block[] }, title: string | null, url: string | null): void {
  const wanted = new Set([title, url].filter((x): x is string => !!x).map(comparable));
  if (!wanted.size) return;
  for (const b of built.blocks) {
    if (b.kind === 'paragraph' && b.end - b.start > DEFAULT_TITLE_REPEAT_MAX_LENGTH) break;
    if ((b.kind === 'heading' || b.kind === 'paragraph') && wanted.has(comparable(built.text.slice(b.start, b.end)))) {
      b.kind = 'boilerplate';
      b.rule = 'html/title-repeat';
    }
  }
}

/** Longest block (characters) looked at for a repeated title; the first longer paragraph ends the search. */
const DEFAULT_TITLE_REPEAT_MAX_LENGTH = 300;

function emptyParts(messages: Message[]): DocumentParts {
  return { text: '', blocks: [], links: [], title: null, byline: null, published: null, publisher: null, url: null, language: null, messages };
}

/** Read an HTML fragment or whole page. Never throws on a string; problems are messages. */
export function readHtml(html: string, options: ReadHtmlOptions = {}): DocumentParts {
  if (typeof html !== 'string') throw new TypeError(`readHtml(html): expected a string, got ${html === null ? 'null' : typeof html}`);
  try {
    return readHtmlOrThrow(html, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return emptyParts([{ code: 'html-unreadable', severity: 'error', reason: `could not read the HTML: ${reason}`, rule: 'html/read' }]);
  }
}

function readHtmlOrThrow(html: string, options: ReadHtmlOptions): DocumentParts {
  const messages: Message[] = [];
  const maxDepth = options.maxNestingDepth ?? DEFAULT_MAX_NESTING_DEPTH;
  const nesting = limitNestingDepth(html, maxDepth);
  if (nesting.dropped > 0) {
    messages.push({
      code: 'html-nesting-limited',
      severity: 'warning',
      reason: `dropped ${nesting.dropped} tags nested deeper than ${maxDepth} (depth ${nesting.depth} > ${maxDepth})`,
      rule: 'html/nesting',
    });
  }
  const whole = isWholePage(html);
  const doc = whole ? parseDocument(nesting.html) : parseFragment(nesting.html);
  const meta = readMetadata(doc, { ...(options.url !== undefined ? { url: options.url } : {}), ...(whole ? { html: nesting.html } : {}) });
  // Read before Readability, which removes bylines from the page it is given.
  const pageByline = whole && !meta.byline ? bylineText(doc) : null;
  messages.push(...meta.messages);

  const kind = whole ? pageKindSignals(doc) : { video: null, gallery: null };
  let root: DomNode | null;
  let readabilityByline: string | null = null;
  if (whole) {
    const body = extractArticleBody(doc);
    root = body.root;
    readabilityByline = body.byline;
    messages.push(...body.messages);
  } else {
    root = doc.body;
  }

  const built = root
    ? walkToText(root, { baseUrl: meta.baseUrl, splitOnBlankLines: !whole, markupSignals: whole })
    : { text: '', blocks: [], links: [] };
  if (whole) markTitleRepeat(built, meta.title?.value ?? null, meta.url?.value ?? options.url ?? null);
  if (whole && root && built.text === '') {
    messages.push({ code: 'no-article-body', severity: 'error', reason: 'the article body has no text', rule: 'html/readability' });
  } else if (whole && (kind.video || kind.gallery) && proseWords(built) < DEFAULT_MIN_ARTICLE_WORDS) {
    // A video or a gallery with a caption is not an article: say what it is rather than return the caption.
    const what = kind.video ? `mostly a video (${kind.video})` : `mostly a photo gallery (${kind.gallery})`;
    messages.push({ code: kind.video ? 'video-page' : 'gallery-page', severity: 'error', reason: `the page is ${what}, with ${proseWords(built)} words of text`, rule: 'html/page-kind' });
  } else if (whole && root && !built.blocks.some((b) => b.kind === 'paragraph')) {
    // Readability returns its best candidate even for a home page or a menu; with no prose block at all it is not an article.
    const kinds = [...new Set(built.blocks.map((b) => b.kind))].join(', ');
    messages.push({ code: 'no-article-body', severity: 'error', reason: `no article body in the page (only ${kinds} text)`, rule: 'html/no-paragraph' });
  }

  const byline = meta.byline ?? cleanByline(readabilityByline, 'readability:byline') ?? pageByline
    ?? (whole && meta.title ? bylineNearTitle(nesting.html, meta.title.value) : null);
  return {
    text: built.text,
    blocks: built.blocks,
    links: built.links,
    title: meta.title,
    byline,
    published: meta.published ?? timeInArticle(root && 'getAttribute' in root ? (root as never) : null),
    publisher: meta.publisher,
    url: meta.url,
    language: meta.language,
    modified: meta.modified,
    section: meta.section,
    authors: meta.authors?.length ? meta.authors : byline ? bylineNames(byline.value, meta.publisher?.value) : [],
    messages,
  };
}
