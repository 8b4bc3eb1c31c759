/**
 * Fetch-on-mount for a page: loads when the page opens and again when one of `keys` changes, and keeps the answer
 * and the server's message when loading failed. A 401 shows no message: the API client is already taking the
 * person to sign-in. An answer that comes after the page is gone, or after a newer load began (another key), is
 * dropped, so a slow old answer never overwrites a new one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { failureMessage } from './api';

export interface Load<T> {
  /** The answer; undefined until the first one comes (and again right after a key changed). */
  data: T | undefined;
  /** The server's words when the last load failed; gone when the next one starts. */
  error: string | undefined;
  loading: boolean;
  /** Loads again (e.g. after an action changed what the page lists); resolves once the answer is in. */
  reload: () => Promise<void>;
  /** Loads what comes next from the current answer (e.g. the next page of a list) in its place. */
  extend: (next: (current: T) => Promise<T>) => Promise<void>;
  /** Replaces the answer with what an action's own answer says, without asking the server again. */
  setData: (update: T | ((current: T | undefined) => T | undefined)) => void;
}

interface Options<T> {
  /** What else a fresh answer sets, for a page that edits its own copy of it (a form's values). */
  onLoaded?: (data: T) => void;
}

export function useLoad<T>(load: () => Promise<T>, keys: readonly unknown[] = [], options: Options<T> = {}): Load<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  // Counts the loads begun for the current keys: an older count's answer is stale. Unmounting counts too.
  const generation = useRef(0);
  const latest = useRef({ load, options, data });
  latest.current = { load, options, data };

  async function run(step: () => Promise<T>, current = generation.current): Promise<void> {
    setLoading(true);
    setError(undefined);
    try {
      const answer = await step();
      if (generation.current !== current) return;
      setData(() => answer);
      latest.current.options.onLoaded?.(answer);
    } catch (caught) {
      const message = failureMessage(caught);
      if (generation.current === current) setError(message);
    } finally {
      if (generation.current === current) setLoading(false);
    }
  }

  useEffect(() => {
    const current = ++generation.current;
    setData(undefined);
    void run(() => latest.current.load(), current);
    return () => {
      generation.current++;
    };
  }, keys);

  return {
    data,
    error,
    loading,
    reload: () => run(() => latest.current.load()),
    extend: (next) => run(() => next(latest.current.data as T)),
    setData,
  };
}
