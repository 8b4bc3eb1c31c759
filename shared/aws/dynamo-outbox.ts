/**
 * The outbox: where notifications land when no real provider is configured (the local default), so a person can
 * read in the browser exactly what would have been sent.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage } from '../domain/notifications/notification';
import { keys } from '../model/table';
import type { OutboxStore } from '../ports';

export class DynamoOutbox implements OutboxStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(message: OutboxMessage): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.outboxMessage(message.at, message.id), type: 'outbox', ...message } }));
  }

  async list(limit: number): Promise<OutboxMessage[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.outboxMessage('', '').pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map(({ id, at, channel, to, subject, body, event, suggestionId, deliverAfter }) => ({
      id, at, channel, to, body, event,
      ...(subject ? { subject } : {}),
      ...(suggestionId ? { suggestionId } : {}),
      ...(deliverAfter ? { deliverAfter } : {}),
    })) as OutboxMessage[];
  }
}
