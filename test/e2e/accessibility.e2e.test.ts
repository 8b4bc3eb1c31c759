/**
 * Every page, checked by axe-core against WCAG 2.1 A/AA in a real browser: the citizen pages on a phone, the
 * staff pages on a desktop, in Chinese and in English. Serious and critical findings fail the test, listed by rule
 * and element.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems } from './support/axe';
import { signIn, startE2eSession, type E2eSession } from './support/session';

let session: E2eSession;
let receipt: { trackingCode: string; pin: string };

beforeAll(async () => {
  session = await startE2eSession();
  const response = await fetch(`${session.url}/api/suggestions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: '无障碍检查用建议', content: '用于检查页面的无障碍问题。', category: 'traffic', channel: 'web' }),
  });
  receipt = (await response.json()) as typeof receipt;
});

afterAll(async () => {
  await session?.stop();
});

async function check(page: Page, path: string, ready: string): Promise<string[]> {
  await page.goto(`${session.url}/#${path}`);
  await page.locator(ready).first().waitFor();
  return (await accessibilityProblems(page)).map((problem) => `${path}: ${problem}`);
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`citizen pages on a phone (${locale})`, async () => {
      const page = await session.newPage({ locale, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      await page.goto(`${session.url}/`);
      await page.evaluate((l) => localStorage.setItem('jianyi.locale', l), locale);
      await page.reload();
      await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
      const problems = [
        ...(await check(page, '/', 'form')),
        ...(await check(page, `/track?code=${receipt.trackingCode}`, '#t-pin')),
        ...(await check(page, `/answer?code=${receipt.trackingCode}`, '#ans-pin')),
        ...(await check(page, `/rate?code=${receipt.trackingCode}`, '#rate-pin')),
        ...(await check(page, '/outbox', 'h1')),
      ];
      // The track page with a result, and the submit form showing its errors.
      await page.goto(`${session.url}/#/track?code=${receipt.trackingCode}`);
      await page.fill('#t-pin', receipt.pin);
      await page.click('button[type=submit]');
      await page.getByTestId('track-status').waitFor();
      problems.push(...(await accessibilityProblems(page)).map((p) => `/track (result): ${p}`));
      await page.goto(`${session.url}/#/`);
      await page.click('form button[type=submit]');
      await page.locator('[aria-invalid="true"]').first().waitFor();
      problems.push(...(await accessibilityProblems(page)).map((p) => `/ (errors): ${p}`));
      expect(problems).toEqual([]);
    });
  }

  it('staff pages on a desktop', async () => {
    const page = await session.newPage();
    await signIn(page, session.url, 'admin');
    const queue = await check(page, '/staff', 'table.queue');
    const first = await page.locator('table.queue tbody a').first().getAttribute('href');
    const problems = [
      ...queue,
      ...(await check(page, first!.replace(/^#/, ''), '[data-testid="actions-panel"]')),
      ...(await check(page, '/staff/escalations', 'h1')),
      ...(await check(page, '/staff/notifications', 'h1')),
      ...(await check(page, '/staff/workflows', 'h1')),
      ...(await check(page, '/staff/calendar', 'h1')),
      ...(await check(page, '/staff/time-limits', '[data-testid="time-limits-form"]')),
      ...(await check(page, '/staff/people', '[data-testid="people-table"]')),
      ...(await check(page, '/staff/audit', 'h1')),
      ...(await check(page, '/staff/password', '#pw-current')),
    ];
    const login = await session.newPage();
    problems.push(...(await check(login, '/staff/login', '#l-username')));
    expect(problems).toEqual([]);
  });
});
