/**
 * http(s) inputs: one GET with a timeout and a size limit, failures turned into one-line InputErrors
 * (`fetch failed (ECONNREFUSED)`, `HTTP 404 Not Found`), never exceptions.
 */
import { InputError } from './errors.js';
import { tooLargeReason } from './limits.js';

/** Long enough for a slow news site's first byte, short enough that one dead host does not stall a feed. */
export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;

/** Some sites refuse requests without a user agent; this one says what is asking. */
export const USER_AGENT = 'parallax/0.1 (news article reader)';

/** Pages and feeds first; anything else is still accepted so that the error can say what came back. */
const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** `https://example.com/a`, `HTTP://x.test` */
const HTTP_URL = /^https?:\/\//i;

export function isHttpUrl(input: string): boolean {
  return HTTP_URL.test(input);
}

export interface FetchOptions {
  maxBytes: number;
  timeoutMs?: number;
}

export interface Fetched {
  /** After redirects. */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
}

/** The most specific code a failed fetch carries: undici puts the socket's error in `cause` (or `cause.errors`). */
function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `fetch failed (timed out after ${Math.round(timeoutMs / 1000)} s)`;
  const cause = e?.cause;
  const code = cause?.code ?? cause?.errors?.find((x) => x.code)?.code;
  return `fetch failed (${code ?? cause?.message ?? e?.message ?? 'unknown error'})`;
}

/** GETs `url`, following redirects; `input` names the input in errors (a feed item's link fails as that item). */
export async function fetchUrl(input: string, url: string, options: FetchOptions): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  try {
    new URL(url);
  } catch {
    throw new InputError(input, 'fetch-failed', `not a valid URL: ${JSON.stringify(url)}`);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': USER_AGENT, accept: ACCEPT },
    });
  } catch (error) {
    throw new InputError(input, 'fetch-failed', networkReason(error, timeoutMs));
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new InputError(input, 'fetch-failed', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new InputError(input, 'too-large', tooLargeReason(`response (${declared} bytes)`, options.maxBytes));
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (response.body) {
      // Read chunk by chunk: Content-Length may be absent or wrong, and the limit must hold either way.
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        // Leaving the loop by throwing cancels the body, so the rest is never downloaded.
        if (size > options.maxBytes) {
          throw new InputError(input, 'too-large', tooLargeReason('response', options.maxBytes));
        }
        chunks.push(chunk);
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(input, 'fetch-failed', networkReason(error, timeoutMs));
  }
  return { url: response.url || url, status: response.status, contentType: response.headers.get('content-type'), bytes: Buffer.concat(chunks, size) };
}
