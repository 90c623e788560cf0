import type { Block, Link, Message } from '../model/schema.js';

/** Where a metadata value came from, so users can judge it (e.g. `json-ld:datePublished`). */
export interface Sourced<T> {
  value: T;
  from: string;
}

/** What a reader of one document format (plain text, HTML) makes of it, before an Article id is assigned. */
export interface DocumentParts {
  text: string;
  blocks: Block[];
  links: Link[];
  title: Sourced<string> | null;
  byline: Sourced<string> | null;
  /** ISO 8601 date or date-time. */
  published: Sourced<string> | null;
  publisher: Sourced<string> | null;
  url: Sourced<string> | null;
  language: Sourced<string> | null;
  messages: Message[];
}
