/**
 * Organisation data staff screens need: departments, staff profiles (who is reminded, in which role and
 * department) and the queue statistics the scheduled job writes.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Department } from '../domain/organisation/department';
import type { StaffProfile } from '../domain/staff/staff';
import type { QueueStats } from '../domain/stats/queue-stats';
import { keys } from '../model/table';
import { StaffAccountExists, type AuditRecord, type Directory } from '../ports';
import { cancelledConditions } from './dynamo-errors';
import { auditPut } from './audit-item';
import { queryAll } from './query-all';

/** A profile item as the domain sees it: no keys, no empty optional fields. */
function toStaffProfile(item: Record<string, unknown>, orgId: string): StaffProfile {
  const { username, name, role, departmentId, email, phone, active } = item as unknown as StaffProfile;
  return {
    username,
    name,
    role,
    orgId,
    ...(departmentId ? { departmentId } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(active === false ? { active: false } : {}),
  };
}

/** A staff profile's items: the profile under its organisation, and the username's pointer to it. */
export function staffProfileItems(profile: StaffProfile): [Record<string, unknown>, Record<string, unknown>] {
  return [
    { ...keys.staffProfile(profile.orgId, profile.username), type: 'staffProfile', ...profile },
    { ...keys.staffAccount(profile.username), type: 'staffAccount', username: profile.username, orgId: profile.orgId },
  ];
}

export class DynamoDirectory implements Directory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async departments(orgId: string): Promise<Department[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :dept)',
        ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':dept': keys.departmentPrefix },
      }),
    );
    return (Items ?? []).map(({ id, name, en }) => ({ id, name, en }) as Department);
  }

  async staff(orgId: string): Promise<StaffProfile[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :staff)',
      ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':staff': keys.staffProfilePrefix },
    });
    return items.map((item) => toStaffProfile(item, orgId));
  }

  async staffMember(orgId: string, username: string): Promise<StaffProfile | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.staffProfile(orgId, username) }));
    return Item ? toStaffProfile(Item, orgId) : undefined;
  }

  /** The admin's change and its audit record, in one transaction. */
  private async putAudited(item: Record<string, unknown>, audit: AuditRecord): Promise<void> {
    await this.db.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: this.tableName, Item: item } }, auditPut(this.tableName, audit)] }));
  }

  async saveDepartment(orgId: string, department: Department, audit: AuditRecord): Promise<void> {
    await this.putAudited({ ...keys.department(orgId, department.id), type: 'department', id: department.id, name: department.name, en: department.en }, audit);
  }

  async staffAccount(username: string): Promise<StaffProfile | undefined> {
    const { Item: account } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.staffAccount(username) }));
    return typeof account?.orgId === 'string' ? this.staffMember(account.orgId, username) : undefined;
  }

  /** The profile, the username's organisation pointer and the audit record, in one transaction. */
  async saveStaff(profile: StaffProfile, audit: AuditRecord): Promise<void> {
    const [profileItem, accountItem] = staffProfileItems(profile);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: profileItem } },
            // A username belongs to one organisation: another organisation's admin cannot take it over.
            { Put: { TableName: this.tableName, Item: accountItem, ConditionExpression: 'attribute_not_exists(pk) OR orgId = :org', ExpressionAttributeValues: { ':org': profile.orgId } } },
            auditPut(this.tableName, audit),
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error)?.[1]) throw new StaffAccountExists(profile.username);
      throw error;
    }
  }

  async queueStats(orgId: string): Promise<QueueStats | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.queueStats(orgId) }));
    return Item ? (Item.stats as QueueStats) : undefined;
  }

  async saveQueueStats(orgId: string, stats: QueueStats): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.queueStats(orgId), type: 'stats', stats } }));
  }
}
