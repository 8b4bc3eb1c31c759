/** 督办 records, calendar overrides and reply templates: organisation-level items under ORG#<org>. */
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CalendarOverride, TimeLimitOverrides } from '../domain/deadlines';
import type { Escalation } from '../domain/supervision/escalation';
import type { ReplyTemplate } from '../domain/supervision/reply-template';
import { keys } from '../model/table';
import type { AuditRecord, SupervisionStore } from '../ports';
import { auditPut } from './audit-item';
import { queryAll } from './query-all';

/** The 督办 record's item; a supervisor's instruction writes it in the same transaction as the suggestion. */
export function escalationItem(orgId: string, escalation: Escalation): Record<string, unknown> {
  return { ...keys.escalation(orgId, escalation.suggestionId), type: 'escalation', escalation };
}

export class DynamoSupervisionStore implements SupervisionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async all(orgId: string, prefix: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':prefix': prefix },
    });
  }

  async escalation(orgId: string, suggestionId: string): Promise<Escalation | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.escalation(orgId, suggestionId), ConsistentRead: true }));
    return Item?.escalation as Escalation | undefined;
  }

  async saveEscalation(orgId: string, escalation: Escalation): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: escalationItem(orgId, escalation) }));
  }

  async escalations(orgId: string): Promise<Escalation[]> {
    return (await this.all(orgId, keys.escalationPrefix)).map((i) => i.escalation as Escalation);
  }

  async calendarOverrides(orgId: string): Promise<CalendarOverride[]> {
    return (await this.calendarSchedule(orgId)).overrides;
  }

  /** An admin's change and its audit record, in one transaction. */
  private async putAudited(item: Record<string, unknown>, audit: AuditRecord): Promise<void> {
    await this.db.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: this.tableName, Item: item } }, auditPut(this.tableName, audit)] }));
  }

  async calendarSchedule(orgId: string): Promise<{ overrides: CalendarOverride[]; coveredYears: number[] }> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.calendarOverrides(orgId) }));
    return { overrides: (Item?.overrides as CalendarOverride[] | undefined) ?? [], coveredYears: (Item?.coveredYears as number[] | undefined) ?? [] };
  }

  async saveCalendarOverrides(orgId: string, overrides: CalendarOverride[], coveredYears: number[], audit: AuditRecord): Promise<void> {
    await this.putAudited({ ...keys.calendarOverrides(orgId), type: 'calendar', overrides, coveredYears }, audit);
  }

  async timeLimits(orgId: string, campaignId?: string): Promise<{ org?: TimeLimitOverrides; campaign?: TimeLimitOverrides }> {
    const [org, campaign] = await Promise.all([
      this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.timeLimits(orgId) })),
      campaignId ? this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.campaign(orgId, campaignId) })) : undefined,
    ]);
    const orgLimits = org.Item?.limits as TimeLimitOverrides | undefined;
    const campaignLimits = campaign?.Item?.timeLimits as TimeLimitOverrides | undefined;
    return { ...(orgLimits ? { org: orgLimits } : {}), ...(campaignLimits ? { campaign: campaignLimits } : {}) };
  }

  async saveOrgTimeLimits(orgId: string, limits: TimeLimitOverrides, audit: AuditRecord): Promise<void> {
    await this.putAudited({ ...keys.timeLimits(orgId), type: 'timeLimits', limits }, audit);
  }

  async saveCampaignTimeLimits(orgId: string, campaignId: string, limits: TimeLimitOverrides, audit: AuditRecord): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.campaign(orgId, campaignId),
              UpdateExpression: 'SET timeLimits = :l, #type = if_not_exists(#type, :t), id = if_not_exists(id, :id)',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: { ':l': limits, ':t': 'campaign', ':id': campaignId },
            },
          },
          auditPut(this.tableName, audit),
        ],
      }),
    );
  }

  async replyTemplates(orgId: string): Promise<ReplyTemplate[]> {
    return (await this.all(orgId, keys.replyTemplatePrefix)).map((i) => i.template as ReplyTemplate);
  }

  async saveReplyTemplate(orgId: string, template: ReplyTemplate, audit: AuditRecord): Promise<void> {
    await this.putAudited({ ...keys.replyTemplate(orgId, template.id), type: 'replyTemplate', template }, audit);
  }
}
