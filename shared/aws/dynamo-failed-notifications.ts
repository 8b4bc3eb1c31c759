/**
 * Failed notifications, one item each under one partition per organisation (they are few: each is a provider
 * outage's residue), so an admin lists only their own organisation's.
 */
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FailedNotificationRecord } from '../domain/notifications/failed';
import { keys } from '../model/table';
import type { AuditRecord, FailedNotificationStore } from '../ports';
import { auditPut } from './audit-item';
import { queryAll } from './query-all';

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
    const items = await queryAll(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.failedNotification(orgId, '').pk } }, limit);
    return items.map(strip);
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
