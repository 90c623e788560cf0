import { createReadStream, readdirSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { ArticleMeta } from './article.js';
import { decodeText, gunzipLimited, isGzip } from './decode.js';
import { fromDocument, type IngestResult } from './document.js';
import { InputError, describeFsError } from './errors.js';
import { notAFeed, parseFeedBytes, readFeed, sniffFeedFormat, sniffText, type FeedOptions } from './feed.js';
import { isHttpUrl } from './fetch-url.js';
import { looksLikeHtml } from './html/index.js';
import { DEFAULT_MAX_INPUT_BYTES, tooLargeReason } from './limits.js';
import { readManifest, type Manifest } from './manifest.js';
import { readUrl, withoutKeys } from './read-url.js';
import { ArticleRecord, recordProblem } from './records.js';
import { readWarc } from './warc.js';

export type { IngestResult } from './document.js';

export interface IngestOptions {
  /** Applied to every input unless a record or the manifest says otherwise. */
  source?: string;
  published?: string;
  url?: string;
  manifest?: Manifest;
  /** Largest document read whole, in bytes. */
  maxBytes?: number;
  /** Where `-` reads from; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** For http(s) inputs and the pages feed items link to; see DEFAULT_FETCH_TIMEOUT_MS. */
  fetchTimeoutMs?: number;
  /** Fetch a feed item's page when the feed carries only a teaser (default true). */
  followFeedLinks?: boolean;
}

/** Kinds of document read whole from memory (readDocument). */
export type DocumentKind = 'text' | 'html' | 'json' | 'jsonl';

/** Kinds of file, decided by extension (`.gz` looked through): documents, feeds, XML that may be a feed, WARC. */
export type FileKind = DocumentKind | 'feed' | 'xml' | 'warc';

const KIND_BY_EXTENSION: Record<string, FileKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.rdf': 'feed',
  // Sitemaps and other XML are common beside feeds: .xml is sniffed, not assumed.
  '.xml': 'xml',
  '.warc': 'warc',
};

/** For the message of a folder with nothing to read. */
const READ_EXTENSIONS = `${Object.keys(KIND_BY_EXTENSION).join(', ')}, optionally .gz`;

/** A manifest inside a folder describes the folder; it is not itself an article. */
const MANIFEST_NAME = 'manifest.json';

function kindOf(path: string): FileKind | null {
  const lower = path.toLowerCase();
  const inner = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  return KIND_BY_EXTENSION[extname(inner)] ?? null;
}

/** The files a folder holds that Parallax reads, recursively, sorted by path. */
function listFolder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let stats: Stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile() && kindOf(name) && name !== MANIFEST_NAME) out.push(path);
    }
  };
  walk(folder);
  return out.sort();
}

interface FileTask {
  input: string;
  path: string;
  kind: FileKind | null;
  /** Found by walking a folder rather than named by the user: non-article JSON is skipped, not an error. */
  fromFolder: boolean;
  folderManifest?: Manifest;
}

interface UrlTask {
  url: string;
}

function metaFor(task: { path: string; folderManifest?: Manifest }, options: IngestOptions): ArticleMeta {
  const key = isHttpUrl(task.path) ? task.path : resolve(task.path);
  const entry = (task.folderManifest ?? options.manifest)?.byPath.get(key);
  return {
    source: entry?.source ?? options.source ?? null,
    published: entry?.published ?? options.published ?? null,
    url: entry?.url ?? options.url ?? null,
    title: entry?.title ?? null,
  };
}

async function readWhole(task: FileTask, stats: Stats, maxBytes: number): Promise<Uint8Array> {
  if (stats.size > maxBytes) throw new InputError(task.input, 'too-large', tooLargeReason(`file (${stats.size} bytes)`, maxBytes));
  let handle;
  try {
    handle = await open(task.path, 'r');
    return await handle.readFile();
  } catch (error) {
    throw describeFsError(task.input, error);
  } finally {
    await handle?.close();
  }
}

export function readArticleRecord(input: string, value: unknown, meta: ArticleMeta): IngestResult {
  const problem = recordProblem(value);
  if (problem) return { ok: false, error: new InputError(input, 'bad-record', problem) };
  const record = ArticleRecord.parse(value);
  const recordMeta: ArticleMeta = {
    id: record.id != null ? String(record.id) : null,
    source: record.source ?? meta.source,
    url: record.url ?? meta.url,
    title: record.title ?? meta.title,
    byline: record.byline ?? null,
    published: record.published ?? meta.published,
  };
  // A record's `text` is text as given (offsets index it), even when it quotes markup; `html` is HTML.
  const html = typeof record.text !== 'string' || (typeof record.html === 'string' && record.text.trim() === '');
  const body = html ? record.html! : record.text!;
  return fromDocument(input, body, html, recordMeta, []);
}

