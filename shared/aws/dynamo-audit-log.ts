/**
 * The audit log: one item per staff action, partitioned per organisation and office day, so a day's log of one
 * organisation reads in one query and no organisation ever reads another's. Changes write their audit item in
 * their own transaction (audit-item.ts); `record` is for views, listings and reveals, which change nothing else.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { currentActionName } from '../domain/suggestion/lifecycle';
import type { AuditEntry } from '../domain/staff/audit-record';
import { keys } from '../model/table';
import type { AuditLog, AuditRecord } from '../ports';
import { auditItem } from './audit-item';
import { decodeCursor, encodeCursor } from './cursor';

export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: auditItem(entry) }));
  }

  async list(orgId: string, day: string, limit: number, cursor?: string): Promise<{ entries: AuditEntry[]; nextCursor?: string }> {
    const pk = keys.audit(orgId, day, '', '').pk;
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
      action: currentActionName(String(action)),
      ...(target ? { target } : {}),
      ...(detail ? { detail } : {}),
    })) as AuditEntry[];
    const nextCursor = encodeCursor(page.LastEvaluatedKey);
    return { entries, ...(nextCursor ? { nextCursor } : {}) };
  }
}
