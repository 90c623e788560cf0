import { createHash } from 'node:crypto';
import type { Article, Message } from '../model/schema.js';
import type { DocumentParts } from './types.js';
import { normalizePublished } from './published.js';

/** Metadata given from outside the document (record fields, manifest, flags); wins over what the page says. */
export interface ArticleMeta {
  id?: string | null;
  source?: string | null;
  url?: string | null;
  title?: string | null;
  byline?: string | null;
  published?: string | null;
}

function shortHash(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex').slice(0, 16);
}

/** Stable id: the hash of source and URL when the URL is known (so re-fetches match), else of the text. */
export function articleId(source: string | null, url: string | null, text: string): string {
  return url ? shortHash(source ?? '', url) : shortHash(text);
}

export function buildArticle(parts: DocumentParts, meta: ArticleMeta): { article: Article; messages: Message[] } {
  const messages = [...parts.messages];
  const source = meta.source ?? parts.publisher?.value ?? null;
  const url = meta.url ?? parts.url?.value ?? null;
  let published: string | null = null;
  const rawPublished = meta.published ?? parts.published?.value ?? null;
  if (rawPublished != null) {
    published = normalizePublished(rawPublished);
    if (published === null) {
      messages.push({ code: 'bad-date', severity: 'warning', reason: `publication date not understood: ${JSON.stringify(rawPublished)}` });
    }
  }
  const article: Article = {
    id: meta.id ?? articleId(source, url, parts.text),
    source,
    url,
    title: meta.title ?? parts.title?.value ?? null,
    byline: meta.byline ?? parts.byline?.value ?? null,
    published,
    text: parts.text,
    blocks: parts.blocks,
    links: parts.links,
    language: parts.language?.value ?? null,
  };
  return { article, messages };
}
