/**
 * One decoded document → one result. Shared by every kind of input (files, records, feeds, URLs, WARC records)
 * so that a page read from a WARC fails or succeeds exactly as the same page saved to disk would.
 */
import type { Article, Message } from '../model/schema.js';
import { buildArticle, type ArticleMeta } from './article.js';
import { decodeHttpBody } from './decode.js';
import { InputError, type InputErrorCode } from './errors.js';
import { looksLikeHtml, readHtml } from './html/index.js';
import { readPlainText } from './plain-text.js';

export type IngestResult =
  | { ok: true; input: string; article: Article; messages: Message[] }
  | { ok: false; error: InputError };

/** Page kinds that are not articles; the page fails with what it is. */
const NOT_AN_ARTICLE = new Set(['no-article-body', 'video-page', 'gallery-page']);

export function fromDocument(input: string, text: string, html: boolean, meta: ArticleMeta, decodeMessages: Message[]): IngestResult {
  if (text.trim() === '') return { ok: false, error: new InputError(input, 'empty', 'empty file (no text)') };
  const parts = html ? readHtml(text, { url: meta.url ?? undefined }) : readPlainText(text);
  const noBody = parts.messages.find((m) => m.severity === 'error' && NOT_AN_ARTICLE.has(m.code));
  if (noBody || parts.text.trim() === '') {
    return { ok: false, error: new InputError(input, (noBody?.code ?? 'no-article-body') as InputErrorCode, noBody?.reason ?? 'no article text found in the page') };
  }
  const { article, messages } = buildArticle(parts, meta);
  return { ok: true, input, article, messages: [...decodeMessages, ...messages] };
}

/** `text/html; charset=utf-8` → `text/html` */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * An HTTP body (fetched, or the payload of a WARC response) read as a page. The charset comes from the
 * Content-Type header, else the page, else detection; `text/plain` is read as text unless it holds markup.
 */
export function fromHttpBody(input: string, bytes: Uint8Array, contentType: string | null, meta: ArticleMeta): IngestResult {
  try {
    const decoded = decodeHttpBody(input, bytes, contentType);
    const html = mediaType(contentType) !== 'text/plain' || looksLikeHtml(decoded.text);
    return fromDocument(input, decoded.text, html, meta, decoded.messages);
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error };
    throw error;
  }
}
