/**
 * The article body of a whole page: @mozilla/readability on the linkedom document, returning the
 * content element itself (a serializer that keeps the node), so no second parse is needed.
 */
import { Readability } from '@mozilla/readability';
import type { Message } from '../../model/schema.js';
import type { DomDocument, DomElement } from './dom.js';

export interface ArticleBody {
  /** The element holding the article content, or null when Readability found none. */
  root: DomElement | null;
  /** Readability's byline, a fallback for the metadata's. */
  byline: string | null;
  messages: Message[];
}

/** Run Readability on `doc` (which it modifies). Never throws: a failure is an error message. */
export function extractArticleBody(doc: DomDocument): ArticleBody {
  try {
    const reader = new Readability<DomElement>(doc as never, {
      serializer: (node) => node as unknown as DomElement,
      // Class names say which blocks are site furniture (furniture.ts); Readability would strip them.
      keepClasses: true,
    });
    const article = reader.parse();
    const root = article?.content ?? null;
    if (!root) {
      return {
        root: null,
        byline: null,
        messages: [{ code: 'no-article-body', severity: 'error', reason: 'Readability found no article body in the page', rule: 'html/readability' }],
      };
    }
    return { root, byline: article?.byline ?? null, messages: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      root: null,
      byline: null,
      messages: [{ code: 'no-article-body', severity: 'error', reason: `Readability failed: ${reason}`, rule: 'html/readability' }],
    };
  }
}
