/**
 * Responses and a campaign's counters on the application table (keys in shared/model/table.ts):
 *  RESPONSE#o#c#id / RESPONSE          the response, keyed by the page's id of it (the put is conditional)
 *  ORG#o#CAMPAIGN#c#AGG#n / AGG        counter shard n of 32 (aggregate.ts): flat number attributes
 *  RESPONDENT#o#c#key / RESPONDENT     a one-per-person policy's guard (hashed phone or browser)
 *  PARTICIPANT#o#c#key / PARTICIPANT   a person counted among the participants
 *  VISIT#o#c#visit / VISIT             a scan counted (expires after two days)
 * Responses are listed through the sparse index byCampaignResponses, partitioned by campaign and one of 8 shards.
 *
 * Exact under retries: a response and its counters are one conditional transaction, so a retry (same id) fails the
 * put and adds nothing. No hot item: a burst spreads its ADDs over 32 partitions, its index writes over 8.
 */
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { counterShards, figuresFromCounters, participantContribution, shardOf, sumCounters, type Counters } from '../domain/campaign/aggregate';
import type { CampaignFigures } from '../domain/campaign/figures';
import type { CampaignResponse } from '../domain/campaign/response';
import { ConflictError, ValidationError } from '../domain/errors';
import { keys, queuePartitions, tableModel, type IndexName } from '../model/table';
import { cancellationCodes, counterUpdates, retryOnConflict, type TransactItem } from './campaign-counters';
import type { CampaignFiguresSource, CampaignParticipants, RecordResponseInput, RecordResponseOutcome, ResponsePage, ResponsePageQuery, ResponseStore } from '../ports';

/**
 * Shards of the listing index. Each response writes its index entry once (about 1 WCU a KB); 8 partitions take
 * ~8,000 1-KB responses a second, and a page merges 8 queries.
 */
export const responseListShards = 8;

