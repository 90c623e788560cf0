/**
 * An http(s) input: fetched once, then read as a feed when its root element is rss/feed/rdf:RDF, else as one
 * HTML page whose URL is the address it was finally served from.
 */
import type { ArticleMeta } from './article.js';
import { gunzipLimited, isGzip } from './decode.js';
import { fromHttpBody, mediaType, type IngestResult } from './document.js';
import { InputError } from './errors.js';
import { readFeed, notAFeed, parseFeedBytes, sniffFeedFormat, sniffText, xmlRootName, type FeedItemResult, type FeedOptions } from './feed.js';
import { fetchUrl } from './fetch-url.js';
import { DEFAULT_MAX_INPUT_BYTES } from './limits.js';

/** `application/rss+xml`, `text/xml`, `application/atom+xml` — but XHTML is a page. */
const isXmlType = (type: string): boolean => type !== 'application/xhtml+xml' && (type.endsWith('/xml') || type.endsWith('+xml'));

/** Bodies read as pages: HTML, text, and servers that say nothing. */
const isPageType = (type: string): boolean => type === '' || type === 'text/html' || type === 'application/xhtml+xml' || type.startsWith('text/');

/** A feed read inside readInputs: the poller's item keys are not part of an ingest result. */
export async function* withoutKeys(results: AsyncIterable<FeedItemResult>): AsyncGenerator<IngestResult> {
  for await (const result of results) {
    yield result.ok ? { ok: true, input: result.input, article: result.article, messages: result.messages } : { ok: false, error: result.error };
  }
}

/**
 * `meta` is what the caller gives (the URL is always the fetched one); `options` limit the fetch, and apply to
 * the items when the URL is a feed.
 */
export async function* readUrl(input: string, meta: ArticleMeta, options: FeedOptions = {}): AsyncGenerator<IngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let bytes: Uint8Array;
  let fetched;
  try {
    fetched = await fetchUrl(input, input, { maxBytes, ...(options.fetchTimeoutMs !== undefined ? { timeoutMs: options.fetchTimeoutMs } : {}) });
    // A `.rss.gz` served as application/gzip (Content-Encoding gzip is already undone by fetch).
    bytes = isGzip(fetched.bytes) ? gunzipLimited(input, fetched.bytes, maxBytes) : fetched.bytes;
  } catch (error) {
    if (error instanceof InputError) yield { ok: false, error };
    else throw error;
    return;
  }
  const type = mediaType(fetched.contentType);
  if (sniffFeedFormat(bytes)) {
    let feed;
    try {
      feed = parseFeedBytes(input, bytes, fetched.contentType, fetched.url);
    } catch (error) {
      if (error instanceof InputError) yield { ok: false, error };
      else throw error;
      return;
    }
    yield* withoutKeys(readFeed(input, feed, options));
  } else if (isXmlType(type) && xmlRootName(sniffText(bytes))?.toLowerCase() !== 'html') {
    yield { ok: false, error: notAFeed(input, sniffText(bytes), fetched.contentType, 'unsupported') };
  } else if (isPageType(type) || isXmlType(type)) {
    yield fromHttpBody(input, bytes, fetched.contentType, { ...meta, url: fetched.url });
  } else {
    yield { ok: false, error: new InputError(input, 'unsupported', `not an HTML page or a feed (Content-Type ${type})`) };
  }
}
