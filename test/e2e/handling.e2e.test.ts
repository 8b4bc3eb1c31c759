/**
 * Handling end to end, in a real browser against `npm start`: a new suggestion comes in; the dispatcher screens
 * it and assigns it to the transport bureau (tier 限办) with the urban management bureau co-handling; the urban
 * handler finds it in the co-handling queue and gives its opinion; the transport handler reads the opinion, signs
 * for it and asks the citizen which station; the citizen follows the SMS link on a phone and answers; the handler
 * replies; the citizen, on a phone, follows the track page's link to the rating page and rates the reply 满意; the dispatcher
 * then sees the rating and the suggestion closed.
 * Screenshots go to test-results/e2e/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../shared/domain/i18n/messages';
import type { SubmitResponse } from '../../shared/http/api-types';
import { t } from '../../web/src/i18n';
// The staff pages' strings too: in the browser they come with the staff console's chunk.
import '../../web/src/i18n/staff';
import { signIn as signInAt, startE2eSession, type E2eSession } from './support/session';

// Set E2E_HANDLING=0 to skip this file (e.g. while iterating on the citizen flow alone).
const enabled = process.env.E2E_HANDLING !== '0';
const zh = 'zh-CN' as const;

const unique = Date.now().toString(36);
const suggestion = {
  title: `地铁口共享单车停放点 ${unique}`,
  content: '地铁站出口共享单车乱停，堵住了盲道和出入口。建议划定停放区域并安排定时清理。',
  category: 'traffic' as const,
};
const questionText = '请问是哪个地铁站的哪个出口？';
const answerText = '人民广场站 3 号出口。';
const opinionText = '城市管理局将配合清理地铁站出口周边乱停放的单车。';
const replyText = '感谢您的建议。我局已会同运营企业在地铁站出口划定单车停放区，并安排早晚高峰定时清理。';

let session: E2eSession;

/** What each step hands to the next. */
let receipt: SubmitResponse | undefined;
let suggestionId: string | undefined;

const newPage = (options?: Parameters<E2eSession['newPage']>[0]) => session.newPage(options);
const shot = (page: Page, name: string) => session.shot(page, name);
const signIn = (page: Page, username: string, next = '/staff') => signInAt(page, session.url, username, undefined, next);

/** Opens the suggestion's detail, reloading until the server offers `action` (the workflow may still be moving). */
async function openWithAction(page: Page, action: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await page.goto(`${session.url}/#/staff/s/${encodeURIComponent(suggestionId!)}`);
  for (;;) {
    await page.getByTestId('actions-panel').waitFor();
    if (await page.locator(`details[data-action="${action}"]`).count()) break;
    if (Date.now() > deadline) throw new Error(`the server never offered "${action}"; panel: ${await page.getByTestId('actions-panel').textContent()}`);
    await page.waitForTimeout(1000);
    await page.reload();
  }
  const box = page.locator(`details[data-action="${action}"]`);
  if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
}

/** Polls until `check` finds something (the notifier works in the background). */
async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('not found in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function actionDone(page: Page, label: string): Promise<void> {
  await page.getByTestId('action-done').filter({ hasText: t('act.done', { action: label }, zh) }).waitFor();
}

beforeAll(async () => {
  if (enabled) session = await startE2eSession();
});

afterAll(async () => {
  await session?.stop();
});

