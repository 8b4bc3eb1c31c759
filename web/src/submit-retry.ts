/**
 * Sending a suggestion when the system is busy or the connection drops: the same Idempotency-Key every time, so a
 * retry never files it twice and one that did land is answered with its receipt. It waits what the server asks
 * (Retry-After) or, without an answer at all, a growing pause with jitter (so a crowd of phones does not come back
 * at the same second), and tells the page before each wait, so the citizen knows the suggestion is safe.
 */
import { RequestError } from './api';

/** Worth sending again: no answer at all, throttled (429), or busy/unavailable (502, 503, 504). */
export function isRetryable(error: unknown): boolean {
  return error instanceof RequestError && (error.status === 0 || error.status === 429 || error.status === 502 || error.status === 503 || error.status === 504);
}

export interface RetryOptions {
  /** Attempts in all before giving up (the form stays filled; the citizen may send it again later). @default 20 */
  maxAttempts?: number;
  /** Longest single wait, in seconds. @default 30 */
  maxWaitSeconds?: number;
  /** Called before each wait: which retry is next and how long until it. */
  onWaiting?: (next: { attempt: number; seconds: number; status: number }) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export async function sendWithRetry<T>(send: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 20;
  const maxWait = options.maxWaitSeconds ?? 30;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isRetryable(error) || attempt >= maxAttempts) throw error;
      const { retryAfterSeconds, status } = error as RequestError;
      // 1, 2, 4 … s (capped), drawn at random between half and all of it, and never sooner than the server asked:
      // a crowd that was turned away comes back spread out and ever more slowly, not all at once every second.
      const backoff = Math.min(maxWait, 2 ** (attempt - 1)) * (0.5 + random() / 2);
      const seconds = Math.min(maxWait, Math.max(1, Math.round(Math.max(retryAfterSeconds ?? 0, backoff))));
      options.onWaiting?.({ attempt: attempt + 1, seconds, status });
      await sleep(seconds * 1000);
    }
  }
}
