/**
 * Adoption records (采纳 / 转化运用, issue 10 point 4) through the real handlers on DynamoDB Local: a replied
 * suggestion is adopted by the lead department's handler, which the citizen reads on the track page and is told of
 * (once, even when the notice is queued again); progress is added; a mistake is corrected with a reason; the
 * office marks it for the case library. Bad input is refused naming the field and writes nothing, and the audit
 * row commits with the change even if the process dies right after its first write.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDirectory } from '../../shared/aws/dynamo-directory';
import { DynamoSuggestionStore } from '../../shared/aws/dynamo-suggestion-store';
import { DynamoSupervisionStore } from '../../shared/aws/dynamo-supervision-store';
import { queryAll } from '../../shared/aws/query-all';
import { SqsNotificationQueue } from '../../shared/aws/sqs-notification-queue';
import { officeDay } from '../../shared/domain/office-day';
import type { StaffPrincipal } from '../../shared/domain/staff/principal';
import { keys, queuePartitions } from '../../shared/model/table';
import { citizenRecipients, commonParams } from '../../shared/use-cases/notify';
import { performStaffAction } from '../../shared/use-cases/staff-actions/perform';
import { eventually, startTestStack, submitForScreening, validSubmission, type TestStack } from './harness';

let t: TestStack;
let tokens: Record<string, string>;
let id: string;
let code: string;
let pin: string;
const phone = '13812340001';
const email = `adopt-${randomUUID().slice(0, 6)}@example.org`;
// Two days either side, so a run that passes midnight in the office still finds them in the future / the past.
const today = officeDay(new Date());
const future = officeDay(new Date(Date.now() + 2 * 86_400_000));
const past = officeDay(new Date(Date.now() - 2 * 86_400_000));

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  tokens = Object.fromEntries(
    await Promise.all(['dispatcher', 'handler-transport', 'handler-urban', 'supervisor', 'viewer', 'admin', 'organizer'].map(async (u) => [u, await t.token(u)])),
  );
  ({ id, code, pin } = await submitForScreening(t, tokens.dispatcher!, { ...validSubmission, contact: { phone, email, consent: true } }));
  expect((await act('dispatcher', 'screen', { decision: 'assign', category: 'traffic', tier: 'deadline', leadDepartmentId: 'transport', cohandlerDepartmentIds: ['urban-mgmt'] })).status).toBe(200);
  expect((await act('handler-transport', 'sign')).status).toBe(200);
}, 180_000);
afterAll(async () => t?.stop());

const act = (who: string, action: string, json: unknown = {}, lang = 'en') =>
  t.api(`/api/staff/suggestions/${id}/${action}`, { method: 'POST', token: tokens[who], json, lang });
const track = () => t.api(`/api/suggestions/${code}`, { headers: { 'x-tracking-pin': pin } });
const detail = (who = 'dispatcher') => t.api(`/api/staff/suggestions/${id}`, { token: tokens[who] });
const outbox = async (event: string) =>
  ((await t.api('/api/local/outbox')).body.messages as { suggestionId: string; event: string; to: string; body: string }[]).filter((m) => m.suggestionId === id && m.event === event);
/** The organisation's audit rows of the test's office days (read from the table: the day's log is long with views). */
async function auditEntries(): Promise<{ action: string; target?: string; detail?: string; actor: { id: string; role: string } }[]> {
  const days = [...new Set([today, officeDay(new Date())])];
  const rows = await Promise.all(
    days.map((day) => queryAll(t.stack.documents, { TableName: t.stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.audit('demo', day, '', '').pk }, ConsistentRead: true })),
  );
  return rows.flat() as never;
}
const item = async () => (await t.stack.documents.send(new GetCommand({ TableName: t.stack.tableName, Key: keys.suggestion(id), ConsistentRead: true }))).Item!;

const adoption = { outcome: '已在人民路 12 个公交站台加装遮阳棚。', adoptedOn: today, departmentId: 'transport', evidenceUrl: 'https://example.org/notice/2026-101' };

