/**
 * Finished JSON answers kept in memory, gzipped once, by a key that changes when the answer would (the story id and
 * its article count). Served with an ETag (a repeat visit costs a 304) and compressed when the client accepts gzip.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

export interface CachedAnswer {
  respond(c: Context): Response;
}

class Answer implements CachedAnswer {
  private readonly gzipped: Buffer;
  private readonly plain: Buffer;
  private readonly etag: string;

  constructor(body: string) {
    this.plain = Buffer.from(body);
    this.gzipped = gzipSync(this.plain, { level: 6 });
    this.etag = `"${createHash('sha1').update(this.plain).digest('base64url')}"`;
  }

  respond(c: Context): Response {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ETag: this.etag, Vary: 'Accept-Encoding', 'Cache-Control': 'no-cache' };
    if (c.req.header('If-None-Match') === this.etag) return c.body(null, 304, headers);
    if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) return c.body(new Uint8Array(this.gzipped), 200, { ...headers, 'Content-Encoding': 'gzip' });
    return c.body(new Uint8Array(this.plain), 200, headers);
  }
}

export class ResponseCache {
  private readonly entries = new Map<string, Answer>();

  constructor(private readonly size: number) {}

  /** The answer for `key` if it is kept. */
  peek(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  /** The answer for `key`, built by `make` the first time (least recently used entries go first). */
  get(key: string, make: () => string): CachedAnswer {
    let answer = this.entries.get(key);
    if (answer) {
      this.entries.delete(key);
    } else {
      answer = new Answer(make());
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, answer);
    return answer;
  }
}
