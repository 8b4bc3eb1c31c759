/**
 * The office admin keeps the directory in a real browser against `npm start`: adds a department, adds a handler
 * in it (the form refuses a handler without a department first), reads the one-time initial password; the new
 * handler signs in with it and lands on the department's queue.
 * Screenshots go to test-results/e2e/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../shared/domain/i18n/messages';
import { t } from '../../web/src/i18n';
import { launchBrowser } from './support/browser';
import { startLocalServer, type LocalServer } from './support/local-server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'e2e');
const zh = 'zh-CN' as const;

let server: LocalServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let initialPassword: string | undefined;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  return page;
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/#/staff/login`);
  await page.fill('#l-username', username);
  await page.fill('#l-password', password);
  await page.click('button[type=submit]');
  await page.getByTestId('staff-user').filter({ hasText: /\S/ }).waitFor();
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startLocalServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.stop();
});

describe('the directory in the browser', () => {
  it('an admin adds a department and a handler in it, and reads the initial password once', async () => {
    const page = await newPage();
    await signIn(page, 'admin', 'jianyi-demo');
    await page.locator('.staff-nav a', { hasText: t('staffNav.people', {}, zh) }).click();
    await page.getByTestId('people-table').waitFor();

    const dept = page.getByTestId('department-form');
    await page.fill('#d-id', 'water');
    await page.fill('#d-name', '水务局');
    await page.fill('#d-en', 'Water Authority');
    await dept.locator('button[type=submit]').click();
    await page.getByTestId('people-notice').filter({ hasText: '水务局' }).waitFor();
    expect(await page.getByTestId('department-list').textContent()).toContain('Water Authority');

    const person = page.getByTestId('person-form');
    await page.fill('#p-username', 'liu.yang');
    await page.fill('#p-name', '水务局 刘洋');
    await page.selectOption('#p-role', 'handler');
    await page.fill('#p-email', 'liu.yang@demo.jianyi.local');
    // Checked here before anything is sent: a handler needs a department.
    await person.locator('button[type=submit]').click();
    await page.locator('#p-department-error').waitFor();
    expect(await page.locator('#p-department-error').textContent()).toContain(translate(zh, 'rule.departmentRequired'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-department');

    await page.selectOption('#p-department', 'water');
    await person.locator('button[type=submit]').click();
    const password = page.getByTestId('initial-password');
    await password.waitFor();
    initialPassword = (await password.textContent())!.trim();
    expect(initialPassword).toHaveLength(16);
    const row = page.getByTestId('person-row').filter({ hasText: 'liu.yang' });
    expect(await row.textContent()).toContain('水务局');
    await page.screenshot({ path: join(shots, 'd01-people.png'), fullPage: true });
  });

  it('the new handler signs in with it and works the department queue', async () => {
    expect(initialPassword, 'the admin step must have shown a password').toBeDefined();
    const page = await newPage();
    await signIn(page, 'liu.yang', initialPassword!);
    await page.locator('h1', { hasText: t('queue.heading', {}, zh) }).waitFor();
    expect(await page.getByTestId('staff-user').textContent()).toContain('水务局 刘洋');
    // A handler has no department filter (the server keeps them to their own) and no admin pages.
    expect(await page.locator('#q-department').count()).toBe(0);
    expect(await page.locator('.staff-nav a', { hasText: t('staffNav.people', {}, zh) }).count()).toBe(0);
  });
});
