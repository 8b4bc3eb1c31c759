/**
 * The hot topics on DynamoDB Local, with the synthesized topics job (its bundle and jieba's WebAssembly beside it,
 * as cdk.out holds them) run by the local runtime over the seeded demo data: the 路灯 cluster becomes the week's top
 * keyword and a spike; the counts equal a full computation of the same suggestions in memory; a re-run, a retried
 * run (watermark lost) and an overlapping one give the same counts and no second notice; a new submission moves
 * exactly its buckets; the API answers dispatchers and refuses handlers.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoTopicStore } from '../../shared/aws/dynamo-topic-store';
import { officeDayOf } from '../../shared/domain/deadlines/office-time';
import { isoWeekOf } from '../../shared/domain/topics/weeks';
import { MemoryTopicStore } from '../../shared/memory/memory-topic-store';
import { jiebaSegmenter } from '../../shared/text/jieba-segmenter';
import { updateTopics, type TopicsRunReport } from '../../shared/use-cases/update-topics';
import { startTestStack, type TestStack } from './harness';

let t: TestStack;
let store: DynamoTopicStore;

beforeAll(async () => {
  t = await startTestStack();
  await t.settle();
  store = new DynamoTopicStore(t.stack.documents, t.stack.tableName);
}, 180_000);
afterAll(async () => t?.stop());

async function runJob(): Promise<TopicsRunReport> {
  const job = t.stack.app.functions.find((f) => f.logicalId.startsWith('UpdateTopics'));
  if (!job) throw new Error('no UpdateTopics function in the synthesized template');
  const outcome = await t.stack.invoke(job.logicalId, { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} });
  if (!outcome.ok) throw new Error(`${outcome.error.errorType}: ${outcome.error.errorMessage}`);
  return outcome.result as TopicsRunReport;
}

/** Every count kept, by `series|day`, over the days the suggestions were submitted on. */
async function keptCounts(days: Iterable<string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const day of new Set(days)) for (const c of await store.dayCounts('demo', day)) out.set(`${c.series}|${day}`, c.count);
  return out;
}

/** The same suggestions, counted from nothing in memory. */
async function fullInMemory(): Promise<{ counts: Map<string, number>; days: string[] }> {
  const memory = new MemoryTopicStore();
  const { items } = await store.changedSince('demo', undefined, 10_000);
  for (const s of items) memory.record(s);
  const queue = { enqueue: async () => undefined };
  await updateTopics({ topics: memory, segmenter: jiebaSegmenter(), directory: { staff: async () => [] }, notifications: queue, clock: { now: () => new Date() }, publicBaseUrl: '' }, 'demo');
  return { counts: memory.snapshot(), days: items.map((s) => officeDayOf(new Date(s.submittedAt))) };
}

async function spikeNotices(): Promise<string[]> {
  const { Items } = await t.stack.documents.send(new QueryCommand({ TableName: t.stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'OUTBOX' } }));
  return (Items ?? []).filter((i) => i.event === 'topicSpike').map((i) => `${i.channel} ${i.to} ${i.body}`).sort();
}

const today = () => officeDayOf(new Date());

/** The days of the seeded 路灯 cluster (yesterday and today — or both yesterday, just after midnight). */
async function clusterDays(): Promise<string[]> {
  const { items } = await store.changedSince('demo', undefined, 10_000);
  return [...new Set(items.filter((s) => /路[灯燈]/.test(s.title)).map((s) => officeDayOf(new Date(s.submittedAt))))].sort();
}
const lampCount = async (day: string) => (await store.dayCounts('demo', day)).find((c) => c.series === 'keyword:路灯')?.count ?? 0;

