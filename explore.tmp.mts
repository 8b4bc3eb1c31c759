import { launchBrowser } from './test/e2e/support/browser';
const base = 'http://127.0.0.1:3100';
const browser = await launchBrowser();
const ctx = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
await page.goto(`${base}/#/staff/login`);
await page.fill('#l-username', 'organizer');
await page.fill('#l-password', 'jianyi-demo');
await page.click('button[type=submit]');
await page.getByTestId('staff-user').filter({ hasText: /\S/ }).waitFor();
for (const [name, path] of [['list', '/staff/campaigns'], ['new', '/staff/campaigns/new'], ['results', '/staff/campaigns/life-circle-2026/results'], ['poster', '/staff/campaigns/life-circle-2026/poster?station=mall-screen'], ['report', '/staff/campaigns/golden-ideas-2026/report'], ['edit', '/staff/campaigns/life-circle-2026']]) {
  await page.goto(`${base}/#${path}`);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}
const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
await phone.goto(`${base}/#/cases`);
await phone.waitForTimeout(3000);
await phone.screenshot({ path: '/tmp/shots/cases.png', fullPage: true });
await browser.close();
