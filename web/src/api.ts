/**
 * The HTTP API client (docs/api.md): one function per route, typed answers, and one error type carrying the
 * server's `{"error": {"code", "message"}}` (or what went wrong on the way: the server unreachable, an answer
 * that is not JSON).
 */
import type {
  AddResponse,
  ArticleResponse,
  HealthResponse,
  NewArticle,
  SearchResponse,
  StoriesResponse,
  StoryResponse,
} from './types';

/** The API lives under /api on the same origin as the page (relative, so a path prefix in front also works). */
export const API_BASE = 'api';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status, or 0 when no answer came. */
    readonly status: number,
    /** The answer's body when it was JSON (a 422 of POST /api/articles still lists the per-article results). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The error an answer carries, in the API's shape or made up from the status line. */
function errorFrom(status: number, statusText: string, body: unknown, path: string): ApiError {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (e && typeof e.message === 'string') return new ApiError(typeof e.code === 'string' ? e.code : 'error', e.message, status, body);
  return new ApiError(`http_${status}`, `${path}: ${status} ${statusText || 'error'}`.trim(), status, body);
}

async function request<T>(path: string, init?: RequestInit & { signal?: AbortSignal }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('unreachable', `The server could not be reached (${(err as Error).message}).`, 0);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (res.ok) throw new ApiError('bad_answer', `/api${path}: the answer is not JSON`, res.status);
  }
  if (!res.ok) throw errorFrom(res.status, res.statusText, body, `/api${path}`);
  return body as T;
}

export interface StoryQuery {
  q?: string;
  source?: string;
  entity?: string;
  since?: string;
  until?: string;
  limit?: number;
  offset?: number;
}

export const api = {
  health: (signal?: AbortSignal) => request<HealthResponse>('/health', { signal }),
  stories: (params: StoryQuery, signal?: AbortSignal) => request<StoriesResponse>(`/stories${query({ ...params })}`, { signal }),
  story: (id: string, signal?: AbortSignal) => request<StoryResponse>(`/stories/${encodeURIComponent(id)}`, { signal }),
  article: (id: string, signal?: AbortSignal) => request<ArticleResponse>(`/articles/${encodeURIComponent(id)}`, { signal }),
  search: (q: string, limit = 50, signal?: AbortSignal) => request<SearchResponse>(`/search${query({ q, limit })}`, { signal }),
  addArticles: (articles: NewArticle | NewArticle[]) =>
    request<AddResponse>('/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(articles) }),
};

/**
 * `POST /api/upload` with the files as multipart field `files`, reporting upload progress (fetch cannot).
 * Resolves with the results (also for a 422 whose body lists them); rejects with ApiError.
 */
export function uploadFiles(files: File[], onProgress: (sent: number, total: number) => void): { promise: Promise<AddResponse>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<AddResponse>((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    xhr.open('POST', `${API_BASE}/upload`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        /* not JSON: reported below */
      }
      const results = (body as AddResponse | null)?.results;
      if (xhr.status >= 200 && xhr.status < 300 && Array.isArray(results)) resolve(body as AddResponse);
      else if (xhr.status === 422 && Array.isArray(results)) resolve(body as AddResponse);
      else reject(errorFrom(xhr.status, xhr.statusText, body, '/api/upload'));
    };
    xhr.onerror = () => reject(new ApiError('unreachable', 'The upload failed: the server could not be reached or closed the connection.', 0));
    xhr.onabort = () => reject(new ApiError('aborted', 'The upload was cancelled.', 0));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
