/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds → one article per item, parsed with feedsmith. An item's full content
 * (content:encoded, atom:content) is read as HTML; an item with only a teaser has its linked page fetched.
 * See docs/ingest-sources.md.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { DetectError, MalformedError, parseFeed, type AnyFeed, type AtomFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import type { Message } from '../model/schema.js';
import type { ArticleMeta } from './article.js';
import { decodeHttpBody, gunzipLimited, isGzip } from './decode.js';
import { fromDocument, fromHttpBody, mediaType, type IngestResult } from './document.js';
import { InputError, describeFsError } from './errors.js';
import { fetchUrl, isHttpUrl } from './fetch-url.js';
import { DEFAULT_MAX_INPUT_BYTES, tooLargeReason } from './limits.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf';

/**
 * Below this many characters of text an item's content or summary is a teaser, not the article: a teaser is a
 * sentence or two, an article several paragraphs.
 */
export const DEFAULT_MIN_CONTENT_CHARS = 400;

/** Bytes looked at to find the root element: prologs (declaration, stylesheet, comments, doctype) are short. */
const ROOT_SNIFF_BYTES = 4096;

/** What may precede the root element: `<?xml …?>`, `<?xml-stylesheet …?>`, `<!-- … -->`, `<!DOCTYPE rss […]>`, spaces. */
const XML_PROLOG = /^(?:\uFEFF|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i;
/** The root element's name with its prefix: `<rss version="2.0">`, `<feed xmlns=…>`, `<rdf:RDF …>` */
const ROOT_ELEMENT = /^<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)/;

/** The root element's name as written (`rss`, `feed`, `rdf:RDF`, `urlset`), or null when none starts the document. */
export function xmlRootName(text: string): string | null {
  const head = text.slice(0, ROOT_SNIFF_BYTES);
  const root = ROOT_ELEMENT.exec(head.slice(XML_PROLOG.exec(head)![0].length));
  return root ? root[0].slice(1) : null;
}

/** The feed format a document's root element names (rss, feed, rdf:RDF), or null for anything else. */
export function feedFormatOf(text: string): FeedFormat | null {
  const name = xmlRootName(text)?.replace(/^[^:]*:/, '').toLowerCase();
  if (name === 'rss') return 'rss';
  if (name === 'feed') return 'atom';
  if (name === 'rdf') return 'rdf';
  return null;
}

/** The start of a document as text, before decoding (tag names are ASCII in every charset a feed is served in). */
export function sniffText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, ROOT_SNIFF_BYTES);
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  return utf16 ? new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head) : Buffer.from(head).toString('latin1');
}

export const sniffFeedFormat = (bytes: Uint8Array): FeedFormat | null => feedFormatOf(sniffText(bytes));

/** An item's body as the feed gives it. */
export interface FeedBody {
  text: string;
  html: boolean;
}

export interface FeedItem {
  /** 1-based position in the feed. */
  index: number;
  /** Stable across fetches of the feed: the guid or id, else the link, else title and date. */
  key: string;
  title: string | null;
  link: string | null;
  /** As the feed writes it (pubDate, published, updated or dc:date); normalised when the article is built. */
  published: string | null;
  byline: string | null;
  /** The full content: content:encoded or atom:content. */
  content: FeedBody | null;
  /** The description or atom:summary. */
  summary: FeedBody | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  items: FeedItem[];
}

const nonEmpty = (s: string | null | undefined): string | null => (typeof s === 'string' && s.trim() !== '' ? s.trim() : null);

/** `<p>Hello &amp; world</p>` → 13: tags and entities are not text the reader would see. */
function textLength(body: FeedBody | null): number {
  if (!body) return 0;
  const text = body.html
    ? body.text
        .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/gi, 'x')
    : body.text;
  return text.replace(/\s+/g, ' ').trim().length;
}

function resolveLink(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link, base ?? undefined).href;
  } catch {
    return link;
  }
}

