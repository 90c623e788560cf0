/**
 * One article through the stages: text layer, extractors, resolution. A module of its own so that a process that
 * is handed articles (the queue worker) does not load the readers of files, pages, feeds and archives.
 */
import { createExtractor, type ExtractorOptions } from '../extract/index.js';
import { SCHEMA_VERSION, type Article, type ExtractRecord, type Message } from '../model/schema.js';
import { createResolver } from '../resolve/index.js';
import { createSegmenter } from '../text/index.js';
import type { TextLayer } from '../text/types.js';

/** Builds the per-article pipeline once (text layer, then extractors) and returns it. */
export function createArticlePipeline(options: ExtractorOptions = {}) {
  const segment = createSegmenter();
  const extractItems = createExtractor(options);
  const resolve = createResolver();
  return (input: string, article: Article, ingestMessages: Message[]): { record: ExtractRecord; layer: TextLayer } => {
    const layer = segment(article);
    const found = extractItems(article, layer);
    const resolved = resolve(article, found);
    const messages = [...ingestMessages, ...found.messages];
    const record: ExtractRecord = {
      schema: SCHEMA_VERSION,
      input,
      article,
      entities: resolved.entities,
      attributions: resolved.attributions,
      dates: resolved.dates,
      ...(messages.length ? { messages } : {}),
    };
    return { record, layer };
  };
}
