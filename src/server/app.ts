/**
 * The HTTP API (docs/api.md) and the web UI's static files, on Hono with zod-openapi: every route declares its
 * parameters and answers as zod schemas, which validate requests and generate /openapi.json. Errors are one JSON
 * shape, `{"error": {"code", "message"}}`, with a 4xx status for anything the caller can fix.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { countOutcome, createArticleIngester, emptyTally, ingestStream, type IngestOutcome } from '../api/ingest.js';
import { readArticleRecord } from '../ingest/index.js';
import { Story as StorySchema, ExtractRecord as ExtractRecordSchema } from '../model/schema.js';
import type { ArticleSummary as ArticleSummaryType, CopySummary as CopySummaryType, SearchHit as SearchHitType, Store, StorySummary as StorySummaryType } from '../store/index.js';
import type { StoryEvent as StoryEventType } from '../story/cluster/index.js';
import { createMetrics } from './metrics.js';
import { ResponseCache } from './response-cache.js';

export interface AppOptions {
  /** Folder of the built web UI (index.html); the UI is not served when absent. */
  webRoot?: string | null;
  version: string;
  /** Largest JSON body, bytes. */
  maxJsonBytes?: number;
  /** Largest upload (all files), bytes. */
  maxUploadBytes?: number;
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi('Error');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const Limit = z.coerce.number().int().min(1).max(500);
const Offset = z.coerce.number().int().min(0).max(1_000_000);

const StorySummary = z.object({ id: z.string(), title: z.string().nullable(), firstDay: z.string().nullable(), lastDay: z.string().nullable(), articles: z.number(), originals: z.number(), sources: z.array(z.string()) }).openapi('StorySummary');
const ArticleSummary = z.object({ id: z.string(), title: z.string().nullable(), source: z.string().nullable(), published: z.string().nullable(), story: z.string(), duplicateOf: z.string().nullable(), snippet: z.string().optional() }).openapi('ArticleSummary');
const SearchHit = ArticleSummary.omit({ duplicateOf: true }).extend({ snippet: z.string() }).openapi('SearchHit');
const CopySummary = z.object({ id: z.string(), duplicateOf: z.string(), similarity: z.number(), source: z.string().nullable(), title: z.string().nullable() }).openapi('CopySummary');
const StoryEvent = z
  .object({ type: z.enum(['new', 'join', 'merge', 'split']), story: z.string(), article: z.string(), merged: z.string().optional(), articles: z.array(z.string()).optional(), score: z.number().optional() })
  .openapi('StoryEvent');

/** Whether two object types have the same fields, each of the same type and optionality. */
type Same<A, B> = (<T>() => T extends Fields<A> ? 1 : 2) extends (<T>() => T extends Fields<B> ? 1 : 2) ? true : false;
/** An object type's fields as one flat mapped type (so that interfaces and zod's inferred types compare). */
type Fields<T> = { [K in keyof T]: T[K] };
/**
 * The answers' schemas describe exactly what the store returns (and the web UI reads, web/src/types.ts): a field
 * added to one and not the other fails the build.
 */
const SCHEMAS_MATCH_THE_STORE: [
  Same<z.infer<typeof StorySummary>, StorySummaryType>,
  Same<Omit<z.infer<typeof ArticleSummary>, 'snippet'>, ArticleSummaryType>,
  Same<z.infer<typeof SearchHit>, SearchHitType>,
  Same<z.infer<typeof CopySummary>, CopySummaryType>,
  Same<z.infer<typeof StoryEvent>, StoryEventType>,
] = [true, true, true, true, true];
void SCHEMAS_MATCH_THE_STORE;
const Filters = z.object({
  since: Day.optional().openapi({ description: 'On or after this day' }),
  until: Day.optional().openapi({ description: 'On or before this day' }),
  source: z.string().max(200).optional().openapi({ description: 'An outlet, e.g. CNBC' }),
  entity: z.string().max(200).optional().openapi({ description: 'A person, organisation or place named' }),
  q: z.string().max(500).optional().openapi({ description: 'Full-text query; "quoted words" together' }),
  limit: Limit.default(50),
  offset: Offset.default(0),
});
const Outcome = z
  .object({
    input: z.string(),
    status: z.enum(['new', 'duplicate', 'unchanged', 'failed']),
    id: z.string().optional(),
    story: z.string().optional(),
    duplicateOf: z.string().optional(),
    similarity: z.number().optional(),
    error: z.string().optional(),
    reason: z.string().optional(),
  })
  .openapi('IngestOutcome');
const IngestAnswer = z.object({
  results: z.array(Outcome),
  summary: z.object({ read: z.number(), new: z.number(), duplicate: z.number(), near: z.number(), unchanged: z.number(), failed: z.number(), reasons: z.record(z.string(), z.number()) }),
});
const ArticleInput = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    source: z.string().max(500).nullish(),
    url: z.string().max(4000).nullish(),
    title: z.string().max(2000).nullish(),
    byline: z.string().max(2000).nullish(),
    published: z.string().max(100).nullish(),
  })
  .openapi('ArticleInput');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = { 400: json(ErrorBody, 'Bad request'), 404: json(ErrorBody, 'Not found') };

