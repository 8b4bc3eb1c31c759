/**
 * Bulletins: their periods (ISO weeks, months, the one the schedule reports on), the page (no inline script or
 * style, escaped, every figure in a table) and the generation on fakes — once per period from the schedule, a new
 * revision on demand with its audit record, the supervisors told once per revision.
 */
import { describe, expect, it } from 'vitest';
import { isPeriod, parseBulletinId, periodDays, previousPeriod, type BulletinRecord } from '../../../shared/domain/bulletins/bulletin';
import { emptyTally } from '../../../shared/domain/rates/tally';
import type { AuditRecord, BulletinStore, NotificationRequest } from '../../../shared/ports';
import { bulletinHtml } from '../../../shared/use-cases/bulletins/bulletin-html';
import { generateBulletin, type GenerateBulletinDeps } from '../../../shared/use-cases/bulletins/generate-bulletin';
import type { RateReport } from '../../../shared/use-cases/bulletins/rate-report-shape';
import { reportOf } from '../../../shared/use-cases/rate-report';

describe('bulletin periods', () => {
  it('knows ISO weeks and months by their days', () => {
    expect(periodDays('week', '2026-W01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(periodDays('week', '2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(periodDays('month', '2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(isPeriod('week', '2026-W53')).toBe(true);
    expect(isPeriod('week', '2025-W53')).toBe(false);
    expect(isPeriod('month', '2026-13')).toBe(false);
    expect(isPeriod('week', '2026-11')).toBe(false);
  });

  it('reports on the previous week on Monday 08:00 and the previous month on the 1st (office time)', () => {
    expect(previousPeriod('week', new Date('2026-11-30T00:00:00Z'))).toBe('2026-W48');
    expect(previousPeriod('week', new Date('2026-01-04T15:59:00Z'))).toBe('2025-W52');
    expect(previousPeriod('month', new Date('2026-12-01T00:00:00Z'))).toBe('2026-11');
    expect(previousPeriod('month', new Date('2026-12-31T16:30:00Z'))).toBe('2026-12');
    expect(previousPeriod('month', new Date('2027-01-01T00:00:00Z'))).toBe('2026-12');
  });

  it('parses only well-formed ids', () => {
    expect(parseBulletinId('week-2026-W48-r2')).toEqual({ kind: 'week', period: '2026-W48', revision: 2 });
    expect(parseBulletinId('month-2026-11-r1')).toEqual({ kind: 'month', period: '2026-11', revision: 1 });
    for (const bad of ['week-2026-11-r1', 'month-2026-W48-r1', 'week-2026-W48', '../x', 'year-2026-r1']) expect(parseBulletinId(bad)).toBeUndefined();
  });
});

function report(): RateReport {
  const tally = { ...emptyTally(), assigned: 10, signed: 9, signedInTime: 8, closed: 7, closedOnTime: 6, rated: 5, satisfiedOrBasic: 4, resolutionAnswered: 5, resolvedYes: 3, resolvedPartly: 1, valid: 10 };
  const small = { ...emptyTally(), assigned: 1, signedInTime: 1, closed: 1, rated: 1, satisfiedOrBasic: 1, resolutionAnswered: 1, resolvedYes: 1 };
  // Built as the rates use case builds it, from a period's summary.
  return reportOf(
    'week',
    '2026-W48',
    { kind: 'week', period: '2026-W48', groups: { org: tally, 'department:transport': tally, 'department:x': small } },
    [
      { id: 'transport', name: '交通运输局', en: 'Transport Bureau' },
      { id: 'x', name: '<script>alert(1)</script>', en: 'x' },
    ],
    { officeChoice: 'closure', minimumCount: 5 },
  );
}

describe('the bulletin page', () => {
  const html = bulletinHtml(report(), { kind: 'week', period: '2026-W48', revision: 1, generatedAt: '2026-11-30T00:00:05Z' }, 'http://127.0.0.1:3000/bulletin.css');

  it('links its stylesheet and carries no inline script or style (the CSP forbids them)', () => {
    expect(html).toContain('<link rel="stylesheet" href="http://127.0.0.1:3000/bulletin.css">');
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
  });

  it('prints the figures with their counts, ranks only departments with the minimum count, and escapes names', () => {
    expect(html).toContain('2026年第48周人民建议办理情况通报');
    expect(html).toContain('<td>80.0%（8/10）</td>');
    // 解决率: (3 + 1/2) / 5
    expect(html).toContain('<td>70.0%（3.5/5）</td>');
    expect(html).toMatch(/<tr><td>1<\/td><th scope="row">交通运输局<\/th>/);
    expect(html).toContain('未参与排名（件数不足）：&lt;script&gt;alert(1)&lt;/script&gt;（1 件）');
  });
});

function generationFakes() {
  const records = new Map<string, BulletinRecord>();
  const audits: AuditRecord[] = [];
  const files = new Map<string, Buffer>();
  const notices: NotificationRequest[] = [];
  const key = (r: Pick<BulletinRecord, 'kind' | 'period' | 'revision'>) => `${r.kind}#${r.period}#${r.revision}`;
  const bulletins: BulletinStore = {
    async create(record, audit) {
      if (records.has(key(record))) return false;
      records.set(key(record), record);
      if (audit) audits.push(audit);
      return true;
    },
    latest: async (_org, kind, period) => [...records.values()].filter((r) => r.kind === kind && r.period === period).sort((a, b) => b.revision - a.revision)[0],
    get: async (_org, kind, period, revision) => records.get(key({ kind, period, revision })),
    list: async () => [...records.values()],
  };
  const deps: GenerateBulletinDeps = {
    bulletins,
    files: {
      async write(k, body) {
        const chunks: Buffer[] = [];
        for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
        files.set(k, Buffer.concat(chunks));
      },
    },
    report: async () => report(),
    directory: {
      staff: async () => [
        { username: 'supervisor', name: '周涛', role: 'supervisor', orgId: 'demo', email: 'supervisor@demo.jianyi.local' },
        { username: 'away', name: '停用', role: 'supervisor', orgId: 'demo', email: 'away@demo.jianyi.local', active: false },
        { username: 'dispatcher', name: '李', role: 'dispatcher', orgId: 'demo', email: 'd@demo.jianyi.local' },
      ],
    },
    notifications: { enqueue: async (requests) => void notices.push(...requests) },
    clock: { now: () => new Date('2026-11-30T00:00:05Z') },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    publicBaseUrl: 'http://127.0.0.1:3000',
  };
  return { deps, records, audits, files, notices };
}

describe('generating a bulletin', () => {
  it('makes the page and the workbook once per period from the schedule, and tells the active supervisors', async () => {
    const f = generationFakes();
    expect(await generateBulletin(f.deps, { orgId: 'demo', kind: 'week', period: '2026-W48' })).toEqual({ outcome: 'created', id: 'week-2026-W48-r1', revision: 1 });
    expect(await generateBulletin(f.deps, { orgId: 'demo', kind: 'week', period: '2026-W48' })).toEqual({ outcome: 'exists', id: 'week-2026-W48-r1' });
    expect(f.records.size).toBe(1);
    const record = [...f.records.values()][0]!;
    expect(record).toMatchObject({ generatedBy: 'schedule', from: '2026-11-23', to: '2026-11-29', figures: report() });
    expect(f.files.get(record.files.html)!.toString('utf8')).toContain('人民建议办理情况通报');
    expect([...f.files.get(record.files.xlsx)!.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(f.audits).toEqual([]);
    expect(f.notices.map((n) => [n.event, n.to, n.idempotencyKey])).toEqual([['bulletinReady', 'supervisor@demo.jianyi.local', 'bulletin#demo#week-2026-W48-r1#email#supervisor@demo.jianyi.local']]);
  });

  it('makes a new revision on demand, audited, keeping the earlier one and its files', async () => {
    const f = generationFakes();
    await generateBulletin(f.deps, { orgId: 'demo', kind: 'week', period: '2026-W48' });
    const again = await generateBulletin(f.deps, { orgId: 'demo', kind: 'week', period: '2026-W48', requestedBy: { username: 'supervisor', role: 'supervisor' } });
    expect(again).toEqual({ outcome: 'created', id: 'week-2026-W48-r2', revision: 2 });
    expect(f.records.size).toBe(2);
    expect(f.files.size).toBe(4);
    expect(f.audits).toEqual([expect.objectContaining({ action: 'generateBulletin', target: 'week-2026-W48-r2', actor: { id: 'supervisor', role: 'supervisor' } })]);
    expect(new Set(f.notices.map((n) => n.idempotencyKey)).size).toBe(2);
  });

  it('refuses a period that has not ended, or is not one', async () => {
    const f = generationFakes();
    await expect(generateBulletin(f.deps, { orgId: 'demo', kind: 'week', period: '2026-W49' })).rejects.toMatchObject({ fields: { period: { rule: 'bulletinFuture' } } });
    await expect(generateBulletin(f.deps, { orgId: 'demo', kind: 'month', period: '2026-W48' })).rejects.toMatchObject({ fields: { period: { rule: 'bulletinPeriod' } } });
    expect(f.records.size).toBe(0);
  });
});
