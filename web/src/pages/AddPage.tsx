/**
 * `#/add`: add articles to the store — paste one (POST /api/articles) or upload files (POST /api/upload, with
 * upload progress) — and see what became of each: new, a copy of a stored article, already stored, or failed.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api, uploadFiles } from '../api';
import { ErrorBox, usePageTitle } from '../common';
import { plural } from '../model';
import { articleHref, storyHref } from '../router';
import type { AddResponse, NewArticle } from '../types';

const STATUS_TEXT = { new: 'new', duplicate: 'copy of a stored article', unchanged: 'already stored', failed: 'failed' } as const;

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function Results({ res }: { res: AddResponse }) {
  const s = res.summary;
  return (
    <section className="results" aria-labelledby="results-h" data-add-results="">
      <h2 id="results-h">Results</h2>
      {s && (
        <p role="status">
          Read {s.read}: {s.new} new, {s.duplicate} {s.duplicate === 1 ? 'copy' : 'copies'}
          {s.near ? ` (${s.near} near)` : ''}, {s.unchanged} already stored, {s.failed} failed
          {s.reasons && Object.keys(s.reasons).length > 0 && ` (${Object.entries(s.reasons).map(([k, v]) => `${k} ${v}`).join(', ')})`}.
        </p>
      )}
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">Status</th>
            <th scope="col">Article</th>
            <th scope="col">Story</th>
          </tr>
        </thead>
        <tbody>
          {res.results.map((r, i) => (
            <tr key={i} data-result-status={r.status} className={`result-${r.status}`}>
              <td className="break">{r.input}</td>
              <td>
                <span className={`badge status-${r.status}`}>{STATUS_TEXT[r.status] ?? r.status}</span>
                {r.status === 'duplicate' && r.duplicateOf && (
                  <div className="small">
                    of <a href={articleHref(r.duplicateOf)}>{r.duplicateOf}</a>
                    {r.similarity !== undefined && ` (${r.similarity >= 1 ? 'same words' : `${Math.round(r.similarity * 100)} % alike`})`}
                  </div>
                )}
                {r.status === 'failed' && (
                  <div className="small error-text">
                    {r.reason ?? r.error ?? 'no reason given'}
                    {r.reason && r.error && r.error !== r.reason && <span className="muted"> ({r.error})</span>}
                  </div>
                )}
              </td>
              <td>{r.id ? <a href={articleHref(r.id)}>{r.id}</a> : '—'}</td>
              <td>{r.story ? <a href={storyHref(r.story)}>{r.story}</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A 422 still carries the per-article results: show them rather than only the error. */
function resultsOf(err: unknown): AddResponse | null {
  const body = err instanceof ApiError ? (err.body as AddResponse | undefined) : undefined;
  return body && Array.isArray(body.results) ? body : null;
}

function PasteForm({ onResult }: { onResult: (r: AddResponse | null, e: Error | null) => void }) {
  const [f, setF] = useState({ text: '', source: '', url: '', title: '', published: '' });
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!f.text.trim()) {
      setMissing(true);
      document.getElementById('paste-text')?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    const body: NewArticle = { text: f.text };
    for (const k of ['source', 'url', 'title', 'published'] as const) if (f[k].trim()) body[k] = f[k].trim();
    try {
      onResult(await api.addArticles(body), null);
    } catch (err) {
      onResult(resultsOf(err), err as Error);
    } finally {
      setBusy(false);
    }
  };
  const input = (k: 'source' | 'url' | 'title' | 'published', label: string, type = 'text', placeholder?: string) => (
    <label className="field" htmlFor={`paste-${k}`}>
      <span>{label}</span>
      <input id={`paste-${k}`} name={k} type={type} value={f[k]} placeholder={placeholder} onChange={(e) => setF({ ...f, [k]: e.target.value })} />
    </label>
  );
  return (
    <form className="add-form" onSubmit={submit} aria-labelledby="paste-h" data-paste-form="">
      <h2 id="paste-h">Paste an article</h2>
      <label className="field wide" htmlFor="paste-text">
        <span>Text (plain text or HTML)</span>
        <textarea id="paste-text" name="text" rows={9} value={f.text} onChange={(e) => setF({ ...f, text: e.target.value })} aria-invalid={missing || undefined} aria-describedby={missing ? 'paste-missing' : undefined} />
      </label>
      {missing && (
        <p id="paste-missing" className="error-text" role="alert">
          Paste the article's text first.
        </p>
      )}
      <div className="field-row">
        {input('source', 'Outlet', 'text', 'e.g. Reuters')}
        {input('published', 'Published', 'date')}
      </div>
      {input('title', 'Title')}
      {input('url', 'URL', 'url', 'https://…')}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add the article'}
      </button>
    </form>
  );
}

function UploadForm({ onResult }: { onResult: (r: AddResponse | null, e: Error | null) => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = progress !== null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!files.length) {
      inputRef.current?.focus();
      return;
    }
    const total = files.reduce((n, f) => n + f.size, 0);
    setProgress({ sent: 0, total });
    const { promise, abort } = uploadFiles(files, (sent, t) => setProgress({ sent, total: t }));
    abortRef.current = abort;
    try {
      onResult(await promise, null);
    } catch (err) {
      onResult(resultsOf(err), err as Error);
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  };
  const pct = progress && progress.total ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <form className="add-form" onSubmit={submit} aria-labelledby="upload-h" data-upload-form="">
      <h2 id="upload-h">Upload files</h2>
      <label className="field wide" htmlFor="upload-files">
        <span>Files: .txt, .html, .json, .jsonl, RSS/Atom, .warc, any of them .gz (up to 50 MB in all)</span>
        <input ref={inputRef} id="upload-files" name="files" type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
      </label>
      {files.length > 0 && (
        <p className="small">
          {plural(files.length, 'file')}, {formatBytes(files.reduce((n, f) => n + f.size, 0))}
        </p>
      )}
      {progress && (
        <div className="progress" data-upload-progress="">
          <label htmlFor="upload-progress">{progress.sent < progress.total ? `Uploading… ${pct} %` : 'Uploaded; the server is reading the articles…'}</label>
          <progress id="upload-progress" max={progress.total || 1} value={progress.sent} />
        </div>
      )}
      <div className="filter-buttons">
        <button type="submit" className="primary" disabled={busy}>
          Upload and add
        </button>
        {busy && (
          <button type="button" onClick={() => abortRef.current?.()}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

export function AddPage() {
  usePageTitle('Add articles');
  const [result, setResult] = useState<AddResponse | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const onResult = (r: AddResponse | null, e: Error | null) => {
    setResult(r);
    setError(e);
    requestAnimationFrame(() => document.getElementById(e ? 'add-error' : 'results-h')?.scrollIntoView({ block: 'nearest' }));
  };
  return (
    <div className="page page-add">
      <h1 tabIndex={-1}>Add articles</h1>
      <p className="intro">Each article is read, checked against the stored ones for copies, and grouped into a story.</p>
      <div className="add-grid">
        <PasteForm onResult={onResult} />
        <UploadForm onResult={onResult} />
      </div>
      <div id="add-error">{error && <ErrorBox error={error} title={result ? 'No article could be read' : 'The articles could not be added'} />}</div>
      {result && <Results res={result} />}
    </div>
  );
}