class ApiError extends Error {
  constructor(readonly status: 400 | 404 | 413 | 415 | 422 | 500 | 503, readonly code: string, message: string) {
    super(message);
  }
}

const routes = {
  health: createRoute({ method: 'get', path: '/api/health', responses: { 200: json(z.object({ ok: z.boolean(), version: z.string(), store: z.object({ engine: z.string(), articles: z.number(), stories: z.number(), duplicates: z.number() }) }), 'The server and its store') } }),
  stories: createRoute({ method: 'get', path: '/api/stories', request: { query: Filters }, responses: { 200: json(z.object({ stories: z.array(StorySummary), total: z.number() }), 'Standing stories, most recent first'), ...errors } }),
  story: createRoute({
    method: 'get',
    path: '/api/stories/{id}',
    request: { params: z.object({ id: z.string().max(100) }) },
    responses: {
      200: json(z.object({ summary: StorySummary, analysis: StorySchema, duplicates: z.array(CopySummary), history: z.array(StoryEvent) }), 'The story and its cross-outlet analysis'),
      ...errors,
    },
  }),
  articles: createRoute({ method: 'get', path: '/api/articles', request: { query: Filters }, responses: { 200: json(z.object({ articles: z.array(ArticleSummary), total: z.number() }), 'Articles, latest first'), ...errors } }),
  article: createRoute({ method: 'get', path: '/api/articles/{id}', request: { params: z.object({ id: z.string().max(100) }) }, responses: { 200: json(z.object({ summary: ArticleSummary, record: ExtractRecordSchema }), 'The article and everything extracted from it'), ...errors } }),
  search: createRoute({ method: 'get', path: '/api/search', request: { query: z.object({ q: z.string().min(1).max(500), limit: Limit.default(20) }) }, responses: { 200: json(z.object({ hits: z.array(SearchHit) }), 'Articles matching, best first'), ...errors } }),
  add: createRoute({
    method: 'post',
    path: '/api/articles',
    request: { body: { content: { 'application/json': { schema: z.union([ArticleInput, z.array(ArticleInput).min(1).max(1000)]) } }, required: true } },
    responses: { 200: json(IngestAnswer, 'Each article stored, found stored already, or failed'), 422: json(IngestAnswer, 'No article could be read'), 400: json(ErrorBody, 'Bad request'), 413: json(ErrorBody, 'Too large') },
  }),
  upload: createRoute({
    method: 'post',
    path: '/api/upload',
    request: { body: { content: { 'multipart/form-data': { schema: z.object({ files: z.any().openapi({ type: 'array', items: { type: 'string', format: 'binary' } }) }) } }, required: true } },
    responses: { 200: json(IngestAnswer, 'Each article of the files'), 422: json(IngestAnswer, 'No article could be read'), 400: json(ErrorBody, 'Bad request'), 413: json(ErrorBody, 'Too large') },
  }),
};

/** A file name as the results show it: its last part, without control characters. */
const safeName = (name: string): string => basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'upload';

