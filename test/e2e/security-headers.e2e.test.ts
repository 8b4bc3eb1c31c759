/**
 * The security headers in a real browser against `npm start`: the page, its static assets, /config.json and the
 * API answer with the headers of shared/http/security-headers.ts (CloudFront sends the same on AWS), and the
 * citizen submit page, the staff login and the queue run under that Content-Security-Policy without a single
 * violation — reported by the page's `securitypolicyviolation` events and by Chromium's console alike.
 */
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../shared/http/security-headers';
import { signIn, startE2eSession, type E2eSession } from './support/session';

const expected = securityHeaders({ mode: 'local' });

let session: E2eSession;

beforeAll(async () => {
  session = await startE2eSession();
});

afterAll(async () => {
  await session?.stop();
});

interface Watched {
  page: Page;
  responses: Response[];
  violations(): Promise<string[]>;
}

/** A page that keeps every response it gets and every CSP violation it meets, from its first script on. */
async function watchedPage(options?: Parameters<E2eSession['newPage']>[0]): Promise<Watched> {
  const page = await session.newPage(options);
  const responses: Response[] = [];
  const console: string[] = [];
  page.on('response', (response) => void responses.push(response));
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) console.push(`console: ${message.text()}`);
  });
  // Runs before the page's own scripts in every document, and is not itself subject to the page's CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return {
    page,
    responses,
    async violations() {
      const events = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      return [...events, ...console];
    },
  };
}

/** The security headers as they came over the wire (allHeaders: also those Chromium keeps from the page). */
async function securityHeadersOf(response: Response): Promise<Record<string, string | undefined>> {
  const headers = await response.allHeaders();
  return Object.fromEntries(Object.keys(expected).map((name) => [name, headers[name]]));
}

/**
 * The responses, by URL, whose security headers are not exactly the expected ones. Leaves out what Chromium
 * fetches for itself rather than for the page (resource type "other": the favicon), which it reports without
 * the Strict-Transport-Security it ignores on plain http; the local origin's own test checks that file's headers.
 */
async function withoutTheHeaders(responses: readonly Response[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const response of responses.filter((r) => r.request().resourceType() !== 'other')) {
    if (JSON.stringify(await securityHeadersOf(response)) !== JSON.stringify(expected)) wrong.push(response.url());
  }
  return wrong;
}

describe('security headers and the Content-Security-Policy', () => {
  it('a citizen on a phone: the page, its assets, /config.json and the API carry the headers; the form runs without a violation', async () => {
    const { page, responses, violations } = await watchedPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const document = await page.goto(`${session.url}/#/`);
    await page.locator('form').waitFor();
    expect(await securityHeadersOf(document!)).toEqual(expected);

    // The form's checks (the zod chunk) run on an empty submit: the errors appear, nothing is blocked.
    await page.click('form button[type=submit]');
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await page.waitForLoadState('networkidle');

    const script = responses.find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.url()));
    const stylesheet = responses.find((r) => /\/assets\/index-[\w-]+\.css$/.test(r.url()));
    const config = responses.find((r) => r.url().endsWith('/config.json'));
    expect(script && stylesheet && config, responses.map((r) => r.url()).join('\n')).toBeTruthy();
    for (const response of [script!, stylesheet!, config!]) expect(await securityHeadersOf(response), response.url()).toEqual(expected);
    // Every response the page got, whatever it was.
    expect(await withoutTheHeaders(responses)).toEqual([]);

    const api = await page.request.get(`${session.url}/api/health`);
    expect([api.status(), Object.fromEntries(Object.keys(expected).map((name) => [name, api.headers()[name]]))]).toEqual([200, expected]);
    expect(await violations()).toEqual([]);
  });

  it('staff: the login page and the queue run without a violation, and their API calls carry the headers', async () => {
    const { page, responses, violations } = await watchedPage();
    await signIn(page, session.url, 'admin');
    await page.locator('table.queue tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    const login = responses.find((r) => r.url().endsWith('/idp/login'));
    const queue = responses.find((r) => r.url().includes('/api/staff/suggestions?'));
    expect(login && queue, responses.map((r) => r.url()).join('\n')).toBeTruthy();
    expect(await securityHeadersOf(login!)).toEqual(expected);
    expect(await securityHeadersOf(queue!)).toEqual(expected);
    expect(await withoutTheHeaders(responses)).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it('a page of the app cannot be framed (frame-ancestors, X-Frame-Options)', async () => {
    const { page } = await watchedPage();
    // A page of no origin and no CSP of its own frames the app: only the app's own headers can refuse it.
    await page.setContent(`<iframe src="${session.url}/#/"></iframe>`);
    await page.waitForLoadState('networkidle');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    expect(await frame!.locator('form').count()).toBe(0);
  });
});
