/**
 * Exports and bulletins in a real browser against `npm start`: a handler exports the department's queue as CSV
 * from the queue page, waits for it to finish, downloads it and the file parses back to the queue's rows; a
 * supervisor asks for a bulletin, opens its printable page (served under the origin's CSP, its stylesheet
 * applied) and downloads its workbook. Screenshots go to test-results/e2e/.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../web/src/i18n';
import '../../web/src/i18n/staff';
import { signIn, startE2eSession, type E2eSession } from './support/session';

const zh = 'zh-CN' as const;
let session: E2eSession;

beforeAll(async () => {
  session = await startE2eSession();
});
afterAll(async () => {
  await session?.stop();
});

describe('exports and bulletins in the browser', () => {
  it('a handler exports the queue as CSV from the queue page and the download parses back', async () => {
    const page = await session.newPage({ acceptDownloads: true });
    await signIn(page, session.url, 'handler-transport');
    await page.getByTestId('queue-row').first().waitFor();
    const codes = await page.locator('[data-testid=queue-row] td.mono').allTextContents();
    expect(codes.length).toBeGreaterThan(0);

    await page.getByTestId('export-csv').click();
    const done = page.locator('[data-testid=export-row][data-state=done]').first();
    await done.waitFor({ timeout: 60_000 });
    await session.shot(page, 'x01-queue-export-done');
    const [download] = await Promise.all([page.waitForEvent('download'), done.getByRole('button', { name: /下载/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^建议导出-\d{8}-\d{4}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes, { bom: true });
    expect(rows[0]!.slice(0, 5)).toEqual(['查询码', '标题', '类别', '状态', '主办部门']);
    // Every row of the page is in the file (the file has the whole filtered queue, not one page), and only the
    // handler's department.
    const exported = new Set(rows.slice(1).map((row) => row[0]));
    for (const code of codes) expect(exported.has(code.trim()), code).toBe(true);
    expect(new Set(rows.slice(1).map((row) => row[4]))).toEqual(new Set(['交通运输局']));
    expect(await done.textContent()).toContain(String(rows.length - 1));
  });

  it('a supervisor asks for a bulletin, opens its printable page and downloads its workbook', async () => {
    const page = await session.newPage({ acceptDownloads: true });
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) cspViolations.push(message.text());
    });
    await signIn(page, session.url, 'supervisor');
    await page.locator('.staff-nav a', { hasText: t('staffNav.bulletins', {}, zh) }).click();
    await page.locator('#bul-kind').waitFor();
    await page.selectOption('#bul-kind', 'month');
    const period = await page.inputValue('#bul-period');
    await page.locator('form.bulletin-generate button[type=submit]').click();
    await page.locator('form.bulletin-generate [role=status]').filter({ hasText: t('bul.queued', {}, zh) }).waitFor();
    const row = page.locator(`[data-testid=bulletin-row][data-id^="month-${period}-r"]`).first();
    for (let tries = 0; tries < 60 && !(await row.count()); tries++) {
      await page.waitForTimeout(1000);
      await page.getByRole('button', { name: t('bul.refresh', {}, zh) }).click();
    }
    await row.waitFor();
    await session.shot(page, 'x02-bulletins');

    const [workbookDownload] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /下载.*Excel/ }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await workbookDownload.path())!) as never);
    expect(workbook.worksheets.map((w) => w.name)).toContain('三率排名');

    await row.getByRole('button', { name: /网页版/ }).click();
    await page.waitForURL(/\/files\/bulletins\//);
    expect(await page.locator('h1').textContent()).toBe(`${period.slice(0, 4)}年${Number(period.slice(5))}月人民建议办理情况通报`);
    expect(await page.locator('table').count()).toBeGreaterThanOrEqual(3);
    // The stylesheet file applied (the page's column and its borders), with nothing inline for the CSP to refuse.
    expect(await page.locator('main.bulletin').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(cspViolations).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await session.shot(page, 'x03-bulletin-print');
  });
});
