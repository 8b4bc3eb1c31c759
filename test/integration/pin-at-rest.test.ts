/**
 * No PIN at rest: after submissions with and without an Idempotency-Key, their retries, lookups and the
 * notifications they set off, no item in the table holds a PIN — not the suggestion, not the idempotency record
 * (which once kept the whole receipt for a day), not the outbox. A retry still gets its PIN back: it is derived
 * from the key under the server secret, not read from storage.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestStack, validSubmission, type TestStack } from './harness';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ seed: false });
});
afterAll(async () => t?.stop());

async function allItems(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.stack.documents.send(new ScanCommand({ TableName: t.stack.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

describe('PINs at rest', () => {
  it('are found nowhere in the table after keyed and unkeyed submissions, retries and lookups', async () => {
    const pins = new Set<string>();
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const keyed = i % 3 !== 2;
      const headers: Record<string, string> = keyed ? { 'idempotency-key': `pin-at-rest-${i}-${Date.now()}` } : {};
      const json = { ...validSubmission, title: `${validSubmission.title} ${i}`, ...(i % 2 ? { contact: { phone: `1381234${String(5670 + i)}`, consent: true } } : {}) };
      const first = await t.api('/api/suggestions', { method: 'POST', json, headers });
      expect(first.status).toBe(201);
      pins.add(first.body.pin);
      codes.push(first.body.trackingCode);
      if (keyed) {
        // The retry answers the same PIN, recomputed.
        const again = await t.api('/api/suggestions', { method: 'POST', json, headers });
        expect(again.status).toBe(200);
        expect(again.body.pin).toBe(first.body.pin);
      }
      const track = await t.api(`/api/suggestions/${first.body.trackingCode}`, { headers: { 'x-tracking-pin': first.body.pin } });
      expect(track.status).toBe(200);
    }
    // Let the workflows and the receipts write what they write.
    await eventually(async () => ((await t.api('/api/local/outbox')).body.messages.length >= 6 ? true : undefined));
    await t.settle(800);

    const items = await allItems();
    expect(items.some((i) => i.type === 'idempotency')).toBe(true);
    for (const item of items) {
      const text = JSON.stringify(item);
      expect(text, `${item.pk} ${item.sk}`).not.toMatch(/"pin"\s*:/i);
      for (const pin of pins) expect(text, `${item.pk} ${item.sk} holds a PIN`).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${pin}(?![0-9A-Za-z])`));
    }
    // The suggestions keep only a salted hash.
    const suggestions = items.filter((i) => i.type === 'suggestion');
    expect(suggestions).toHaveLength(12);
    for (const s of suggestions) expect(String(s.pinHash)).toMatch(/^[\w-]+\$[\w-]+$/);
  });

  it('gives different keys different PINs', async () => {
    const submit = (key: string) => t.api('/api/suggestions', { method: 'POST', json: validSubmission, headers: { 'idempotency-key': key } });
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) seen.add((await submit(`pin-spread-${i}-${Date.now()}`)).body.pin);
    expect(seen.size).toBeGreaterThan(5);
  });
});
