/**
 * The rate limiter against DynamoDB Local: several windows of one bucket in one write, the longest wait when a
 * limit is reached, and a refused client answered from memory without another write.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../infra/local/dynamodb';
import { assertLocalEndpoint } from '../../infra/local/ports';
import { DynamoRateLimiter } from '../../shared/aws/dynamo-rate-limiter';
import { keys } from '../../shared/model/table';

let documents: DynamoDBDocumentClient;
let tableName: string;
const writes: string[] = [];

beforeAll(async () => {
  const endpoint = inject('dynamodbEndpoint');
  assertLocalEndpoint(endpoint);
  const dynamodb = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  documents = DynamoDBDocumentClient.from(dynamodb);
  tableName = `jianyi-rate-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamodb, tableName);
});

function counting(): DynamoDBDocumentClient {
  return { send: (command: { constructor: { name: string } }) => (writes.push(command.constructor.name), documents.send(command as never)) } as unknown as DynamoDBDocumentClient;
}

describe('the rate limiter', () => {
  it('counts a minute and a day in one write, and refuses past either with the wait that applies', async () => {
    const limiter = new DynamoRateLimiter(counting(), tableName);
    const rules = [{ limit: 3, windowSeconds: 60 }, { limit: 5, windowSeconds: 86_400 }];
    const day = Date.UTC(2026, 11, 1);
    const at = (seconds: number) => new Date(day + seconds * 1000);
    writes.length = 0;
    const first = [await limiter.hitAll('b1', rules, at(10)), await limiter.hitAll('b1', rules, at(11)), await limiter.hitAll('b1', rules, at(12))];
    expect(first.every((v) => v.allowed)).toBe(true);
    expect(writes).toEqual(['UpdateCommand', 'UpdateCommand', 'UpdateCommand']);
    // The minute's fourth: refused until the minute ends.
    expect(await limiter.hitAll('b1', rules, at(20))).toEqual({ allowed: false, retryAfterSeconds: 40 });
    // Refused again within that minute from memory: no write.
    writes.length = 0;
    expect((await limiter.hitAll('b1', rules, at(30))).allowed).toBe(false);
    expect(writes).toEqual([]);
    // The next minute: one more fits the day's five (the refused fourth counted, the one from memory did not),
    // then the day is used up until it ends.
    expect((await limiter.hitAll('b1', rules, at(70))).allowed).toBe(true);
    const refusedForTheDay = await limiter.hitAll('b1', rules, at(75));
    expect(refusedForTheDay.allowed).toBe(false);
    expect(refusedForTheDay.retryAfterSeconds).toBe(86_400 - 75);
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.rateWindow('b1', String(Math.floor(day / 1000 / 86_400))) }));
    expect(Item?.[`w86400_${Math.floor(day / 1000 / 86_400)}`]).toBe(6);
  });

  it('refuses windows that do not divide the longest', async () => {
    await expect(new DynamoRateLimiter(documents, tableName).hitAll('b2', [{ limit: 1, windowSeconds: 7 }, { limit: 1, windowSeconds: 60 }], new Date())).rejects.toThrow(RangeError);
  });
});
