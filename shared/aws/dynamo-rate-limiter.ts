/**
 * Fixed-window counters in DynamoDB: one atomic ADD per hit, expiring with TTL. Each bucket is its own item (per
 * window of its longest limit), so no single hot counter limits throughput; a bucket with several limits (a
 * minute's and a day's) keeps one counter per window in that one item, so a hit is one write whatever the limits.
 *
 * A bucket found over a limit is remembered in the container until that window ends: the rest of a flood from
 * that client is refused from memory, with no write, so it costs the office almost nothing and leaves the table's
 * capacity to everyone else. (Another container still counts in DynamoDB, so the limit holds across them.)
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys, tableModel } from '../model/table';
import type { RateLimit, RateLimiter } from '../ports';

type Verdict = { allowed: boolean; retryAfterSeconds: number };

export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private readonly refusedUntil = new Map<string, number>();

  hit(bucket: string, limit: number, windowSeconds: number, now: Date): Promise<Verdict> {
    return this.hitAll(bucket, [{ limit, windowSeconds }], now);
  }

  async hitAll(bucket: string, limits: readonly RateLimit[], now: Date): Promise<Verdict> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const longest = Math.max(...limits.map((l) => l.windowSeconds));
    if (limits.some((l) => longest % l.windowSeconds !== 0)) throw new RangeError('every window must divide the longest one');
    const windows = limits.map((l) => {
      const index = Math.floor(nowSeconds / l.windowSeconds);
      return { ...l, counter: `w${l.windowSeconds}_${index}`, end: (index + 1) * l.windowSeconds };
    });
    const remembered = Math.max(...windows.map((w) => this.refusedUntil.get(`${bucket}#${w.counter}`) ?? 0));
    if (remembered > nowSeconds) return { allowed: false, retryAfterSeconds: Math.max(1, remembered - nowSeconds) };

    const longestEnd = (Math.floor(nowSeconds / longest) + 1) * longest;
    const names: Record<string, string> = { '#ttl': tableModel.timeToLiveAttribute };
    windows.forEach((w, i) => (names[`#c${i}`] = w.counter));
    const { Attributes = {} } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.rateWindow(bucket, String(Math.floor(nowSeconds / longest))),
        UpdateExpression: `ADD ${windows.map((_, i) => `#c${i} :one`).join(', ')} SET #ttl = :ttl`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':one': 1, ':ttl': longestEnd + 60 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const over = windows.filter((w) => Number(Attributes[w.counter] ?? 1) > w.limit);
    for (const w of over) this.remember(`${bucket}#${w.counter}`, w.end, nowSeconds);
    const waitUntil = over.length ? Math.max(...over.map((w) => w.end)) : Math.min(...windows.map((w) => w.end));
    return { allowed: over.length === 0, retryAfterSeconds: Math.max(1, waitUntil - nowSeconds) };
  }

  private remember(key: string, until: number, nowSeconds: number): void {
    // Bounded: a flood from many addresses must not grow the container's memory without end.
    if (this.refusedUntil.size >= 10_000) for (const [k, end] of this.refusedUntil) if (end <= nowSeconds) this.refusedUntil.delete(k);
    if (this.refusedUntil.size < 10_000) this.refusedUntil.set(key, until);
  }
}
