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
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '../domain/staff/audit-record';
import { bucketKey, bucketsOf, type Bucket } from '../domain/rates/buckets';
import type { RateFacts } from '../domain/rates/facts';
import type { SummaryKind } from '../domain/rates/periods';
import { defaultRankingSettings, type RankingSettings } from '../domain/rates/ranking';
import { emptyTally, type Tally } from '../domain/rates/tally';
import { keys, queuePartitions, type IndexName } from '../model/table';
import { StaleFactsError, type KeptFacts, type RateStore, type RatesState, type RateSummary, type SuggestionHistory } from '../ports';
import { isEmptyTally, type ChangeDeltas } from '../domain/rates/contributions';
import { cancelledConditions as transactionConditionFailures } from './dynamo-errors';
import { auditPut } from './audit-item';
import { changedRows } from './changed-rows';
import { toSuggestion, type DynamoSuggestionStore } from './dynamo-suggestion-store';
import { queryAll } from './query-all';

/** A period's figures are one attribute per group and count: `department:transport|closed`. */
const fieldSeparator = '|';
const tallyFields = emptyTally();

/** A tally item's counts (top-level attributes, so a change can ADD to each). */
function tallyFrom(item: Record<string, unknown>): Tally {
  const t = emptyTally();
  for (const field of Object.keys(t) as (keyof Tally)[]) if (typeof item[field] === 'number') t[field] = item[field] as number;
  return t;
}

/** Zero counts are not stored: a period's item holds every group, and stays small. */
function nonZero(t: Tally): Partial<Tally> {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== 0));
}

export { rereadMs } from './changed-rows';