export function createApp(store: Store, options: AppOptions): OpenAPIHono {
  const maxJson = options.maxJsonBytes ?? 10 * 1024 * 1024;
  const maxUpload = options.maxUploadBytes ?? 50 * 1024 * 1024;
  const app = new OpenAPIHono({
    // A request that fails its schema: 400 with the first problem in one line.
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0]!;
        const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
        return c.json({ error: { code: 'bad-request', message: `${where}${issue.message}` } }, 400);
      }
      return undefined;
    },
  });
  const metrics = createMetrics();
  const ingestOne = createArticleIngester(store);

  app.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], objectSrc: ["'none'"], frameAncestors: ["'none'"] } }));
  app.use('*', metrics.middleware);
  app.use('/api/articles', async (c, next) => (c.req.method === 'POST' ? bodyLimit({ maxSize: maxJson, onError: (cc) => cc.json({ error: { code: 'too-large', message: `request body over ${maxJson} bytes` } }, 413) })(c, next) : next()));
  app.use('/api/upload', bodyLimit({ maxSize: maxUpload, onError: (c) => c.json({ error: { code: 'too-large', message: `upload over ${maxUpload} bytes` } }, 413) }));

  app.openapi(routes.health, async (c) => c.json({ ok: true, version: options.version, store: { engine: store.engine, ...(await store.count()) } }, 200));

  app.openapi(routes.stories, async (c) => {
    const f = c.req.valid('query');
    const [stories, total] = await Promise.all([store.stories(f), store.countStories(f)]);
    return c.json({ stories, total }, 200);
  });

  // A story's answer is large (every article's text and items) and changes only when an article joins: it is built
  // once per version as text around the stored analysis (never parsed), gzipped, and kept in a small cache.
  const storyCache = new ResponseCache(200);
  app.openapi(routes.story, async (c) => {
    const id = c.req.valid('param').id;
    const version = await store.storyVersion(id);
    if (!version) throw new ApiError(404, 'not-found', `no story ${JSON.stringify(id)}`);
    const key = `${version.id}@${version.version}`;
    let entry = storyCache.peek(key);
    if (!entry) {
      const found = await store.analysisText(version.id);
      if (!found) throw new ApiError(404, 'not-found', `no story ${JSON.stringify(id)}`);
      const { summary, duplicates, history } = found.detail;
      entry = storyCache.get(key, () => `{"summary":${JSON.stringify(summary)},"analysis":${found.json},"duplicates":${JSON.stringify(duplicates)},"history":${JSON.stringify(history)}}`);
    }
    return entry.respond(c) as never;
  });

  app.openapi(routes.articles, async (c) => c.json(await store.articles(c.req.valid('query')), 200));

  app.openapi(routes.article, async (c) => {
    const found = await store.article(c.req.valid('param').id);
    if (!found) throw new ApiError(404, 'not-found', `no article ${JSON.stringify(c.req.valid('param').id)}`);
    return c.json(found, 200);
  });

  app.openapi(routes.search, async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ hits: await store.search(q, limit) }, 200);
  });

  const answer = (c: Context, results: IngestOutcome[]) => {
    const summary = emptyTally();
    for (const r of results) countOutcome(summary, r);
    return c.json({ results, summary }, summary.read > 0 ? 200 : 422);
  };

  app.openapi(routes.add, async (c) => {
    const body = c.req.valid('json');
    const items = Array.isArray(body) ? body : [body];
    const results: IngestOutcome[] = [];
    for (const [i, item] of items.entries()) {
      const input = `request#${i + 1}`;
      const read = readArticleRecord(input, item, { source: null, published: null, url: null });
      if (!read.ok) results.push({ input, status: 'failed', error: read.error.code, reason: read.error.reason });
      else results.push(await ingestOne(input, read.article, read.messages));
    }
    return answer(c, results) as never;
  });

  app.openapi(routes.upload, async (c) => {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw new ApiError(400, 'bad-request', 'the body is not multipart/form-data with a "files" field');
    }
    const files = form.getAll('files').filter((f) => typeof f !== 'string') as unknown as Array<{ name: string; arrayBuffer(): Promise<ArrayBuffer> }>;
    if (files.length === 0) throw new ApiError(400, 'bad-request', 'no files in the "files" field');
    // Each file is written under a name of our making in a fresh folder (never the caller's path), then read as
    // `parallax ingest` reads files; results name the file as the caller did.
    const dir = mkdtempSync(join(tmpdir(), 'parallax-upload-'));
    try {
      const paths: string[] = [];
      const names = new Map<string, string>();
      for (const [i, file] of files.entries()) {
        const name = safeName(file.name);
        const ext = /\.(txt|text|html?|xhtml|json|jsonl|ndjson|rss|atom|rdf|xml|warc)(\.gz)?$/i.exec(name)?.[0] ?? (extname(name).toLowerCase() === '.gz' ? '.gz' : '.txt');
        const path = join(dir, `${i + 1}${ext}`);
        writeFileSync(path, Buffer.from(await file.arrayBuffer()));
        paths.push(path);
        names.set(path, name);
      }
      const rename = (input: string): string => {
        for (const [path, name] of names) if (input.startsWith(path)) return name + input.slice(path.length);
        return input;
      };
      const results: IngestOutcome[] = [];
      for await (const outcome of ingestStream(paths, store)) results.push({ ...outcome, input: rename(outcome.input) });
      return answer(c, results) as never;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  app.get('/api/metrics', async (c) => c.text(await metrics.text(), 200, { 'Content-Type': metrics.contentType }));

  app.doc('/openapi.json', { openapi: '3.0.0', info: { title: 'Parallax API', version: options.version, description: 'Stories, articles, search and ingest over the Parallax corpus (docs/api.md).' } });

  app.all('/api/*', (c) => c.json({ error: { code: 'not-found', message: `no route ${c.req.method} ${c.req.path}` } }, 404));

  if (options.webRoot) {
    app.use('/*', serveStatic({ root: options.webRoot }));
    app.get('/', serveStatic({ root: options.webRoot, path: 'index.html' }));
  }
  app.notFound((c) => c.json({ error: { code: 'not-found', message: `no such page ${c.req.path}` } }, 404));

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json({ error: { code: error.code, message: error.message } }, error.status);
    if (error.name === 'StoreError') return c.json({ error: { code: 'store-unavailable', message: error.message } }, 503);
    if (error instanceof HTTPException) {
      const malformed = /malformed json/i.test(error.message);
      return c.json({ error: { code: malformed ? 'bad-json' : 'bad-request', message: malformed ? 'malformed JSON in the request body' : error.message } }, error.status as 400);
    }
    if (error instanceof SyntaxError) return c.json({ error: { code: 'bad-json', message: `malformed JSON (${error.message})` } }, 400);
    console.error(error);
    return c.json({ error: { code: 'internal', message: 'internal error (logged on the server)' } }, 500);
  });
  return app;
}
