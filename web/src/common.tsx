/** Small pieces every page uses: loading state of an API call, error box, outlet chips, page title. */
import { useEffect, useState, type DependencyList, type ReactNode } from 'react';
import { ApiError } from './api';
import { outletColor } from './model';

export interface Async<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

/** Runs an API call when `deps` change; aborts the previous one. */
export function useAsync<T>(fn: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Async<T> {
  const [state, setState] = useState<Async<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, error: null, loading: true }));
    fn(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ data, error: null, loading: false }),
      (error: Error) => !ctl.signal.aborted && error.name !== 'AbortError' && setState({ data: null, error, loading: false }),
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

export function ErrorBox({ error, title = 'Something went wrong' }: { error: Error; title?: string }) {
  const api = error instanceof ApiError ? error : null;
  return (
    <div className="error-box" role="alert" data-error-code={api?.code ?? 'error'}>
      <strong>{title}</strong>
      <p>
        {error.message}
        {api && api.status > 0 && (
          <span className="muted small">
            {' '}
            (HTTP {api.status}, {api.code})
          </span>
        )}
      </p>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function OutletChip({ name, index }: { name: string; index?: number }) {
  return (
    <span className="chip" style={index !== undefined ? { borderColor: outletColor(index) } : undefined}>
      {index !== undefined && <span className="chip-dot" style={{ background: outletColor(index) }} aria-hidden="true" />}
      {name}
    </span>
  );
}

export function OutletChips({ sources, label = 'Outlets' }: { sources: string[]; label?: string }) {
  if (!sources.length) return <span className="muted">no outlet named</span>;
  return (
    <ul className="chips" aria-label={label}>
      {sources.map((s) => (
        <li key={s}>
          <OutletChip name={s} />
        </li>
      ))}
    </ul>
  );
}

/** Sets the document title and puts focus on the page heading when the page changes (for screen readers). */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} — Parallax` : 'Parallax';
  }, [title]);
}

export function Section({ id, title, children, count, intro }: { id: string; title: string; children: ReactNode; count?: number; intro?: ReactNode }) {
  return (
    <section id={id} className="section" aria-labelledby={`${id}-h`} data-section={id}>
      <h2 id={`${id}-h`}>
        {title}
        {count !== undefined && <span className="count"> {count}</span>}
      </h2>
      {intro && <p className="intro">{intro}</p>}
      {children}
    </section>
  );
}
