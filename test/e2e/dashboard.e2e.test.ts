/**
 * The dashboard in a real browser against `npm start` with the demo data (a year of seeded history): a supervisor
 * sees the rates with the trend chart drawn and its table, the ranking with a department left unranked for too few
 * suggestions, and the overdue board; a count drills down to the queue listing exactly that many suggestions; a
 * handler sees only their department; on a phone the page fits. The README's dashboard screenshot comes from here.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../web/src/i18n';
import '../../web/src/i18n/staff';
import { accessibilityProblems } from './support/axe';
import { signIn, startE2eSession, type E2eSession } from './support/session';

const zh = 'zh-CN' as const;
const docs = join(fileURLToPath(new URL('../..', import.meta.url)), 'docs');
let session: E2eSession;

beforeAll(async () => {
  session = await startE2eSession();
});
afterAll(async () => {
  await session?.stop();
});

/** The rates job runs shortly after start; until its first (full) run the page says the figures are coming. */
async function openWithFigures(page: Page, path: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    // A reload, not a goto: a goto to the same hash is no navigation, and the page would not ask again.
    if (attempt === 0) await page.goto(`${session.url}/#${path}`);
    else await page.reload();
    await page.getByTestId('rate-cards').waitFor();
    const value = await page.locator('[data-rate="closure"] .rate-value').textContent();
    if (value && value !== '—') return;
    await page.waitForTimeout(2_000);
  }
  throw new Error('the dashboard never showed a closure rate');
}

describe('the dashboard in the browser', () => {
  it('shows a supervisor the rates, the drawn trend, the ranking and the overdue board', async () => {
    const page = await session.newPage();
    await signIn(page, session.url, 'supervisor', undefined, '/staff/dashboard?kind=year');
    await openWithFigures(page, '/staff/dashboard?kind=year');
    // The chart is drawn: uPlot's canvas, with the legend naming the rates.
    await page.locator('[data-testid="rate-chart"] canvas').first().waitFor();
    expect(await page.locator('[data-testid="rate-chart"] .u-legend').textContent()).toContain(t('dash.rate.satisfaction', {}, zh));
    // The same numbers as a table.
    await page.locator('details:has([data-testid="trend-table"]) summary').click();
    expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(5);
    // The ranking: ranked departments first, and one with too few suggestions not ranked, saying why.
    const rows = page.getByTestId('ranking-row');
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await rows.first().locator('td').first().textContent()).toBe('1');
    const unranked = page.locator('[data-testid="ranking-row"].unranked');
    expect(await unranked.count()).toBeGreaterThan(0);
    expect(await unranked.first().textContent()).toContain('不排名');
    await page.getByTestId('overdue-board').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await session.shot(page, 'dashboard');
    // The README's: the month view from the top (rates with their counts, the trend chart).
    if (process.env.E2E_UPDATE_DOCS === '1' || !existsSync(join(docs, 'screenshot-dashboard.png'))) {
      await openWithFigures(page, '/staff/dashboard?kind=month');
      await page.locator('[data-testid="rate-chart"] canvas').first().waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      mkdirSync(docs, { recursive: true });
      await page.screenshot({ path: join(docs, 'screenshot-dashboard.png') });
    }
  });

  it('drills down from a count to the queue listing exactly those suggestions', async () => {
    const page = await session.newPage();
    await signIn(page, session.url, 'supervisor', undefined, '/staff/dashboard?kind=year');
    await openWithFigures(page, '/staff/dashboard?kind=year');
    const link = page.locator('[data-rate="closure"] a[data-measure="closed"]');
    const count = Number((await link.textContent())!.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    await link.click();
    const banner = page.getByTestId('drill-down-banner');
    await banner.filter({ hasText: String(count) }).waitFor();
    expect(await banner.textContent()).toContain(t('dash.measure.closed', {}, zh));
    // The first page of the list, all closed.
    await page.getByTestId('queue-row').first().waitFor();
    const shown = await page.getByTestId('queue-row').count();
    expect(shown).toBe(Math.min(25, count));
    expect(await page.getByTestId('queue-row').filter({ hasText: t('status.closed', {}, zh) }).count()).toBe(shown);
    await session.shot(page, 'dashboard-drill-down');
    await banner.getByRole('link').click();
    await page.getByTestId('rate-cards').waitFor();
  });

  it('shows a handler their own department, and fits a phone', async () => {
    const page = await session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page, session.url, 'handler-transport', undefined, '/staff/dashboard?kind=year');
    await openWithFigures(page, '/staff/dashboard?kind=year');
    expect(await page.locator('main').textContent()).toContain('交通运输局');
    expect(await page.getByTestId('department-table').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('category-table').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.shot(page, 'dashboard-phone');
  });
});