const joinNames = (names: Array<string | null | undefined>): string | null => {
  const kept = [...new Set(names.map(nonEmpty).filter((n): n is string => n !== null))];
  return kept.length ? kept.join(', ') : null;
};

/** Atom text constructs say how they are encoded: `text` (the default), `html`, `xhtml`, or a media type. */
function atomBody(value: { value?: string; type?: string; src?: string } | undefined): FeedBody | null {
  const text = nonEmpty(value?.value);
  if (!text || value?.src) return null;
  const type = (value?.type ?? 'text').toLowerCase();
  if (type === 'text' || type === 'text/plain') return { text, html: false };
  if (type === 'html' || type === 'xhtml' || type.includes('html')) return { text, html: true };
  return null;
}

function itemKey(id: string | null, link: string | null, title: string | null, published: string | null, body: FeedBody | null): string {
  if (id) return id;
  if (link) return link;
  if (title || published) return `${title ?? ''}\u0000${published ?? ''}`;
  return `sha256:${createHash('sha256').update(body?.text ?? '').digest('hex').slice(0, 16)}`;
}

/** Dates are kept as the feed writes them (feedsmith's default). */
type Parsed = AnyFeed<string>;
type RssItem = RssFeed.Item<string>;
type AtomEntry = AtomFeed.Entry<string>;
type RdfItem = RdfFeed.Item<string>;

function fromRssItem(item: RssItem | RdfItem, index: number, base: string | null): FeedItem {
  const rss = item as RssItem;
  // A guid that is a permalink is the item's address when it has no <link>.
  const permalink = rss.guid?.isPermaLink !== false && /^https?:/i.test(rss.guid?.value ?? '') ? nonEmpty(rss.guid?.value) : null;
  const link = resolveLink(nonEmpty(item.link) ?? permalink, base);
  const title = nonEmpty(item.title);
  const published = nonEmpty(rss.pubDate) ?? nonEmpty(item.dc?.dates?.[0]) ?? nonEmpty(item.atom?.published) ?? nonEmpty(item.atom?.updated);
  const content = nonEmpty(item.content?.encoded);
  const summary = nonEmpty(item.description);
  const body = content ? { text: content, html: true } : null;
  const id = nonEmpty(rss.guid?.value) ?? nonEmpty((item as RdfItem).rdf?.about);
  return {
    index,
    key: itemKey(id, link, title, published, body),
    title,
    link,
    published,
    byline: joinNames(item.dc?.creators ?? rss.authors?.map((a) => a.name ?? a.email) ?? item.atom?.authors?.map((a) => a.name ?? null) ?? []),
    content: body,
    summary: summary ? { text: summary, html: true } : null,
  };
}

function fromAtomEntry(entry: AtomEntry, index: number, base: string | null): FeedItem {
  const links = entry.links ?? [];
  const alternate = links.find((l) => (l.rel ?? 'alternate') === 'alternate' && (!l.type || l.type.includes('html'))) ?? links.find((l) => (l.rel ?? 'alternate') === 'alternate');
  const link = resolveLink(nonEmpty(alternate?.href), base);
  const title = nonEmpty(entry.title?.value);
  const published = nonEmpty(entry.published) ?? nonEmpty(entry.updated) ?? nonEmpty(entry.dc?.dates?.[0]);
  const content = atomBody(entry.content);
  return {
    index,
    key: itemKey(nonEmpty(entry.id), link, title, published, content),
    title: title && entry.title?.type && entry.title.type !== 'text' ? title.replace(/<[^>]*>/g, '') : title,
    link,
    published,
    byline: joinNames(entry.authors?.map((a) => a.name) ?? entry.dc?.creators ?? []),
    content,
    summary: atomBody(entry.summary),
  };
}

