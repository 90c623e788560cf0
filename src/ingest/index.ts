export { readInputs, readArticleRecord, readDocument, type DocumentKind, type DocumentOptions, type IngestOptions, type IngestResult } from './read-inputs.js';
export { readManifest, type Manifest, type ManifestEntry } from './manifest.js';
export { InputError, type InputErrorCode } from './errors.js';
export { DEFAULT_MAX_INPUT_BYTES, maxBytesFromEnv } from './limits.js';
export { buildArticle, articleId, type ArticleMeta } from './article.js';
export { normalizePublished } from './published.js';
export type { DocumentParts, Sourced } from './types.js';
