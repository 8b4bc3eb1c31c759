/**
 * Questionnaire responses on the local stack (the real bundles, DynamoDB Local): a retried response counted once,
 * concurrent responses with retries aggregated exactly (the figures equal a recount of the stored responses), the
 * window, the one-per-phone and one-per-browser policies, scans, a campaign suggestion's counters, the staff's text
 * answers and an export of responses read back as CSV and XLSX with readable choices.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyTypeQuestionnaire as questionnaire, variedAnswers } from '../unit/campaigns/questionnaire-fixture';
import { eventually, startTestStack, type TestStack } from './harness';
import { campaignRecord, closeAgents, createCampaign, postFrom, postWithRetry, recount, storedResponses } from './campaign-responses-support';

let t: TestStack;
let organizer: string;
const responses = (id: string) => `/api/campaigns/${id}/responses`;
let nextClient = 0;
const client = () => nextClient++;

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  const put = (c: ReturnType<typeof campaignRecord>) => createCampaign(t.stack.documents, t.stack.tableName, c);
  const now = Date.now();
  await put(campaignRecord('survey-any', questionnaire));
  await put(campaignRecord('survey-burst', questionnaire));
  await put(campaignRecord('survey-phone', questionnaire, { policy: 'phone' }));
  await put(campaignRecord('survey-browser', questionnaire, { policy: 'browser' }));
  await put(campaignRecord('survey-later', questionnaire, { state: 'scheduled', opensAt: new Date(now + 86_400_000), closesAt: new Date(now + 2 * 86_400_000) }));
  await put(campaignRecord('survey-ended', questionnaire, { state: 'closed', opensAt: new Date(now - 2 * 86_400_000), closesAt: new Date(now - 86_400_000) }));
  await put(campaignRecord('survey-draft', questionnaire, { state: 'draft' }));
  organizer = await t.token('organizer');
  // On a loaded machine a cold function can time out once: warm both functions before the first assertions.
  await eventually(async () => ((await postFrom(t.url, client(), responses('survey-draft'), { responseId: randomUUID(), answers: {} })).status === 404 ? true : undefined), 60_000, 500);
  await eventually(async () => ((await t.api('/api/staff/campaigns/survey-any/figures', { token: organizer })).status === 200 ? true : undefined), 60_000, 500);
}, 240_000);
afterAll(async () => {
  closeAgents();
  await t?.stop();
});

const figures = async (id: string) => {
  const r = await t.api(`/api/staff/campaigns/${id}/figures`, { token: organizer });
  expect(r.status).toBe(200);
  return r.body;
};

describe('a response', () => {
  it('is stored once: a retry with the same id answers 200 with the first receipt and counts nothing', async () => {
    const body = { responseId: randomUUID(), answers: variedAnswers(0), stationId: 'mall', browserId: 'browser-retry-000001' };
    const first = await postFrom(t.url, client(), responses('survey-any'), body);
    expect(first.status).toBe(201);
    const again = await postFrom(t.url, client(), responses('survey-any'), body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const f = await figures('survey-any');
    expect(f.responses).toBe(1);
    expect(f.participants).toBe(1);
    expect(f.byStation.mall.responses).toBe(1);
    expect(f.questions.mode.options.bus).toBe(1);
  });

  it('names each broken answer, in the caller’s language, and writes nothing', async () => {
    // The seeded demo's workflows write in the background: compare what a response could have written.
    const ours = async () => (await t.snapshot()).filter((key) => /RESPONSE#|RESPONDENT#|PARTICIPANT#|survey-any|RATE#response/.test(key));
    const before = await ours();
    const r = await postFrom(t.url, client(), responses('survey-any'), { responseId: randomUUID(), answers: { mode: 'car', score: 9, nosuch: 1 }, stationId: 'moon' }, 'en');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['answers.mode', 'answers.nosuch', 'answers.score', 'answers.services', 'stationId']);
    expect(r.body.error.fields['answers.score']).toMatch(/between 1 and 5/);
    expect(JSON.stringify(r.body)).not.toMatch(/at \w+ \(|stack/i);
    const bad = await postFrom(t.url, client(), responses('survey-any'), { responseId: 'not-an-id', answers: {} });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toContain('responseId');
    expect(await ours()).toEqual(before);
  });

  it('only inside the window: 409 naming it before and after, 404 for a draft', async () => {
    const body = () => ({ responseId: randomUUID(), answers: variedAnswers(1) });
    const before = await postFrom(t.url, client(), responses('survey-later'), body());
    expect(before.status).toBe(409);
    expect(before.body.error.code).toBe('campaign_window');
    expect(before.body.error.message).toMatch(/尚未开始/);
    const after = await postFrom(t.url, client(), responses('survey-ended'), body());
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe('campaign_window');
    expect(after.body.error.message).toMatch(/已结束/);
    expect((await postFrom(t.url, client(), responses('survey-draft'), body())).status).toBe(404);
    expect((await postFrom(t.url, client(), responses('no-such-campaign'), body())).status).toBe(404);
  });
});

describe('200 concurrent responses, 20 of them retried at once with the same id', () => {
  it('the figures equal a recount of the stored responses: nothing lost, nothing counted twice', async () => {
    const bodies = Array.from({ length: 200 }, (_, i) => ({
      responseId: randomUUID(),
      answers: variedAnswers(i),
      ...(i % 3 === 0 ? { stationId: i % 2 ? 'mall' : 'library' } : {}),
      browserId: `burst-browser-${String(i).padStart(6, '0')}`,
    }));
    const sends = bodies.flatMap((body, i) => (i % 10 === 0 ? [body, body] : [body]));
    const results = await Promise.all(sends.map((body, i) => postWithRetry(t.url, 1000 + i, responses('survey-burst'), body)));
    expect(results.filter((r) => r.status !== 201 && r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(200);
    const stored = await storedResponses(t.stack.documents, t.stack.tableName, 'survey-burst');
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(bodies.map((b) => b.responseId)));
    const f = await figures('survey-burst');
    expect(f).toEqual(recount(questionnaire, stored, 200));
    expect(f.responses).toBe(200);
    expect(f.questions.services.answered).toBe(200);
  }, 180_000);
});

describe('one response per phone', () => {
  const phone = '13912345678';
  async function codeFromOutbox(): Promise<string> {
    return eventually(async () => {
      const r = await t.api('/api/local/outbox');
      const message = (r.body?.messages ?? []).find((m: { to: string; event: string }) => m.to === phone && m.event === 'phoneCode');
      return message ? /(\d{6})/.exec(message.body)![1] : undefined;
    }, 30_000, 200);
  }

  it('needs the SMS code sent to that phone, then refuses a second response from it', async () => {
    const ask = await postFrom(t.url, client(), '/api/campaigns/survey-phone/phone-codes', { phone });
    expect(ask.status).toBe(202);
    expect(ask.body.expiresInSeconds).toBe(600);
    // A second code for the same phone within the minute is refused.
    const tooSoon = await postFrom(t.url, client(), '/api/campaigns/survey-phone/phone-codes', { phone });
    expect(tooSoon.status).toBe(429);
    const code = await codeFromOutbox();

    const without = await postFrom(t.url, client(), responses('survey-phone'), { responseId: randomUUID(), answers: variedAnswers(2) });
    expect(without.status).toBe(400);
    expect(Object.keys(without.body.error.fields).sort()).toEqual(['phone', 'phoneCode']);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await postFrom(t.url, client(), responses('survey-phone'), { responseId: randomUUID(), answers: variedAnswers(2), phone, phoneCode: wrongCode });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.phoneCode).toMatch(/验证码不正确/);

    const first = { responseId: randomUUID(), answers: variedAnswers(2), phone, phoneCode: code };
    expect((await postFrom(t.url, client(), responses('survey-phone'), first)).status).toBe(201);
    expect((await postFrom(t.url, client(), responses('survey-phone'), first)).status).toBe(200);
    const second = await postFrom(t.url, client(), responses('survey-phone'), { ...first, responseId: randomUUID() });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('already_responded');
    const f = await figures('survey-phone');
    expect([f.responses, f.participants]).toEqual([1, 1]);
  });

  it('keeps no phone number or code readable in the table', async () => {
    const items = JSON.stringify(await t.snapshot());
    expect(items).not.toContain(phone);
    expect(items).toContain('PHONECODE#demo#survey-phone#phone-');
  });

  it('a questionnaire without the policy sends no code', async () => {
    const r = await postFrom(t.url, client(), '/api/campaigns/survey-any/phone-codes', { phone: '13900000000' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('phone_code_not_needed');
  });
});

describe('one response per browser', () => {
  it('refuses a second response from the same browser id, takes another browser', async () => {
    const body = () => ({ responseId: randomUUID(), answers: variedAnswers(3) });
    expect((await postFrom(t.url, client(), responses('survey-browser'), body())).body.error.fields.browserId).toBeTruthy();
    expect((await postFrom(t.url, client(), responses('survey-browser'), { ...body(), browserId: 'browser-one-0000001' })).status).toBe(201);
    const again = await postFrom(t.url, client(), responses('survey-browser'), { ...body(), browserId: 'browser-one-0000001' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_responded');
    expect((await postFrom(t.url, client(), responses('survey-browser'), { ...body(), browserId: 'browser-two-0000002' })).status).toBe(201);
    const f = await figures('survey-browser');
    expect([f.responses, f.participants]).toEqual([2, 2]);
  });
});

describe('scans and suggestions count in the same figures', () => {
  it('a scan counts once per visit, by station', async () => {
    const visit = { visitId: 'visit-0000000000000001', stationId: 'library' };
    expect((await postFrom(t.url, client(), '/api/campaigns/survey-browser/scans', visit)).status).toBe(204);
    expect((await postFrom(t.url, client(), '/api/campaigns/survey-browser/scans', visit)).status).toBe(204);
    expect((await postFrom(t.url, client(), '/api/campaigns/survey-browser/scans', { visitId: 'visit-0000000000000002', stationId: 'moon' })).status).toBe(400);
    const f = await figures('survey-browser');
    expect(f.scans).toBe(1);
    expect(f.byStation.library.scans).toBe(1);
  });

  it("a campaign suggestion moves the campaign's counters in its create transaction, and its contact counts once", async () => {
    const suggestion = {
      title: '公交站台加装遮阳棚',
      content: '人民路多个公交站台没有遮阳棚，建议加装。',
      category: 'traffic',
      channel: 'qr',
      campaignId: 'survey-browser',
      stationId: 'mall',
      contact: { phone: '13700000001', consent: true },
    };
    const key = randomUUID();
    const first = await t.api('/api/suggestions', { method: 'POST', json: suggestion, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect((await t.api('/api/suggestions', { method: 'POST', json: suggestion, headers: { 'idempotency-key': key } })).status).toBe(200);
    expect((await t.api('/api/suggestions', { method: 'POST', json: suggestion })).status).toBe(201);
    const f = await figures('survey-browser');
    expect(f.suggestions).toBe(2);
    expect(f.byChannel).toEqual({ qr: 2 });
    expect(f.byCategory).toEqual({ traffic: 2 });
    expect(f.byStation.mall.suggestions).toBe(2);
    expect(f.participants).toBe(3);
  });
});

describe('staff', () => {
  it('browse text answers newest first and search them; a handler may not', async () => {
    const all = await t.api('/api/staff/campaigns/survey-burst/responses?question=idea&limit=100', { token: organizer });
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 7 === 0).length);
    const times = all.body.items.map((i: { receivedAt: string }) => i.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const search = await t.api(`/api/staff/campaigns/survey-burst/responses?q=${encodeURIComponent('夜班车')}&limit=5`, { token: organizer });
    expect(search.status).toBe(200);
    expect(search.body.items).toHaveLength(5);
    expect(search.body.items.every((i: { text: string }) => i.text.includes('夜班车'))).toBe(true);
    const next = await t.api(`/api/staff/campaigns/survey-burst/responses?q=${encodeURIComponent('夜班车')}&limit=100&cursor=${search.body.nextCursor}`, { token: organizer });
    const seen = [...search.body.items, ...next.body.items].map((i: { responseId: string }) => i.responseId);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 7 === 0 && i % 2 === 1).length);
    expect((await t.api('/api/staff/campaigns/survey-burst/responses?question=mode', { token: organizer })).status).toBe(400);
    const handler = await t.token('handler-transport');
    expect((await t.api('/api/staff/campaigns/survey-burst/responses', { token: handler })).status).toBe(403);
    expect((await t.api('/api/staff/campaigns/survey-burst/figures', { token: handler })).status).toBe(403);
    const audit = await t.api('/api/staff/audit', { token: await t.token('admin') });
    expect(JSON.stringify(audit.body)).toContain('viewCampaignResponses');
  });

  async function exported(format: 'csv' | 'xlsx', lang = 'zh-CN'): Promise<Buffer> {
    const asked = await t.api('/api/staff/campaigns/survey-burst/exports', { method: 'POST', json: { format }, token: organizer, lang });
    expect(asked.status).toBe(202);
    const done = await eventually(
      async () => {
        const r = await t.api('/api/staff/exports', { token: organizer });
        const found = r.body?.exports?.find((e: { id: string }) => e.id === asked.body.id);
        return found && (found.state === 'done' || found.state === 'failed') ? found : undefined;
      },
      90_000,
      250,
    );
    expect(done).toMatchObject({ state: 'done', rows: 200, campaignId: 'survey-burst' });
    const link = await t.api(`/api/staff/exports/${asked.body.id}/download`, { token: organizer });
    expect(link.status).toBe(200);
    expect(link.body.fileName).toMatch(new RegExp(`^${lang === 'en' ? 'responses' : '答卷导出'}-survey-burst-\\d{8}-\\d{4}\\.${format}$`));
    return Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
  }

  it('export the responses as CSV: one column per question and matrix row, readable choices', async () => {
    const file = await exported('csv');
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parse(file.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['答卷编号', '提交时间', '征集点', '您平时怎么出行？', '公交有哪些问题？', '您常用的站点', '您的建议', '总体满意度', '单程几分钟？', '各项服务 — 到站信息', '各项服务 — 候车座椅']);
    expect(rows).toHaveLength(201);
    const choices = new Set(rows.slice(1).map((r) => r[3]));
    expect(choices).toEqual(new Set(['公交', '地铁', '骑车']));
    expect(rows.slice(1).some((r) => r[4] === '晚点；不干净')).toBe(true);
    expect(rows.slice(1).some((r) => r[2] === '万达广场')).toBe(true);
    expect(rows.slice(1).every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[1]!))).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/"(bus|metro|late|good|bad)"/);
  }, 120_000);

  it('export the responses as XLSX in English, numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('xlsx', 'en')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(201);
    expect(sheet.getRow(1).getCell(4).value).toBe('How do you usually travel?');
    const values = Array.from({ length: 200 }, (_, i) => sheet.getRow(i + 2));
    expect(new Set(values.map((r) => r.getCell(4).value))).toEqual(new Set(['Bus', 'Metro', 'Bike']));
    expect(values.every((r) => typeof r.getCell(8).value === 'number')).toBe(true);
  }, 120_000);
});
