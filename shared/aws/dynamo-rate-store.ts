/**
 * The rate store in the application table (keys in shared/model/table.ts):
 *  - changes: the byOrgChanged index, an organisation's suggestions by `updatedAt#id`; the watermark is the last key
 *    read, and a run reads again from a little before it, so a write whose clock lagged another's is not skipped
 *    (reading a suggestion twice costs a recompute, never a wrong figure);
 *  - facts: one item per suggestion, and one membership item per bucket it counts in, holding the facts, in the
 *    group's partition, so a bucket's (or a period's) members are one query;
 *  - tallies: one item per (group, day), so a group's days are one query;
 *  - summaries: one item per period with every group's tally, so the dashboard's figures are one query;
 *  - state: the watermark, the last overdue check, the full recompute asked for and the last one done.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../domain/staff/audit-record';
import { bucketKey, bucketsOf, type Bucket } from '../domain/rates/buckets';
import type { RateFacts } from '../domain/rates/facts';
import type { SummaryKind } from '../domain/rates/periods';
import { defaultRankingSettings, type RankingSettings } from '../domain/rates/ranking';
import { emptyTally, type Tally } from '../domain/rates/tally';
import { keys, queuePartitions, type IndexName } from '../model/table';
import type { RateStore, RatesState, RateSummary, SuggestionHistory } from '../ports';
import { auditPut } from './audit-item';
import { toSuggestion, type DynamoSuggestionStore } from './dynamo-suggestion-store';
import { queryAll } from './query-all';

const groupPrefix = 'g:';
const isEmpty = (t: Tally) => Object.values(t).every((v) => v === 0);

/** How far back from the watermark a run reads again. */
export const rereadMs = 5 * 60_000;

