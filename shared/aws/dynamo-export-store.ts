/**
 * Exports of the queue: one partition per person (ORG#<org>#EXPORTS#<username>), items keyed by the export's
 * ulid. The worker's state changes are conditional, so a duplicate or stale job cannot undo a newer outcome.
 */
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ExportRecord } from '../domain/exports/export-record';
import { keys } from '../model/table';
import type { AuditRecord, ExportStore } from '../ports';
import { auditPut } from './audit-item';
import { isConditionalCheckFailed } from './dynamo-errors';
import { queryAll } from './query-all';

function toRecord(item: Record<string, unknown>): ExportRecord {
  const { pk: _pk, sk: _sk, type: _type, ...record } = item;
  return record as unknown as ExportRecord;
}

export class DynamoExportStore implements ExportStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private item(record: ExportRecord): Record<string, unknown> {
    return { ...keys.queueExport(record.orgId, record.username, record.id), type: 'queueExport', ...record };
  }

  async create(record: ExportRecord, audit: AuditRecord): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [{ Put: { TableName: this.tableName, Item: this.item(record), ConditionExpression: 'attribute_not_exists(pk)' } }, auditPut(this.tableName, audit)],
      }),
    );
  }

  async get(orgId: string, username: string, id: string): Promise<ExportRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.queueExport(orgId, username, id), ConsistentRead: true }));
    return Item ? toRecord(Item) : undefined;
  }

  async list(orgId: string, username: string, limit: number): Promise<ExportRecord[]> {
    const items = await queryAll(
      this.db,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.queueExport(orgId, username, '').pk, ':prefix': 'EXPORT#' },
        ScanIndexForward: false,
      },
      limit,
    );
    return items.map(toRecord);
  }

  async start(orgId: string, username: string, id: string, at: string): Promise<ExportRecord | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.queueExport(orgId, username, id),
          UpdateExpression: 'SET #state = :running, startedAt = :at, attempts = if_not_exists(attempts, :zero) + :one',
          ConditionExpression: 'attribute_exists(pk) AND #state IN (:queued, :running)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':running': 'running', ':queued': 'queued', ':at': at, ':zero': 0, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toRecord(Attributes) : undefined;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw error;
    }
  }

  async finish(record: ExportRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.item(record),
          ConditionExpression: 'attempts = :attempts AND #state IN (:queued, :running)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':attempts': record.attempts, ':queued': 'queued', ':running': 'running' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }
}
