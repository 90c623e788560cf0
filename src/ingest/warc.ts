/**
 * WARC files (`.warc`, `.warc.gz` gzipped per record, e.g. CC-NEWS) → one article per HTML response, streamed
 * record by record with warcio so that a multi-gigabyte file never sits in memory.
 * See docs/ingest-sources.md.
 */
import { createReadStream } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { LimitReader, WARCParser, type WARCRecord } from 'warcio';
import type { ArticleMeta } from './article.js';
import { fromHttpBody, mediaType, type IngestResult } from './document.js';
import { InputError, describeFsError } from './errors.js';
import { DEFAULT_MAX_INPUT_BYTES, tooLargeReason } from './limits.js';

/** Media types read as pages; everything else in a crawl (images, scripts, PDFs) is skipped. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Why a record yields no article; counted, not reported, since a crawl is mostly such records. */
export type WarcSkip = 'not-a-response' | 'not-200' | 'not-html';

export interface WarcCounts {
  records: number;
  /** HTML responses read as pages (articles or failures). */
  pages: number;
  skipped: Record<WarcSkip, number>;
}

export const emptyWarcCounts = (): WarcCounts => ({ records: 0, pages: 0, skipped: { 'not-a-response': 0, 'not-200': 0, 'not-html': 0 } });

export interface WarcOptions {
  /** Given metadata (the outlet, …); the URL is always the record's WARC-Target-URI. */
  meta?: ArticleMeta;
  /** Largest page payload read, in bytes; a larger one fails alone and the file goes on. */
  maxBytes?: number;
  /** Filled in as records are read, for callers that report what a crawl held. */
  counts?: WarcCounts;
}

/** The bytes of a record not yet read when its content ran out: more than zero means the file ends inside it. */
function unreadBytes(record: WARCRecord): number {
  return record._reader instanceof LimitReader ? record._reader.limit : 0;
}

/**
 * Whether the file ended inside a gzip member. warcio's inflater keeps a member's partial output to itself, so the
 * record it held never surfaces: without this check a .warc.gz cut short would look complete.
 */
function endsInsideGzipMember(parser: WARCParser): boolean {
  const reader = parser._reader;
  return reader.compressed !== null && reader.inflator !== null && !reader.inflator.ended;
}

/** Reads the rest of a record without keeping it, so the parser can move to the next one. */
async function drain(source: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of source) void chunk;
}

/**
 * A response's payload with chunked transfer and gzip/deflate content encoding undone by warcio (brotli is left
 * to the caller), or a too-large marker once it passes `maxBytes`; the record is always read to its end.
 */
async function readPayload(record: WARCRecord, brotli: boolean, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  const source = (brotli ? record.reader : record.contentReader) as AsyncIterable<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    if (size > maxBytes) continue;
    size += chunk.byteLength;
    if (size <= maxBytes) chunks.push(chunk);
  }
  // The decoding reader stops at the end of the chunked body and can leave the record's trailer unread.
  if (!brotli && record._reader instanceof LimitReader) await drain(record._reader);
  return size > maxBytes ? 'too-large' : Buffer.concat(chunks, size);
}

