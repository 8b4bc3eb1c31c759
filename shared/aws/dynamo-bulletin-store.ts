/**
 * Bulletins, every revision kept, in one partition per organisation (ORG#<org>#BULLETINS): a period's revisions
 * sort together. A revision is written once (conditional put), so generating a period twice changes nothing.
 */
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BulletinKind, BulletinRecord } from '../domain/bulletins/bulletin';
import { keys } from '../model/table';
import type { AuditRecord, BulletinStore } from '../ports';
import { auditPut } from './audit-item';
import { cancelledConditions, isConditionalCheckFailed } from './dynamo-errors';
import { queryAll } from './query-all';

function toRecord(item: Record<string, unknown>): BulletinRecord {
  const { pk: _pk, sk: _sk, type: _type, ...record } = item;
  return record as unknown as BulletinRecord;
}

export class DynamoBulletinStore implements BulletinStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(record: BulletinRecord, audit?: AuditRecord): Promise<boolean> {
    const Item = { ...keys.bulletin(record.orgId, record.kind, record.period, record.revision), type: 'bulletin', ...record };
    try {
      if (audit) {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [{ Put: { TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } }, auditPut(this.tableName, audit)],
          }),
        );
      } else {
        await this.db.send(new PutCommand({ TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' }));
      }
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error) || cancelledConditions(error)?.[0]) return false;
      throw error;
    }
  }

  async latest(orgId: string, kind: BulletinKind, period: string): Promise<BulletinRecord | undefined> {
    const items = await queryAll(
      this.db,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.bulletin(orgId, kind, period, 0).pk, ':prefix': `${kind}#${period}#r` },
        ScanIndexForward: false,
        ConsistentRead: true,
      },
      1,
    );
    return items[0] ? toRecord(items[0]) : undefined;
  }

  async get(orgId: string, kind: BulletinKind, period: string, revision: number): Promise<BulletinRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.bulletin(orgId, kind, period, revision) }));
    return Item ? toRecord(Item) : undefined;
  }

  async list(orgId: string, limit: number): Promise<Omit<BulletinRecord, 'figures'>[]> {
    const items = await queryAll(
      this.db,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.bulletin(orgId, 'week', '', 0).pk },
        // The figures are what the list does not show: leave them in the table.
        ProjectionExpression: 'orgId, kind, period, revision, generatedAt, generatedBy, #from, #to, files',
        ExpressionAttributeNames: { '#from': 'from', '#to': 'to' },
        ScanIndexForward: false,
      },
      limit,
    );
    return items.map(toRecord);
  }
}
