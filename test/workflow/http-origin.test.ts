/**
 * The local HTTP origin against the fixture assembly: API Gateway v2.0 events as the functions receive them,
 * response mapping, the emulated JWT authorizer, the 10 MiB limit, config.json, the static web app, and the
 * security headers on every response.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, fromHttpApiResult, toHttpApiEvent } from '../../infra/local/api-gateway-event';
import { loadLocalApp, type LocalRoute } from '../../infra/local/cdk-template';
import { startLocalHttpServer, type LocalHttpServer } from '../../infra/local/http';
import { LambdaRuntime } from '../../infra/local/lambda-runtime';
import { freePort } from '../../infra/local/ports';
import { securityHeaders } from '../../shared/http/security-headers';

const assembly = fileURLToPath(new URL('./fixtures/assembly', import.meta.url));

describe('createRouter', () => {
  const route = (routeKey: string): LocalRoute => ({ routeKey, functionId: routeKey });
  const select = createRouter([
    route('GET /api/items/{id}'),
    route('GET /api/items/special'),
    route('ANY /api/files/{proxy+}'),
    route('POST /api/files/upload'),
    route('$default'),
  ]);

  it('prefers literal segments over variables, and exact methods over ANY and greedy paths', () => {
    expect(select('GET', '/api/items/special')?.route.routeKey).toBe('GET /api/items/special');
    expect(select('GET', '/api/items/42')).toMatchObject({ route: { routeKey: 'GET /api/items/{id}' }, pathParameters: { id: '42' } });
    expect(select('POST', '/api/files/upload')?.route.routeKey).toBe('POST /api/files/upload');
    expect(select('DELETE', '/api/files/a/b.txt')).toMatchObject({ pathParameters: { proxy: 'a/b.txt' } });
  });

  it('sends anything unmatched (path or method) to $default, without path parameters', () => {
    expect(select('POST', '/api/items/42')).toEqual({ route: route('$default') });
    expect(select('GET', '/api/nothing')).toEqual({ route: route('$default') });
  });
});

describe('toHttpApiEvent', () => {
  it('builds the v2.0 event: raw path and query, lowercased headers, cookies apart, decoded parameters', () => {
    const event = toHttpApiEvent(
      {
        method: 'POST',
        url: '/api/items/a%20b?tag=x&tag=y&q=%E5%BB%BA%E8%AE%AE',
        headers: { 'Content-Type': 'application/json', Cookie: 'a=1; b=2', 'User-Agent': 'test', host: '127.0.0.1:3000' },
        body: Buffer.from('{"k":1}'),
        sourceIp: '127.0.0.1',
      },
      { route: { routeKey: 'POST /api/items/{id}', functionId: 'x' }, pathParameters: { id: 'a b' } },
      { now: new Date('2026-03-12T19:03:58.000Z') },
    );
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /api/items/{id}',
      rawPath: '/api/items/a%20b',
      rawQueryString: 'tag=x&tag=y&q=%E5%BB%BA%E8%AE%AE',
      cookies: ['a=1', 'b=2'],
      headers: { 'content-type': 'application/json', 'user-agent': 'test', host: '127.0.0.1:3000' },
      queryStringParameters: { tag: 'x,y', q: '建议' },
      pathParameters: { id: 'a b' },
      body: '{"k":1}',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'POST', path: '/api/items/a%20b', sourceIp: '127.0.0.1', userAgent: 'test', protocol: 'HTTP/1.1' },
        routeKey: 'POST /api/items/{id}',
        stage: '$default',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: Date.parse('2026-03-12T19:03:58.000Z'),
      },
    });
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('base64-encodes binary bodies and leaves out what a bodiless GET does not have', () => {
    const binary = toHttpApiEvent(
      { method: 'PUT', url: '/x', headers: { 'content-type': 'image/png' }, body: Buffer.from([0, 255, 1]), sourceIp: '::1' },
      { route: { routeKey: '$default', functionId: 'x' } },
    );
    expect(binary).toMatchObject({ body: Buffer.from([0, 255, 1]).toString('base64'), isBase64Encoded: true });
    const get = toHttpApiEvent({ method: 'GET', url: '/x', headers: {}, body: Buffer.alloc(0), sourceIp: '::1' }, { route: { routeKey: '$default', functionId: 'x' } });
    expect(get).not.toHaveProperty('body');
    expect(get).not.toHaveProperty('queryStringParameters');
    expect(get).not.toHaveProperty('pathParameters');
    expect(get.isBase64Encoded).toBe(false);
  });
});

describe('fromHttpApiResult', () => {
  it('maps a structured result: status, lowercased headers, cookies, base64 bodies', () => {
    const response = fromHttpApiResult({
      statusCode: 201,
      headers: { 'X-Trace': 'abc', 'Content-Type': 'text/plain' },
      cookies: ['a=1; HttpOnly', 'b=2'],
      body: Buffer.from('hello').toString('base64'),
      isBase64Encoded: true,
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({ 'x-trace': 'abc', 'content-type': 'text/plain', 'set-cookie': ['a=1; HttpOnly', 'b=2'] });
    expect(response.body.toString()).toBe('hello');
  });

  it('treats anything without statusCode as a 200 JSON body, as API Gateway does', () => {
    const object = fromHttpApiResult({ ok: true });
    expect([object.statusCode, object.headers['content-type'], object.body.toString()]).toEqual([200, 'application/json', '{"ok":true}']);
    expect(fromHttpApiResult('plain').body.toString()).toBe('plain');
    expect(fromHttpApiResult(null).body.toString()).toBe('null');
  });

  it('answers 500 for an impossible status code, and keeps an empty body for a bare status', () => {
    expect(fromHttpApiResult({ statusCode: 42 }).statusCode).toBe(500);
    const bare = fromHttpApiResult({ statusCode: 501 });
    expect([bare.statusCode, bare.body.length]).toEqual([501, 0]);
  });
});

describe('the local HTTP origin', () => {
  let server: LocalHttpServer;
  let webDir: string;
  let issuer: string;
  let signToken: (claims: Record<string, unknown>, audience?: string) => Promise<string>;

  beforeAll(async () => {
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}/idp`;
    const app = loadLocalApp(assembly, { sqsEndpoint: 'http://127.0.0.1:1', jwt: { issuer, audience: 'jianyi-local' } });
    const runtime = new LambdaRuntime(app.functions, { region: 'local' });

    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256', use: 'sig' };
    signToken = (claims, audience = 'jianyi-local') =>
      new SignJWT({ exp: Math.floor(Date.now() / 1000) + 300, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'test' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .sign(privateKey);

    webDir = mkdtempSync(path.join(tmpdir(), 'jianyi-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(webDir, 'assets', 'index-a1b2c3d4.js'), 'console.log(1)');
    writeFileSync(path.join(webDir, 'logo.svg'), '<svg/>');

    server = await startLocalHttpServer({
      port,
      routes: app.routes,
      invoke: (functionId, event) => runtime.invoke(functionId, event),
      staticDir: webDir,
      outbox: async () => [{ id: 'm1' }],
      identityProvider: {
        async handle(_req, res, pathname) {
          if (pathname !== '/idp/.well-known/jwks.json') return false;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ keys: [jwk] }));
          return true;
        },
      },
    });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('routes /api requests to the route’s function with a v2.0 event', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);

    const tracked = await fetch(`${server.url}/api/suggestions/AB12CD34?lang=en`);
    const body = JSON.parse(await tracked.text()) as { event: Record<string, any>; functionName: string; remainingMs: number };
    expect(body.functionName).toBe('JianyiStateless-PublicSuggestions');
    expect(body.remainingMs).toBeGreaterThan(9_000);
    expect(body.event).toMatchObject({
      routeKey: 'GET /api/suggestions/{trackingCode}',
      pathParameters: { trackingCode: 'AB12CD34' },
      queryStringParameters: { lang: 'en' },
    });
  });

  it('sends unknown API paths to the $default route’s function', async () => {
    const response = await fetch(`${server.url}/api/unknown`, { method: 'DELETE' });
    const body = JSON.parse(await response.text()) as { event: { routeKey: string }; functionName: string };
    expect([body.functionName, body.event.routeKey]).toEqual(['JianyiStateless-Fallback', '$default']);
  });

  it('answers a function failure with API Gateway’s generic 500 and no stack trace', async () => {
    const response = await fetch(`${server.url}/api/suggestions/AB12CD34?fail=boom`);
    const text = await response.text();
    expect([response.status, JSON.parse(text)]).toEqual([500, { message: 'Internal Server Error' }]);
    expect(text).not.toMatch(/FixtureError|boom|at /);
  });

  it('checks the JWT before a staff route’s function runs', async () => {
    const missing = await fetch(`${server.url}/api/staff/me`);
    expect([missing.status, await missing.json()]).toEqual([401, { message: 'Unauthorized' }]);

    const wrongAudience = await fetch(`${server.url}/api/staff/me`, { headers: { authorization: `Bearer ${await signToken({}, 'someone-else')}` } });
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.headers.get('www-authenticate')).toMatch(/error_description="the token does not have a valid audience"/);

    const expired = await signToken({ exp: Math.floor(Date.now() / 1000) - 60 });
    const late = await fetch(`${server.url}/api/staff/me`, { headers: { authorization: `Bearer ${expired}` } });
    expect([late.status, late.headers.get('www-authenticate')]).toEqual([401, expect.stringMatching(/error_description="the token has expired"/)]);

    const token = await signToken({ 'cognito:groups': ['dispatcher'], 'cognito:username': 'dispatcher', token_use: 'id' });
    const ok = await fetch(`${server.url}/api/staff/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const { event } = JSON.parse(await ok.text()) as { event: { requestContext: { authorizer: { jwt: { claims: Record<string, string> } } } } };
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({
      'cognito:groups': '[dispatcher]',
      'cognito:username': 'dispatcher',
      iss: issuer,
      aud: 'jianyi-local',
    });
  });

  it('refuses request bodies over 10 MiB with 413 in the API’s error shape', async () => {
    const response = await fetch(`${server.url}/api/suggestions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'payload_too_large', message: expect.any(String) } });
  });

  it('serves config.json and the outbox', async () => {
    expect(await (await fetch(`${server.url}/config.json`)).json()).toEqual({ mode: 'local', idp: '/idp' });
    expect(await (await fetch(`${server.url}/api/local/outbox`)).json()).toEqual({ messages: [{ id: 'm1' }] });
  });

  it('serves the web app: content types, cache headers, SPA fallback, real 404s, nothing outside the root', async () => {
    const index = await fetch(`${server.url}/`);
    expect([index.status, index.headers.get('content-type'), index.headers.get('cache-control')]).toEqual([200, 'text/html; charset=utf-8', 'no-cache']);
    const asset = await fetch(`${server.url}/assets/index-a1b2c3d4.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/logo.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    const deepLink = await fetch(`${server.url}/staff/inbox`);
    expect([deepLink.status, await deepLink.text()]).toEqual([200, '<!doctype html><title>app</title>']);
    expect((await fetch(`${server.url}/missing.png`)).status).toBe(404);
    const traversal = await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`);
    expect(await traversal.text()).not.toContain('root:');
  });

  it('answers unknown identity provider paths with 404', async () => {
    expect((await fetch(`${server.url}/idp/nothing`)).status).toBe(404);
  });

  it('sends the security headers CloudFront sends on every response: API, errors, static files, 404s, config.json, outbox, IdP', async () => {
    const expected = securityHeaders({ mode: 'local' });
    const headersOf = (response: Response) => Object.fromEntries(Object.keys(expected).map((name) => [name, response.headers.get(name)]));
    const asset = await fetch(`${server.url}/assets/index-a1b2c3d4.js`);
    const answers: [string, Response][] = [
      ['static file', asset],
      ['static file, not modified', await fetch(`${server.url}/assets/index-a1b2c3d4.js`, { headers: { 'if-none-match': asset.headers.get('etag')! } })],
      ['app page', await fetch(`${server.url}/`)],
      ['missing file (404)', await fetch(`${server.url}/missing.png`)],
      ['static write (405)', await fetch(`${server.url}/index.html`, { method: 'POST' })],
      ['API', await fetch(`${server.url}/api/health`)],
      ['API without a token (401)', await fetch(`${server.url}/api/staff/me`)],
      ['API function failure (500)', await fetch(`${server.url}/api/suggestions/AB12CD34?fail=boom`)],
      ['API body too large (413)', await fetch(`${server.url}/api/suggestions`, { method: 'POST', body: 'x'.repeat(10 * 1024 * 1024 + 1) })],
      ['config.json', await fetch(`${server.url}/config.json`)],
      ['outbox', await fetch(`${server.url}/api/local/outbox`)],
      ['outbox write (405)', await fetch(`${server.url}/api/local/outbox`, { method: 'POST' })],
      ['identity provider', await fetch(`${server.url}/idp/.well-known/jwks.json`)],
      ['unknown identity provider path (404)', await fetch(`${server.url}/idp/nothing`)],
    ];
    expect(answers.map(([what, response]) => [what, response.status])).toEqual([
      ['static file', 200],
      ['static file, not modified', 304],
      ['app page', 200],
      ['missing file (404)', 404],
      ['static write (405)', 405],
      ['API', 200],
      ['API without a token (401)', 401],
      ['API function failure (500)', 500],
      ['API body too large (413)', 413],
      ['config.json', 200],
      ['outbox', 200],
      ['outbox write (405)', 405],
      ['identity provider', 200],
      ['unknown identity provider path (404)', 404],
    ]);
    for (const [what, response] of answers) expect(headersOf(response), what).toEqual(expected);
  });

  it('keeps its own security headers over a function’s, as CloudFront’s policy overrides the origin’s', async () => {
    const response = await fetch(`${server.url}/api/suggestions/AB12CD34?csp=${encodeURIComponent("script-src 'unsafe-inline'")}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(securityHeaders({ mode: 'local' })['content-security-policy']);
  });
});
