/**
 * Integration records: one item per integration under its organisation (`ORG#o` / `INTEGRATION#id`) holding the
 * record and its version, with `lastUsedAt` beside them (written by use, never by an admin's save); and one item
 * per key (`INTEGRATIONKEY#id`) with the key's hash and organisation, found by the id the key carries.
 */
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Integration } from '../domain/integration/integration';
import { ConflictError } from '../domain/errors';
import { keys } from '../model/table';
import type { AuditRecord, IntegrationCredential, IntegrationStore } from '../ports';
import { auditPut } from './audit-item';
import { cancelledConditions, isConditionalCheckFailed } from './dynamo-errors';
import { queryAll } from './query-all';

type Item = Record<string, unknown>;

function integrationOf(item: Item | undefined): Integration | undefined {
  if (!item?.record) return undefined;
  const record = item.record as Integration;
  return typeof item.lastUsedAt === 'string' ? { ...record, lastUsedAt: item.lastUsedAt } : record;
}

export class DynamoIntegrationStore implements IntegrationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(orgId: string, integrationId: string): Promise<Integration | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.integration(orgId, integrationId), ConsistentRead: true }));
    return integrationOf(Item);
  }

  async list(orgId: string): Promise<Integration[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':prefix': 'INTEGRATION#' },
    });
    return items.flatMap((item) => integrationOf(item) ?? []);
  }

  async create(integration: Integration, keyHash: string, audit: AuditRecord): Promise<void> {
    const { lastUsedAt: _l, ...record } = integration;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.integration(integration.orgId, integration.id), type: 'integration', record, version: integration.version },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.integrationKey(integration.id), type: 'integrationKey', orgId: integration.orgId, keyHash },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          auditPut(this.tableName, audit),
        ],
      }),
    );
  }

  async save(integration: Integration, expectedVersion: number, audit: AuditRecord): Promise<void> {
    const { lastUsedAt: _l, ...record } = integration;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.integration(integration.orgId, integration.id),
                UpdateExpression: 'SET #record = :record, #version = :version',
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#record': 'record', '#version': 'version' },
                ExpressionAttributeValues: { ':record': record, ':version': integration.version, ':expected': expectedVersion },
              },
            },
            auditPut(this.tableName, audit),
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error)?.[0]) throw new ConflictError('error.concurrentIntegrationUpdate', undefined, 'concurrent_update');
      throw error;
    }
  }

  async credential(integrationId: string): Promise<IntegrationCredential | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.integrationKey(integrationId) }));
    return Item ? { orgId: String(Item.orgId), keyHash: String(Item.keyHash) } : undefined;
  }

  async touch(orgId: string, integrationId: string, at: string, staleBefore: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.integration(orgId, integrationId),
          UpdateExpression: 'SET lastUsedAt = :at',
          ConditionExpression: 'attribute_exists(#record) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :stale)',
          ExpressionAttributeNames: { '#record': 'record' },
          ExpressionAttributeValues: { ':at': at, ':stale': staleBefore },
        }),
      );
    } catch (error) {
      // Used within the last minute already (or by another container just now): nothing to record.
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}
