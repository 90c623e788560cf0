import { createHash } from 'node:crypto';
import type { Article, ArticleMetadata, Message } from '../model/schema.js';
import type { DocumentParts, Sourced } from './types.js';
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

type SourcedField = 'title' | 'byline' | 'published' | 'modified' | 'publisher' | 'url' | 'language' | 'section';

/**
 * Each metadata value with its source and confidence: what the caller gave (manifest, record, flags) is `given`;
 * what the page says keeps its own source. Null when nothing is known beyond the text (plain text with no title).
 */
function articleMetadata(parts: DocumentParts, meta: ArticleMeta, article: Article): ArticleMetadata | null {
  const out: ArticleMetadata = {};
  const given = (value: string | null | undefined): Sourced<string> | null => (value != null ? { value, from: 'given', confidence: 1 } : null);
  const fields: Record<SourcedField, Sourced<string> | null | undefined> = {
    title: given(meta.title) ?? parts.title,
    byline: given(meta.byline) ?? parts.byline,
    published: article.published !== null ? (given(meta.published) ? { value: article.published, from: 'given', confidence: 1 } : parts.published ? { ...parts.published, value: article.published } : null) : null,
    modified: parts.modified,
    publisher: given(meta.source) ?? parts.publisher,
    url: given(meta.url) ?? parts.url,
    language: parts.language,
    section: parts.section,
  };
  for (const [key, value] of Object.entries(fields) as Array<[SourcedField, Sourced<string> | null | undefined]>) {
    if (value) out[key] = { value: value.value, from: value.from, confidence: value.confidence };
  }
  if (parts.authors?.length && !meta.byline) out.authors = parts.authors;
  return Object.keys(out).length ? out : null;
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
  const metadata = articleMetadata(parts, meta, article);
  if (metadata) article.metadata = metadata;
  return { article, messages };
}
