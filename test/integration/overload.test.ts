/**
 * Above capacity the API sheds load early — a 503 with Retry-After in the API's JSON shape, never a 500 — and a
 * client that comes back with the same Idempotency-Key gets its receipt: nothing lost, nothing filed twice.
 */
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConcurrencyLimits } from '../../infra/local/concurrency';
import { startTestStack, validSubmission, type TestStack } from './harness';

let t: TestStack;
/**
 * Tighter than the default (8 running, 24 waiting), so that a crowd arriving at once is over the limit on any
 * machine: on a fast one, 64 requests of the default limits can be served as quickly as they arrive.
 */
const limits: ConcurrencyLimits = { perFunction: 2, queue: 2, maxWaitMs: 500 };
beforeAll(async () => {
  t = await startTestStack({ seed: false, concurrency: limits });
});
afterAll(async () => t?.stop());

function submit(localAddress: string, key: string, title: string): Promise<{ status: number; retryAfter?: string; body: any }> {
  const url = new URL('/api/suggestions', t.url);
  const payload = JSON.stringify({ ...validSubmission, title });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'idempotency-key': key, 'accept-language': 'zh-CN' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('over capacity', () => {
  it('sheds with 503 and Retry-After, never 500; clients retrying with their keys all get their receipts, once', async () => {
    const crowd = 48;
    const clients = Array.from({ length: crowd }, (_, i) => ({ address: `127.2.${i >> 8}.${(i & 255) + 1}`, key: `overload-${randomUUID()}`, title: `高峰 ${i}` }));
    const first = await Promise.all(clients.map((c) => submit(c.address, c.key, c.title)));
    const statuses = new Set(first.map((r) => r.status));
    expect([...statuses].every((s) => s === 201 || s === 503)).toBe(true);
    const shed = first.filter((r) => r.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    for (const r of shed) {
      expect(r.retryAfter).toMatch(/^\d+$/);
      expect(r.body.error).toMatchObject({ code: 'busy', message: expect.stringContaining('不会丢失') });
    }

    // Each shed client comes back after Retry-After with the same key, until it is answered.
    const receipts = new Map<string, string>();
    first.forEach((r, i) => r.status === 201 && receipts.set(clients[i]!.key, r.body.trackingCode));
    let pending = clients.filter((c) => !receipts.has(c.key));
    for (let round = 0; pending.length && round < 30; round++) {
      await new Promise((r) => setTimeout(r, 1000));
      const again = await Promise.all(pending.map((c) => submit(c.address, c.key, c.title)));
      for (const [i, r] of again.entries()) {
        expect([200, 201, 503]).toContain(r.status);
        if (r.status !== 503) receipts.set(pending[i]!.key, r.body.trackingCode);
      }
      pending = pending.filter((c) => !receipts.has(c.key));
    }
    expect(pending).toEqual([]);
    expect(receipts.size).toBe(crowd);

    // Exactly one suggestion per client.
    const { Items = [] } = await t.stack.documents.send(
      new ScanCommand({ TableName: t.stack.tableName, FilterExpression: '#t = :s', ExpressionAttributeNames: { '#t': 'type' }, ExpressionAttributeValues: { ':s': 'suggestion' }, ConsistentRead: true }),
    );
    expect(Items).toHaveLength(crowd);
    expect(new Set(Items.map((i) => i.trackingCode))).toEqual(new Set(receipts.values()));
  }, 120_000);
});