/** A brotli-encoded payload (warcio inflates only gzip and deflate); a bad one fails as its page. */
function unbrotli(name: string, body: Uint8Array, maxBytes: number): Uint8Array | InputError {
  try {
    return brotliDecompressSync(body, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return new InputError(name, 'too-large', tooLargeReason('decompressed page', maxBytes));
    return new InputError(name, 'unreadable', `page payload is not valid brotli data (${(error as Error).message})`);
  }
}

/** What the records of a WARC file hold: `INPUT#N` is the N-th record (1-based), whatever its type. */
export async function* readWarc(input: string, source: string | AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: WarcOptions = {}): AsyncGenerator<IngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const counts = options.counts ?? emptyWarcCounts();
  let stream: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  let file: ReturnType<typeof createReadStream> | null = null;
  if (typeof source === 'string') {
    try {
      file = createReadStream(source);
      await new Promise<void>((ok, fail) => file!.once('open', () => ok()).once('error', fail));
    } catch (error) {
      yield { ok: false, error: describeFsError(input, error) };
      return;
    }
    stream = file;
  } else {
    stream = source;
  }
  const parser = new WARCParser(stream);
  let n = 0;
  try {
    for (;;) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (error) {
        yield { ok: false, error: new InputError(`${input}#${n + 1}`, 'bad-warc', `unreadable WARC record (${(error as Error).message})`) };
        return;
      }
      if (!record) {
        if (endsInsideGzipMember(parser)) {
          yield { ok: false, error: new InputError(`${input}#${n + 1}`, 'truncated', 'truncated WARC record (the gzip stream ends inside it)') };
          return;
        }
        break;
      }
      n++;
      counts.records++;
      const name = `${input}#${n}`;
      if (!record.warcHeaders.statusline.startsWith('WARC/')) {
        const line = JSON.stringify(record.warcHeaders.statusline.slice(0, 40));
        yield { ok: false, error: n === 1 ? new InputError(input, 'bad-warc', `not a WARC file (starts with ${line})`) : new InputError(name, 'bad-warc', `malformed WARC record (starts with ${line}, not WARC/1.x)`) };
        return;
      }
      const declared = record.warcHeaders.headers.get('content-length');
      if (declared == null || !/^\d+$/.test(declared.trim())) {
        yield { ok: false, error: new InputError(name, 'truncated', `truncated WARC record (its header has no Content-Length${declared == null ? '' : ` it can read: ${JSON.stringify(declared)}`})`) };
        return;
      }
      const contentType = record.httpHeaders?.headers.get('content-type') ?? null;
      const skip: WarcSkip | null =
        record.warcType !== 'response' || !record.httpHeaders ? 'not-a-response' : record.httpHeaders.statusCode !== 200 ? 'not-200' : !HTML_TYPES.has(mediaType(contentType)) ? 'not-html' : null;
      const brotli = record.httpHeaders?.headers.get('content-encoding')?.trim().toLowerCase() === 'br';
      let payload: Uint8Array | 'too-large' | null = null;
      try {
        if (skip) await drain(record.reader as AsyncIterable<Uint8Array>);
        else payload = await readPayload(record, brotli, maxBytes);
      } catch (error) {
        yield { ok: false, error: new InputError(name, 'bad-warc', `unreadable WARC record (${(error as Error).message})`) };
        return;
      }
      const missing = unreadBytes(record);
      if (missing > 0) {
        // The parser would wait forever for bytes that are not there: stop here.
        const length = Number(declared);
        yield { ok: false, error: new InputError(name, 'truncated', `truncated WARC record (the file ends ${length - missing} bytes into its ${length}-byte content)`) };
        return;
      }
      if (skip) {
        counts.skipped[skip]++;
        continue;
      }
      counts.pages++;
      const url = record.warcTargetURI ?? null;
      if (payload === 'too-large') {
        yield { ok: false, error: new InputError(name, 'too-large', tooLargeReason('page', maxBytes)) };
        continue;
      }
      const body = brotli ? unbrotli(name, payload!, maxBytes) : payload!;
      yield body instanceof InputError ? { ok: false, error: body } : fromHttpBody(name, body, contentType, { ...options.meta, url });
    }
  } finally {
    file?.destroy();
  }
  if (counts.pages === 0) {
    const { skipped } = counts;
    const held = n === 0 ? 'no records' : `${n} record${n === 1 ? '' : 's'}: ${skipped['not-a-response']} not responses, ${skipped['not-200']} not status 200, ${skipped['not-html']} not HTML`;
    yield { ok: false, error: new InputError(input, 'no-articles', `no HTML responses in the WARC (${held})`) };
  }
}
