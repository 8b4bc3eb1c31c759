/**
 * The office admin keeps the directory in a real browser against `npm start`: adds a department, adds a handler
 * in it (the form refuses a handler without a department first), reads the one-time initial password; the new
 * handler signs in with it, is asked for a password of their own, lands on the department's queue and later changes
 * the password; the audit log shows the change. Every staff page warns the admin about a calendar year not covered
 * yet, until the admin pastes its published schedule on the calendar page.
 * Screenshots go to test-results/e2e/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredBy, uncoveredYearsAhead } from '../../shared/domain/deadlines/coverage';
import { translate } from '../../shared/domain/i18n/messages';
import { t } from '../../web/src/i18n';
// The staff pages' strings too: in the browser they come with the staff console's chunk.
import '../../web/src/i18n/staff';
import { signIn as signInAt, startE2eSession, type E2eSession } from './support/session';

const zh = 'zh-CN' as const;

let session: E2eSession;
let initialPassword: string | undefined;

const signIn = (page: Page, username: string, password: string) => signInAt(page, session.url, username, password);

beforeAll(async () => {
  session = await startE2eSession();
});

afterAll(async () => {
  await session?.stop();
});

describe('the directory in the browser', () => {
  it('an admin adds a department and a handler in it, and reads the initial password once', async () => {
    const page = await session.newPage();
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
    await session.shot(page, 'd01-people');

    // The audit log shows what was just done, by whom.
    await page.locator('.staff-nav a', { hasText: t('staffNav.audit', {}, zh) }).click();
    const created = page.getByTestId('audit-row').filter({ hasText: t('audit.action.staff.create', {}, zh) });
    await created.waitFor();
    expect(await created.textContent()).toContain('liu.yang');
    expect(await created.textContent()).toContain('admin');
    await session.shot(page, 'd03-audit');
  });

  it('the new handler signs in with it, sets their own password and works the department queue', async () => {
    expect(initialPassword, 'the admin step must have shown a password').toBeDefined();
    const page = await session.newPage();
    await page.goto(`${session.url}/#/staff/login`);
    await page.fill('#l-username', 'liu.yang');
    await page.fill('#l-password', initialPassword!);
    await page.click('button[type=submit]');
    // The initial password works once: first a password of their own (a weak one is refused here first).
    const step = page.getByTestId('new-password-form');
    await step.waitFor();
    await page.fill('#np-new', 'weakpassword');
    await page.fill('#np-confirm', 'weakpassword');
    await step.locator('button[type=submit]').click();
    await page.locator('#np-new-error').waitFor();
    await page.fill('#np-new', 'Liu#Yang2026ok');
    await page.fill('#np-confirm', 'Liu#Yang2026ok');
    await session.shot(page, 'd02-new-password');
    await step.locator('button[type=submit]').click();
    await page.getByTestId('staff-user').filter({ hasText: /\S/ }).waitFor();
    await page.locator('h1', { hasText: t('queue.heading', {}, zh) }).waitFor();
    expect(await page.getByTestId('staff-user').textContent()).toContain('水务局 刘洋');
    // A handler has no department filter (the server keeps them to their own) and no admin pages.
    expect(await page.locator('#q-department').count()).toBe(0);
    expect(await page.locator('.staff-nav a', { hasText: t('staffNav.people', {}, zh) }).count()).toBe(0);

    // Later, on the change-password page (a weak one is refused here first).
    await page.locator('.staff-nav a', { hasText: t('staffNav.password', {}, zh) }).click();
    await page.fill('#pw-current', 'Liu#Yang2026ok');
    await page.fill('#pw-new', 'weakpassword');
    await page.fill('#pw-confirm', 'weakpassword');
    await page.click('form.form button[type=submit]');
    await page.locator('#pw-new-error').waitFor();
    await page.fill('#pw-new', 'Shui#Wu2026ly');
    await page.fill('#pw-confirm', 'Shui#Wu2026ly');
    await page.click('form.form button[type=submit]');
    await page.getByTestId('password-changed').waitFor();
    const again = await session.newPage();
    await signIn(again, 'liu.yang', 'Shui#Wu2026ly');
  });

  it("an admin shortens the organisation's immediate tier and gives a campaign its own screening limit", async () => {
    const page = await session.newPage();
    await signIn(page, 'admin', 'jianyi-demo');
    await page.locator('.staff-nav a', { hasText: t('staffNav.timeLimits', {}, zh) }).click();
    const form = page.getByTestId('time-limits-form');
    await form.waitFor();
    // Checked before sending: a limit is a whole number of days.
    await page.fill('#tl-tiers\\.immediate\\.amount', '0');
    await form.locator('button[type=submit]').click();
    await page.locator('#tl-tiers\\.immediate\\.amount-error').waitFor();
    await page.fill('#tl-tiers\\.immediate\\.amount', '2');
    await form.locator('button[type=submit]').click();
    await page.getByRole('status').filter({ hasText: t('tl.saved', {}, zh) }).waitFor();
    expect(await page.getByTestId('tl-effective-tiers.immediate').textContent()).toBe(t('tl.workingDaysValue', { days: 2 }, zh));

    await page.fill('#tl-campaign', 'xiance-2026');
    await page.click('form.filters button[type=submit]');
    await page.locator('h1', { hasText: 'xiance-2026' }).waitFor();
    await form.waitFor();
    // The campaign inherits the organisation's new immediate tier until it sets its own.
    expect(await page.getByTestId('tl-effective-tiers.immediate').textContent()).toBe(t('tl.workingDaysValue', { days: 2 }, zh));
    await page.fill('#tl-screening\\.amount', '3');
    await form.locator('button[type=submit]').click();
    await page.getByRole('status').filter({ hasText: t('tl.saved', {}, zh) }).waitFor();
    expect(await page.getByTestId('tl-effective-screening').textContent()).toBe(t('tl.workingDaysValue', { days: 3 }, zh));
    await session.shot(page, 'd04-time-limits');
  });

  it('an admin disables the account of someone who left, who then cannot sign in', async () => {
    const page = await session.newPage();
    await signIn(page, 'admin', 'jianyi-demo');
    await page.goto(`${session.url}/#/staff/people`);
    const row = page.getByTestId('person-row').filter({ hasText: 'liu.yang' });
    await row.getByRole('button').click();
    await page.check('#p-active');
    await page.getByTestId('person-form').locator('button[type=submit]').click();
    await page.getByTestId('people-notice').waitFor();
    expect(await row.textContent()).toContain(t('people.disabled', {}, zh));

    const gone = await session.newPage();
    await gone.goto(`${session.url}/#/staff/login`);
    await gone.fill('#l-username', 'liu.yang');
    await gone.fill('#l-password', 'Shui#Wu2026ly');
    await gone.click('button[type=submit]');
    await gone.locator('.alert-error', { hasText: translate(zh, 'error.loginFailed') }).waitFor();
  });

  it('an admin is warned on every staff page about an uncovered calendar year, until pasting its schedule', async () => {
    // chinese-days 1.5.7 knows the holidays through 2026; from 60 days before 2027 (2026-11-02) its years need one.
    const years = uncoveredYearsAhead(new Date(), coveredBy([]));
    expect(years.length, 'the pinned calendar package leaves the coming year uncovered').toBeGreaterThan(0);
    const page = await session.newPage();
    await signIn(page, 'admin', 'jianyi-demo');
    const warning = page.getByTestId('calendar-coverage-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(String(years[0]));
    await page.locator('.staff-nav a', { hasText: t('staffNav.people', {}, zh) }).click();
    await page.getByTestId('people-table').waitFor();
    await warning.waitFor();
    await session.shot(page, 'd05-calendar-warning');

    await warning.getByRole('link').click();
    const importer = page.getByTestId('schedule-import');
    await importer.waitFor();
    for (const year of years) {
      // A bad line first: the server names it.
      await page.fill('#cal-import-text', `${year}-01-01 休 元旦\n${year}-02-31 休`);
      await importer.getByRole('button', { name: t('cal.import.preview', {}, zh) }).click();
      await page.locator('#cal-import-text-error', { hasText: '第 2 行' }).waitFor();

      await page.fill('#cal-import-text', `${year}-01-01 休 元旦\n${year}-02-06 班 春节调休上班\n${year}-02-10 ~ ${year}-02-16 休 春节`);
      await importer.getByRole('button', { name: t('cal.import.preview', {}, zh) }).click();
      await page.getByTestId('schedule-preview').waitFor();
      expect(await page.getByTestId('schedule-preview-row').count()).toBe(9);
      await session.shot(page, `d06-calendar-preview-${year}`);
      await importer.getByRole('button', { name: t('cal.import.save', { year }, zh) }).click();
      await importer.getByRole('status').filter({ hasText: t('cal.import.saved', { year, count: 9 }, zh) }).waitFor();
    }
    await warning.waitFor({ state: 'detached' });
    expect(await page.getByTestId('calendar-row').count()).toBeGreaterThanOrEqual(9 * years.length);

    // Gone on the other staff pages too.
    await page.locator('.staff-nav a', { hasText: t('staffNav.queue', {}, zh) }).click();
    await page.locator('h1', { hasText: t('queue.heading', {}, zh) }).waitFor();
    expect(await warning.count()).toBe(0);
  });
});