/** One line from a parser's message. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Parses feed XML; a feed that cannot be read is one InputError (`bad-feed`) for the whole input. */
export function parseFeedText(input: string, text: string, baseUrl: string | null = null): ParsedFeed {
  let parsed: Parsed;
  try {
    parsed = parseFeed<string>(text);
  } catch (error) {
    if (error instanceof DetectError) throw new InputError(input, 'bad-feed', 'not an RSS, Atom or RDF feed');
    const cause = error instanceof MalformedError && error.cause instanceof Error ? error.cause.message : (error as Error).message;
    throw new InputError(input, 'bad-feed', `malformed feed XML (${oneLine(cause)})`);
  }
  switch (parsed.format) {
    case 'rss':
    case 'rdf': {
      const base = baseUrl ?? nonEmpty(parsed.feed.link);
      const items = (parsed.feed.items ?? []) as Array<RssItem | RdfItem>;
      return { format: parsed.format, title: nonEmpty(parsed.feed.title), link: nonEmpty(parsed.feed.link), items: items.map((item, i) => fromRssItem(item, i + 1, base)) };
    }
    case 'atom': {
      const feedLink = nonEmpty(parsed.feed.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href);
      const base = baseUrl ?? feedLink;
      return { format: 'atom', title: nonEmpty(parsed.feed.title?.value), link: feedLink, items: (parsed.feed.entries ?? []).map((e, i) => fromAtomEntry(e, i + 1, base)) };
    }
    default:
      throw new InputError(input, 'bad-feed', `not an RSS, Atom or RDF feed (${parsed.format} feed)`);
  }
}

export interface FeedOptions {
  /** The outlet; the feed's title when not given. */
  source?: string | null;
  /** For items that carry no date. */
  published?: string | null;
  /** Largest feed, and largest linked page, in bytes. */
  maxBytes?: number;
  fetchTimeoutMs?: number;
  /** Fetch an item's linked page when the feed carries only a teaser (default true). */
  followLinks?: boolean;
  /** See DEFAULT_MIN_CONTENT_CHARS. */
  minContentChars?: number;
  /** Items already read (by FeedItem.key): skipped before any page is fetched, so a poller costs nothing per old item. */
  seen?: ReadonlySet<string> | ((key: string) => boolean);
  /** Items read at once (their linked pages fetched in parallel; results still in feed order). Default DEFAULT_FEED_CONCURRENCY. */
  concurrency?: number;
}

/** Linked pages fetched at once per feed: a feed of teasers costs about a quarter of the round trips' time, as politely as a browser (which opens six per host). */
export const DEFAULT_FEED_CONCURRENCY = 4;

/** One item's article or failure, with the item's key; `key` is null when the whole feed failed. */
export type FeedItemResult = IngestResult & { key: string | null };

const isSeen = (seen: FeedOptions['seen'], key: string): boolean => (typeof seen === 'function' ? seen(key) : (seen?.has(key) ?? false));

async function readItem(input: string, item: FeedItem, feed: ParsedFeed, options: FeedOptions): Promise<IngestResult> {
  const name = `${input}#${item.index}`;
  const meta: ArticleMeta = {
    source: options.source ?? feed.title,
    url: item.link,
    title: item.title,
    byline: item.byline,
    published: item.published ?? options.published ?? null,
  };
  const minChars = options.minContentChars ?? DEFAULT_MIN_CONTENT_CHARS;
  if (item.content && textLength(item.content) >= minChars) return fromDocument(name, item.content.text, item.content.html, meta, []);
  const teaser = [item.content, item.summary].filter((b): b is FeedBody => textLength(b) > 0).sort((a, b) => textLength(b) - textLength(a))[0];
  let pageFailure: InputError | null = null;
  if (item.link && (options.followLinks ?? true)) {
    try {
      const page = await fetchUrl(name, item.link, { maxBytes: options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES, ...(options.fetchTimeoutMs !== undefined ? { timeoutMs: options.fetchTimeoutMs } : {}) });
      const read = fromHttpBody(name, page.bytes, page.contentType, { ...meta, url: page.url });
      if (read.ok) return read;
      pageFailure = read.error;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      pageFailure = error;
    }
  }
  if (!teaser) {
    return { ok: false, error: pageFailure ?? new InputError(name, 'no-article-body', 'feed item has no content, summary or link') };
  }
  const messages: Message[] = pageFailure
    ? [{ code: 'feed-summary-only', severity: 'warning', reason: `only the feed's summary was read: the linked page failed (${pageFailure.reason})`, rule: 'feed/summary-fallback' }]
    : [];
  return fromDocument(name, teaser.text, teaser.html, meta, messages);
}