describe('recording an adoption', () => {
  it('is not offered before the reply, and refused (409) while the suggestion is being handled', async () => {
    expect((await detail('handler-transport')).body.availableActions).not.toContain('adopt');
    const early = await act('dispatcher', 'adopt', adoption);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('illegal_transition');
  });

  it('is offered after the reply to the office, the supervisor and the lead department; not to a co-handler or a viewer', async () => {
    expect((await act('handler-transport', 'reply', { text: '已协调公交公司加装遮阳棚。' })).body.status).toBe('replied');
    for (const who of ['dispatcher', 'admin', 'supervisor', 'handler-transport']) expect((await detail(who)).body.availableActions, who).toContain('adopt');
    for (const who of ['handler-urban', 'viewer', 'organizer']) expect((await detail(who)).body.availableActions ?? [], who).not.toContain('adopt');
    expect((await act('handler-urban', 'adopt', adoption)).status).toBe(403);
    expect((await act('viewer', 'adopt', adoption)).status).toBe(403);
    // Only an adopted idea goes to the case library; nothing to correct or update yet.
    expect((await act('dispatcher', 'featureIdea')).body.error.message).toBe('This suggestion has no adoption record yet');
    expect((await act('dispatcher', 'adoptionProgress', { text: 'x', date: today })).status).toBe(409);
  });

  it('refuses bad input naming each field, in the caller\'s language, and writes nothing', async () => {
    // Not before the day it was submitted (looked up first: a detail view writes its audit row).
    const submittedOn = officeDay((await detail()).body.submittedAt);
    const before = await t.snapshot();
    const bad = await act('handler-transport', 'adopt', { outcome: ' ', adoptedOn: '2026-02-30', departmentId: 'Nope!', evidenceUrl: 'http://example.org/x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      outcome: 'What was adopted: required',
      adoptedOn: 'Adoption date: use the date format YYYY-MM-DD',
      departmentId: expect.stringContaining('Department:'),
      evidenceUrl: 'Evidence link: must be a full address starting with https://',
    });
    const late = await act('handler-transport', 'adopt', { ...adoption, adoptedOn: future, departmentId: 'nowhere' }, 'zh-CN');
    expect(late.status).toBe(400);
    expect(late.body.error.fields).toEqual({ adoptedOn: expect.stringMatching(/^采纳日期：不能晚于今天（\d{4}-\d{2}-\d{2}）$/), departmentId: '部门：没有这个部门' });
    const early = await act('handler-transport', 'adopt', { ...adoption, adoptedOn: past });
    expect(early.body.error.fields).toEqual({ adoptedOn: `Adoption date: cannot be earlier than ${submittedOn}` });
    expect((await act('handler-transport', 'adopt', { ...adoption, extra: 1 })).body.error.fields).toEqual({ extra: expect.stringContaining('unknown field') });
    expect(await t.snapshot()).toEqual(before);
  });

  it('records it once: the timeline (public), the audit row, the 已采纳 badge; a second adoption is refused (409)', async () => {
    const adopted = await act('handler-transport', 'adopt', adoption);
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({
      status: 'replied',
      adopted: true,
      adoption: { ...adoption, departmentName: '交通运输局', departmentNameEn: 'Transport Bureau', recordedBy: '交通运输局 赵强', updates: [], corrections: [] },
    });
    expect(adopted.body.timeline.at(-1)).toMatchObject({ action: 'adopt', visibility: 'public', note: adoption.outcome, actor: { id: 'handler-transport' } });
    expect(adopted.body.availableActions).toEqual(['adoptionProgress', 'correctAdoption']);
    expect((await detail('dispatcher')).body.availableActions).toEqual(['adoptionProgress', 'correctAdoption', 'featureIdea']);
    expect(await auditEntries()).toContainEqual(expect.objectContaining({ action: 'adopt', target: id, actor: expect.objectContaining({ id: 'handler-transport' }) }));

    const again = await act('dispatcher', 'adopt', { ...adoption, outcome: '再次采纳' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This suggestion already has an adoption record; correct it if it is wrong, it cannot be adopted twice');

    const queue = await t.api('/api/staff/suggestions?status=replied&limit=100', { token: tokens.dispatcher });
    expect(queue.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ adopted: true });
  });

  it('shows the citizen the adoption on the track page, without staff names', async () => {
    const view = await track();
    expect(view.body.adoption).toEqual({
      outcome: adoption.outcome,
      adoptedOn: today,
      departmentName: '交通运输局',
      departmentNameEn: 'Transport Bureau',
      evidenceUrl: adoption.evidenceUrl,
      updates: [],
    });
    expect(view.body.timeline.at(-1)).toMatchObject({ action: 'adopt', note: adoption.outcome });
    expect(JSON.stringify(view.body)).not.toContain('赵强');
  });

  it('tells the citizen once by SMS and email, even when the same notice is queued again', async () => {
    const first = await eventually(async () => {
      const messages = await outbox('adoption');
      return messages.length === 2 ? messages : undefined;
    }, 30_000);
    expect(first.map((m) => m.to).sort()).toEqual([phone, email].sort());
    expect(first.find((m) => m.to === email)!.body).toContain('交通运输局采纳');

    // A retry of the delivery (the same requests, the same keys) sends nothing more. A request of a new key sent
    // in the same batch shows when the batch has been handled.
    const stored = (await new DynamoSuggestionStore(t.stack.documents, t.stack.tableName).get(id))!;
    const again = citizenRecipients(stored, 'adoption', 'adoption', { ...commonParams(stored, t.url), departmentName: '交通运输局', departmentNameEn: 'Transport Bureau' });
    expect(again).toHaveLength(2);
    const sentinel = { ...again.find((r) => r.channel === 'email')!, to: 'sentinel@example.org', idempotencyKey: `${id}#adoption#email#sentinel@example.org#adoption` };
    await new SqsNotificationQueue(t.stack.sqs, t.stack.environment.NOTIFY_QUEUE_URL!).enqueue([...again, sentinel]);
    await eventually(async () => ((await outbox('adoption')).some((m) => m.to === sentinel.to) ? true : undefined), 30_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await outbox('adoption')).filter((m) => m.to !== sentinel.to)).toHaveLength(2);
  }, 90_000);
});