describe('the topics job on DynamoDB', () => {
  it('counts the seeded history, puts the 路灯 cluster on top and flags it, and tells the dispatcher once', async () => {
    const report = await runJob();
    expect(report.changed).toBeGreaterThanOrEqual(40);
    expect(report.spikesFound).toBeGreaterThan(0);
    expect(report.spikesNotified).toBeGreaterThan(0);
    const days = await clusterDays();
    let lamps = 0;
    for (const day of days) lamps += await lampCount(day);
    // The cluster's dozen, and any seeded example about street lights on the same days.
    expect(lamps).toBeGreaterThanOrEqual(12);
    const spikes = await store.spikes('demo', days[0]!, days.at(-1)!);
    expect(spikes.map((s) => s.series)).toEqual(expect.arrayContaining(['keyword:路灯', 'place:幸福街道']));
    await t.settle();
    const notices = await spikeNotices();
    // The demo dispatcher has an email and a phone: both hear of each spike.
    expect(notices.some((n) => n.startsWith('email dispatcher@demo.jianyi.local') && n.includes('关键词“路灯”'))).toBe(true);
    expect(notices.some((n) => n.startsWith('sms 13800000001') && n.includes('路灯'))).toBe(true);
  }, 120_000);

  it('keeps what a full computation of the same suggestions gives', async () => {
    const { counts, days } = await fullInMemory();
    expect(await keptCounts(days)).toEqual(counts);
  }, 60_000);

  it('gives the same counts and no second notice on a re-run, a retried run and overlapping runs', async () => {
    const { days } = await fullInMemory();
    const before = await keptCounts(days);
    const noticesBefore = await spikeNotices();
    expect(await runJob()).toMatchObject({ changed: expect.any(Number), spikesNotified: 0 });
    // Retried from the start (the watermark lost), twice at once.
    await store.saveWatermark('demo', '0000');
    const [a, b] = await Promise.all([runJob(), runJob()]);
    expect(a.changed + b.changed).toBeGreaterThanOrEqual(40);
    expect(await keptCounts(days)).toEqual(before);
    await t.settle();
    expect(await spikeNotices()).toEqual(noticesBefore);
  }, 180_000);

  it('moves exactly the buckets a new submission touches', async () => {
    const before = await lampCount(today());
    const r = await t.api('/api/suggestions', {
      method: 'POST',
      json: { title: '路灯不亮', content: '幸福街道阳光社区门口的路灯晚上不亮', category: 'urban-management', channel: 'web', location: { address: '示范区幸福街道阳光社区' } },
    });
    expect(r.status).toBe(201);
    await t.settle();
    const report = await runJob();
    // Only what changed since the watermark (the new one, and what seeded workflows and the re-read window touched).
    expect(report.changed).toBeLessThan(25);
    const after = await store.dayCounts('demo', today());
    expect(after.find((c) => c.series === 'keyword:路灯')?.count).toBe(before + 1);
    const { counts, days } = await fullInMemory();
    expect(await keptCounts(days)).toEqual(counts);
  }, 120_000);
});

describe('GET /api/staff/topics', () => {
  it('gives a dispatcher the week’s hot topics against last week, and the spikes with their suggestions', async () => {
    const current = await t.api('/api/staff/topics', { token: await t.token('dispatcher') });
    expect(current.status).toBe(200);
    expect(current.body.week).toBe(isoWeekOf(today()));
    // The cluster's week (this one, but on a Monday just after midnight the last).
    const lastDay = (await clusterDays()).at(-1)!;
    const r = await t.api(`/api/staff/topics?week=${isoWeekOf(lastDay)}`, { token: await t.token('dispatcher') });
    expect(r.status).toBe(200);
    expect(r.body.hot.keyword[0]).toMatchObject({ value: '路灯' });
    expect(r.body.hot.keyword[0].count).toBeGreaterThanOrEqual(6);
    expect(r.body.hot.place.map((p: { value: string }) => p.value)).toContain('幸福街道');
    const spike = r.body.spikes.find((s: { series: string; day: string }) => s.series === 'keyword:路灯');
    expect(spike).toMatchObject({ kind: 'keyword', value: '路灯' });
    expect(spike.suggestions.length).toBeGreaterThanOrEqual(5);
    expect(spike.suggestions.length).toBe(spike.count);
  });

  it('refuses a handler (403) and names a malformed week (400)', async () => {
    expect((await t.api('/api/staff/topics', { token: await t.token('handler-transport') })).status).toBe(403);
    const bad = await t.api('/api/staff/topics?week=2026-49', { token: await t.token('dispatcher') });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.week).toBe('周：周的格式应为 YYYY-Www，如 2026-W49');
    const en = await t.api('/api/staff/topics?week=2026-49', { token: await t.token('dispatcher'), lang: 'en' });
    expect(JSON.stringify(en.body)).toContain('ISO week');
  });
});
