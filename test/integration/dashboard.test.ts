/**
 * The dashboard and its drill-down through the API, on the seeded demo data with the rates job run: the office sees
 * the organisation's figures, a handler their own department's; a bad period is a 400 naming the field; every figure
 * lists exactly as many suggestions as it counts; and loading the dashboard costs the same number of queries
 * whatever is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../shared/aws/dynamo-audit-log';
import { DynamoDirectory } from '../../shared/aws/dynamo-directory';
import { DynamoRateStore } from '../../shared/aws/dynamo-rate-store';
import { DynamoSuggestionStore } from '../../shared/aws/dynamo-suggestion-store';
import { systemClock } from '../../shared/aws/composition';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dashboard } from '../../shared/use-cases/dashboard';
import { updateRates } from '../../shared/use-cases/update-rates';
import { startTestStack, type TestStack } from './harness';

let t: TestStack;
const supervision = { calendarOverrides: async () => [], timeLimits: async () => ({}) };

beforeAll(async () => {
  t = await startTestStack();
  await t.settle();
  const suggestions = new DynamoSuggestionStore(t.stack.documents, t.stack.tableName);
  await updateRates({ rates: new DynamoRateStore(t.stack.documents, t.stack.tableName, suggestions), supervision, clock: systemClock }, 'demo');
}, 120_000);
afterAll(async () => t?.stop());

describe('the dashboard', () => {
  it('gives the office the organisation’s rates for the period, with trend, departments, ranking and overdue board', async () => {
    const r = await t.api('/api/staff/dashboard?kind=year', { token: await t.token('supervisor') });
    expect(r.status).toBe(200);
    expect(r.body.scope).toEqual({ kind: 'org' });
    expect(r.body.periods.length).toBe(5);
    expect(r.body.headline.group).toBe('org');
    expect(r.body.headline.tally.submitted).toBeGreaterThan(0);
    expect(r.body.headline.rates.closure).toMatchObject({ numerator: expect.any(Number), denominator: expect.any(Number) });
    expect(r.body.report.departments.length).toBeGreaterThan(3);
    expect(r.body.report.ranking.length).toBe(r.body.report.departments.length);
    expect(r.body.rankingSettings).toMatchObject({ minimumCount: 5, rates: ['response', 'resolution', 'satisfaction', 'closure'] });
    expect(r.body.breakdowns.category.length).toBeGreaterThan(0);
    expect(r.body.breakdowns.channel.length).toBeGreaterThan(0);
    expect(Array.isArray(r.body.overdue.items)).toBe(true);
    for (const item of r.body.overdue.items) expect(item.overdue).toBe(true);
  });

  it('shows a handler their own department only', async () => {
    const r = await t.api('/api/staff/dashboard?kind=year', { token: await t.token('handler-transport') });
    expect(r.status).toBe(200);
    expect(r.body.scope).toEqual({ kind: 'department', departmentId: 'transport' });
    expect(r.body.headline.group).toBe('department:transport');
    expect(r.body.report.departments.map((d: { departmentId: string }) => d.departmentId)).toEqual(['transport']);
    expect(r.body.breakdowns.category).toEqual([]);
    for (const item of r.body.overdue.items) expect(item.leadDepartmentId).toBe('transport');
  });

  it('refuses a malformed period naming the field, in the person’s language', async () => {
    const r = await t.api('/api/staff/dashboard?kind=month&period=2026-W49', { token: await t.token('supervisor'), lang: 'en' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields)).toEqual(['period']);
    expect(r.body.error.fields.period).toContain('a month like 2026-11');
  });
});

describe('the drill-down', () => {
  it('lists exactly the suggestions a figure counts, for every count of the headline', async () => {
    const token = await t.token('supervisor');
    const board = (await t.api('/api/staff/dashboard?kind=all', { token })).body;
    for (const measure of ['submitted', 'assigned', 'closed', 'signedInTime', 'rated', 'satisfiedOrBasic']) {
      const r = await t.api(`/api/staff/suggestions?measure=${measure}&group=org&kind=all&period=all&limit=100`, { token });
      expect(r.status, measure).toBe(200);
      expect(r.body.total, measure).toBe(board.headline.tally[measure]);
      expect(r.body.items.length, measure).toBe(Math.min(100, board.headline.tally[measure]));
    }
  });

  it('pages, and keeps a handler to their own department', async () => {
    const token = await t.token('supervisor');
    const first = await t.api('/api/staff/suggestions?measure=submitted&group=org&kind=all&period=all&limit=5', { token });
    expect(first.body.items.length).toBe(5);
    const second = await t.api(`/api/staff/suggestions?measure=submitted&group=org&kind=all&period=all&limit=5&cursor=${first.body.nextCursor}`, { token });
    expect(second.body.items.map((i: { id: string }) => i.id)).not.toContain(first.body.items[0].id);
    const handler = await t.token('handler-transport');
    expect((await t.api('/api/staff/suggestions?measure=assigned&group=department:transport&kind=all&period=all', { token: handler })).status).toBe(200);
    expect((await t.api('/api/staff/suggestions?measure=assigned&group=department:urban-mgmt&kind=all&period=all', { token: handler })).status).toBe(403);
    expect((await t.api('/api/staff/suggestions?measure=assigned&group=org&kind=all&period=all', { token: handler })).status).toBe(403);
  });

  it('names what is missing or does not belong', async () => {
    const token = await t.token('supervisor');
    const r = await t.api('/api/staff/suggestions?measure=closed&status=closed', { token, lang: 'en' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['group', 'kind', 'period', 'status']);
    expect(r.body.error.fields.status).toContain('cannot be combined');
    expect(r.body.error.fields.kind).toContain('required');
  });
});

describe('the cost of loading the dashboard', () => {
  it('is a fixed number of requests to the database', async () => {
    let requests = 0;
    const counting = DynamoDBDocumentClient.from(t.stack.dynamodb, { marshallOptions: { removeUndefinedValues: true } });
    counting.middlewareStack.add((next) => async (args) => {
      requests++;
      return next(args);
    });
    const suggestions = new DynamoSuggestionStore(counting, t.stack.tableName);
    const deps = {
      rates: new DynamoRateStore(counting, t.stack.tableName, suggestions),
      directory: new DynamoDirectory(counting, t.stack.tableName),
      store: suggestions,
      audit: new DynamoAuditLog(counting, t.stack.tableName),
      clock: systemClock,
    };
    const principal = { username: 'supervisor', name: '督查室 周涛', role: 'supervisor' as const, orgId: 'demo' };
    const counts: number[] = [];
    for (const kind of ['week', 'month', 'year', 'all']) {
      requests = 0;
      await dashboard(deps, principal, { kind });
      counts.push(requests);
    }
    // Summaries, departments, ranking settings, job state, queue statistics, overdue page; and the audit write.
    expect(counts).toEqual([7, 7, 7, 7]);
  });
});
