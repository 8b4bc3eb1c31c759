/**
 * Campaign records: one item per campaign under its organisation (`ORG#o` / `CAMPAIGN#id`), the campaign under
 * `record` with `version` beside it. The same item holds the campaign's time limits (`timeLimits`, written by the
 * time-limits page), so every write here is an update of its own attributes, never a put over the item.
 */
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '../domain/campaign/campaign';
import { ConflictError } from '../domain/errors';
import { keys } from '../model/table';
import type { AuditRecord, CampaignStore } from '../ports';
import { auditItem } from './audit-item';
import { cancelledConditions, isConditionalCheckFailed } from './dynamo-errors';
import { queryAll } from './query-all';

const campaignPrefix = 'CAMPAIGN#';

export class DynamoCampaignStore implements CampaignStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(orgId: string, campaignId: string): Promise<Campaign | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.campaign(orgId, campaignId), ConsistentRead: true }));
    return Item?.record as Campaign | undefined;
  }

  async list(orgId: string): Promise<Campaign[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':prefix': campaignPrefix },
    });
    // An item with time limits only (set before the campaign was created here) has no record.
    return items.flatMap((item) => (item.record ? [item.record as Campaign] : []));
  }

  async create(campaign: Campaign, audit: AuditRecord): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.campaign(campaign.orgId, campaign.id),
                UpdateExpression: 'SET #record = :record, #version = :version, #type = :type, campaignId = :id',
                // Time limits may exist already (saved for this slug beforehand); a record may not.
                ConditionExpression: 'attribute_not_exists(#record)',
                ExpressionAttributeNames: { '#record': 'record', '#version': 'version', '#type': 'type' },
                ExpressionAttributeValues: { ':record': campaign, ':version': campaign.version, ':type': 'campaign', ':id': campaign.id },
              },
            },
            { Put: { TableName: this.tableName, Item: auditItem(audit), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error)?.[0]) throw new ConflictError('error.campaignIdTaken', { id: campaign.id }, 'campaign_id_taken');
      throw error;
    }
  }

  /** The record and its version, written only on the version read (optimistic lock). */
  private recordUpdate(campaign: Campaign, expectedVersion: number) {
    return {
      TableName: this.tableName,
      Key: keys.campaign(campaign.orgId, campaign.id),
      UpdateExpression: 'SET #record = :record, #version = :version',
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#record': 'record', '#version': 'version' },
      ExpressionAttributeValues: { ':record': campaign, ':version': campaign.version, ':expected': expectedVersion },
    };
  }

  async saveScheduled(campaign: Campaign, expectedVersion: number): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand(this.recordUpdate(campaign, expectedVersion)),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new ConflictError('error.concurrentCampaignUpdate', undefined, 'concurrent_update');
      throw error;
    }
  }

  async save(campaign: Campaign, expectedVersion: number, audit: AuditRecord): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: this.recordUpdate(campaign, expectedVersion),
            },
            { Put: { TableName: this.tableName, Item: auditItem(audit), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error)?.[0]) throw new ConflictError('error.concurrentCampaignUpdate', undefined, 'concurrent_update');
      throw error;
    }
  }
}
