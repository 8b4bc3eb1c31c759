/** The audit log: one item per staff action, partitioned by office day so a day's log reads in one query. */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { officeDay } from '../domain/office-day';
import type { AuditEntry } from '../http/api-types';
import { keys } from '../model/table';
import type { AuditLog } from '../ports';
import { decodeCursor, encodeCursor } from './cursor';


export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.audit(officeDay(entry.at), entry.at, ulid()), type: 'audit', ...entry } }),
    );
  }

  async list(day: string, limit: number, cursor?: string): Promise<{ entries: AuditEntry[]; nextCursor?: string }> {
    const pk = keys.audit(day, '', '').pk;
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, 'pk', pk),
      }),
    );
    const entries = (page.Items ?? []).map(({ at, actor, action, target, detail }) => ({
      at,
      actor,
      action,
      ...(target ? { target } : {}),
      ...(detail ? { detail } : {}),
    })) as AuditEntry[];
    const nextCursor = encodeCursor(page.LastEvaluatedKey);
    return { entries, ...(nextCursor ? { nextCursor } : {}) };
  }
}