async function* readJsonLines(task: FileTask, meta: ArticleMeta, maxBytes: number): AsyncGenerator<IngestResult> {
  let stream: NodeJS.ReadableStream;
  try {
    const file = createReadStream(task.path);
    await new Promise<void>((ok, fail) => file.once('open', () => ok()).once('error', fail));
    stream = task.path.toLowerCase().endsWith('.gz') ? file.pipe(createGunzip()) : file;
  } catch (error) {
    yield { ok: false, error: describeFsError(task.input, error) };
    return;
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  let records = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      const input = `${task.input}#${lineNumber}`;
      records++;
      if (line.length > maxBytes) {
        yield { ok: false, error: new InputError(input, 'too-large', tooLargeReason('record', maxBytes)) };
        continue;
      }
      const parsed = parseJson(input, line);
      yield parsed instanceof InputError ? { ok: false, error: parsed } : readArticleRecord(input, parsed.value, meta);
    }
  } catch (error) {
    yield { ok: false, error: new InputError(`${task.input}#${lineNumber + 1}`, 'unreadable', `read failed (${(error as Error).message})`) };
    return;
  }
  if (records === 0) yield { ok: false, error: new InputError(task.input, 'empty', 'empty file (no records)') };
}

/** What a feed's items (in a file or at a URL) take from the caller. */
function feedOptions(meta: ArticleMeta, options: IngestOptions, maxBytes: number): FeedOptions {
  return {
    source: meta.source ?? null,
    published: meta.published ?? null,
    maxBytes,
    ...(options.fetchTimeoutMs !== undefined ? { fetchTimeoutMs: options.fetchTimeoutMs } : {}),
    ...(options.followFeedLinks !== undefined ? { followLinks: options.followFeedLinks } : {}),
  };
}

/** A feed file (or an .xml or unknown file that turned out to be one): one result per item. */
async function* readFeedFile(task: FileTask, bytes: Uint8Array, meta: ArticleMeta, options: IngestOptions, maxBytes: number): AsyncGenerator<IngestResult> {
  let feed;
  try {
    feed = parseFeedBytes(task.input, bytes, null);
  } catch (error) {
    if (error instanceof InputError) yield { ok: false, error };
    else throw error;
    return;
  }
  yield* withoutKeys(readFeed(task.input, feed, feedOptions(meta, options, maxBytes)));
}

async function* readFileTask(task: FileTask, options: IngestOptions): AsyncGenerator<IngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const meta = metaFor(task, options);
  if (task.kind === 'jsonl') {
    yield* readJsonLines(task, meta, maxBytes);
    return;
  }
  if (task.kind === 'warc') {
    // Streamed: a WARC is routinely larger than maxBytes, which limits each page in it instead.
    yield* readWarc(task.input, task.path, { meta, maxBytes });
    return;
  }
  let bytes: Uint8Array;
  try {
    const stats = statSync(task.path);
    if (!stats.isFile()) throw new InputError(task.input, 'not-a-file', 'not a regular file');
    bytes = await readWhole(task, stats, maxBytes);
  } catch (error) {
    yield { ok: false, error: error instanceof InputError ? error : describeFsError(task.input, error) };
    return;
  }
  if (task.kind === 'feed' || task.kind === 'xml' || task.kind === null) {
    let plain: Uint8Array;
    try {
      plain = isGzip(bytes) ? gunzipLimited(task.input, bytes, maxBytes) : bytes;
    } catch (error) {
      if (error instanceof InputError) yield { ok: false, error };
      else throw error;
      return;
    }
    if (task.kind === 'feed' || sniffFeedFormat(plain)) {
      yield* readFeedFile(task, plain, meta, options, maxBytes);
      return;
    }
    if (task.kind === 'xml') {
      if (!task.fromFolder) yield { ok: false, error: notAFeed(task.input, sniffText(plain), null, 'unsupported') };
      return;
    }
    bytes = plain;
  }
  yield* readDocument(task.input, bytes, { kind: task.kind as DocumentKind | null, meta, maxBytes, fromFolder: task.fromFolder });
}

export interface DocumentOptions {
  /** From the file name; null when unknown (the content is sniffed). */
  kind: DocumentKind | null;
  meta: ArticleMeta;
  maxBytes?: number;
  fromFolder?: boolean;
}

/** Reads one document already in memory (a file's bytes, gzipped or not) into articles. */
export function* readDocument(input: string, raw: Uint8Array, options: DocumentOptions): Generator<IngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  try {
    const bytes = isGzip(raw) ? gunzipLimited(input, raw, maxBytes) : raw;
    if (bytes.length === 0) throw new InputError(input, 'empty', 'empty file');
    if (options.kind === 'json') {
      yield* readJsonDocument(input, bytes, options.meta, options.fromFolder ?? false);
      return;
    }
    const decoded = decodeText(input, bytes, { html: options.kind !== 'text' });
    const html = options.kind === 'html' || looksLikeHtml(decoded.text);
    yield fromDocument(input, decoded.text, html, options.meta, decoded.messages);
  } catch (error) {
    if (error instanceof InputError) yield { ok: false, error };
    else throw error;
  }
}

