/**
 * Per-key delivery records. A claim is a conditional put; a claim older than the stale window belongs to a
 * sender that died mid-send and may be taken over, so a crash delays a message but never loses it.
 */
import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys, tableModel } from '../model/table';
import type { NotificationLedger } from '../ports';
import { isConditionalCheckFailed } from './dynamo-errors';

const staleClaimMs = 120_000;
const keepSentSeconds = 90 * 24 * 3600;

export class DynamoNotificationLedger implements NotificationLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(key: string, now: Date): Promise<'claimed' | 'alreadySent' | 'inProgress'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.notificationSent(key), type: 'notification', state: 'sending', claimedAt: now.getTime() },
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :sending AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':sending': 'sending', ':stale': now.getTime() - staleClaimMs },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const old = (error as { Item?: Record<string, unknown> }).Item;
      return old?.state === 'sent' ? 'alreadySent' : 'inProgress';
    }
  }

  async markSent(key: string, now: Date): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.notificationSent(key),
        UpdateExpression: 'SET #state = :sent, sentAt = :at, #ttl = :ttl',
        ExpressionAttributeNames: { '#state': 'state', '#ttl': tableModel.timeToLiveAttribute },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': now.toISOString(), ':ttl': Math.floor(now.getTime() / 1000) + keepSentSeconds },
      }),
    );
  }

  async release(key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.notificationSent(key) }));
  }
}
