import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredBy, uncoveredYearsAhead } from '../../shared/domain/deadlines/coverage';
import { eventually, startTestStack, type TestStack } from './harness';

let t: TestStack;
let dispatcher: string;
beforeAll(async () => {
  t = await startTestStack({ seed: true });
  dispatcher = await t.token('dispatcher');
});
afterAll(async () => t?.stop());

type Item = { id: string; dueAt: string; status: string; leadDepartmentId?: string; category: string; submittedAt: string };

async function allPages(query: string, token: string, limit = 4): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const r = await t.api(`/api/staff/suggestions?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...r.body.items);
    cursor = r.body.nextCursor;
  } while (cursor);
  return items;
}

describe('staff', () => {
  it('logs in through the dev identity provider and knows who it is', async () => {
    const bad = await t.api('/idp/login', { method: 'POST', json: { username: 'dispatcher', password: 'wrong' } });
    expect(bad.status).toBe(401);
    const login = await t.api('/idp/login', { method: 'POST', json: { username: 'handler-transport', password: 'jianyi-demo' } });
    expect(login.status).toBe(200);
    const me = await t.api('/api/staff/me', { token: login.body.idToken });
    expect(me.body).toMatchObject({ username: 'handler-transport', role: 'handler', departmentId: 'transport', orgId: 'demo', canRevealContact: true });
    const departments = await t.api('/api/staff/departments', { token: login.body.idToken });
    expect(departments.body.departments.length).toBeGreaterThanOrEqual(8);
  });

  it('pages through the open queue in deadline order without gaps or repeats', async () => {
    const items = await allPages('', dispatcher);
    expect(items.length).toBeGreaterThan(10);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const dues = items.map((i) => i.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(items.every((i) => !['closed', 'rejected', 'merged'].includes(i.status))).toBe(true);
  });

  it('filters by status, department, category and date', async () => {
    const closed = await allPages('&status=closed', dispatcher);
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((i) => i.status === 'closed')).toBe(true);
    const urban = await allPages('&departmentId=urban-mgmt', dispatcher, 2);
    expect(urban.length).toBeGreaterThan(0);
    expect(urban.every((i) => i.leadDepartmentId === 'urban-mgmt')).toBe(true);
    const traffic = await allPages('&category=traffic&status=assigned', dispatcher);
    expect(traffic.every((i) => i.category === 'traffic' && i.status === 'assigned')).toBe(true);
    const all = await allPages('', dispatcher);
    const day = all[Math.floor(all.length / 2)]!.submittedAt;
    const officeDay = new Date(new Date(day).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const sameDay = await allPages(`&from=${officeDay}&to=${officeDay}`, dispatcher);
    expect(sameDay.map((i) => i.id)).toContain(all[Math.floor(all.length / 2)]!.id);
    expect(sameDay.length).toBeLessThan(all.length);
  });

  it("shows a handler only their department's queue", async () => {
    const handler = await t.token('handler-transport');
    const items = await allPages('', handler);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.leadDepartmentId === 'transport')).toBe(true);
  });

  it('shows the detail with the full timeline and masked contact; a reveal is audited', async () => {
    const items = await allPages('&status=replied', dispatcher);
    const id = items[0]!.id;
    const detail = await t.api(`/api/staff/suggestions/${id}`, { token: dispatcher });
    expect(detail.status).toBe(200);
    // The lifecycle's entries first (a seeded adoption may follow the reply).
    expect(detail.body.timeline.map((e: { action: string }) => e.action).slice(0, 5)).toEqual(['submit', 'beginScreening', 'assign', 'sign', 'reply']);
    expect(detail.body.timeline[0].actor.type).toBe('citizen');
    if (detail.body.contact) {
      expect(detail.body.contactMasked).toBe(true);
      expect(detail.body.contact.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    const withContact = (await allPages('', dispatcher)).map((i) => i.id);
    let revealedId: string | undefined;
    for (const candidate of withContact) {
      const d = await t.api(`/api/staff/suggestions/${candidate}`, { token: dispatcher });
      if (d.body.contact?.phone) {
        revealedId = candidate;
        break;
      }
    }
    expect(revealedId).toBeDefined();
    const reveal = await t.api(`/api/staff/suggestions/${revealedId}/contact-reveal`, { method: 'POST', token: dispatcher });
    expect(reveal.status).toBe(200);
    expect(reveal.body.contact.phone).toMatch(/^1\d{10}$/);

    const admin = await t.token('admin');
    const audit = await t.api('/api/staff/audit?limit=200', { token: admin });
    expect(audit.status).toBe(200);
    const reveals = audit.body.entries.filter((e: { action: string; target: string }) => e.action === 'revealContact' && e.target === revealedId);
    expect(reveals).toHaveLength(1);
    expect(reveals[0].actor).toEqual({ id: 'dispatcher', role: 'dispatcher' });
    expect(audit.body.entries.some((e: { action: string; target: string }) => e.action === 'viewSuggestion' && e.target === id)).toBe(true);
    // Listing the queue is recorded too, with the filters used.
    expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: 'viewQueue', actor: { id: 'dispatcher', role: 'dispatcher' }, detail: expect.stringContaining('limit=') }));
  });

  it('escalates a screening deadline that passed: 督办 record, supervisors and dispatchers told', async () => {
    // The seeded suggestions still in screening were submitted days ago: their workflows find them overdue.
    const screening = await allPages('&status=screening', dispatcher);
    expect(screening.length).toBeGreaterThan(0);
    const id = screening[0]!.id;
    const detail = await eventually(async () => {
      const d = await t.api(`/api/staff/suggestions/${id}`, { token: dispatcher });
      return d.body.timeline.some((e: { action: string }) => e.action === 'escalate') ? d : undefined;
    });
    const escalations = detail.body.timeline.filter((e: { action: string }) => e.action === 'escalate');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ visibility: 'internal', actor: { type: 'system' }, note: 'screeningDue' });
    const messages = await eventually(async () => {
      const o = await t.api('/api/local/outbox');
      const mine = o.body.messages.filter((m: { suggestionId: string }) => m.suggestionId === id);
      return mine.length >= 4 ? mine : undefined;
    });
    const to = (event: string) => messages.filter((m: { event: string }) => m.event === event).map((m: { to: string }) => m.to).sort();
    expect(to('overdue')).toEqual(['13800000001', 'dispatcher@demo.jianyi.local']);
    expect(to('escalation')).toEqual(['13800000004', 'supervisor@demo.jianyi.local']);
    const board = await t.api('/api/staff/escalations', { token: await t.token('supervisor') });
    expect(board.body.escalations.map((e: { suggestionId: string }) => e.suggestionId)).toContain(id);
    // The citizen's view does not show internal steps.
    const citizen = await t.api(`/api/suggestions/${detail.body.trackingCode}`, { headers: { 'x-tracking-pin': '246810' } });
    expect(citizen.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'beginScreening']);
  });

  it('answers an unknown suggestion id with 404', async () => {
    const r = await t.api('/api/staff/suggestions/01ARZ3NDEKTSV4RRFFQ69G5FAV', { token: dispatcher });
    expect(r.status).toBe(404);
    const junk = await t.api('/api/staff/suggestions/not-an-id', { token: dispatcher });
    expect(junk.status).toBe(404);
  });

  it('computes queue statistics on the schedule', async () => {
    const job = t.stack.app.functions.find((f) => f.id.toLowerCase().includes('queuestats') || f.logicalId.toLowerCase().includes('queuestats'));
    expect(job).toBeDefined();
    const outcome = await t.stack.invoke(job!.logicalId, { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} });
    expect(outcome.ok).toBe(true);
    const stats = await t.api('/api/staff/stats', { token: dispatcher });
    expect(stats.status).toBe(200);
    expect(Object.values(stats.body.byStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe((await allPages('', dispatcher)).length);
    expect(stats.body.overdue).toBeGreaterThanOrEqual(0);
  });
});

describe('calendar coverage and importing a published schedule', () => {
  const schedule = (y: number) => `${y}-01-01 休 元旦\n${y}-02-06 班\n${y}-02-10 ~ ${y}-02-12 休 春节`;

  it('warns admins (only) about the uncovered years, and the warning goes once their schedules are imported', async () => {
    const admin = await t.token('admin');
    // The rule itself is unit-tested on fixed dates; here, the server applies it to today (on 2026-12-01: [2027]).
    const expected = uncoveredYearsAhead(new Date(), coveredBy([]));
    const before = await t.api('/api/staff/me', { token: admin });
    expect(before.body.calendarWarning?.uncoveredYears ?? []).toEqual(expected);
    expect((await t.api('/api/staff/me', { token: dispatcher })).body.calendarWarning).toBeUndefined();
    expect((await t.api('/api/staff/calendar-overrides', { token: admin })).body).toMatchObject({ coveredYears: [], uncoveredYears: expected });

    // A preview says what would be saved and writes nothing.
    const written = await t.settle();
    const preview = await t.api('/api/staff/calendar-overrides/preview', { method: 'POST', token: admin, json: { format: 'list', schedule: schedule(2027) } });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      year: 2027,
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'workday' },
        { date: '2027-02-10', kind: 'holiday', name: '春节' },
        { date: '2027-02-11', kind: 'holiday', name: '春节' },
        { date: '2027-02-12', kind: 'holiday', name: '春节' },
      ],
      replaced: [],
      ignored: [],
    });
    expect(await t.snapshot()).toEqual(written);

    for (const year of new Set([2027, ...expected])) {
      const saved = await t.api('/api/staff/calendar-overrides/import', { method: 'POST', token: admin, json: { format: 'list', schedule: schedule(year) } });
      expect(saved.status).toBe(200);
      expect(saved.body.coveredYears).toContain(year);
    }
    expect((await t.api('/api/staff/me', { token: admin })).body.calendarWarning).toBeUndefined();
    const after = await t.api('/api/staff/calendar-overrides', { token: admin });
    expect(after.body.uncoveredYears).toEqual([]);
    expect(after.body.overrides).toContainEqual({ date: '2027-02-06', kind: 'workday' });
    const audit = await t.api('/api/staff/audit?limit=200', { token: admin });
    expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: 'importCalendarSchedule', target: '2027', detail: '5 days' }));
  });

  it('imports an .ics feed over the year, replacing what it held, and the day-by-day list keeps the year covered while it has days', async () => {
    const admin = await t.token('admin');
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'SUMMARY:国庆节、中秋节假期', 'DTSTART;VALUE=DATE:20271001', 'DTEND;VALUE=DATE:20271008', 'END:VEVENT', 'BEGIN:VEVENT', 'SUMMARY:上班(补国庆节假期)', 'DTSTART;VALUE=DATE:20270926', 'DTEND;VALUE=DATE:20270927', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const preview = await t.api('/api/staff/calendar-overrides/preview', { method: 'POST', token: admin, json: { format: 'ics', schedule: ics } });
    expect(preview.body.replaced.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-02-06', '2027-02-10', '2027-02-11', '2027-02-12']);
    const saved = await t.api('/api/staff/calendar-overrides/import', { method: 'POST', token: admin, json: { format: 'ics', schedule: ics } });
    expect(saved.status).toBe(200);
    const in2027 = saved.body.overrides.filter((d: { date: string }) => d.date.startsWith('2027'));
    expect(in2027).toHaveLength(8);
    expect(in2027[0]).toEqual({ date: '2027-09-26', kind: 'workday', name: '上班(补国庆节假期)' });

    // Editing the list day by day keeps 2027 covered; emptying the year uncovers it.
    const kept = await t.api('/api/staff/calendar-overrides', { method: 'PUT', token: admin, json: { overrides: in2027.slice(1) } });
    expect(kept.body.coveredYears).toContain(2027);
    const emptied = await t.api('/api/staff/calendar-overrides', { method: 'PUT', token: admin, json: { overrides: [] } });
    expect(emptied.body.coveredYears).toEqual([]);
  });

  it('refuses bad input with the line and the rule in the caller\'s language, and anyone but an admin', async () => {
    const admin = await t.token('admin');
    const bad = { format: 'list', schedule: '2027-01-01 休\n2027-01-02 休\n2027-13-01 休' };
    const en = await t.api('/api/staff/calendar-overrides/import', { method: 'POST', token: admin, json: bad, lang: 'en' });
    expect(en.status).toBe(400);
    expect(en.body.error).toEqual({ code: 'validation_failed', message: 'Some fields need attention', fields: { schedule: 'Schedule: line 3: "2027-13-01" is not a date (use YYYY-MM-DD, e.g. 2027-01-01)' } });
    const zh = await t.api('/api/staff/calendar-overrides/preview', { method: 'POST', token: admin, json: bad });
    expect(zh.body.error.fields).toEqual({ schedule: '放假安排：第 3 行的“2027-13-01”不是日期（应为 YYYY-MM-DD，如 2027-01-01）' });
    const notIcs = await t.api('/api/staff/calendar-overrides/preview', { method: 'POST', token: admin, json: { format: 'ics', schedule: '2027-01-01 休' }, lang: 'en' });
    expect(notIcs.body.error.fields).toEqual({ schedule: 'Schedule: not valid iCalendar (.ics) content' });
    const noFormat = await t.api('/api/staff/calendar-overrides/preview', { method: 'POST', token: admin, json: { schedule: '2027-01-01 休' }, lang: 'en' });
    expect(noFormat.body.error.fields).toEqual({ format: 'Format: required' });
    expect((await t.api('/api/staff/calendar-overrides/import', { method: 'POST', token: dispatcher, json: { format: 'list', schedule: '2027-01-01 休' } })).status).toBe(403);
  });
});