describe('progress, corrections and the case library', () => {
  it('appends progress updates; the citizen sees each and is told of each once', async () => {
    const link = await act('dispatcher', 'adoptionProgress', { text: '施工中', date: today, evidenceUrl: 'ftp://example.org' });
    expect(link.body.error.fields).toEqual({ evidenceUrl: 'Evidence link: must be a full address starting with https://' });
    const late = await act('dispatcher', 'adoptionProgress', { text: '施工中', date: future });
    expect(late.body.error.fields).toEqual({ date: expect.stringMatching(/^Date: cannot be later than today/) });
    expect((await act('dispatcher', 'adoptionProgress', { text: '施工中', date: past })).body.error.fields).toEqual({ date: `Date: cannot be earlier than ${today}` });
    const one = await act('supervisor', 'adoptionProgress', { text: '首批 6 个站台已完工。', date: today });
    expect(one.status).toBe(200);
    const two = await act('handler-transport', 'adoptionProgress', { text: '全部 12 个站台完工并验收。', date: today, evidenceUrl: 'https://example.org/acceptance' });
    expect(two.body.adoption.updates).toEqual([
      expect.objectContaining({ text: '首批 6 个站台已完工。', date: today, by: '督查室 周涛' }),
      expect.objectContaining({ text: '全部 12 个站台完工并验收。', evidenceUrl: 'https://example.org/acceptance', by: '交通运输局 赵强' }),
    ]);
    expect(two.body.timeline.filter((e: { action: string; visibility: string }) => e.action === 'adoptionProgress' && e.visibility === 'public')).toHaveLength(2);
    const view = await track();
    expect(view.body.adoption.updates).toEqual([
      { text: '首批 6 个站台已完工。', date: today },
      { text: '全部 12 个站台完工并验收。', date: today, evidenceUrl: 'https://example.org/acceptance' },
    ]);
    const notices = await eventually(async () => {
      const messages = await outbox('adoptionProgress');
      return messages.length === 4 ? messages : undefined;
    }, 30_000);
    expect(notices.filter((m) => m.to === phone)).toHaveLength(2);
    const audit = await auditEntries();
    expect(audit.filter((e) => e.action === 'adoptionProgress' && e.target === id)).toHaveLength(2);
  });

  it('corrects a mistake with a reason (internal, audited), keeping what it said before; a correction that changes nothing is refused', async () => {
    expect((await act('dispatcher', 'correctAdoption', { ...adoption })).body.error.fields).toEqual({ reason: 'Reason: required' });
    expect((await act('dispatcher', 'correctAdoption', { ...adoption, reason: '核对' })).body.error.fields).toEqual({ body: expect.stringContaining('nothing to correct') });
    const fixed = await act('dispatcher', 'correctAdoption', { ...adoption, departmentId: 'urban-mgmt', evidenceUrl: undefined, reason: '实际由城市管理局实施' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.adoption).toMatchObject({ departmentId: 'urban-mgmt', departmentName: '城市管理局', recordedBy: '交通运输局 赵强' });
    expect(fixed.body.adoption).not.toHaveProperty('evidenceUrl');
    expect(fixed.body.adoption.updates).toHaveLength(2);
    expect(fixed.body.adoption.corrections).toEqual([
      expect.objectContaining({ by: '征集办 李静', reason: '实际由城市管理局实施', before: expect.objectContaining({ departmentId: 'transport', evidenceUrl: adoption.evidenceUrl }) }),
    ]);
    expect(fixed.body.timeline.at(-1)).toMatchObject({ action: 'correctAdoption', visibility: 'internal', note: '实际由城市管理局实施' });
    expect(await auditEntries()).toContainEqual(expect.objectContaining({ action: 'correctAdoption', target: id, detail: '实际由城市管理局实施' }));
    const view = await track();
    expect(view.body.adoption).toMatchObject({ departmentName: '城市管理局' });
    expect(JSON.stringify(view.body)).not.toContain('实际由城市管理局实施');
    expect(view.body.timeline.map((e: { action: string }) => e.action)).not.toContain('correctAdoption');
  });

  it('is marked for the case library by the office (a sparse key of the organisation\'s library on the item), and unmarked', async () => {
    expect((await act('handler-transport', 'featureIdea')).status).toBe(403);
    const marked = await act('dispatcher', 'featureIdea');
    expect(marked.status).toBe(200);
    expect(marked.body.featured).toMatchObject({ by: '征集办 李静' });
    expect(marked.body.availableActions).toContain('unfeatureIdea');
    expect((await act('admin', 'featureIdea')).body.error.message).toBe('This suggestion is already in the case library');
    expect(await item()).toMatchObject({ caseLibraryPk: queuePartitions.caseLibrary('demo'), caseLibrarySk: `${marked.body.featured.at}#${id}` });
    expect(await auditEntries()).toContainEqual(expect.objectContaining({ action: 'featureIdea', target: id }));
    expect((await track()).body).not.toHaveProperty('featured');

    const unmarked = await act('supervisor', 'unfeatureIdea');
    expect(unmarked.status).toBe(200);
    expect(unmarked.body).not.toHaveProperty('featured');
    const after = await item();
    expect(after).not.toHaveProperty('caseLibraryPk');
    expect(after).not.toHaveProperty('featured');
    expect((await act('supervisor', 'unfeatureIdea')).body.error.message).toBe('This suggestion is not in the case library');
  });

  it('stays open to progress after the suggestion is closed', async () => {
    const rated = await t.api(`/api/suggestions/${code}/rating`, { method: 'POST', json: { rating: 'satisfied', resolution: 'yes' }, headers: { 'x-tracking-pin': pin } });
    expect(rated.body.status).toBe('closed');
    expect((await detail('dispatcher')).body.availableActions).toEqual(['adoptionProgress', 'correctAdoption', 'featureIdea']);
    expect((await act('dispatcher', 'adoptionProgress', { text: '纳入明年民生实事项目。', date: today })).status).toBe(200);
  });
});

describe('the audit row commits with the adoption', () => {
  it('even when the process dies right after its first write', async () => {
    // A replied suggestion of its own, adopted through a store whose client "crashes" after one write.
    const submitted = await submitForScreening(t, tokens.dispatcher!);
    const on = (path: string, json: unknown, who: string) => t.api(`/api/staff/suggestions/${submitted.id}/${path}`, { method: 'POST', token: tokens[who], json });
    expect((await on('screen', { decision: 'assign', category: 'traffic', tier: 'deadline', leadDepartmentId: 'transport' }, 'dispatcher')).status).toBe(200);
    expect((await on('sign', {}, 'handler-transport')).status).toBe(200);
    expect((await on('reply', { text: '已研究采纳。' }, 'handler-transport')).status).toBe(200);

    const db = t.stack.documents;
    let writes = 0;
    const crashing = {
      send: async (command: { constructor: { name: string } }) => {
        if (/Put|Update|Delete|TransactWrite|BatchWrite/.test(command.constructor.name) && writes++ >= 1) throw new Error('the process crashed');
        return db.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    const dispatcher: StaffPrincipal = { username: 'dispatcher', name: '征集办 李静', role: 'dispatcher', orgId: 'demo' };
    const enqueued: unknown[] = [];
    await performStaffAction(
      {
        store: new DynamoSuggestionStore(crashing, t.stack.tableName),
        directory: new DynamoDirectory(db, t.stack.tableName),
        supervision: new DynamoSupervisionStore(db, t.stack.tableName),
        notifications: { enqueue: async (r) => void enqueued.push(...r) },
        workflow: { startSuggestionWorkflow: async () => undefined, answer: async () => true },
        clock: { now: () => new Date() },
        publicBaseUrl: t.url,
        log: { warn: () => undefined },
      },
      dispatcher,
      submitted.id,
      'adopt',
      { ...adoption, outcome: '原子写入' },
    );
    expect(writes).toBe(1);
    const stored = await new DynamoSuggestionStore(db, t.stack.tableName).get(submitted.id);
    expect(stored?.adoption?.outcome).toBe('原子写入');
    expect(await auditEntries()).toContainEqual(expect.objectContaining({ action: 'adopt', target: submitted.id, actor: { id: 'dispatcher', role: 'dispatcher' } }));
  }, 120_000);
});
