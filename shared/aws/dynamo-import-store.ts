/**
 * 批量导入 (issue 12): imports in the organisation's partition (ORG#<org>#IMPORTS), each row's result and each
 * finished chunk in partitions of their own. A row's result is written once (attribute_not_exists: the first
 * answer stands, a redelivered chunk's second answer — "already received" — does not replace "imported"); a
 * chunk's counts are derived from its rows and put whole; the import's counts are the sum of its chunks', set
 * only when more chunks are in it than last time — so no count is ever added twice.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sumCounts, type BulkImport, type ImportCounts, type ImportMapping, type ImportRowResult } from '../domain/imports/bulk-import';
import type { AuditRecord } from '../domain/staff/audit-record';
import { keys } from '../model/table';
import type { ImportStore } from '../ports/imports';
import { auditItem, auditPut } from './audit-item';
import { isConditionalCheckFailed } from './dynamo-errors';
import { queryAll } from './query-all';

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = item;
  return rest as T;
}

export class DynamoImportStore implements ImportStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(record: BulkImport, audit: AuditRecord): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keys.bulkImport(record.orgId, record.id), type: 'bulkImport', ...record }, ConditionExpression: 'attribute_not_exists(pk)' } },
          auditPut(this.tableName, audit),
        ],
      }),
    );
  }

  async get(orgId: string, id: string): Promise<BulkImport | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.bulkImport(orgId, id), ConsistentRead: true }));
    return Item ? strip<BulkImport>(Item) : undefined;
  }

  async list(orgId: string, limit: number): Promise<BulkImport[]> {
    const items = await queryAll(
      this.db,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.bulkImport(orgId, '').pk, ':prefix': 'IMPORT#' },
        ScanIndexForward: false,
        // The list shows no samples: they stay on the import's own page.
        ProjectionExpression: 'id, orgId, #system, fileName, #format, #state, rowCount, chunkCount, createdAt, createdBy, startedAt, finishedAt, #counts, chunksDone',
        ExpressionAttributeNames: { '#system': 'system', '#format': 'format', '#state': 'state', '#counts': 'counts' },
      },
      limit,
    );
    return items.map((i) => strip<BulkImport>(i));
  }

  async start(record: BulkImport, audit: AuditRecord): Promise<boolean> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.bulkImport(record.orgId, record.id),
                UpdateExpression: 'SET #state = :running, mapping = :mapping, sendReceipt = :receipt, startedAt = :at, startedBy = :by',
                ConditionExpression: '#state = :uploaded',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: {
                  ':running': 'running',
                  ':uploaded': 'uploaded',
                  ':mapping': record.mapping,
                  ':receipt': record.sendReceipt === true,
                  ':at': record.startedAt,
                  ':by': record.startedBy,
                },
              },
            },
            auditPut(this.tableName, audit),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error) || (error as { name?: string }).name === 'TransactionCanceledException') return false;
      throw error;
    }
  }

  async audit(audit: AuditRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: auditItem(audit), ConditionExpression: 'attribute_not_exists(pk)' }));
  }

  async rowResults(orgId: string, id: string, from: number, to: number): Promise<ImportRowResult[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.importRow(orgId, id, 0).pk, ':from': keys.importRow(orgId, id, from).sk, ':to': keys.importRow(orgId, id, to).sk },
      ConsistentRead: true,
    });
    return items.map((i) => strip<ImportRowResult>(i));
  }

  async recordRow(orgId: string, id: string, result: ImportRowResult): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.tableName, Item: { ...keys.importRow(orgId, id, result.row), type: 'importRow', ...result }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  async finishChunk(orgId: string, id: string, chunk: number, counts: ImportCounts, at: string): Promise<BulkImport | undefined> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.importChunk(orgId, id, chunk), type: 'importChunk', chunk, counts, at } }));
    const chunks = await this.chunkItems(orgId, id);
    const total = sumCounts(chunks.map((c) => c.counts));
    const record = await this.get(orgId, id);
    if (!record) return undefined;
    const done = chunks.length >= record.chunkCount;
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.bulkImport(orgId, id),
          UpdateExpression: done ? 'SET #counts = :counts, chunksDone = :n, #state = :done, finishedAt = if_not_exists(finishedAt, :at)' : 'SET #counts = :counts, chunksDone = :n',
          // A later sum has at least as many chunks: an earlier, smaller one never overwrites it (an equal one is the same sum).
          ConditionExpression: 'chunksDone <= :n',
          ExpressionAttributeNames: { '#counts': 'counts', ...(done ? { '#state': 'state' } : {}) },
          ExpressionAttributeValues: { ':counts': total, ':n': chunks.length, ...(done ? { ':done': 'done', ':at': at } : {}) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? strip<BulkImport>(Attributes) : undefined;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      return this.get(orgId, id);
    }
  }

  private async chunkItems(orgId: string, id: string): Promise<{ chunk: number; counts: ImportCounts }[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.importChunk(orgId, id, 0).pk },
      ConsistentRead: true,
    });
    return items.map((i) => ({ chunk: i.chunk as number, counts: i.counts as ImportCounts }));
  }

  async finishedChunks(orgId: string, id: string): Promise<number[]> {
    return (await this.chunkItems(orgId, id)).map((c) => c.chunk);
  }

  async *rowPages(orgId: string, id: string): AsyncIterable<ImportRowResult[]> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.importRow(orgId, id, 0).pk },
          ExclusiveStartKey: start,
          Limit: 1000,
        }),
      );
      yield (page.Items ?? []).map((i) => strip<ImportRowResult>(i));
      start = page.LastEvaluatedKey;
    } while (start);
  }

  async mappings(orgId: string): Promise<ImportMapping[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.importMapping(orgId, '').pk },
    });
    return items.map((i) => strip<ImportMapping & { orgId?: string }>(i)).map(({ orgId: _o, ...m }) => m as ImportMapping);
  }

  async saveMapping(orgId: string, mapping: ImportMapping, audit: AuditRecord): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [{ Put: { TableName: this.tableName, Item: { ...keys.importMapping(orgId, mapping.name), type: 'importMapping', ...mapping } } }, auditPut(this.tableName, audit)],
      }),
    );
  }
}
