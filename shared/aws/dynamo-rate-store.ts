/**
 * The rate store in the application table (keys in shared/model/table.ts):
 *  - changes: the byOrgChanged index, an organisation's suggestions by `updatedAt#id`; the watermark is the last key
 *    read, and a run reads again from a little before it, so a write whose clock lagged another's is not skipped
 *    (reading a suggestion twice costs a recompute, never a wrong figure);
 *  - facts: one item per suggestion, and one membership item per bucket it counts in, holding the facts, so a
 *    bucket's members are one query;
 *  - tallies: one item per (group, day), so a group's days are one query.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { bucketKey, bucketsOf, type Bucket } from '../domain/rates/buckets';
import type { RateFacts } from '../domain/rates/facts';
import { emptyTally, type Tally } from '../domain/rates/tally';
import { keys, queuePartitions, type IndexName } from '../model/table';
import type { RateStore, SuggestionHistory } from '../ports';
import { toSuggestion, type DynamoSuggestionStore } from './dynamo-suggestion-store';
import { queryAll } from './query-all';

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

  async facts(orgId: string, id: string): Promise<RateFacts | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.rateFacts(orgId, id), ConsistentRead: true }));
    return Item?.facts as RateFacts | undefined;
  }

  async saveFacts(orgId: string, facts: RateFacts, previous: RateFacts | undefined): Promise<void> {
    const now = new Set(bucketsOf(facts).map(bucketKey));
    const gone = (previous ? bucketsOf(previous).map(bucketKey) : []).filter((key) => !now.has(key));
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keys.rateFacts(orgId, facts.id), type: 'rateFacts', facts } } },
          ...[...now].map((bucket) => ({ Put: { TableName: this.tableName, Item: { ...keys.rateMember(orgId, bucket, facts.id), type: 'rateMember', facts } } })),
          ...gone.map((bucket) => ({ Delete: { TableName: this.tableName, Key: keys.rateMember(orgId, bucket, facts.id) } })),
        ],
      }),
    );
  }

  async members(orgId: string, bucket: Bucket): Promise<RateFacts[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.rateMember(orgId, bucketKey(bucket), '').pk },
      ConsistentRead: true,
    });
    return items.map((item) => item.facts as RateFacts);
  }

  async saveTally(orgId: string, bucket: Bucket, tally: Tally): Promise<void> {
    const key = keys.rateTally(orgId, bucket.group, bucket.day);
    if (Object.values(tally).every((v) => v === 0)) await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: key }));
    else await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...key, type: 'rateTally', tally } }));
  }

  async tallies(orgId: string, group: string, fromDay: string, toDay: string): Promise<Map<string, Tally>> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.rateTally(orgId, group, '').pk, ':from': fromDay, ':to': toDay },
    });
    return new Map(items.map((item) => [String(item.sk), { ...emptyTally(), ...(item.tally as Tally) }]));
  }

  async watermark(orgId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.rateWatermark(orgId), ConsistentRead: true }));
    return Item?.watermark as string | undefined;
  }

  async saveWatermark(orgId: string, watermark: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.rateWatermark(orgId), type: 'rateWatermark', watermark } }));
  }

  async clear(orgId: string): Promise<void> {
    // The facts name their buckets; the tallies are found through the groups of the buckets.
    const groups = new Set<string>();
    const kept = await queryAll(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.rateFacts(orgId, '').pk } });
    for (const item of kept) {
      if (!item.facts) continue;
      const facts = item.facts as RateFacts;
      for (const b of bucketsOf(facts)) {
        groups.add(b.group);
        await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.rateMember(orgId, bucketKey(b), facts.id) }));
      }
      await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: item.pk, sk: item.sk } }));
    }
    for (const group of groups) {
      for (const day of (await this.tallies(orgId, group, '0000', '9999')).keys()) {
        await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.rateTally(orgId, group, day) }));
      }
    }
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.rateWatermark(orgId) }));
  }
}