describe('handling in the browser: assign, sign, reply, rate', () => {
  it.skipIf(!enabled)('a dispatcher screens a new suggestion and assigns it to the transport bureau', async () => {
    // The citizen side of submitting is covered by citizen-and-staff; here it is one API call.
    const response = await fetch(`${session.url}/api/suggestions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': zh },
      body: JSON.stringify({
        ...suggestion,
        channel: 'qr',
        contact: { name: '陈先生', phone: '13912340000', consent: true },
      }),
    });
    expect(response.status).toBe(201);
    receipt = (await response.json()) as SubmitResponse;

    const page = await newPage();
    await signIn(page, 'dispatcher');
    await page.locator('h1', { hasText: t('queue.heading', {}, zh) }).waitFor();
    // The staff bar offers the supervisor's board to dispatchers.
    await page.locator('.staff-nav a', { hasText: t('staffNav.escalations', {}, zh) }).waitFor();

    await page.selectOption('#q-category', suggestion.category);
    await page.click('form.filters button[type=submit]');
    const row = page.getByTestId('queue-row').filter({ hasText: receipt.trackingCode });
    await row.waitFor();
    await row.getByRole('link', { name: suggestion.title }).click();
    await page.waitForURL(/#\/staff\/s\//);
    suggestionId = decodeURIComponent(/#\/staff\/s\/([^?]+)/.exec(page.url())![1]!);

    await openWithAction(page, 'screen');
    const form = page.getByTestId('action-screen');
    // Required fields are checked before anything is sent.
    await form.locator('button[type=submit]').click();
    await page.locator('#a-screen-tier-error').waitFor();
    expect(await page.getAttribute('#a-screen-lead', 'aria-invalid')).toBe('true');

    await page.check('#a-screen-assign');
    await page.selectOption('#a-screen-category', suggestion.category);
    await page.check('#a-screen-tier-deadline');
    await page.selectOption('#a-screen-lead', 'transport');
    await page.check('#a-screen-co-urban-mgmt');
    await page.fill('#a-screen-note', '请交通运输局会同属地街道办理');
    await shot(page, 'h01-screen');
    await form.locator('button[type=submit]').click();
    await actionDone(page, t('act.screen', {}, zh));

    const facts = page.locator('.facts').first();
    expect(await facts.textContent()).toContain(translate(zh, 'status.assigned'));
    expect(await facts.textContent()).toContain(t('tier.deadline', {}, zh));
    expect(await page.locator('.timeline').textContent()).toContain(translate(zh, 'action.assign'));
    // Screening is over: the dispatcher has nothing more to do on it now.
    expect(await page.locator('details[data-action="screen"]').count()).toBe(0);
    await shot(page, 'h02-assigned');
  });

  it.skipIf(!enabled)('the co-handling urban handler finds it in the co-handling queue and gives its opinion', async () => {
    expect(suggestionId, 'the dispatcher step must have found the suggestion').toBeDefined();
    const page = await newPage();
    await signIn(page, 'handler-urban');
    await page.selectOption('#q-role', 'cohandler');
    await page.click('form.filters button[type=submit]');
    const row = page.getByTestId('queue-row').filter({ hasText: receipt!.trackingCode });
    await row.waitFor();
    await row.getByRole('link', { name: suggestion.title }).click();
    await page.waitForURL(/#\/staff\/s\//);

    await openWithAction(page, 'cohandlerOpinion');
    // A co-handler may give its opinion and nothing else.
    expect(await page.locator('details[data-action]').count()).toBe(1);
    const form = page.getByTestId('action-cohandlerOpinion');
    await form.locator('button[type=submit]').click();
    await page.locator('#a-cohandlerOpinion-text-error').waitFor();
    await page.fill('#a-cohandlerOpinion-text', opinionText);
    await form.locator('button[type=submit]').click();
    await actionDone(page, t('act.cohandlerOpinion', {}, zh));
    const opinions = page.getByTestId('cohandler-opinions');
    expect(await opinions.textContent()).toContain(opinionText);
    expect(await opinions.textContent()).toContain('城市管理局');
    await shot(page, 'h03-cohandler-opinion');
  });

  it.skipIf(!enabled)('the transport handler reads the opinion, signs for it and asks the citizen for more', async () => {
    expect(suggestionId, 'the dispatcher step must have found the suggestion').toBeDefined();
    const page = await newPage();
    await signIn(page, 'handler-transport');

    await openWithAction(page, 'sign');
    expect(await page.getByTestId('cohandler-opinions').textContent()).toContain(opinionText);
    expect(await page.locator('details[data-action="sendBack"]').count()).toBe(1);
    await page.getByTestId('action-sign').locator('button[type=submit]').click();
    await actionDone(page, t('act.sign', {}, zh));
    expect(await page.locator('.facts').first().textContent()).toContain(translate(zh, 'status.signed'));

    // Which station exactly? The handler asks the citizen; the clock pauses until the answer.
    await openWithAction(page, 'requestInfo');
    await page.fill('#a-requestInfo-question', questionText);
    await page.getByTestId('action-requestInfo').locator('button[type=submit]').click();
    await actionDone(page, t('act.requestInfo', {}, zh));
    expect(await page.locator('.facts').first().textContent()).toContain(translate(zh, 'status.infoRequested'));
  });

  it.skipIf(!enabled)('the citizen follows the SMS link on a phone and answers the question', async () => {
    expect(receipt).toBeDefined();
    const page = await newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    // The information request went out by SMS (the local outbox); its link opens the answer page.
    const sms = await waitFor(async () => {
      const outbox = (await (await fetch(`${session.url}/api/local/outbox`)).json()) as { messages: { event: string; to: string; body: string }[] };
      return outbox.messages.find((m) => m.event === 'infoRequest' && m.to === '13912340000');
    });
    const link = /https?:\/\/\S+#\/answer\?code=\w+/.exec(sms.body)![0];
    await page.goto(link.replace(/^https?:\/\/[^/#]+/, session.url));
    await page.fill('#ans-pin', receipt!.pin);
    await page.tap('button[type=submit]');
    expect((await page.getByTestId('info-question').textContent())!.trim()).toBe(questionText);
    await page.tap('form.form button[type=submit]');
    await page.locator('#ans-text-error').waitFor();
    await page.fill('#ans-text', answerText);
    await shot(page, 'h04-answer');
    await page.tap('form.form button[type=submit]');
    await page.getByTestId('answer-done').waitFor();
  });

  it.skipIf(!enabled)('the transport handler sees the answer and replies', async () => {
    const page = await newPage();
    await signIn(page, 'handler-transport');
    await openWithAction(page, 'reply');
    expect(await page.locator('.timeline').textContent()).toContain(translate(zh, 'action.answerInfo'));
    const form = page.getByTestId('action-reply');
    await form.locator('button[type=submit]').click();
    await page.locator('#a-reply-text-error').waitFor();
    await page.fill('#a-reply-text', replyText);
    await page.check('#a-reply-adopted');
    await shot(page, 'h05-reply');
    await form.locator('button[type=submit]').click();
    await actionDone(page, t('act.reply', {}, zh));

    expect(await page.locator('.facts').first().textContent()).toContain(translate(zh, 'status.replied'));
    expect(await page.locator('section.reply').textContent()).toContain(replyText);
    expect(await page.locator('details[data-action="reply"]').count()).toBe(0);
    await shot(page, 'h05b-replied');
  });

  it.skipIf(!enabled)('the citizen on a phone reads the reply and rates it', async () => {
    expect(receipt).toBeDefined();
    const { trackingCode, pin } = receipt!;
    const page = await newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

    // The track page links to the rating page while the reply may be rated, handing the PIN over in memory.
    await page.goto(`${session.url}/#/track?code=${trackingCode}`);
    await page.fill('#t-pin', pin);
    await page.tap('button[type=submit]');
    await page.getByTestId('track-rate-link').tap();
    await page.waitForURL(/#\/rate\?code=/);
    expect(page.url()).not.toContain(pin);
    const reply = page.getByTestId('rate-reply');
    await reply.waitFor();
    expect((await reply.textContent())!.trim()).toBe(replyText);

    // Sending without a choice says so, in the fieldset.
    await page.tap('.rate-form button[type=submit]');
    await page.locator('#rate-resolution-error').waitFor();
    await page.locator('#rate-rating-error').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rate-resolution-yes');

    await page.locator('label[for="rate-resolution-yes"]').tap();
    await page.locator('label[for="rate-satisfied"]').tap();
    expect(await page.isChecked('#rate-satisfied')).toBe(true);
    await page.fill('#rate-comment', '处理很及时，谢谢！');
    await shot(page, 'h06-rate');
    await page.tap('.rate-form button[type=submit]');
    const done = page.getByTestId('rate-done');
    await done.waitFor();
    expect(await done.textContent()).toContain(t('rate.done', {}, zh));
    expect(await page.locator('.rate-form').count()).toBe(0);
    await shot(page, 'h07-rated');

    // The public timeline now shows the rating, and the suggestion is closed.
    await page.goto(`${session.url}/#/track?code=${trackingCode}`);
    await page.fill('#t-pin', pin);
    await page.tap('button[type=submit]');
    await page.getByTestId('track-status').filter({ hasText: translate(zh, 'status.closed') }).waitFor();
    expect(await page.getByTestId('track-rate-link').count()).toBe(0);
  });

  it.skipIf(!enabled)('the dispatcher sees the rating on the detail page', async () => {
    expect(suggestionId).toBeDefined();
    const page = await newPage();
    await signIn(page, 'dispatcher', `/staff/s/${suggestionId}`);
    await page.goto(`${session.url}/#/staff/s/${encodeURIComponent(suggestionId!)}`);
    const rating = page.getByTestId('rating');
    await rating.waitFor();
    expect(await rating.textContent()).toContain(t('rating.satisfied', {}, zh));
    expect(await page.locator('.timeline').textContent()).toContain(translate(zh, 'action.rate'));
    await shot(page, 'h08-closed');
  });
});
