/**
 * The product end to end, in a real browser against `npm start`:
 * a citizen on a phone submits a suggestion (after correcting an invalid mobile number), keeps the receipt and
 * tracks it; a dispatcher signs in, finds it in the queue with a filter, opens it, sees the contact masked and
 * reveals it; the local outbox shows the receipt message that went to the citizen. An admin sees a failed
 * notification's recipient masked and reveals it.
 * Screenshots go to test-results/e2e/; the two README screenshots to docs/ (see docsShot).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryNames } from '../../shared/domain/intake/categories';
import type { FailedNotification, RecipientRevealResponse } from '../../shared/http/api-types';
import { translate } from '../../shared/domain/i18n/messages';
import { t } from '../../web/src/i18n';
// The staff pages' strings too: in the browser they come with the staff console's chunk.
import '../../web/src/i18n/staff';
import { startE2eSession, type E2eSession } from './support/session';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = join(root, 'docs');
const zh = 'zh-CN' as const;

const unique = Date.now().toString(36);
const suggestion = {
  title: '人民路公交站增设遮阳棚',
  content: '人民路公交站夏天没有遮挡，候车的老人和孩子直接暴晒。建议增设遮阳棚和座椅，并在站牌上标注到站时间。',
  category: 'environment' as const,
  address: '人民路与解放路交叉口公交站',
  name: '张女士',
  phone: '13912345678',
  email: `citizen-${unique}@example.com`,
};

/** What the citizen's journey hands to the staff journey. */
let receipt: { trackingCode: string; pin: string } | undefined;

let session: E2eSession;

const newPage = (options?: Parameters<E2eSession['newPage']>[0]) => session.newPage(options);
const shot = (page: Page, name: string, fullPage = true) => session.shot(page, name, fullPage);

/**
 * The README's screenshots are committed, so they are written only when missing or asked for
 * (E2E_UPDATE_DOCS=1): an ordinary test run leaves the working tree clean.
 */
async function docsShot(page: Page, name: string): Promise<void> {
  const path = join(docs, name);
  if (process.env.E2E_UPDATE_DOCS === '1' || !existsSync(path)) {
    mkdirSync(docs, { recursive: true });
    await page.screenshot({ path });
  }
}

/** Yesterday in China Standard Time, as YYYY-MM-DD: the seeded demo data is older. */
function yesterdayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000));
}

beforeAll(async () => {
  session = await startE2eSession();
});

afterAll(async () => {
  await session?.stop();
});

