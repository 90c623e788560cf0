/**
 * Parallax, the library. Each public export is named here; internals are not re-exported.
 */
export { extract, safeExtract, extractStream, ExtractError, createArticlePipeline } from './api/extract.js';
export type { ArticleInput, ExtractInput, ExtractOptions, ExtractOutcome, SafeExtractResult } from './api/extract.js';
export { analyze, type AnalyzeOptions } from './api/analyze.js';
export { buildStory, type StoryOptions } from './story/build-story.js';
export { renderHtml } from './report/html.js';
export { renderMarkdown } from './report/markdown.js';
export { readInputs, readManifest, InputError, DEFAULT_MAX_INPUT_BYTES } from './ingest/index.js';
export type { IngestOptions, IngestResult, Manifest, InputErrorCode } from './ingest/index.js';
export { createSegmenter } from './text/index.js';
export type { TextLayer, Sentence, Token } from './text/types.js';
export * as schemas from './model/schema.js';
export { SCHEMA_VERSION } from './model/schema.js';
export type {
  Article,
  Attribution,
  Block,
  BlockKind,
  DateMention,
  Entity,
  ExtractRecord,
  Link,
  Message,
  Span,
  Story,
} from './model/schema.js';
