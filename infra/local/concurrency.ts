/**
 * A bounded in-flight limit per function, standing in for Lambda's reserved concurrency and API Gateway's
 * throttles: at most `perFunction` invocations run at once; a few more wait, briefly; the rest are told at once to
 * come back (503 with Retry-After) rather than piling up in the one process until every one of them times out.
 * Shedding early is what keeps the requests that are let in fast enough to be answered.
 */
export interface ConcurrencyLimits {
  /** Invocations of one function running at once. */
  readonly perFunction: number;
  /** Requests that may wait for a slot; beyond it they are shed at once. */
  readonly queue: number;
  /** How long one may wait before it is shed after all. */
  readonly maxWaitMs: number;
}

export const defaultConcurrencyLimits: ConcurrencyLimits = { perFunction: 8, queue: 24, maxWaitMs: 2000 };

export type Slot = { release(): void } | undefined;

export function createConcurrencyLimiter(limits: ConcurrencyLimits) {
  const running = new Map<string, number>();
  const waiting = new Map<string, Array<(granted: boolean) => void>>();
  let shed = 0;

  function release(functionId: string): void {
    const next = waiting.get(functionId)?.shift();
    if (next) next(true);
    else running.set(functionId, (running.get(functionId) ?? 1) - 1);
  }

  return {
    /** A slot to run in, or undefined: shed this request. */
    async acquire(functionId: string): Promise<Slot> {
      const max = limits.perFunction;
      const slot = { release: () => release(functionId) };
      if ((running.get(functionId) ?? 0) < max) {
        running.set(functionId, (running.get(functionId) ?? 0) + 1);
        return slot;
      }
      const queue = waiting.get(functionId) ?? [];
      waiting.set(functionId, queue);
      if (queue.length >= limits.queue) {
        shed++;
        return undefined;
      }
      const granted = await new Promise<boolean>((resolve) => {
        const entry = (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        };
        const timer = setTimeout(() => {
          const index = queue.indexOf(entry);
          if (index >= 0) queue.splice(index, 1);
          resolve(false);
        }, limits.maxWaitMs);
        queue.push(entry);
      });
      if (!granted) shed++;
      return granted ? slot : undefined;
    },
    /** How many requests were shed so far. */
    shedCount: () => shed,
  };
}
