import { describe, expect, it } from 'vitest';
import { MemoryTopicStore } from '../../../shared/memory/memory-topic-store';
import { jiebaSegmenter } from '../../../shared/text/jieba-segmenter';
import { updateTopics, type UpdateTopicsDeps } from '../../../shared/use-cases/update-topics';
import { topicsReport } from '../../../shared/use-cases/topics-report';
import { ForbiddenError, ValidationError } from '../../../shared/domain/errors';
import type { AuditRecord } from '../../../shared/ports';
import { fixedClock } from '../notifications/fakes';
import { dispatchers, lampCluster, RecordingQueue, topicSuggestion } from './topic-fixtures';

const segmenter = jiebaSegmenter();

function setup(now = '2026-12-02T06:00:00.000Z') {
  const topics = new MemoryTopicStore();
  const queue = new RecordingQueue();
  const clock = fixedClock(now);
  const deps: UpdateTopicsDeps = { topics, segmenter, directory: { staff: async () => dispatchers }, notifications: queue, clock, publicBaseUrl: 'https://jianyi.example' };
  return { topics, queue, clock, deps };
}

/** A quiet background: one or two suggestions on unrelated subjects most days of the 5 weeks before. */
function background() {
  const subjects = ['公交站台加装遮阳棚', '社区食堂延长供餐时间', '学校周边增设护学岗', '河道护栏破损', '夜间施工噪音扰民'];
  return Array.from({ length: 35 }, (_, i) => {
    const day = new Date(Date.parse('2026-10-27T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10);
    return topicSuggestion({ title: subjects[i % subjects.length]!, at: `${day}T02:00:00.000Z`, category: 'traffic' });
  });
}

describe('updateTopics', () => {
  it('counts keywords, categories and places per submission day', async () => {
    const { topics, deps } = setup();
    for (const s of lampCluster(['2026-12-01'], 6)) topics.record(s);
    const report = await updateTopics(deps, 'org-t');
    expect(report.changed).toBe(6);
    const day = await topics.dayCounts('org-t', '2026-12-01');
    const count = (series: string) => day.find((c) => c.series === series)?.count;
    expect(count('keyword:路灯')).toBe(6);
    expect(count('category:urban-management')).toBe(6);
    expect(count('place:幸福街道')).toBe(6);
    expect(count('place:幸福街道阳光社区')).toBe(6);
  });

  it('is incremental and idempotent: a re-run, a retried page and a rerun from nothing give the same counts', async () => {
    const { topics, deps } = setup();
    const all = [...background(), ...lampCluster(['2026-12-01', '2026-12-02'], 6)];
    for (const s of all.slice(0, 20)) topics.record(s);
    await updateTopics(deps, 'org-t');
    for (const s of all.slice(20)) topics.record(s);
    const second = await updateTopics(deps, 'org-t');
    expect(second.changed).toBe(all.length - 20);
    const incremental = topics.snapshot();

    // Nothing changed: nothing read, nothing recounted.
    expect(await updateTopics(deps, 'org-t')).toMatchObject({ changed: 0, bucketsRecomputed: 0 });
    // A retried run (the watermark lost, as if the run died before moving it): the same figures.
    await topics.saveWatermark('org-t', '0');
    await updateTopics(deps, 'org-t');
    expect(topics.snapshot()).toEqual(incremental);

    const fresh = setup();
    for (const s of all) fresh.topics.record(s);
    await updateTopics(fresh.deps, 'org-t');
    expect(fresh.topics.snapshot()).toEqual(incremental);
  });

  it('moves a suggestion out of its old buckets when it changes (category re-set at screening, rejected)', async () => {
    const { topics, deps } = setup();
    const s = topicSuggestion({ title: '路灯不亮', at: '2026-12-01T02:00:00.000Z', category: 'other' });
    topics.record(s);
    await updateTopics(deps, 'org-t');
    topics.record({ ...s, category: 'urban-management', updatedAt: '2026-12-01T03:00:00.000Z' });
    await updateTopics(deps, 'org-t');
    let day = await topics.dayCounts('org-t', '2026-12-01');
    expect(day.find((c) => c.series === 'category:other')).toBeUndefined();
    expect(day.find((c) => c.series === 'category:urban-management')?.count).toBe(1);
    topics.record({ ...s, status: 'rejected', updatedAt: '2026-12-01T04:00:00.000Z' });
    await updateTopics(deps, 'org-t');
    day = await topics.dayCounts('org-t', '2026-12-01');
    expect(day).toEqual([]);
  });

  it('flags the spike, tells the dispatchers once, and never again on re-runs', async () => {
    const { topics, queue, deps } = setup();
    for (const s of [...background(), ...lampCluster(['2026-12-01', '2026-12-02'], 6)]) topics.record(s);
    const report = await updateTopics(deps, 'org-t');
    expect(report.spikesFound).toBeGreaterThan(0);
    const spikes = await topics.spikes('org-t', '2026-12-01', '2026-12-02');
    expect(spikes.map((s) => s.series)).toEqual(expect.arrayContaining(['keyword:路灯', 'place:幸福街道']));
    // Flagged on its first day against nothing before (and on the second against a baseline holding the first).
    const lamp = spikes.find((s) => s.series === 'keyword:路灯' && s.day === '2026-12-01')!;
    expect(lamp).toMatchObject({ count: 6, baseline: 0, model: 'poisson' });
    expect(spikes.find((s) => s.series === 'keyword:路灯' && s.day === '2026-12-02')).toMatchObject({ count: 6, model: 'negativeBinomial' });
    expect(lamp.notifiedAt).toBeDefined();
    // The quiet background raised nothing.
    expect(spikes.every((s) => /路灯|不亮|幸福街道|阳光社区|urban-management|晚上|维修|出行|安全|老人|小区|门口|几天|好几天|走路/.test(s.series))).toBe(true);

    // Dispatchers only (the handler is not told), email and SMS each, one key per (organisation, series, day, recipient).
    const lampNotices = queue.sent.filter((r) => r.idempotencyKey.includes('keyword:路灯#2026-12-01'));
    expect(lampNotices.map((r) => r.to).sort()).toEqual(['13800000001', 'd1@example.org']);
    expect(lampNotices[0]).toMatchObject({ event: 'topicSpike', orgId: 'org-t', params: expect.objectContaining({ valueText: '路灯', count: 6, topicsUrl: 'https://jianyi.example/#/staff/topics?week=2026-W49' }) });
    const sentBefore = queue.sent.length;

    await topics.saveWatermark('org-t', '0');
    await updateTopics(deps, 'org-t');
    expect(queue.sent.length).toBe(sentBefore);
  });

  it('keeps an old spike for the barometer but pages nobody for it', async () => {
    const { topics, queue, deps } = setup('2026-12-20T06:00:00.000Z');
    for (const s of [...background(), ...lampCluster(['2026-12-01'], 6)]) topics.record(s);
    await updateTopics(deps, 'org-t');
    expect((await topics.spikes('org-t', '2026-12-01', '2026-12-01')).length).toBeGreaterThan(0);
    expect(queue.sent).toEqual([]);
  });
});

describe('topicsReport', () => {
  const audit: AuditRecord[] = [];
  const auditLog = { record: async (r: AuditRecord) => void audit.push(r), list: async () => ({ entries: [] }) };
  const dispatcher = { username: 'd1', name: '李静', role: 'dispatcher' as const, orgId: 'org-t' };

  it('returns the week against the one before, the spikes, and audits the view', async () => {
    const { topics, deps, clock } = setup();
    for (const s of [...background(), ...lampCluster(['2026-12-01', '2026-12-02'], 6)]) topics.record(s);
    await updateTopics(deps, 'org-t');
    const report = await topicsReport({ topics, audit: auditLog, clock }, dispatcher, {});
    expect(report.week).toBe('2026-W49');
    expect(report.previousWeek).toBe('2026-W48');
    expect(report.hot.keyword[0]).toMatchObject({ value: '路灯', count: 12, isNew: true });
    expect(report.hot.keyword[0]!.suggestions).toHaveLength(12);
    expect(report.spikes.find((s) => s.value === '路灯' && s.day === '2026-12-01')).toMatchObject({ kind: 'keyword', ratio: null });
    expect(report.spikes.find((s) => s.value === '路灯' && s.day === '2026-12-02')).toMatchObject({ kind: 'keyword', ratio: 28 });
    expect(report.spikes[0]!.day).toBe('2026-12-02');
    expect(audit.at(-1)).toMatchObject({ action: 'viewTopics', detail: 'week=2026-W49', actor: { id: 'd1', role: 'dispatcher' } });
  });

  it('refuses handlers and organisers (403), and a malformed week (400 naming the field)', async () => {
    const { topics, clock } = setup();
    const deps = { topics, audit: auditLog, clock };
    await expect(topicsReport(deps, { ...dispatcher, role: 'handler', departmentId: 'transport' }, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(topicsReport(deps, { ...dispatcher, role: 'organizer' }, {})).rejects.toBeInstanceOf(ForbiddenError);
    const error = await topicsReport(deps, dispatcher, { week: '2026-49' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({ week: { rule: 'isoWeek' } });
    for (const role of ['supervisor', 'admin', 'viewer'] as const) await expect(topicsReport(deps, { ...dispatcher, role }, { week: '2026-W48' })).resolves.toMatchObject({ week: '2026-W48' });
  });
});
