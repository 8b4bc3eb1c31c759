/**
 * Fixed-window counters in DynamoDB: one atomic ADD per hit, expiring with TTL. Each bucket is its own item,
 * so no single hot counter limits throughput.
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys, tableModel } from '../model/table';
import type { RateLimiter } from '../ports';

export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async hit(bucket: string, limit: number, windowSeconds: number, now: Date) {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const window = Math.floor(nowSeconds / windowSeconds);
    const windowEnd = (window + 1) * windowSeconds;
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
    return { allowed: hits <= limit, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
  }
}
