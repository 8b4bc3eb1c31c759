/**
 * Failed notifications, one item each under one partition per organisation (they are few: each is a provider
 * outage's residue), so an admin lists only their own organisation's.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FailedNotificationRecord } from '../domain/notifications/failed';
import { keys } from '../model/table';
import type { AuditRecord, FailedNotificationStore } from '../ports';
import { auditPut } from './audit-item';

export class DynamoFailedNotifications implements FailedNotificationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** For messages queued before requests named their organisation: the deployment's own (ORG_ID). */
    private readonly fallbackOrgId = 'demo',
  ) {}

  async put(record: FailedNotificationRecord): Promise<void> {
    const orgId = record.orgId || this.fallbackOrgId;
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.failedNotification(orgId, record.id), type: 'failedNotification', ...record, orgId } }));
  }

  async get(orgId: string, id: string): Promise<FailedNotificationRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.failedNotification(orgId, id), ConsistentRead: true }));
    return Item ? strip(Item) : undefined;
  }

  async list(orgId: string, limit: number): Promise<FailedNotificationRecord[]> {
    const out: FailedNotificationRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.failedNotification(orgId, '').pk },
          ExclusiveStartKey: start,
          Limit: limit,
        }),
      );
      out.push(...(page.Items ?? []).map(strip));
      start = page.LastEvaluatedKey;
    } while (start && out.length < limit);
    return out.slice(0, limit);
  }

  async delete(orgId: string, id: string, audit: AuditRecord): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [{ Delete: { TableName: this.tableName, Key: keys.failedNotification(orgId, id) } }, auditPut(this.tableName, audit)],
      }),
    );
  }
}

function strip(item: Record<string, unknown>): FailedNotificationRecord {
  const { pk: _pk, sk: _sk, type: _type, ...record } = item;
  return record as unknown as FailedNotificationRecord;
}