function parseJson(input: string, text: string): { value: unknown } | InputError {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return new InputError(input, 'bad-json', `malformed JSON (${(error as Error).message})`);
  }
}

function* readJsonDocument(input: string, bytes: Uint8Array, meta: ArticleMeta, fromFolder: boolean): Generator<IngestResult> {
  const { text } = decodeText(input, bytes);
  const parsed = parseJson(input, text);
  if (parsed instanceof InputError) {
    yield { ok: false, error: parsed };
    return;
  }
  const { value } = parsed;
  const values = Array.isArray(value) ? value : [value];
  if (fromFolder && !values.some((v) => recordProblem(v) === null)) return;
  if (values.length === 0) {
    yield { ok: false, error: new InputError(input, 'no-articles', 'no article records in the JSON array') };
    return;
  }
  for (const [i, v] of values.entries()) {
    yield readArticleRecord(Array.isArray(value) ? `${input}#${i + 1}` : input, v, meta);
  }
}

async function* readStdin(options: IngestOptions): AsyncGenerator<IngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const stream = options.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buffer.length;
      if (size > maxBytes) {
        yield { ok: false, error: new InputError('-', 'too-large', tooLargeReason('standard input', maxBytes)) };
        return;
      }
      chunks.push(buffer);
    }
    if (size === 0) throw new InputError('-', 'empty', 'empty input (nothing on standard input)');
    const meta: ArticleMeta = { source: options.source ?? null, published: options.published ?? null, url: options.url ?? null };
    yield* readDocument('-', Buffer.concat(chunks), { kind: 'text', meta, maxBytes });
  } catch (error) {
    if (error instanceof InputError) yield { ok: false, error };
    else yield { ok: false, error: describeFsError('-', error) };
  }
}

/** Expands the user's inputs (files, folders, URLs, `-`) into tasks, reporting paths that fail. */
function* expand(inputs: string[], options: IngestOptions): Generator<FileTask | UrlTask | InputError | '-'> {
  for (const input of inputs) {
    if (input === '-') {
      yield '-';
      continue;
    }
    if (isHttpUrl(input)) {
      yield { url: input };
      continue;
    }
    let stats: Stats;
    try {
      stats = statSync(input);
    } catch (error) {
      yield describeFsError(input, error);
      continue;
    }
    if (stats.isDirectory()) {
      let files: string[];
      try {
        files = listFolder(input);
      } catch (error) {
        yield describeFsError(input, error);
        continue;
      }
      if (files.length === 0) {
        yield new InputError(input, 'no-articles', `folder has no article files (${READ_EXTENSIONS})`);
        continue;
      }
      let folderManifest: Manifest | undefined;
      const manifestPath = join(input, MANIFEST_NAME);
      if (!options.manifest && statSync(manifestPath, { throwIfNoEntry: false })?.isFile()) {
        try {
          folderManifest = readManifest(manifestPath);
        } catch {
          folderManifest = undefined;
        }
      }
      for (const path of files) yield { input: path, path, kind: kindOf(path), fromFolder: true, folderManifest };
    } else if (!stats.isFile()) {
      yield new InputError(input, 'not-a-file', 'not a regular file or folder');
    } else {
      yield { input, path: input, kind: kindOf(input), fromFolder: false };
    }
  }
}

/**
 * Reads every input in order — files, folders (recursive, sorted), JSON/JSONL records, RSS/Atom/RDF feeds
 * (files or URLs, one article per item), http(s) pages, WARC files (one article per HTML response) and `-` —
 * yielding one result per article or failure. A failure never stops the other inputs.
 */
export async function* readInputs(inputs: string[], options: IngestOptions = {}): AsyncGenerator<IngestResult> {
  const all = [...inputs, ...(inputs.length === 0 && options.manifest ? options.manifest.entries.map((e) => e.input) : [])];
  for (const task of expand(all, options)) {
    if (task === '-') yield* readStdin(options);
    else if (task instanceof InputError) yield { ok: false, error: task };
    else if ('url' in task) yield* readUrlTask(task, options);
    else yield* readFileTask(task, options);
  }
}

function readUrlTask(task: UrlTask, options: IngestOptions): AsyncGenerator<IngestResult> {
  const meta = metaFor({ path: task.url }, options);
  return readUrl(task.url, meta, feedOptions(meta, options, options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES));
}