export class DynamoRateStore implements RateStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly suggestions: Pick<DynamoSuggestionStore, 'timeline'>,
  ) {}

  async changedSince(orgId: string, since: string | undefined, limit: number, reread = false): Promise<{ items: SuggestionHistory[]; watermark?: string }> {
    const { rows, watermark } = await changedRows(this.db, this.tableName, orgId, since, limit, reread);
    return { items: await this.withTimelines(rows), ...(watermark ? { watermark } : {}) };
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
    return this.withTimelines(rows);
  }

  /** Each row's suggestion with its timeline: 8 timeline queries at a time, not a page's 200 at once. */
  private async withTimelines(rows: Record<string, unknown>[]): Promise<SuggestionHistory[]> {
    const out: SuggestionHistory[] = [];
    for (let i = 0; i < rows.length; i += 8) {
      out.push(...(await Promise.all(rows.slice(i, i + 8).map(async (r) => ({ suggestion: toSuggestion(r), timeline: await this.suggestions.timeline(String(r.id)) })))));
    }
    return out;
  }

  async facts(orgId: string, id: string): Promise<KeptFacts | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.rateFacts(orgId, id), ConsistentRead: true }));
    return Item?.facts ? { facts: Item.facts as RateFacts, rev: Number(Item.rev ?? 0) } : undefined;
  }

  /** Memberships follow the facts: absolute puts and deletes, so a repeat (a retried run) writes the same. */
  private membershipWrites(orgId: string, facts: RateFacts, previous: RateFacts | undefined): Record<string, unknown>[] {
    const now = new Map(bucketsOf(facts).map((b) => [bucketKey(b), b]));
    const gone = (previous ? bucketsOf(previous) : []).filter((b) => !now.has(bucketKey(b)));
    // Absolute puts and deletes, so they need no transaction: a batch (25 a request) is several times cheaper.
    const writes = [
      ...[...now.values()].map((b) => ({ PutRequest: { Item: { ...keys.rateMember(orgId, b.group, b.day, facts.id), type: 'rateMember', facts } } })),
      ...gone.map((b) => ({ DeleteRequest: { Key: keys.rateMember(orgId, b.group, b.day, facts.id) } })),
    ];
    return writes;
  }

  private async moveMembers(orgId: string, facts: RateFacts, previous: RateFacts | undefined): Promise<void> {
    await this.batchWrite(this.membershipWrites(orgId, facts, previous));
  }

  async applyChange(orgId: string, next: RateFacts, previous: KeptFacts | undefined, deltas: ChangeDeltas): Promise<void> {
    await this.moveMembers(orgId, next, previous?.facts);
    const byPeriod = new Map<string, { kind: string; period: string; adds: Array<[string, number]> }>();
    for (const { kind, period, group, delta } of deltas.summaries) {
      const entry = byPeriod.get(`${kind}|${period}`) ?? { kind, period, adds: [] };
      for (const [field, d] of Object.entries(delta)) entry.adds.push([`${group}${fieldSeparator}${field}`, d]);
      byPeriod.set(`${kind}|${period}`, entry);
    }
    const add = (Key: Record<string, string>, type: string, adds: Array<[string, number]>) => ({
      Update: {
        TableName: this.tableName,
        Key,
        UpdateExpression: `SET #type = :type ADD ${adds.map((_, i) => `#a${i} :v${i}`).join(', ')}`,
        ExpressionAttributeNames: { '#type': 'type', ...Object.fromEntries(adds.map(([name], i) => [`#a${i}`, name])) },
        ExpressionAttributeValues: { ':type': type, ...Object.fromEntries(adds.map(([, d], i) => [`:v${i}`, d])) },
      },
    });
    const items = [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.rateFacts(orgId, next.id), type: 'rateFacts', facts: next, rev: (previous?.rev ?? 0) + 1 },
          ...(previous
            ? { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': previous.rev } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      ...deltas.buckets.map(({ bucket, delta }) => add(keys.rateTally(orgId, bucket.group, bucket.day), 'rateTally', Object.entries(delta))),
      ...[...byPeriod.values()].map(({ kind, period, adds }) => add(keys.rateSummary(orgId, kind, period), 'rateSummary', adds)),
    ];
    // A suggestion counts in a handful of groups on two days: far below a transaction's 100 items.
    if (items.length > 100) throw new Error(`rate change of ${next.id} touches ${items.length} items, more than one transaction holds`);
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (transactionConditionFailures(error)?.[0]) throw new StaleFactsError(next.id);
      throw error;
    }
  }

  async resetFacts(orgId: string, next: RateFacts, previous: KeptFacts | undefined): Promise<void> {
    // No figure moves with these facts (the recompute writes the figures after): one batch with the memberships.
    await this.batchWrite([
      ...this.membershipWrites(orgId, next, previous?.facts),
      { PutRequest: { Item: { ...keys.rateFacts(orgId, next.id), type: 'rateFacts', facts: next, rev: (previous?.rev ?? 0) + 1 } } },
    ]);
  }

  async putTallies(orgId: string, tallies: ReadonlyArray<{ bucket: Bucket; tally: Tally }>): Promise<void> {
    await this.batchWrite(
      tallies.map(({ bucket, tally }) => {
        const key = keys.rateTally(orgId, bucket.group, bucket.day);
        return isEmptyTally(tally) ? { DeleteRequest: { Key: key } } : { PutRequest: { Item: { ...key, type: 'rateTally', ...nonZero(tally) } } };
      }),
    );
  }

  /** Absolute puts and deletes, 25 a request (what a batch takes), the unprocessed ones again. */
  private async batchWrite(writes: ReadonlyArray<Record<string, unknown>>): Promise<void> {
    for (let i = 0; i < writes.length; i += 25) {
      let request: Record<string, unknown[]> | undefined = { [this.tableName]: writes.slice(i, i + 25) };
      while (request && Object.keys(request).length) {
        request = (await this.db.send(new BatchWriteCommand({ RequestItems: request as never }))).UnprocessedItems as Record<string, unknown[]> | undefined;
      }
    }
  }

  async putSummary(orgId: string, kind: SummaryKind, period: string, groups: Record<string, Tally>): Promise<void> {
    const key = keys.rateSummary(orgId, kind, period);
    const fields = Object.fromEntries(
      Object.entries(groups).flatMap(([group, tally]) => Object.entries(nonZero(tally)).map(([field, v]) => [`${group}${fieldSeparator}${field}`, v])),
    );
    if (!Object.keys(fields).length) await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: key }));
    else await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...key, type: 'rateSummary', ...fields } }));
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

  async tallies(orgId: string, group: string, fromDay: string, toDay: string): Promise<Map<string, Tally>> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.rateTally(orgId, group, '').pk, ':from': fromDay, ':to': toDay },
      ConsistentRead: true,
    });
    return new Map(items.map((item) => [String(item.sk), tallyFrom(item)] as const).filter(([, t]) => !isEmptyTally(t)));
  }

  async summaries(orgId: string, kind: SummaryKind, fromPeriod: string, toPeriod: string): Promise<RateSummary[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.rateSummary(orgId, kind, '').pk, ':from': fromPeriod, ':to': toPeriod },
    });
    return items
      .map((item) => {
        const groups: Record<string, Tally> = {};
        for (const [name, value] of Object.entries(item)) {
          const at = name.lastIndexOf(fieldSeparator);
          if (at < 0) continue;
          const group = name.slice(0, at);
          const field = name.slice(at + 1);
          if (!(field in tallyFields)) continue;
          (groups[group] ??= emptyTally())[field as keyof Tally] = Number(value);
        }
        for (const [group, tally] of Object.entries(groups)) if (isEmptyTally(tally)) delete groups[group];
        return { kind, period: String(item.sk), groups };
      })
      .filter((s) => Object.keys(s.groups).length > 0);
  }

  async state(orgId: string): Promise<RatesState> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.rateState(orgId), ConsistentRead: true }));
    const { watermark, overdueCheckedAt, fullRequested, lastFull, fullRunning } = (Item ?? {}) as RatesState;
    return {
      ...(watermark ? { watermark } : {}),
      ...(overdueCheckedAt ? { overdueCheckedAt } : {}),
      ...(fullRequested ? { fullRequested } : {}),
      ...(lastFull ? { lastFull } : {}),
      ...(fullRunning ? { fullRunning } : {}),
    };
  }

  async saveState(orgId: string, patch: { [K in keyof RatesState]?: RatesState[K] | undefined }): Promise<void> {
    const entries = Object.entries(patch);
    const sets = entries.filter(([, v]) => v !== undefined);
    const removes = entries.filter(([, v]) => v === undefined);
    if (!entries.length) return;
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.rateState(orgId),
        UpdateExpression: [
          `SET #type = :type${sets.map(([name]) => `, #${name} = :${name}`).join('')}`,
          ...(removes.length ? [`REMOVE ${removes.map(([name]) => `#${name}`).join(', ')}`] : []),
        ].join(' '),
        ExpressionAttributeNames: { '#type': 'type', ...Object.fromEntries(entries.map(([name]) => [`#${name}`, name])) },
        ExpressionAttributeValues: { ':type': 'rateState', ...Object.fromEntries(sets.map(([name, value]) => [`:${name}`, value])) },
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
