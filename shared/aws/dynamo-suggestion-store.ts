/**
 * SuggestionStore on the single application table. Item layout (keys from shared/model/table.ts):
 *  SUG#id / SUG        the suggestion, with queue index attributes derived from its state
 *  SUG#id / TL#at#seq  timeline entries (one per transition)
 *  SUG#id / WF         workflow bookkeeping (the task token a staff action answers)
 *  TRACK#code / TRACK  tracking code -> id, unique by condition
 *  IDEM#scope#key      the first response to an Idempotency-Key
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors';
import { currentActionName } from '../domain/suggestion/lifecycle';
import { openStatuses, type Suggestion, type TimelineEntry } from '../domain/suggestion/suggestion';
import { keys, queuePartitions, tableModel, type IndexName } from '../model/table';
import { IdempotencyConflict, type IdempotencyRecord, type QueuePage, type QueueQuery, type SuggestionStore, type TransitionExtras } from '../ports';
import { auditPut } from './audit-item';
import type { AuditRecord } from '../domain/staff/audit-record';
import { decodeCursor, encodeCursor } from './cursor';
import { cancelledConditions } from './dynamo-errors';
import { queryAll } from './query-all';
import { escalationItem } from './dynamo-supervision-store';
// Campaigns (issue 11): responses
import { shardOf } from '../domain/campaign/aggregate';
import type { CampaignContribution } from '../ports';
import { counterUpdates, retryOnConflict, type TransactItem } from './campaign-counters';

const entityFields = [
  'id', 'orgId', 'trackingCode', 'pinHash', 'title', 'content', 'category', 'channel', 'location', 'contact', 'locale',
  'campaignId', 'stationId', 'status', 'tier', 'leadDepartmentId', 'cohandlerDepartmentIds', 'dueAt', 'submittedAt',
  'updatedAt', 'reply', 'version', 'phaseStartedAt', 'pendingExtension', 'extensionsApproved', 'infoRequest',
  'rating', 'reopenCount', 'mergedInto', 'escalatedAt', 'workflowError', 'progressNotedAt',
  // Adoption records (issue 10, point 4).
  'adoption', 'featured',
  // Every channel into one queue (issue 12).
  'source',
] as const satisfies readonly (keyof Suggestion)[];

/** Queue index attributes follow from the state: only open suggestions sit in the org and department queues. */
export function suggestionItem(s: Suggestion): Record<string, unknown> {
  const open = openStatuses.includes(s.status);
  return {
    ...keys.suggestion(s.id),
    type: 'suggestion',
    ...s,
    dueSk: `${s.dueAt}#${s.id}`,
    statusQueuePk: queuePartitions.status(s.orgId, s.status),
    ...(open ? { orgQueuePk: queuePartitions.org(s.orgId) } : {}),
    ...(open && s.leadDepartmentId ? { departmentQueuePk: queuePartitions.department(s.orgId, s.leadDepartmentId) } : {}),
    ...(s.workflowError ? { workflowParkedPk: queuePartitions.workflowParked(s.orgId) } : {}),
    changedPk: queuePartitions.changed(s.orgId),
    changedSk: `${s.updatedAt}#${s.id}`,
    // 案例库 (adoption records): a sparse key of the organisation's case library, present only while marked, for the
    // index the library's public page will add over it (one query lists an organisation's marked ideas).
    ...(s.featured ? { caseLibraryPk: queuePartitions.caseLibrary(s.orgId), caseLibrarySk: `${s.featured.at}#${s.id}` } : {}),
  };
}

export function toSuggestion(item: Record<string, unknown>): Suggestion {
  const s: Record<string, unknown> = {};
  for (const field of entityFields) if (item[field] !== undefined) s[field] = item[field];
  return s as unknown as Suggestion;
}

function timelineItem(id: string, e: TimelineEntry): Record<string, unknown> {
  return { ...keys.timelineEntry(id, e.at, e.seq), type: 'timeline', suggestionId: id, ...e };
}