/** The articles of a parsed feed, named `INPUT#N` by item position. */
export async function* readFeed(input: string, feed: ParsedFeed, options: FeedOptions = {}): AsyncGenerator<FeedItemResult> {
  if (feed.items.length === 0) {
    yield { ok: false, error: new InputError(input, 'no-articles', 'feed has no items'), key: null };
    return;
  }
  const ahead = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_FEED_CONCURRENCY));
  const reading: Array<{ item: FeedItem; result: Promise<IngestResult> }> = [];
  let next = 0;
  const fill = (): void => {
    while (reading.length < ahead && next < feed.items.length) {
      const item = feed.items[next++]!;
      if (isSeen(options.seen, item.key)) continue;
      const result = readItem(input, item, feed, options);
      // Awaited in order below; until then a failure must not count as unhandled.
      result.catch(() => undefined);
      reading.push({ item, result });
    }
  };
  fill();
  while (reading.length > 0) {
    const { item, result } = reading.shift()!;
    const read = await result;
    fill();
    // Seen while its page was fetched (the caller stored the same item from earlier in the feed): as if read in turn.
    if (isSeen(options.seen, item.key)) continue;
    yield { ...read, key: item.key };
  }
}

/** What a document that should be a feed is instead: its root element, else its Content-Type. */
export function notAFeed(input: string, text: string, contentType: string | null, code: 'bad-feed' | 'unsupported' = 'bad-feed'): InputError {
  const root = xmlRootName(text);
  const served = mediaType(contentType);
  const what = root ? `root element <${root}>` : served ? `Content-Type ${served}` : 'no XML root element';
  return new InputError(input, code, `not an RSS, Atom or RDF feed (${what})`);
}

/** Feed bytes (a file's or a response's) to a parsed feed; `contentType` supplies the charset when served. */
export function parseFeedBytes(input: string, bytes: Uint8Array, contentType: string | null, baseUrl: string | null = null): ParsedFeed {
  const { text } = decodeHttpBody(input, bytes, contentType, { xml: true });
  if (!feedFormatOf(text)) throw notAFeed(input, text, contentType);
  return parseFeedText(input, text, baseUrl);
}

async function loadFeed(source: string, maxBytes: number, options: FeedOptions): Promise<ParsedFeed> {
  if (isHttpUrl(source)) {
    const fetched = await fetchUrl(source, source, { maxBytes, ...(options.fetchTimeoutMs !== undefined ? { timeoutMs: options.fetchTimeoutMs } : {}) });
    return parseFeedBytes(source, fetched.bytes, fetched.contentType, fetched.url);
  }
  let raw: Uint8Array;
  try {
    const size = statSync(source).size;
    if (size > maxBytes) throw new InputError(source, 'too-large', tooLargeReason(`file (${size} bytes)`, maxBytes));
    raw = await readFile(source);
  } catch (error) {
    throw error instanceof InputError ? error : describeFsError(source, error);
  }
  return parseFeedBytes(source, isGzip(raw) ? gunzipLimited(source, raw, maxBytes) : raw, null);
}

/**
 * Reads a feed (an http(s) URL or a file) item by item, for a poller: each result carries the item's key, and
 * items `options.seen` knows are skipped. A feed that cannot be fetched or parsed is one result with key null.
 *
 * ```ts
 * const seen = new Set<string>();
 * for await (const r of readFeedItems(url, { seen })) if (r.key) seen.add(r.key);
 * ```
 */
export async function* readFeedItems(source: string, options: FeedOptions = {}): AsyncGenerator<FeedItemResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let feed: ParsedFeed;
  try {
    feed = await loadFeed(source, maxBytes, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    yield { ok: false, error, key: null };
    return;
  }
  yield* readFeed(source, feed, options);
}
