/**
 * What every browser test file sets up: `npm start` on its own port and data, Debian Chromium, and pages in
 * zh-CN / Asia/Shanghai contexts that are all closed at the end; plus signing in on the staff login page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startLocalServer } from './local-server';

export const shotsDir = join(fileURLToPath(new URL('../../..', import.meta.url)), 'test-results', 'e2e');
export const demoPassword = 'jianyi-demo';

export interface E2eSession {
  url: string;
  newPage(options?: Parameters<Browser['newContext']>[0]): Promise<Page>;
  shot(page: Page, name: string, fullPage?: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function startE2eSession(): Promise<E2eSession> {
  mkdirSync(shotsDir, { recursive: true });
  const server = await startLocalServer();
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    url: server.url,
    async newPage(options = {}) {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 }, ...options });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
      return page;
    },
    async shot(page, name, fullPage = true) {
      await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage });
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

/** Signs in on the staff login page and waits until the staff bar names the person. */
export async function signIn(page: Page, url: string, username: string, password = demoPassword, next?: string): Promise<void> {
  await page.goto(`${url}/#/staff/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.fill('#l-username', username);
  await page.fill('#l-password', password);
  await page.click('button[type=submit]');
  await page.getByTestId('staff-user').filter({ hasText: /\S/ }).waitFor();
}
