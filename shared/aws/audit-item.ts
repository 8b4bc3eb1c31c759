/**
 * The DynamoDB item of an audit record, partitioned per organisation and office day (a day's log of one
 * organisation reads in one query). Every store that writes a staff change puts this item in the same
 * TransactWriteItems, so the change and its audit row commit together or not at all.
 */
import { ulid } from 'ulid';
import { officeDay } from '../domain/office-day';
import { keys } from '../model/table';
import type { AuditRecord } from '../ports';

export function auditItem(record: AuditRecord): Record<string, unknown> {
  const { orgId, ...entry } = record;
  return { ...keys.audit(orgId, officeDay(entry.at), entry.at, ulid()), type: 'audit', orgId, ...entry };
}

/** A Put of the audit item for a TransactWriteItems list; a fresh ulid in the key means it never collides. */
export function auditPut(tableName: string, record: AuditRecord) {
  return { Put: { TableName: tableName, Item: auditItem(record), ConditionExpression: 'attribute_not_exists(pk)' } };
}
