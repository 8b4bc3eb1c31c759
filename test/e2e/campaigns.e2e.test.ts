/**
 * A campaign in a real browser against `npm start`: an organizer creates one with a questionnaire (a choice and a
 * text question shown only for one of its answers) and a station, schedules it and prints the station's poster; a
 * citizen on a phone opens the poster's QR link, answers and then submits a suggestion from the same page; the
 * organizer sees both in the results (by station, with the text answer) and exports the responses as CSV with the
 * choices readable. The README's campaign, poster and results screenshots come from here (and the demo data).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startE2eSession, type E2eSession } from './support/session';

const docs = join(fileURLToPath(new URL('../..', import.meta.url)), 'docs');
const updateDocs = (name: string) => process.env.E2E_UPDATE_DOCS === '1' || !existsSync(join(docs, name));
let session: E2eSession;

beforeAll(async () => {
  session = await startE2eSession();
});
afterAll(async () => {
  await session?.stop();
});

/** An instant as the datetime-local input takes it, in Beijing time. */
function beijingInput(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16);
}

const slug = 'e2e-bus-stops';
const whyNot = '站台离小区太远，晚上没有路灯，老人不敢去。';

/** Reloads until the totals show what the test waits for (the figures are read live; a reload asks again). */
async function waitForTotals(page: Page, want: { responses: number; suggestions: number }): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    if (attempt > 0) await page.reload();
    const totals = page.getByTestId('campaign-totals');
    await totals.waitFor();
    const read = async (name: string) => Number((await totals.locator(`[data-total=${name}] .rate-value`).textContent())?.replace(/\D/g, ''));
    if ((await read('responses')) >= want.responses && (await read('suggestions')) >= want.suggestions) return;
    await page.waitForTimeout(1_000);
  }
  throw new Error('the results never showed the response and the suggestion');
}

