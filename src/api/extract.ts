import type { ExtractorOptions } from '../extract/index.js';
import { InputError, readArticleRecord, readInputs, type IngestOptions, type IngestResult } from '../ingest/index.js';
import type { ExtractRecord } from '../model/schema.js';
import type { TextLayer } from '../text/types.js';
import { createArticlePipeline } from './article-pipeline.js';

export { createArticlePipeline };

/** An article given as data rather than a path: the same fields as a JSON input record. */
export interface ArticleInput {
  text?: string;
  html?: string;
  source?: string | null;
  url?: string | null;
  title?: string | null;
  byline?: string | null;
  published?: string | null;
  id?: string | number | null;
}

/** Paths (files, folders, `-`) or article objects. */
export type ExtractInput = string | ArticleInput | ReadonlyArray<string | ArticleInput>;

export interface ExtractOptions extends IngestOptions, ExtractorOptions {}

/** A record, with the text layer it was extracted from (not part of the contract); or a failed input. */
export type ExtractOutcome = { ok: true; record: ExtractRecord; layer: TextLayer } | { ok: false; error: InputError };

async function* ingestAll(input: ExtractInput, options: IngestOptions): AsyncGenerator<IngestResult> {
  const items = typeof input === 'string' || !Array.isArray(input) ? [input as string | ArticleInput] : input;
  let paths: string[] = [];
  let objectIndex = 0;
  for (const item of items) {
    if (typeof item === 'string') {
      paths.push(item);
      continue;
    }
    if (paths.length) yield* readInputs(paths, options);
    paths = [];
    objectIndex++;
    const name = item.id != null ? String(item.id) : `article#${objectIndex}`;
    yield readArticleRecord(name, item, { source: options.source, published: options.published, url: options.url });
  }
  if (paths.length || (items.length === 0 && options.manifest)) yield* readInputs(paths, options);
}

/** Streams one outcome per article or failed input, in input order. */
export async function* extractStream(input: ExtractInput, options: ExtractOptions = {}): AsyncGenerator<ExtractOutcome> {
  const pipeline = createArticlePipeline(options);
  for await (const result of ingestAll(input, options)) {
    if (!result.ok) yield result;
    else yield { ok: true, ...pipeline(result.input, result.article, result.messages) };
  }
}

export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  constructor(readonly issues: InputError[]) {
    super(issues.map((e) => e.message).join('\n'));
  }
}

export type SafeExtractResult =
  | { ok: true; value: ExtractRecord[] }
  | { ok: false; value: ExtractRecord[]; issues: InputError[] };

/** Extracts every article of the input; failures are returned as issues beside the records that did work. */
export async function safeExtract(input: ExtractInput, options: ExtractOptions = {}): Promise<SafeExtractResult> {
  const value: ExtractRecord[] = [];
  const issues: InputError[] = [];
  for await (const outcome of extractStream(input, options)) {
    if (outcome.ok) value.push(outcome.record);
    else issues.push(outcome.error);
  }
  return issues.length ? { ok: false, value, issues } : { ok: true, value };
}

/** Extracts every article of the input; throws an ExtractError naming each input that failed. */
export async function extract(input: ExtractInput, options: ExtractOptions = {}): Promise<ExtractRecord[]> {
  const result = await safeExtract(input, options);
  if (!result.ok) throw new ExtractError(result.issues);
  return result.value;
}
