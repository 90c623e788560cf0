import type { Block, Link, Message } from '../model/schema.js';

/** Where a metadata value came from, so users can judge it (e.g. `json-ld:datePublished`). */
export interface Sourced<T> {
  value: T;
  from: string;
  /** How far to trust it, 0–1: by its source (metadata-confidence.ts). */
  confidence: number;
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
  /** Last modification (ISO 8601), the site's section, and the byline's names one by one (pages only). */
  modified?: Sourced<string> | null;
  section?: Sourced<string> | null;
  authors?: string[];
  messages: Message[];
}
