/**
 * Adoption records (采纳 / 转化运用, issue 10 point 4) in a real browser against `npm start`: the dispatcher finds
 * the seeded adopted ideas marked 已采纳 in the queue, opens a closed suggestion that was not adopted yet, records
 * its adoption (the form refuses an http link before sending) and a progress update; the citizen, on a phone, sees
 * both on the track page with the seeded PIN. Screenshots go to test-results/e2e/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../shared/domain/i18n/messages';
import { officeDay } from '../../shared/domain/office-day';
import { t } from '../../web/src/i18n';
// The staff pages' strings too: in the browser they come with the staff console's chunk.
import '../../web/src/i18n/staff';
import { accessibilityProblems } from './support/axe';
import { signIn, startE2eSession, type E2eSession } from './support/session';

const zh = 'zh-CN' as const;
/** Seeded (infra/local/seed.ts): closed, its practice example not adopted; and one seeded as adopted. */
const title = '老旧小区加装电梯';
const seededAdopted = '设立环卫工人休息驿站';
const seededPin = '246810';
const outcome = '纳入本年度老旧小区改造计划，首批 8 个小区启动加装电梯，财政按每部 20 万元补贴。';
const progressText = '首批 8 部电梯已完成招标，预计年底前投入使用。';

let session: E2eSession;
let trackingCode: string | undefined;

beforeAll(async () => {
  session = await startE2eSession();
});
afterAll(async () => {
  await session?.stop();
});

async function actionDone(page: Page, label: string): Promise<void> {
  await page.getByTestId('action-done').filter({ hasText: t('act.done', { action: label }, zh) }).waitFor();
}

/** A queue row by its text, loading more pages as needed (the demo's year of history comes first by deadline). */
async function queueRow(page: Page, text: string) {
  const row = page.getByTestId('queue-row').filter({ hasText: text });
  for (let pages = 0; pages < 40 && (await row.count()) === 0; pages++) {
    const more = page.getByRole('button', { name: t('queue.loadMore', {}, zh) });
    await page.getByTestId('queue-row').first().waitFor();
    if ((await more.count()) === 0) break;
    const shown = await page.getByTestId('queue-row').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="queue-row"]').length > n, shown);
  }
  return row;
}

async function openAction(page: Page, action: string): Promise<void> {
  const box = page.locator(`details[data-action="${action}"]`);
  await box.waitFor();
  if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
}

describe('adoption in the browser', () => {
  it('a dispatcher records an adoption and a progress update in the console', async () => {
    const page = await session.newPage();
    await signIn(page, session.url, 'dispatcher', undefined, '/staff?status=closed');
    await page.goto(`${session.url}/#/staff?status=closed`);

    // The seeded adopted idea carries the badge in the queue.
    const adoptedRow = await queueRow(page, seededAdopted);
    await adoptedRow.waitFor();
    expect(await adoptedRow.locator('.tag-adopted').textContent()).toBe(t('adoption.badge', {}, zh));

    const row = await queueRow(page, title);
    await row.waitFor();
    expect(await row.locator('.tag-adopted').count()).toBe(0);
    trackingCode = (await row.locator('td.mono').textContent())!.trim();
    await row.getByRole('link', { name: title }).click();
    await page.waitForURL(/#\/staff\/s\//);

    await openAction(page, 'adopt');
    const form = page.getByTestId('action-adopt');
    // The day is today's and the department the lead department's until changed.
    expect(await page.inputValue('#a-adopt-date')).toBe(officeDay(new Date()));
    expect(await page.inputValue('#a-adopt-department')).toBe('housing');
    await page.fill('#a-adopt-outcome', outcome);
    await page.fill('#a-adopt-link', 'http://example.org/notice');
    await form.locator('button[type=submit]').click();
    await page.locator('#a-adopt-link-error').filter({ hasText: translate(zh, 'rule.httpsUrl') }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('a-adopt-link');
    await page.fill('#a-adopt-link', 'https://example.org/notice/2026-88');
    await session.shot(page, 'a01-adopt-form');
    await form.locator('button[type=submit]').click();
    await actionDone(page, t('act.adopt', {}, zh));

    const box = page.getByTestId('adoption');
    expect(await box.getByTestId('adoption-outcome').textContent()).toBe(outcome);
    expect(await box.textContent()).toContain('住房和城乡建设局');
    expect(await page.locator('.facts').first().locator('.tag-adopted').count()).toBe(1);
    // Adopted once: recording it again is no longer offered; correcting and progress are.
    expect(await page.locator('details[data-action="adopt"]').count()).toBe(0);
    expect(await page.locator('details[data-action="correctAdoption"]').count()).toBe(1);

    await openAction(page, 'adoptionProgress');
    await page.fill('#a-progress-text', progressText);
    await page.getByTestId('action-adoptionProgress').locator('button[type=submit]').click();
    await actionDone(page, t('act.adoptionProgress', {}, zh));
    expect(await page.getByTestId('adoption-updates').textContent()).toContain(progressText);
    expect(await page.locator('.timeline').last().textContent()).toContain(translate(zh, 'action.adoptionProgress'));
    await session.shot(page, 'a02-adopted');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the citizen on a phone sees the adoption and its progress on the track page', async () => {
    expect(trackingCode, 'the staff step must have found the suggestion').toBeDefined();
    const page = await session.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(`${session.url}/#/track?code=${trackingCode}`);
    await page.fill('#t-pin', seededPin);
    await page.tap('button[type=submit]');
    const adoption = page.getByTestId('track-adoption');
    await adoption.waitFor();
    const text = (await adoption.textContent())!;
    expect(text).toContain(t('track.adoption', {}, zh));
    expect(text).toContain(outcome);
    expect(text).toContain('住房和城乡建设局');
    expect(await adoption.getByRole('link', { name: t('track.adoption.evidence', {}, zh) }).getAttribute('href')).toBe('https://example.org/notice/2026-88');
    expect(await page.getByTestId('track-adoption-updates').textContent()).toContain(progressText);
    expect(await page.locator('.timeline').last().textContent()).toContain(translate(zh, 'action.adopt'));
    await session.shot(page, 'a03-track-adoption');
    expect(await accessibilityProblems(page)).toEqual([]);

    // In English, the department's English name.
    await page.locator('button.lang-switch').tap();
    await page.getByTestId('track-adoption').filter({ hasText: 'Housing and Urban-Rural Development Bureau' }).waitFor();
  });
});
