/**
 * The topic store in the application table (keys in shared/model/table.ts), laid out as the rate store is:
 *  - changes: the byOrgChanged index, read from its own watermark and a little before it (topicsRereadMs), so a write
 *    whose clock lagged another's is not skipped (reading a suggestion twice costs a comparison, never a count);
 *  - facts: one item per suggestion, and one membership item per (series, day) bucket it counts in;
 *  - counts: each bucket's count twice under deterministic keys — in its day's partition (the hot topics read a
 *    week as 14 queries) and in its series' partition (the spike detector reads a baseline as one query);
 *  - spikes: one partition per organisation, sorted by day.
 */
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SeriesKey, TopicBucket, TopicCount, TopicFacts } from '../domain/topics/series';
import { topicBucketKey, topicBucketsOf } from '../domain/topics/series';
import type { TopicSpike } from '../domain/topics/spike-detector';
import type { Suggestion } from '../domain/suggestion/suggestion';
import { keys } from '../model/table';
import type { TopicStore } from '../ports';
import { changedRows, rereadMs } from './changed-rows';
import { toSuggestion } from './dynamo-suggestion-store';
import { queryAll } from './query-all';

/** How far back from the watermark a run reads again (as the rates job does). */
export const topicsRereadMs = rereadMs;

export class DynamoTopicStore implements TopicStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async changedSince(orgId: string, since: string | undefined, limit: number): Promise<{ items: Suggestion[]; watermark?: string }> {
    const { rows, watermark } = await changedRows(this.db, this.tableName, orgId, since, limit, true);
    return { items: rows.map(toSuggestion), ...(watermark ? { watermark } : {}) };
  }

  async facts(orgId: string, id: string): Promise<TopicFacts | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.topicFacts(orgId, id), ConsistentRead: true }));
    return Item?.facts as TopicFacts | undefined;
  }

  async saveFacts(orgId: string, facts: TopicFacts, previous: TopicFacts | undefined): Promise<void> {
    const now = new Set(topicBucketsOf(facts).map(topicBucketKey));
    const gone = (previous ? topicBucketsOf(previous).map(topicBucketKey) : []).filter((key) => !now.has(key));
    // One transaction: the facts never disagree with the memberships (at most 30 keywords + category + 2 places,
    // and as many removals: within the 100 items of a transaction).
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keys.topicFacts(orgId, facts.id), type: 'topicFacts', facts } } },
          ...[...now].map((bucket) => ({
            Put: { TableName: this.tableName, Item: { ...keys.topicMember(orgId, bucket, facts.id), type: 'topicMember', title: facts.title } },
          })),
          ...gone.map((bucket) => ({ Delete: { TableName: this.tableName, Key: keys.topicMember(orgId, bucket, facts.id) } })),
        ],
      }),
    );
  }

  async members(orgId: string, bucket: TopicBucket): Promise<{ id: string; title: string }[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.topicMember(orgId, topicBucketKey(bucket), '').pk },
      ConsistentRead: true,
    });
    return items.map((item) => ({ id: String(item.sk), title: String(item.title ?? '') }));
  }

  async saveCount(orgId: string, count: TopicCount): Promise<void> {
    const byDay = keys.topicDayCount(orgId, count.day, count.series);
    const bySeries = keys.topicSeriesCount(orgId, count.series, count.day);
    if (count.count === 0) {
      await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: byDay }));
      await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: bySeries }));
      return;
    }
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...byDay, type: 'topicDayCount', count: count.count, sample: count.sample } }));
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...bySeries, type: 'topicSeriesCount', count: count.count } }));
  }

  async seriesCounts(orgId: string, series: SeriesKey, fromDay: string, toDay: string): Promise<Map<string, number>> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.topicSeriesCount(orgId, series, '').pk, ':from': fromDay, ':to': toDay },
      ConsistentRead: true,
    });
    return new Map(items.map((item) => [String(item.sk), Number(item.count)]));
  }

  async dayCounts(orgId: string, day: string): Promise<TopicCount[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.topicDayCount(orgId, day, '').pk },
    });
    return items.map((item) => ({ series: String(item.sk) as SeriesKey, day, count: Number(item.count), sample: (item.sample ?? []) as TopicCount['sample'] }));
  }

  async spikes(orgId: string, fromDay: string, toDay: string): Promise<TopicSpike[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.topicSpike(orgId, '', '').pk, ':from': `${fromDay}#`, ':to': `${toDay}#\uffff` },
      ConsistentRead: true,
    });
    return items.map((item) => item.spike as TopicSpike);
  }

  async saveSpike(orgId: string, spike: TopicSpike): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.topicSpike(orgId, spike.day, spike.series), type: 'topicSpike', spike } }));
  }

  async deleteSpike(orgId: string, day: string, series: SeriesKey): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.topicSpike(orgId, day, series) }));
  }

  async watermark(orgId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.topicWatermark(orgId), ConsistentRead: true }));
    return Item?.watermark as string | undefined;
  }

  async saveWatermark(orgId: string, watermark: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.topicWatermark(orgId), type: 'topicWatermark', watermark } }));
  }
}
