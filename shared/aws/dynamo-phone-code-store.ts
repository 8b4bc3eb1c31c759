/**
 * The SMS codes of the one-response-per-phone policy: one item per campaign and hashed phone
 * (PHONECODE#o#c#key / PHONECODE) holding the code's keyed hash, its expiry (also the TTL attribute) and the wrong
 * tries so far. A new code replaces the item, so its tries start again.
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoredPhoneCode } from '../domain/campaign/phone-code';
import { keys, tableModel } from '../model/table';
import type { PhoneCodeStore } from '../ports';
import { isConditionalCheckFailed } from './dynamo-errors';

export class DynamoPhoneCodeStore implements PhoneCodeStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(orgId: string, campaignId: string, phoneKey: string, code: { codeHash: string; expiresAt: number }): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.campaignPhoneCode(orgId, campaignId, phoneKey), type: 'campaignPhoneCode', codeHash: code.codeHash, attempts: 0, [tableModel.timeToLiveAttribute]: code.expiresAt },
      }),
    );
  }

  async get(orgId: string, campaignId: string, phoneKey: string): Promise<StoredPhoneCode | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.campaignPhoneCode(orgId, campaignId, phoneKey), ConsistentRead: true }));
    if (!Item) return undefined;
    return { codeHash: String(Item.codeHash), expiresAt: Number(Item[tableModel.timeToLiveAttribute]), attempts: Number(Item.attempts ?? 0) };
  }

  async countAttempt(orgId: string, campaignId: string, phoneKey: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.campaignPhoneCode(orgId, campaignId, phoneKey),
          UpdateExpression: 'ADD attempts :one',
          // Never creates an item: a code that expired and went meanwhile stays gone.
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}
