/** Runs `work` on every item, at most `limit` at a time (a full recompute's thousands of independent writes). */
export async function inParallel<T>(items: Iterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  let next = 0;
  const worker = async () => {
    while (next < queue.length) await work(queue[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}