export class DynamoRateStore implements RateStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly suggestions: Pick<DynamoSuggestionStore, 'timeline'>,
  ) {}

  async changedSince(orgId: string, since: string | undefined, limit: number): Promise<{ items: SuggestionHistory[]; watermark?: string }> {
    const from = since ? new Date(Date.parse(since.split('#')[0]!) - rereadMs).toISOString() : undefined;
    // Pages until `limit` rows past the watermark (or the end): the re-read window alone never ends a run early.
    const rows: Record<string, unknown>[] = [];
    let fresh = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byOrgChanged' satisfies IndexName,
          KeyConditionExpression: from ? 'changedPk = :p AND changedSk > :from' : 'changedPk = :p',
          ExpressionAttributeValues: { ':p': queuePartitions.changed(orgId), ...(from ? { ':from': from } : {}) },
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
      for (const row of page.Items ?? []) {
        if (fresh >= limit) break;
        rows.push(row);
        if (!since || String(row.changedSk) > since) fresh++;
      }
      start = page.LastEvaluatedKey;
    } while (start && fresh < limit);
    if (!fresh) return { items: [] };
    const items = await Promise.all(rows.map(async (r) => ({ suggestion: toSuggestion(r), timeline: await this.suggestions.timeline(String(r.id)) })));
    return { items, watermark: String(rows.at(-1)!.changedSk) };
  }

  async dueBetween(orgId: string, after: string, until: string): Promise<SuggestionHistory[]> {
    // The open queue by deadline (replied ones are in it too, and are never overdue: the facts say so).
    const rows: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byOrgDue' satisfies IndexName,
          KeyConditionExpression: 'orgQueuePk = :p AND dueSk BETWEEN :after AND :until',
          ExpressionAttributeValues: { ':p': queuePartitions.org(orgId), ':after': `${after}~`, ':until': `${until}~` },
          ExclusiveStartKey: start,
        }),
      );
      rows.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return Promise.all(rows.map(async (r) => ({ suggestion: toSuggestion(r), timeline: await this.suggestions.timeline(String(r.id)) })));
  }

  async facts(orgId: string, id: string): Promise<RateFacts | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.rateFacts(orgId, id), ConsistentRead: true }));
    return Item?.facts as RateFacts | undefined;
  }

  async saveFacts(orgId: string, facts: RateFacts, previous: RateFacts | undefined): Promise<void> {
    const now = new Map(bucketsOf(facts).map((b) => [bucketKey(b), b]));
    const gone = (previous ? bucketsOf(previous) : []).filter((b) => !now.has(bucketKey(b)));
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keys.rateFacts(orgId, facts.id), type: 'rateFacts', facts } } },
          ...[...now.values()].map((b) => ({ Put: { TableName: this.tableName, Item: { ...keys.rateMember(orgId, b.group, b.day, facts.id), type: 'rateMember', facts } } })),
          ...gone.map((b) => ({ Delete: { TableName: this.tableName, Key: keys.rateMember(orgId, b.group, b.day, facts.id) } })),
        ],
      }),
    );
  }

  async members(orgId: string, bucket: Bucket): Promise<RateFacts[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :day)',
      ExpressionAttributeValues: { ':pk': keys.rateMember(orgId, bucket.group, '', '').pk, ':day': `${bucket.day}#` },
      ConsistentRead: true,
    });
    return items.map((item) => item.facts as RateFacts);
  }

  async membersIn(orgId: string, group: string, fromDay: string, toDay: string): Promise<RateFacts[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.rateMember(orgId, group, '', '').pk, ':from': `${fromDay}#`, ':to': `${toDay}#~` },
    });
    // A suggestion counts on its submission day and its assignment day: once in the list.
    return [...new Map(items.map((item) => [(item.facts as RateFacts).id, item.facts as RateFacts])).values()];
  }

  async saveTally(orgId: string, bucket: Bucket, tally: Tally): Promise<void> {
    const key = keys.rateTally(orgId, bucket.group, bucket.day);
    if (isEmpty(tally)) await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: key }));
    else await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...key, type: 'rateTally', tally } }));
  }

  async tallies(orgId: string, group: string, fromDay: string, toDay: string): Promise<Map<string, Tally>> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.rateTally(orgId, group, '').pk, ':from': fromDay, ':to': toDay },
      ConsistentRead: true,
    });
    return new Map(items.map((item) => [String(item.sk), { ...emptyTally(), ...(item.tally as Tally) }]));
  }

  async saveSummary(orgId: string, kind: SummaryKind, period: string, group: string, tally: Tally): Promise<void> {
    // One attribute per group, set (never added to): the job recomputes it from the days it sums.
    const Key = keys.rateSummary(orgId, kind, period);
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key,
        ...(isEmpty(tally)
          ? { UpdateExpression: 'REMOVE #g' }
          : { UpdateExpression: 'SET #g = :t, #type = :type', ExpressionAttributeValues: { ':t': tally, ':type': 'rateSummary' } }),
        ExpressionAttributeNames: { '#g': `${groupPrefix}${group}`, ...(isEmpty(tally) ? {} : { '#type': 'type' }) },
      }),
    );
  }

  async summaries(orgId: string, kind: SummaryKind, fromPeriod: string, toPeriod: string): Promise<RateSummary[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.rateSummary(orgId, kind, '').pk, ':from': fromPeriod, ':to': toPeriod },
    });
    return items
      .map((item) => ({
        kind,
        period: String(item.sk),
        groups: Object.fromEntries(
          Object.entries(item)
            .filter(([name]) => name.startsWith(groupPrefix))
            .map(([name, tally]) => [name.slice(groupPrefix.length), { ...emptyTally(), ...(tally as Tally) }]),
        ),
      }))
      .filter((s) => Object.keys(s.groups).length > 0);
  }

  async state(orgId: string): Promise<RatesState> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.rateState(orgId), ConsistentRead: true }));
    const { watermark, overdueCheckedAt, fullRequested, lastFull } = (Item ?? {}) as RatesState;
    return { ...(watermark ? { watermark } : {}), ...(overdueCheckedAt ? { overdueCheckedAt } : {}), ...(fullRequested ? { fullRequested } : {}), ...(lastFull ? { lastFull } : {}) };
  }

  async saveState(orgId: string, patch: Partial<RatesState>): Promise<void> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    if (!entries.length) return;
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.rateState(orgId),
        UpdateExpression: `SET #type = :type, ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: { '#type': 'type', ...Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])) },
        ExpressionAttributeValues: { ':type': 'rateState', ...Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])) },
      }),
    );
  }

  async requestFull(orgId: string, at: string, by: string, audit: AuditRecord): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.rateState(orgId),
              UpdateExpression: 'SET #type = :type, fullRequested = :r',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: { ':type': 'rateState', ':r': { at, by } },
            },
          },
          auditPut(this.tableName, audit),
        ],
      }),
    );
  }

  async rankingSettings(orgId: string): Promise<RankingSettings> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.rankingSettings(orgId) }));
    return { ...defaultRankingSettings, ...((Item?.settings as Partial<RankingSettings> | undefined) ?? {}) };
  }

  async saveRankingSettings(orgId: string, settings: RankingSettings, audit: AuditRecord): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [{ Put: { TableName: this.tableName, Item: { ...keys.rankingSettings(orgId), type: 'rankingSettings', settings } } }, auditPut(this.tableName, audit)],
      }),
    );
  }
}
