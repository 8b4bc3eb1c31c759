/**
 * Campaigns end to end through the HTTP API and the real handlers: an organizer creates and schedules one, the
 * scheduled clock opens and closes it on time, submissions outside the window get 409 naming it, a poster's
 * station is recorded with channel qr, and published results reach the public page. Only organizers and admins
 * write; a draft is never public; every write is audited with it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/model/table';
import { queryAll } from '../../shared/aws/query-all';
import { officeDay } from '../../shared/domain/office-day';
import { startTestStack, validSubmission, type TestStack } from './harness';

let t: TestStack;
let organizer: string;
let handler: string;
let viewer: string;

beforeAll(async () => {
  t = await startTestStack();
  [organizer, handler, viewer] = await Promise.all([t.token('organizer'), t.token('handler-transport'), t.token('viewer')]);
}, 180_000);
afterAll(async () => t?.stop());

const sleepUntil = async (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now() + 50)));

async function runClock(): Promise<{ opened: string[]; closed: string[] }> {
  const job = t.stack.app.functions.find((f) => f.logicalId.startsWith('CampaignClock'));
  if (!job) throw new Error('no CampaignClock function in the synthesized template');
  const outcome = await t.stack.invoke(job.logicalId, { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} });
  if (!outcome.ok) throw new Error(`${outcome.error.errorType}: ${outcome.error.errorMessage}`);
  return outcome.result as { opened: string[]; closed: string[] };
}

function draft(opensAt: number, closesAt: number) {
  return {
    title: '社区公园金点子',
    theme: '东城社区公园明年改造，请您出主意。',
    categories: ['urban-management', 'environment'],
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(closesAt).toISOString(),
    targetDepartmentIds: ['urban-mgmt'],
    responsePolicy: 'any',
    stations: [{ id: 'east-centre', name: '东城社区中心' }],
    questionnaire: { questions: [{ id: 'uses', type: 'single', required: true, label: { 'zh-CN': '您多久去一次公园？' }, options: [{ id: 'daily', label: { 'zh-CN': '每天' } }, { id: 'never', label: { 'zh-CN': '从不' } }] }] },
  };
}

const inCampaign = (id: string, over: Record<string, unknown> = {}) => ({ ...validSubmission, title: '公园增加座椅', category: 'urban-management', campaignId: id, ...over });

describe('an organizer runs a campaign', () => {
  it('creates, schedules; the clock opens and closes it; submissions keep to the window; results are published', async () => {
    // Real time, with room for cold starts on a loaded machine: it opens in 15 s and takes 10 s of submissions.
    const opensAt = Date.now() + 15_000;
    const closesAt = opensAt + 10_000;
    const created = await t.api('/api/staff/campaigns', { method: 'POST', token: organizer, json: { id: 'park-ideas', ...draft(opensAt, closesAt) } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ id: 'park-ideas', state: 'draft', version: 1, createdBy: '专题征集 吴芳' });

    // A draft is not public, and takes nothing.
    expect((await t.api('/api/campaigns/park-ideas')).status).toBe(404);
    const toDraft = await t.api('/api/suggestions', { method: 'POST', json: inCampaign('park-ideas') });
    expect(toDraft.status).toBe(400);
    expect(toDraft.body.error.fields.campaignId).toBe('专题征集：没有这个专题征集');

    const scheduled = await t.api('/api/staff/campaigns/park-ideas/state', { method: 'POST', token: organizer, json: { action: 'schedule', version: 1 } });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body).toMatchObject({ state: 'scheduled', version: 2 });
    // On a stale version: 409, nothing changes.
    expect((await t.api('/api/staff/campaigns/park-ideas/state', { method: 'POST', token: organizer, json: { action: 'unschedule', version: 1 } })).status).toBe(409);

    // Before it opens: 409 naming the window, in the person's language.
    const early = await t.api('/api/suggestions', { method: 'POST', json: inCampaign('park-ideas') });
    expect(early.status, JSON.stringify(early.body)).toBe(409);
    expect(early.body.error.code).toBe('campaign_window');
    expect(early.body.error.message).toContain('尚未开始征集');
    expect(early.body.error.message).toContain(new Date(opensAt + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));
    const earlyEn = await t.api('/api/suggestions', { method: 'POST', json: inCampaign('park-ideas'), lang: 'en' });
    expect(earlyEn.body.error.message).toContain('has not opened yet');

    expect(await runClock()).toEqual({ opened: [], closed: [] });
    await sleepUntil(opensAt);
    expect(await runClock()).toEqual({ opened: ['park-ideas'], closed: [] });
    expect(await runClock()).toEqual({ opened: [], closed: [] }); // a repeated run finds nothing due

    const page = await t.api('/api/campaigns/park-ideas');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ id: 'park-ideas', state: 'open', accepting: true, categories: ['urban-management', 'environment'], stations: [{ id: 'east-centre', name: '东城社区中心' }] });
    expect(page.body).not.toHaveProperty('createdBy');
    expect(page.body).not.toHaveProperty('targetDepartmentIds');
    expect((await t.api('/api/campaigns')).body.campaigns.map((c: { id: string }) => c.id)).toContain('park-ideas');

    // Inside the window: the campaign's categories and stations only.
    const wrongCategory = await t.api('/api/suggestions', { method: 'POST', json: inCampaign('park-ideas', { category: 'traffic' }) });
    expect(wrongCategory.status).toBe(400);
    expect(wrongCategory.body.error.fields.category).toBe('类别：本次专题征集只收以下类别：urban-management, environment');
    const wrongStation = await t.api('/api/suggestions', { method: 'POST', json: inCampaign('park-ideas', { channel: 'qr', stationId: 'mall-screen' }) });
    expect(wrongStation.status).toBe(400);
    expect(wrongStation.body.error.fields.stationId).toBe('征集点：本次专题征集没有这个征集点');
    const scanned = await t.api('/api/suggestions', { method: 'POST', json: inCampaign('park-ideas', { channel: 'qr', stationId: 'east-centre' }) });
    expect(scanned.status, JSON.stringify(scanned.body)).toBe(201);
    const code = await t.stack.documents.send(new GetCommand({ TableName: t.stack.tableName, Key: keys.trackingCode(scanned.body.trackingCode) }));
    const stored = (await t.stack.documents.send(new GetCommand({ TableName: t.stack.tableName, Key: keys.suggestion(code.Item!.suggestionId as string) }))).Item;
    expect(stored).toMatchObject({ campaignId: 'park-ideas', stationId: 'east-centre', channel: 'qr' });
    // The dispatcher sees where it came from, and the departments the campaign is meant for.
    const detail = await t.api(`/api/staff/suggestions/${stored!.id}`, { token: await t.token('dispatcher') });
    expect(detail.body.campaign).toEqual({ id: 'park-ideas', title: '社区公园金点子', station: { id: 'east-centre', name: '东城社区中心' }, targetDepartmentIds: ['urban-mgmt'] });

    // Past the closing time the window refuses at once, before the clock has run.
    await sleepUntil(closesAt);
    const late = await t.api('/api/suggestions', { method: 'POST', json: inCampaign('park-ideas') });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('征集已结束');
    expect(await runClock()).toEqual({ opened: [], closed: ['park-ideas'] });

    const publish = await t.api('/api/staff/campaigns/park-ideas/state', { method: 'POST', token: organizer, json: { action: 'publish', version: 4, summary: '共收到金点子 1 条，已转交城市管理局。' } });
    expect(publish.status, JSON.stringify(publish.body)).toBe(200);
    const history = publish.body.history.map((h: { from: string; to: string; by: string }) => `${h.from}>${h.to}@${h.by}`);
    expect(history).toEqual(['draft>scheduled@专题征集 吴芳', 'scheduled>open@system', 'open>closed@system', 'closed>published@专题征集 吴芳']);
    const results = await t.api('/api/campaigns/park-ideas');
    expect(results.body).toMatchObject({ state: 'published', accepting: false, results: { summary: '共收到金点子 1 条，已转交城市管理局。' } });
    expect(results.body.results.figures).toBeDefined();

    // Every staff write is in the audit log.
    const audit = await queryAll(t.stack.documents, {
      TableName: t.stack.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.audit('demo', officeDay(new Date()), '', '').pk },
      ConsistentRead: true,
    });
    const actions = audit.filter((a) => a.target === 'campaign:park-ideas').map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['createCampaign', 'campaign.schedule', 'campaign.publish']));
  }, 60_000);
});

describe('who may do what, and bad input', () => {
  it('lets only organizers and admins write; every staff member reads', async () => {
    const body = { id: 'handler-made', ...draft(Date.now() + 86_400_000, Date.now() + 2 * 86_400_000) };
    const refused = await t.api('/api/staff/campaigns', { method: 'POST', token: handler, json: body });
    expect(refused.status).toBe(403);
    expect((await t.api('/api/staff/campaigns', { method: 'POST', token: viewer, json: body })).status).toBe(403);
    expect((await t.api('/api/staff/campaigns', { token: viewer })).status).toBe(200);
    expect((await t.api('/api/staff/campaigns')).status).toBe(401);
  });

  it('names each broken field and rule, and writes nothing', async () => {
    const before = await t.snapshot();
    const bad = await t.api('/api/staff/campaigns', {
      method: 'POST',
      token: organizer,
      json: { ...draft(Date.now() + 86_400_000, Date.now()), id: 'Bad Slug', categories: ['parks'], targetDepartmentIds: [] },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['categories.0', 'id']);
    const window = await t.api('/api/staff/campaigns', { method: 'POST', token: organizer, json: { id: 'backwards', ...draft(Date.now() + 86_400_000, Date.now()) } });
    expect(window.body.error.fields.closesAt).toBe('截止时间：截止时间须晚于开始时间');
    const unknownDepartment = await t.api('/api/staff/campaigns', { method: 'POST', token: organizer, json: { id: 'nowhere', ...draft(Date.now() + 86_400_000, Date.now() + 2 * 86_400_000), targetDepartmentIds: ['ministry-of-magic'] } });
    expect(unknownDepartment.body.error.fields['targetDepartmentIds.0']).toContain('没有这个部门');
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a slug that is taken, and an edit on a stale version', async () => {
    const body = { id: 'twice', ...draft(Date.now() + 86_400_000, Date.now() + 2 * 86_400_000) };
    expect((await t.api('/api/staff/campaigns', { method: 'POST', token: organizer, json: body })).status).toBe(201);
    const again = await t.api('/api/staff/campaigns', { method: 'POST', token: organizer, json: body });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('twice');
    const { id: _id, ...fields } = body;
    const edited = await t.api('/api/staff/campaigns/twice', { method: 'PUT', token: organizer, json: { ...fields, title: '改过的标题', version: 1 } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ title: '改过的标题', version: 2 });
    expect((await t.api('/api/staff/campaigns/twice', { method: 'PUT', token: organizer, json: { ...fields, version: 1 } })).status).toBe(409);
    expect((await t.api('/api/staff/campaigns/no-such', { token: organizer })).status).toBe(404);
  });
});
