/** Data hooks: `useQuery` loads JSON for a page, `useAction` runs a change and keeps its error for the form. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../api.ts';
import { useAuth } from '../auth.tsx';

export interface Query<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again (keeps the current data on screen meanwhile). */
  reload(): Promise<void>;
  /** Replaces the data locally after a change the server confirmed. */
  setData(next: T | ((prev: T | undefined) => T)): void;
}

/** GETs `url` (no request while it is null); reloads when the url changes; a 401 signs the user out. */
export function useQuery<T>(url: string | null): Query<T> {
  const { expire } = useAuth();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState<boolean>(url !== null);
  const current = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    if (url === null) return;
    current.current?.abort();
    const ctl = new AbortController();
    current.current = ctl;
    setLoading(true);
    setError(null);
    try {
      const d = await api.get<T>(url, { signal: ctl.signal });
      if (!ctl.signal.aborted) setData(d);
    } catch (e) {
      if ((e as Error)?.name === 'AbortError' || ctl.signal.aborted) return;
      if (isApiError(e) && e.code === 'UNAUTHENTICATED') expire();
      setError(e);
    } finally {
      if (!ctl.signal.aborted) setLoading(false);
    }
  }, [url, expire]);

  useEffect(() => {
    void load();
    return () => current.current?.abort();
  }, [load]);

  return { data, error, loading, reload: load, setData: setData as Query<T>['setData'] };
}

export interface Action<A extends unknown[], R> {
  /** Runs the action; resolves with its result, or undefined when it failed (the error is in `error`). */
  run(...args: A): Promise<R | undefined>;
  pending: boolean;
  error: unknown;
  reset(): void;
}

/** Wraps a change (POST/PATCH/…): tracks pending state and the last error, signs out on 401. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const { expire } = useAuth();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  const run = useCallback(
    async (...args: A) => {
      setPending(true);
      setError(null);
      try {
        return await fnRef.current(...args);
      } catch (e) {
        if (isApiError(e) && e.code === 'UNAUTHENTICATED') expire();
        setError(e);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [expire],
  );
  return { run, pending, error, reset: useCallback(() => setError(null), []) };
}