function toTimelineEntry(item: Record<string, unknown>): TimelineEntry {
  const { at, seq, action, actor, fromStatus, toStatus, visibility, note } = item as unknown as TimelineEntry;
  return { at, seq, action: currentActionName(action) as TimelineEntry['action'], actor, fromStatus: fromStatus ?? null, toStatus, visibility, ...(note ? { note } : {}) };
}

export class DynamoSuggestionStore implements SuggestionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(
    s: Suggestion,
    entry: TimelineEntry,
    idempotency?: { scope: string; key: string; record: IdempotencyRecord; expiresAt?: number },
    campaign?: CampaignContribution,
    audit?: AuditRecord,
  ): Promise<void> {
    const items: TransactItem[] = [
      { Put: { TableName: this.tableName, Item: suggestionItem(s), ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.trackingCode(s.trackingCode), type: 'trackingCode', suggestionId: s.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { TableName: this.tableName, Item: timelineItem(s.id, entry) } },
    ];
    if (idempotency) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.idempotency(idempotency.scope, idempotency.key),
            type: 'idempotency',
            ...idempotency.record,
            // Without an expiry the record is kept for good: a source system's record id (import) is never taken twice.
            ...(idempotency.expiresAt !== undefined ? { [tableModel.timeToLiveAttribute]: idempotency.expiresAt } : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    for (let attempt = 0; ; attempt++) {
      try {
        // Campaigns (issue 11): responses — a campaign suggestion's counters, on a shard chosen by its id (the next
        // one on a retry after a conflict), appended last so the positions above stay as they are.
        const counting = campaign ? counterUpdates(this.tableName, s.orgId, campaign.campaignId, shardOf(campaign.shardKey) + attempt, campaign.counters) : [];
        // Issue 12: staff entry and callbacks — the audit record of a staff entry goes last, after everything above.
        const audited = audit ? [auditPut(this.tableName, audit)] : [];
        await this.db.send(new TransactWriteCommand({ TransactItems: [...items, ...counting, ...audited] }));
        return;
      } catch (error) {
        if (campaign && (await retryOnConflict(error, attempt))) continue;
        const failed = cancelledConditions(error);
        if (idempotency && failed?.[3]) throw new IdempotencyConflict();
        throw error;
      }
    }
  }

  async getIdempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.idempotency(scope, key), ConsistentRead: true }));
    return Item ? { fingerprint: String(Item.fingerprint), response: Item.response } : undefined;
  }

  async get(id: string): Promise<Suggestion | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.suggestion(id), ConsistentRead: true }));
    return Item ? toSuggestion(Item) : undefined;
  }

  async getByTrackingCode(code: string): Promise<Suggestion | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.trackingCode(code) }));
    return Item ? this.get(String(Item.suggestionId)) : undefined;
  }

  async timeline(id: string): Promise<TimelineEntry[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :tl)',
      ExpressionAttributeValues: { ':pk': keys.suggestion(id).pk, ':tl': keys.timelinePrefix },
      ConsistentRead: true,
    });
    return items.map(toTimelineEntry);
  }

  async saveTransition(next: Suggestion, expectedVersion: number, entry: TimelineEntry, also: TransitionExtras = {}): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: suggestionItem(next),
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              },
            },
            { Put: { TableName: this.tableName, Item: timelineItem(next.id, entry), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...(also.escalation ? [{ Put: { TableName: this.tableName, Item: escalationItem(next.orgId, also.escalation) } }] : []),
            ...(also.audit ? [auditPut(this.tableName, also.audit)] : []),
          ],
        }),
      );
    } catch (error) {
      if (cancelledConditions(error)?.some(Boolean)) throw new ConflictError('error.concurrentUpdate', undefined, 'concurrent_update');
      throw error;
    }
  }

  async setWorkflowToken(id: string, token: string | null): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { pk: keys.suggestion(id).pk, sk: 'WF', type: 'workflow', taskToken: token } }),
    );
  }

  async getWorkflowToken(id: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: keys.suggestion(id).pk, sk: 'WF' }, ConsistentRead: true }));
    return typeof Item?.taskToken === 'string' ? Item.taskToken : undefined;
  }

  /**
   * One page of a queue, ordered by deadline. The index follows the filters; remaining filters are applied by
   * DynamoDB, and the loop keeps reading until the page is full so a selective filter never yields empty pages
   * with a cursor.
   */
  async queue(q: QueueQuery): Promise<QueuePage> {
    const [index, partitionAttribute, partitionValue] = this.chooseIndex(q);
    const filters: string[] = [];
    const values: Record<string, unknown> = { ':p': partitionValue };
    const names: Record<string, string> = {};
    if (q.status && index !== 'byStatusDue') {
      filters.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = q.status;
    }
    if (q.departmentId && index !== 'byDepartmentDue') {
      filters.push('leadDepartmentId = :dept');
      values[':dept'] = q.departmentId;
    }
    if (q.cohandlerDepartmentId) {
      // A list attribute cannot key an index; the org's queue filtered by it stays small for one district.
      filters.push('contains(cohandlerDepartmentIds, :coh)');
      values[':coh'] = q.cohandlerDepartmentId;
    }
    if (q.category) {
      filters.push('category = :category');
      values[':category'] = q.category;
    }
    if (q.from) {
      filters.push('submittedAt >= :from');
      values[':from'] = q.from;
    }
    if (q.to) {
      filters.push('submittedAt < :to');
      values[':to'] = q.to;
    }
    if (q.overdueAt) {
      // Replied ones wait for the citizen's rating: their deadline is the rating window's, not the office's.
      filters.push('#status <> :replied');
      names['#status'] = 'status';
      values[':replied'] = 'replied';
      values[':due'] = q.overdueAt;
    }
    const items: Suggestion[] = [];
    let start = decodeCursor(q.cursor, partitionAttribute, partitionValue);
    for (let round = 0; round < 20 && items.length < q.limit; round++) {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: q.overdueAt ? `${partitionAttribute} = :p AND dueSk < :due` : `${partitionAttribute} = :p`,
          ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
          ExpressionAttributeValues: values,
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ExclusiveStartKey: start,
          Limit: q.limit - items.length,
        }),
      );
      for (const item of page.Items ?? []) items.push(toSuggestion(item));
      start = page.LastEvaluatedKey;
      if (!start) break;
    }
    const nextCursor = encodeCursor(start);
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  }

  /** The organisation's suggestions whose workflow is parked after an error (the sparse index holds only those). */
  async parked(orgId: string, limit: number): Promise<Suggestion[]> {
    // An index query stays a QueryCommand here, where the SDK-command analysis (test/infra) sees which index it uses.
    const out: Suggestion[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byWorkflowParked' satisfies IndexName,
          KeyConditionExpression: 'workflowParkedPk = :p',
          ExpressionAttributeValues: { ':p': queuePartitions.workflowParked(orgId) },
          ExclusiveStartKey: start,
          Limit: limit - out.length,
        }),
      );
      out.push(...(page.Items ?? []).map(toSuggestion));
      start = page.LastEvaluatedKey;
    } while (start && out.length < limit);
    return out;
  }

  private chooseIndex(q: QueueQuery): [IndexName, string, string] {
    const byName = (name: IndexName) => tableModel.indexes.find((i) => i.name === name)!.partitionKey;
    if (q.status) return ['byStatusDue', byName('byStatusDue'), queuePartitions.status(q.orgId, q.status)];
    if (q.departmentId) return ['byDepartmentDue', byName('byDepartmentDue'), queuePartitions.department(q.orgId, q.departmentId)];
    return ['byOrgDue', byName('byOrgDue'), queuePartitions.org(q.orgId)];
  }
}
