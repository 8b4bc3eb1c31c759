/**
 * Fixed-window counters in DynamoDB: one atomic ADD per hit, expiring with TTL. Each bucket is its own item,
 * so no single hot counter limits throughput.
 *
 * A bucket found over its limit is remembered in the container until its window ends: the rest of a flood from
 * that client is refused from memory, with no write, so it costs the office almost nothing and leaves the table's
 * capacity to everyone else. (Another container still counts in DynamoDB, so the limit holds across them.)
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys, tableModel } from '../model/table';
import type { RateLimiter } from '../ports';

export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private readonly refusedUntil = new Map<string, number>();

  async hit(bucket: string, limit: number, windowSeconds: number, now: Date) {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const window = Math.floor(nowSeconds / windowSeconds);
    const windowEnd = (window + 1) * windowSeconds;
    const remembered = this.refusedUntil.get(`${bucket}#${window}`);
    if (remembered !== undefined) return { allowed: false, retryAfterSeconds: Math.max(1, remembered - nowSeconds) };
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.rateWindow(bucket, String(window)),
        UpdateExpression: 'ADD hits :one SET #ttl = :ttl',
        ExpressionAttributeNames: { '#ttl': tableModel.timeToLiveAttribute },
        ExpressionAttributeValues: { ':one': 1, ':ttl': windowEnd + 60 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const hits = Number(Attributes?.hits ?? 1);
    if (hits > limit) this.remember(`${bucket}#${window}`, windowEnd, nowSeconds);
    return { allowed: hits <= limit, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
  }

  private remember(key: string, until: number, nowSeconds: number): void {
    // Bounded: a flood from many addresses must not grow the container's memory without end.
    if (this.refusedUntil.size >= 10_000) for (const [k, end] of this.refusedUntil) if (end <= nowSeconds) this.refusedUntil.delete(k);
    if (this.refusedUntil.size < 10_000) this.refusedUntil.set(key, until);
  }
}
