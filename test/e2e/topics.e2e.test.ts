/**
 * 热度表 / 晴雨表 in a real browser against `npm start`: a dispatcher signs in, opens the topics page from the staff
 * bar and finds the seeded 路灯 cluster (infra/local/seed-topics.ts) at the top of the week's keywords and on the
 * barometer, with its reason in words; a row opens onto its suggestions, whose links lead to the staff page of
 * one. The page reads on a phone, and in English. Screenshots go to test-results/e2e/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../web/src/i18n';
import '../../web/src/i18n/staff';
import { accessibilityProblems } from './support/axe';
import { signIn, startE2eSession, type E2eSession } from './support/session';

const zh = 'zh-CN' as const;
let session: E2eSession;

beforeAll(async () => {
  session = await startE2eSession();
});
afterAll(async () => {
  await session?.stop();
});

/** The barometer's row of the keyword 路灯 (not a row whose suggestions merely mention it). */
const lampSpikes = (page: Page) => page.getByTestId('spike-row').filter({ has: page.locator('th', { hasText: /^路灯/ }) });

/**
 * The scheduler runs the topics job a few seconds after seeding; its first run reads the demo's year of history too
 * (a few minutes on a loaded machine): reload until its spike is on the page.
 */
async function waitForSpike(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    await page.getByTestId('topics-week').waitFor();
    if (await lampSpikes(page).count()) return;
    await page.waitForTimeout(2_000);
    await page.reload();
  }
  throw new Error('the seeded 路灯 spike never showed on the topics page');
}

// The first test may wait minutes for the topics job's first run (see waitForSpike).
describe('hot topics and barometer in the browser', { timeout: 420_000 }, () => {
  it('shows a dispatcher the seeded 路灯 spike and hot keyword, and the suggestions behind them', async () => {
    const page = await session.newPage();
    await signIn(page, session.url, 'dispatcher');
    await page.locator('.staff-nav a', { hasText: t('staffNav.topics', {}, zh) }).click();
    await page.getByRole('heading', { level: 1, name: t('topics.heading', {}, zh) }).waitFor();
    await waitForSpike(page);

    const spike = lampSpikes(page).first();
    expect(await spike.textContent()).toMatch(/当天 \d+ 件/);
    expect(await spike.textContent()).toContain(t('topics.kind.keyword', {}, zh));

    const top = page.getByTestId('hot-keyword').getByTestId('hot-row').first();
    expect(await top.locator('th').textContent()).toBe('路灯');
    // Half the cluster is today's, half yesterday's (in last week's table on a Monday).
    expect(Number(await top.locator('td.number').first().textContent())).toBeGreaterThanOrEqual(6);
    expect(await top.textContent()).toContain(t('topics.new', {}, zh));
    expect(await page.getByTestId('hot-place').textContent()).toContain('幸福街道');

    await top.locator('summary').click();
    const links = top.locator('details a');
    expect(await links.count()).toBeGreaterThanOrEqual(6);
    // Traditional submissions are listed as written.
    expect(await top.locator('details').textContent()).toContain('路燈');
    await session.shot(page, 'topics-dispatcher');

    await links.first().click();
    await page.waitForURL(/#\/staff\/s\//);
    expect(await page.locator('h1').textContent()).toBeTruthy();
  });

  it('reads on a phone and in English, with no serious accessibility finding', async () => {
    const phone = await session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(phone, session.url, 'supervisor');
    await phone.evaluate(() => localStorage.setItem('jianyi.locale', 'en'));
    await phone.goto(`${session.url}/#/staff/topics`);
    await phone.reload();
    await phone.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await waitForSpike(phone);
    expect(await phone.locator('h1').textContent()).toBe(t('topics.heading', {}, 'en'));
    expect(await lampSpikes(phone).first().textContent()).toMatch(/\d+ on the day/);
    // Wide tables scroll inside their own region, never the page.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.getByTestId('hot-keyword').locator('summary').first().click();
    expect(await accessibilityProblems(phone)).toEqual([]);
    await session.shot(phone, 'topics-phone');
  });

  it('is not offered to a handler, whose request is refused', async () => {
    const page = await session.newPage();
    await signIn(page, session.url, 'handler-transport');
    expect(await page.locator('.staff-nav a', { hasText: t('staffNav.topics', {}, zh) }).count()).toBe(0);
    await page.goto(`${session.url}/#/staff/topics`);
    await page.locator('.alert').first().waitFor();
    expect(await page.locator('.alert').first().textContent()).toContain('handler');
  });
});