const visitSeconds = 2 * 86_400;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DynamoResponseStore implements ResponseStore, CampaignParticipants, CampaignFiguresSource {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private addAll(orgId: string, campaignId: string, first: number, counters: Counters): TransactItem[] {
    return counterUpdates(this.tableName, orgId, campaignId, first, counters);
  }

  private responseItem(r: CampaignResponse): Record<string, unknown> {
    return {
      ...keys.campaignResponse(r.orgId, r.campaignId, r.id),
      type: 'campaignResponse',
      campaignResponsesPk: queuePartitions.campaignResponses(r.orgId, r.campaignId, shardOf(r.id, responseListShards)),
      campaignResponsesSk: `${r.receivedAt}#${r.id}`,
      response: r,
    };
  }

  async record(input: RecordResponseInput): Promise<RecordResponseOutcome> {
    const { response: r, contributions, guardKey } = input;
    let codes: (string | undefined)[] | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: this.tableName, Item: this.responseItem(r), ConditionExpression: 'attribute_not_exists(pk)' } },
              ...this.addAll(r.orgId, r.campaignId, shardOf(r.id) + attempt, contributions),
              ...(guardKey
                ? [
                    {
                      Put: {
                        TableName: this.tableName,
                        Item: { ...keys.campaignRespondent(r.orgId, r.campaignId, guardKey), type: 'campaignRespondent', responseId: r.id, at: r.receivedAt },
                        ConditionExpression: 'attribute_not_exists(pk)',
                      },
                    },
                  ]
                : []),
            ],
          }),
        );
        break;
      } catch (error) {
        if (await retryOnConflict(error, attempt)) continue;
        codes = cancellationCodes(error);
        if (!codes?.includes('ConditionalCheckFailed')) throw error;
        break;
      }
    }
    if (!codes) return { outcome: 'recorded' };
    // The response's own put failed: this id is stored already, a retry — whatever else failed with it.
    if (codes[0] === 'ConditionalCheckFailed') {
      const stored = await this.get(r.orgId, r.campaignId, r.id);
      if (stored) return { outcome: 'duplicate', stored };
    }
    if (guardKey && codes.at(-1) === 'ConditionalCheckFailed') throw new ConflictError('error.alreadyResponded', undefined, 'already_responded');
    throw new Error(`response ${r.id} was refused: ${codes.join(',')}`);
  }

  async get(orgId: string, campaignId: string, responseId: string): Promise<CampaignResponse | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.campaignResponse(orgId, campaignId, responseId), ConsistentRead: true }));
    return Item?.response as CampaignResponse | undefined;
  }

  /**
   * The marker and the count in one transaction, so the count moves once per person however often this runs: each
   * request runs it (retries too), which heals a crash between recording a response and counting its person.
   */
  async countParticipant(orgId: string, campaignId: string, participantKey: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...keys.campaignParticipant(orgId, campaignId, participantKey), type: 'campaignParticipant' },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...this.addAll(orgId, campaignId, shardOf(participantKey) + attempt, participantContribution),
            ],
          }),
        );
        return;
      } catch (error) {
        if (await retryOnConflict(error, attempt)) continue;
        // Counted before: the marker is there.
        if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return;
        throw error;
      }
    }
  }

  async recordScan(orgId: string, campaignId: string, visitId: string, contributions: Counters): Promise<boolean> {
    const expiresAt = Math.floor(Date.now() / 1000) + visitSeconds;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...keys.campaignVisit(orgId, campaignId, visitId), type: 'campaignVisit', [tableModel.timeToLiveAttribute]: expiresAt },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...this.addAll(orgId, campaignId, shardOf(visitId) + attempt, contributions),
            ],
          }),
        );
        return true;
      } catch (error) {
        if (await retryOnConflict(error, attempt)) continue;
        // This visit was counted before.
        if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return false;
        throw error;
      }
    }
  }

  /** The sum of the campaign's counter shards: one BatchGet of 32 items (eventually consistent: a live view). */
  async figures(orgId: string, campaignId: string): Promise<CampaignFigures> {
    let pending: Record<string, unknown>[] = Array.from({ length: counterShards }, (_, shard) => keys.campaignCounterShard(orgId, campaignId, shard));
    const shards: Counters[] = [];
    for (let round = 0; pending.length; round++) {
      if (round > 0) await pause(Math.min(1000, 20 * 2 ** round));
      const { Responses, UnprocessedKeys } = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending } } }));
      for (const item of Responses?.[this.tableName] ?? []) {
        const { pk: _pk, sk: _sk, type: _type, ...counters } = item;
        shards.push(counters as Counters);
      }
      pending = (UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      if (round > 10 && pending.length) throw new Error('figures: unprocessed keys after retries');
    }
    return figuresFromCounters(sumCounters(shards));
  }

  /**
   * A page in time order, merged from the listing's shards. Each shard is read up to `perShard` past the cursor;
   * the part of time every shard has been read through is what the page holds (a shard with more left bounds it),
   * so nothing is skipped or repeated from one page to the next.
   */
  async page(orgId: string, campaignId: string, query: ResponsePageQuery): Promise<ResponsePage> {
    const newest = query.order === 'newest';
    const cursor = decodeResponseCursor(query.cursor, query.order);
    const reads = await Promise.all(
      Array.from({ length: responseListShards }, async (_, shard) => {
        const { Items = [], LastEvaluatedKey } = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'byCampaignResponses' satisfies IndexName,
            KeyConditionExpression: cursor ? `campaignResponsesPk = :p AND campaignResponsesSk ${newest ? '<' : '>'} :c` : 'campaignResponsesPk = :p',
            ExpressionAttributeValues: { ':p': queuePartitions.campaignResponses(orgId, campaignId, shard), ...(cursor ? { ':c': cursor } : {}) },
            ScanIndexForward: !newest,
            Limit: query.perShard,
          }),
        );
        return { items: Items.map((item) => ({ sk: String(item.campaignResponsesSk), response: item.response as CampaignResponse })), more: !!LastEvaluatedKey };
      }),
    );
    // Read through: the furthest point every shard with more left has reached.
    const ends = reads.filter((r) => r.more && r.items.length).map((r) => r.items.at(-1)!.sk);
    const boundary = ends.length ? ends.reduce((a, b) => (newest ? (a > b ? a : b) : a < b ? a : b)) : undefined;
    const within = (sk: string) => boundary === undefined || (newest ? sk >= boundary : sk <= boundary);
    const merged = reads
      .flatMap((r) => r.items)
      .filter((i) => within(i.sk))
      .sort((a, b) => (newest ? b.sk.localeCompare(a.sk) : a.sk.localeCompare(b.sk)));
    const matching = query.where ? merged.filter((i) => query.where!(i.response)) : merged;
    if (query.limit !== undefined && matching.length > query.limit) {
      const kept = matching.slice(0, query.limit);
      return { responses: kept.map((i) => i.response), nextCursor: encodeResponseCursor(query.order, kept.at(-1)!.sk) };
    }
    return { responses: matching.map((i) => i.response), ...(boundary ? { nextCursor: encodeResponseCursor(query.order, boundary) } : {}) };
  }
}

/** A cursor says the order and the sort key read through; one of the other order, or malformed, is refused. */
function encodeResponseCursor(order: ResponsePageQuery['order'], sk: string): string {
  return Buffer.from(JSON.stringify({ o: order, k: sk })).toString('base64url');
}

function decodeResponseCursor(cursor: string | undefined, order: ResponsePageQuery['order']): string | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; k?: unknown };
    if (value.o === order && typeof value.k === 'string' && /^[0-9TZ:.-]{20,30}#[0-9A-Za-z-]{26,36}$/.test(value.k)) return value.k;
  } catch {
    // refused below
  }
  throw new ValidationError({ cursor: { rule: 'badCursor' } });
}