describe('citizen and staff in the browser', () => {
  it('a citizen on a phone submits a suggestion, keeps the receipt and tracks it', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(`${session.url}/?channel=qr#/`);
    await page.locator('h1', { hasText: t('submit.heading', {}, zh) }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await shot(page, '01-submit-empty');

    await page.fill('#f-title', suggestion.title);
    await page.fill('#f-content', suggestion.content);
    await page.selectOption('#f-category', suggestion.category);
    await page.fill('#f-address', suggestion.address);
    await page.fill('#f-name', suggestion.name);
    await page.fill('#f-email', suggestion.email);
    await page.check('#f-consent');

    // A mobile number one digit short: the field says so when left, with the shared rule's wording.
    await page.fill('#f-phone', suggestion.phone.slice(0, 10));
    await page.locator('#f-phone').press('Tab');
    const phoneError = page.locator('#f-phone-error');
    await phoneError.waitFor();
    expect(await phoneError.textContent()).toContain(translate(zh, 'rule.phone'));
    expect(await page.getAttribute('#f-phone', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-phone', 'aria-describedby')).toContain('f-phone-error');

    // Submitting anyway lists the problem in the summary, whose link takes focus to the field.
    await page.tap('button[type=submit]');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    await shot(page, '02-submit-invalid-phone');
    await page.locator('.error-summary a[href="#f-phone"]').tap();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-phone');

    await page.fill('#f-phone', suggestion.phone);
    await phoneError.waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await docsShot(page, 'screenshot-submit.png');
    await page.tap('button[type=submit]');

    const code = page.getByTestId('tracking-code');
    await code.waitFor({ timeout: 30_000 });
    const trackingCode = (await code.textContent())!.trim();
    const pin = (await page.getByTestId('pin').textContent())!.trim();
    expect(trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(pin).toMatch(/^\d{6}$/);
    expect(await page.textContent('main')).toContain(t('receipt.saveWarning', {}, zh));
    expect(await page.textContent('main')).toContain(t('receipt.sent', {}, zh));
    receipt = { trackingCode, pin };
    await shot(page, '03-receipt');

    // The receipt's link fills in the code and PIN and looks it up at once.
    await page.getByRole('link', { name: t('receipt.track', {}, zh) }).tap();
    const status = page.getByTestId('track-status');
    await status.waitFor();
    expect(page.url()).toContain(`#/track?code=${trackingCode}`);
    expect(page.url()).not.toContain(pin);
    const statusText = (await status.textContent())!.trim();
    expect([translate(zh, 'status.submitted'), translate(zh, 'status.screening')]).toContain(statusText);
    expect(await page.textContent('.timeline')).toContain(translate(zh, 'action.submit'));
    await shot(page, '04-track');

    // A wrong PIN finds nothing, and says so in the server's words.
    await page.fill('#t-pin', pin === '000000' ? '111111' : '000000');
    await page.tap('button[type=submit]');
    const alert = page.locator('main [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(translate(zh, 'error.suggestionNotFound'));
  });

  it('a dispatcher finds it in the queue, opens it and reveals the contact; the outbox holds the receipt', async () => {
    expect(receipt, 'the citizen journey must have produced a receipt').toBeDefined();
    const { trackingCode } = receipt!;
    const page = await newPage({ viewport: { width: 1280, height: 900 } });

    // Staff pages without a session go to sign-in, which shows the demo account when running locally.
    await page.goto(`${session.url}/#/staff`);
    await page.waitForURL(/#\/staff\/login/);
    await page.locator('.demo-hint').waitFor();
    await page.fill('#l-username', 'dispatcher');
    await page.fill('#l-password', 'wrong-password');
    await page.click('button[type=submit]');
    await page.locator('main [role=alert]', { hasText: translate(zh, 'error.loginFailed') }).waitFor();
    await page.fill('#l-password', 'jianyi-demo');
    await page.click('button[type=submit]');

    await page.locator('h1', { hasText: t('queue.heading', {}, zh) }).waitFor();
    await page.getByTestId('queue-row').first().waitFor();
    expect(await page.getByTestId('staff-user').textContent()).toContain(t('role.dispatcher', {}, zh));
    await docsShot(page, 'screenshot-queue.png');
    await shot(page, '05-queue');

    // Filter to recent suggestions in the category; ours is there (known by its tracking code).
    await page.selectOption('#q-category', suggestion.category);
    await page.fill('#q-from', yesterdayInShanghai());
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/category=environment/);
    const row = page.getByTestId('queue-row').filter({ hasText: trackingCode });
    await row.waitFor();
    expect(await row.textContent()).toContain(suggestion.title);
    expect(await row.textContent()).toContain(categoryNames[suggestion.category][zh]);
    await shot(page, '06-queue-filtered');

    await row.getByRole('link', { name: suggestion.title }).click();
    await page.locator('h1', { hasText: suggestion.title }).waitFor();
    expect(await page.textContent('main')).toContain(suggestion.content);

    // Contact details are masked until revealed; the reveal says it was logged.
    const phone = page.getByTestId('contact-phone');
    await phone.waitFor();
    expect(await phone.textContent()).not.toContain(suggestion.phone);
    await shot(page, '07-detail-masked');
    await page.getByRole('button', { name: t('detail.reveal', {}, zh) }).click();
    await page.locator('[role=status]', { hasText: t('detail.revealed', {}, zh) }).waitFor();
    expect((await phone.textContent())!.trim()).toBe(suggestion.phone);
    await shot(page, '08-detail-revealed');

    // The receipt went to the citizen; the local outbox shows it (the notifier works off a queue: poll).
    await page.goto(`${session.url}/#/outbox`);
    await page.getByTestId('outbox-message').filter({ hasText: trackingCode }).first().waitFor({ timeout: 60_000 });
    await shot(page, '09-outbox');
  });

  it('a citizen whose submission meets a busy system is told it is safe, and it goes through once, with the same key', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const keys: string[] = [];
    let busy = 2;
    // The first two sends meet a full system (503, as the API sheds load); the third reaches it.
    await page.route('**/api/suggestions', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (busy-- > 0) {
        return route.fulfill({
          status: 503,
          headers: { 'retry-after': '1', 'content-type': 'application/json' },
          body: JSON.stringify({ error: { code: 'busy', message: translate(zh, 'error.busy', { seconds: 1 }) } }),
        });
      }
      return route.continue();
    });
    await page.goto(`${session.url}/#/`);
    await page.fill('#f-title', '高峰时段提交的建议');
    await page.fill('#f-content', '高峰时段系统繁忙，建议自动重试后仍能提交成功，且只提交一次。');
    await page.selectOption('#f-category', 'other');
    await page.click('button[type=submit]');
    const waiting = page.getByTestId('submit-retrying');
    await waiting.filter({ hasText: '不会重复提交' }).waitFor();
    await shot(page, '02b-submit-retrying');
    await page.locator('h1', { hasText: t('receipt.heading', {}, zh) }).waitFor({ timeout: 30_000 });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
  });

  it('an admin sees failed notifications with the recipient masked, reveals one, and the retry confirms it masked', async () => {
    // The local outbox never fails, so the three calls of this page answer here, in the API's shapes; the server
    // side (masking, the audited reveal, 403 for others) is tested against the real handlers in integration.
    const failed: FailedNotification = {
      id: 'f'.repeat(32),
      failedAt: new Date().toISOString(),
      event: 'reply',
      channel: 'sms',
      to: '139****5678',
      attempts: 5,
      lastError: 'webhook answered 503: busy',
    };
    const calls: string[] = [];
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    await page.route('**/api/staff/notifications/failed', (route) => json(route, 200, { items: calls.includes('retry') ? [] : [failed] }));
    await page.route(`**/api/staff/notifications/failed/${failed.id}/*`, (route) => {
      const action = route.request().url().split('/').pop()!;
      calls.push(action);
      if (action === 'recipient-reveal') return json(route, 200, { id: failed.id, to: suggestion.phone } satisfies RecipientRevealResponse);
      return json(route, 202, failed);
    });

    await page.goto(`${session.url}/#/staff/login?next=${encodeURIComponent('/staff/notifications')}`);
    await page.fill('#l-username', 'admin');
    await page.fill('#l-password', 'jianyi-demo');
    await page.click('button[type=submit]');
    const recipient = page.getByTestId('failed-recipient');
    await recipient.waitFor();
    expect((await recipient.textContent())!.trim()).toBe('139****5678');
    expect(await page.textContent('main')).not.toContain(suggestion.phone);

    await page.getByRole('button', { name: t('notif.revealLabel', { event: t('notif.event.reply', {}, zh), to: '139****5678' }, zh) }).click();
    await page.locator('[role=status]', { hasText: t('notif.revealed', {}, zh) }).waitFor();
    expect((await recipient.textContent())!.trim()).toBe(suggestion.phone);
    await shot(page, '10-failed-notification-revealed');

    // The retry button names the recipient too, masked.
    await page.getByRole('button', { name: t('notif.retryLabel', { event: t('notif.event.reply', {}, zh), to: '139****5678' }, zh) }).click();
    const confirmation = page.locator('[role=status]', { hasText: t('notif.retried', { to: '139****5678' }, zh) });
    await confirmation.waitFor();
    expect(calls).toEqual(['recipient-reveal', 'retry']);
    // The list is read again: the retried row (the one revealed) is gone, and nothing shows the number.
    await recipient.waitFor({ state: 'detached' });
    expect(await page.textContent('main')).not.toContain(suggestion.phone);
  });

  it('an admin finds the parked demo workflow on page 流程异常, resumes all, and its timeline says so', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${session.url}/#/staff/login?next=${encodeURIComponent('/staff/workflows')}`);
    await page.fill('#l-username', 'admin');
    await page.fill('#l-password', 'jianyi-demo');
    await page.click('button[type=submit]');
    const row = page.getByTestId('parked-workflow').filter({ hasText: '河道护栏破损' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Demo.DownstreamUnavailable');
    await shot(page, '11-parked-workflows');
    const rows = await page.getByTestId('parked-workflow').count();
    const detail = await row.getByRole('link').getAttribute('href');

    await page.getByTestId('resume-all').click();
    await page.locator('[role=status]', { hasText: t('wf.resumedAll', { resumed: rows }, zh) }).waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await page.getByTestId('parked-workflow').count()).toBe(0);

    // The suggestion's timeline records the resume (internal, for staff), and it is back in screening.
    await page.goto(`${session.url}/${detail}`);
    await page.getByText(translate(zh, 'action.resumeWorkflow')).first().waitFor();
  });
});
