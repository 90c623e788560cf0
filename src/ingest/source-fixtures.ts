/**
 * Builders for the feed, URL and WARC tests: article pages, feeds, WARC records written by hand, and a local
 * HTTP server (no test reaches the internet).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const SENTENCES = [
  'The minister said on Tuesday that the plan would go ahead despite objections from local councils.',
  'Opposition leaders called the decision reckless and demanded a full inquiry into the costs.',
  'Officials estimated that the project would create nearly 2,000 jobs over the next five years.',
  'Residents who attended the meeting said they had not been consulted before the vote took place.',
  'A spokesperson for the department declined to comment on the timing of the announcement.',
];

/** `n` paragraphs of plain news prose, each a few sentences long, distinct by `tag`. */
export function paragraphs(tag: string, n = 4): string[] {
  return Array.from({ length: n }, (_, i) => `${tag} paragraph ${i + 1}. ${SENTENCES.slice(i % 2).join(' ')}`);
}

/** A whole news page: the article between site furniture, as Readability expects it. */
export function articlePage(title: string, paras: string[], options: { charsetMeta?: string } = {}): string {
  return `<!DOCTYPE html><html><head>${options.charsetMeta ? `<meta charset="${options.charsetMeta}">` : ''}<title>${title} | Example News</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>© Example News</footer></body></html>`;
}

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A WARC/1.0 record with the right Content-Length; `block` is the record's content (HTTP message or other). */
export function warcRecord(type: string, headers: Record<string, string>, block: Uint8Array | string): Buffer {
  const body = typeof block === 'string' ? Buffer.from(block) : Buffer.from(block);
  const lines = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:${randomUUID()}>`,
    'WARC-Date: 2024-10-23T10:00:00Z',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${body.length}`,
  ];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), body, Buffer.from('\r\n\r\n')]);
}

/** An HTTP response message, as a WARC response record holds it. */
export function httpResponse(body: Uint8Array | string, contentType: string, status = '200 OK'): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\nContent-Type: ${contentType}\r\nContent-Length: ${bytes.length}\r\n\r\n`), bytes]);
}

export const responseRecord = (url: string, http: Buffer): Buffer =>
  warcRecord('response', { 'WARC-Target-URI': url, 'Content-Type': 'application/http; msgtype=response' }, http);

export const requestRecord = (url: string): Buffer =>
  warcRecord('request', { 'WARC-Target-URI': url, 'Content-Type': 'application/http; msgtype=request' }, `GET ${new URL(url).pathname} HTTP/1.1\r\nHost: ${new URL(url).host}\r\n\r\n`);

export const warcinfoRecord = (): Buffer => warcRecord('warcinfo', { 'Content-Type': 'application/warc-fields' }, 'software: parallax-tests\r\nformat: WARC File Format 1.0\r\n');

/** A .warc.gz: every record its own gzip member, as crawlers write them. */
export const gzipPerRecord = (records: Buffer[]): Buffer => Buffer.concat(records.map((r) => gzipSync(r)));

export interface TestServer {
  base: string;
  /** Paths requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** Serves `routes` on 127.0.0.1 on a free port; unknown paths are 404. */
export async function serve(routes: Record<string, Route | { type: string; body: string | Uint8Array }>): Promise<TestServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    } else if (typeof route === 'function') {
      route(req, res);
    } else {
      res.writeHead(200, { 'content-type': route.type }).end(route.body);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A port nothing listens on: one the system just handed out and took back. */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}