describe('a campaign, from the organizer to a citizen on a phone and back', () => {
  it('is created with a questionnaire and a station, scheduled, and its poster printed', async () => {
    const page = await session.newPage();
    await signIn(page, session.url, 'organizer', undefined, '/staff/campaigns/new');
    await page.getByRole('heading', { name: '新建专题征集' }).waitFor();
    await page.fill('#cf-id', slug);
    await page.fill('#cf-title', '公交站台怎么改');
    await page.fill('#cf-theme', '明年将改造 30 个公交站台，请说说您常用的站台缺什么。');
    await page.check('#cf-category-traffic');
    await page.fill('#cf-opensAt', beijingInput(Date.now() - 60_000));
    await page.fill('#cf-closesAt', beijingInput(Date.now() + 14 * 86_400_000));
    await page.getByRole('button', { name: '添加征集点' }).click();
    await page.fill('#cf-stations-0-id', 'bus-hub');
    await page.fill('#cf-stations-0-name', '公交枢纽站');

    // Question 1: a single choice; question 2: long text, shown only for "从不".
    await page.selectOption('#qb-new-type', 'single');
    await page.getByRole('button', { name: '添加题目' }).click();
    await page.fill('#cf-questionnaire-questions-0-label-zh-CN', '您多久坐一次公交？');
    await page.check('#cf-questionnaire-questions-0-required');
    await page.fill('#cf-questionnaire-questions-0-options-0-label-zh-CN', '每天');
    await page.fill('#cf-questionnaire-questions-0-options-1-label-zh-CN', '从不');
    await page.selectOption('#qb-new-type', 'longText');
    await page.getByRole('button', { name: '添加题目' }).click();
    await page.fill('#cf-questionnaire-questions-1-label-zh-CN', '为什么不坐？');
    await page.selectOption('#cf-questionnaire-questions-1-showIf-questionId', 'q1');
    await page.check('#cf-questionnaire-questions-1-showIf-anyOf-o2');
    await page.getByRole('button', { name: '创建专题征集' }).click();
    await page.getByTestId('campaign-status').filter({ hasText: '已创建' }).waitFor();

    await page.getByTestId('campaign-lifecycle').getByRole('button', { name: '安排发布' }).click();
    await page.getByTestId('campaign-status').filter({ hasText: '已安排' }).waitFor();
    await session.shot(page, 'c01-campaign-scheduled');

    await page.goto(`${session.url}/#/staff/campaigns/${slug}/poster?station=bus-hub`);
    const poster = page.locator('.poster');
    await poster.getByText('公交站台怎么改').waitFor();
    await poster.locator('svg').first().waitFor();
    expect(await poster.textContent()).toContain(`#/c/${slug}?s=bus-hub`);
    expect(await poster.textContent()).toContain('公交枢纽站');
    await page.emulateMedia({ media: 'print' });
    await session.shot(page, 'c02-poster-print');
    // Printed: the poster alone, not the console around it.
    expect(await page.locator('.staff-bar').isVisible().catch(() => false)).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('is answered and added to by a citizen on a phone from the QR link', async () => {
    const page = await session.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(`${session.url}/#/c/${slug}?s=bus-hub`);
    await page.getByRole('heading', { name: '公交站台怎么改' }).waitFor();
    expect(await page.textContent('main')).toContain('公交枢纽站');
    // The text question appears only once "从不" is chosen.
    await expect(page.getByLabel('为什么不坐？').count()).resolves.toBe(0);
    await page.getByRole('radio', { name: '从不' }).check();
    await page.getByLabel('为什么不坐？').fill(whyNot);
    await page.getByRole('button', { name: '提交答卷' }).tap();
    await page.getByTestId('response-thanks').waitFor({ timeout: 30_000 });
    await session.shot(page, 'c03-response-thanks');

    await page.fill('#f-title', '枢纽站增加候车座椅');
    await page.fill('#f-content', '公交枢纽站候车的人多，座椅只有两排，老人常常站着等车，建议增加座椅和遮雨棚。');
    // The campaign offers one category: the form offers only it.
    const categories = await page.locator('#f-category option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(categories).toEqual(['traffic']);
    await page.selectOption('#f-category', 'traffic');
    await page.locator('form', { has: page.locator('#f-title') }).locator('button[type=submit]').tap();
    const code = page.getByTestId('tracking-code');
    await code.waitFor({ timeout: 30_000 });
    expect((await code.textContent())!.trim()).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });

  it('shows both in the organizer’s results, by station, and exports the responses with readable choices', async () => {
    const page = await session.newPage();
    await signIn(page, session.url, 'organizer', undefined, `/staff/campaigns/${slug}/results`);
    await waitForTotals(page, { responses: 1, suggestions: 1 });
    const main = page.locator('main');
    await main.getByText('公交枢纽站').first().waitFor();
    await page.getByTestId('text-answers').getByText(whyNot).waitFor();
    await session.shot(page, 'c04-results');

    await page.getByTestId('campaign-export-csv').click();
    await page.goto(`${session.url}/#/staff`);
    // The exports list polls while one is unfinished.
    const done = page.locator('[data-testid=export-row][data-state=done]').first();
    await done.waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), done.getByRole('button', { name: /下载/ }).click()]);
    const rows = parse(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')) as string[][];
    const header = rows[0]!;
    expect(header.some((h) => h.includes('您多久坐一次公交'))).toBe(true);
    expect(rows).toHaveLength(2);
    const row = rows[1]!;
    expect(row).toContain('从不'); // the choice's words, not its id
    expect(row).toContain(whyNot);
    expect(row).toContain('公交枢纽站');
  });

  it('shows the demo campaigns’ public pages on a phone: one open with every question type, one with published results', async () => {
    const page = await session.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(`${session.url}/#/c/life-circle-2026?s=mall-screen`);
    await page.getByRole('heading', { name: '家门口的“15分钟生活圈”' }).waitFor();
    await page.getByRole('button', { name: '提交答卷' }).waitFor();
    if (updateDocs('screenshot-campaign.png')) await page.screenshot({ path: join(docs, 'screenshot-campaign.png') });
    await page.goto(`${session.url}/#/c/golden-ideas-2026`);
    await page.getByTestId('published-results').waitFor();
    expect(await page.getByTestId('published-results').textContent()).toContain('感谢每一位参与的居民');
    if (updateDocs('screenshot-campaign-results.png')) await page.getByTestId('published-results').screenshot({ path: join(docs, 'screenshot-campaign-results.png') });

    const staff = await session.newPage();
    await signIn(staff, session.url, 'organizer', undefined, '/staff/campaigns/life-circle-2026/poster?station=mall-screen');
    await staff.locator('.poster svg').first().waitFor();
    await staff.emulateMedia({ media: 'print' });
    if (updateDocs('screenshot-poster.png')) await staff.locator('.poster').screenshot({ path: join(docs, 'screenshot-poster.png') });
    await staff.emulateMedia({ media: 'screen' });
    await staff.goto(`${session.url}/#/staff/campaigns/life-circle-2026/results`);
    await staff.getByTestId('campaign-totals').waitFor();
    if (updateDocs('screenshot-campaign-dashboard.png')) await staff.screenshot({ path: join(docs, 'screenshot-campaign-dashboard.png'), fullPage: true });
  });
});
