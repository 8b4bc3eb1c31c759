import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '../../../shared/domain/errors';
import { apiHandler, byRoute, maxBodyBytes } from '../../../shared/http/api-handler';
import { handler as fallback } from '../../../functions/api/fallback';
import { apiEvent } from './api-event';

const context = { awsRequestId: 'r1' } as Context;
const echo = apiHandler(byRoute({ 'POST /api/echo': async (r) => ({ status: 200, body: { got: r.body, locale: r.locale } }) }));

async function call(h: typeof echo, event: ReturnType<typeof apiEvent>) {
  const result = await h(event, context);
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : undefined, headers: result.headers ?? {} };
}

describe('the API middleware stack', () => {
  it('parses a JSON object body and negotiates the language', async () => {
    const r = await call(echo, apiEvent('POST', '/api/echo', { body: '{"a":1}', headers: { 'accept-language': 'en-GB,en;q=0.9' } }));
    expect(r).toMatchObject({ status: 200, body: { got: { a: 1 }, locale: 'en' } });
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('answers malformed JSON with 400 in Chinese by default', async () => {
    const r = await call(echo, apiEvent('POST', '/api/echo', { body: '{"a":' }));
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual({ code: 'malformed_json', message: '请求体不是合法的 JSON' });
  });

  it('refuses a body that is not an object, a wrong media type, and an oversize body', async () => {
    expect((await call(echo, apiEvent('POST', '/api/echo', { body: '[1,2]' }))).body.error.code).toBe('body_not_object');
    const wrongType = await call(echo, apiEvent('POST', '/api/echo', { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(wrongType.status).toBe(415);
    const big = await call(echo, apiEvent('POST', '/api/echo', { body: JSON.stringify({ x: 'a'.repeat(maxBodyBytes) }), headers: { 'accept-language': 'en' } }));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe(`The request body is too large (limit ${maxBodyBytes} bytes)`);
  });

  it('maps validation errors to localised field messages', async () => {
    const h = apiHandler(async () => {
      throw new ValidationError({ 'contact.phone': { rule: 'phone' }, title: { rule: 'tooLong', params: { max: 100 } } });
    });
    const zh = await call(h, apiEvent('POST', '/x', { body: '{}' }));
    expect(zh.status).toBe(400);
    expect(zh.body.error.fields).toEqual({ 'contact.phone': '手机号：请填写 11 位手机号码', title: '标题：最多 100 个字' });
    const en = await call(h, apiEvent('POST', '/x', { body: '{}', headers: { 'accept-language': 'en' } }));
    expect(en.body.error.fields).toEqual({ 'contact.phone': 'Mobile: enter an 11-digit mobile number', title: 'Title: at most 100 characters' });
  });

  it('hides unexpected errors behind a generic 500 without a stack trace', async () => {
    const h = apiHandler(async () => {
      throw new Error('secret internals at db.ts:42');
    });
    const r = await call(h, apiEvent('GET', '/x'));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toContain('secret');
    expect(r.body.error.code).toBe('internal');
  });

  it('answers a transient failure (throttling, a dependency timing out) with 503 and Retry-After, not a 500', async () => {
    const h = apiHandler(async () => {
      throw Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } });
    });
    const r = await call(h, apiEvent('POST', '/x', { body: '{}', headers: { 'accept-language': 'en' } }));
    expect(r.status).toBe(503);
    expect(r.headers['retry-after']).toBe('2');
    expect(r.body.error).toEqual({ code: 'busy', message: expect.stringContaining('never files it twice') });
  });

  it('answers 503 before the function’s own timeout when the work is still pending', async () => {
    let finished = false;
    const h = apiHandler(async () => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      finished = true;
      return { status: 201 };
    });
    const started = Date.now();
    const result = await h(apiEvent('POST', '/x', { body: '{}' }), { awsRequestId: 'r2', getRemainingTimeInMillis: () => 1800 } as Context);
    expect(result.statusCode).toBe(503);
    expect(Date.now() - started).toBeLessThan(1000); // 1,800 ms left, answered 1,500 ms before the end
    expect(finished).toBe(false);
  });

  it('authenticates before reading the body', async () => {
    const h = apiHandler(async () => ({ status: 200 }), {
      authenticate: async () => {
        throw new ForbiddenError('error.roleForbidden', { role: 'viewer' });
      },
    });
    const r = await call(h, apiEvent('POST', '/x', { body: '{broken' }));
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe('当前角色（viewer）无权执行此操作');
  });
});

describe('the API middleware stack, as middy middlewares', () => {
  it('reads headers in any case (http-header-normalizer): content type, language, the route’s own', async () => {
    const h = apiHandler(async (r) => ({ status: 200, body: { got: r.body, locale: r.locale, key: r.header('Idempotency-Key') ?? null } }));
    const r = await call(h, apiEvent('POST', '/x', { body: '{"a":1}', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', 'IDEMPOTENCY-KEY': 'k1' } }));
    expect(r).toMatchObject({ status: 200, body: { got: { a: 1 }, locale: 'en', key: 'k1' } });
  });

  it('refuses a request that went around CloudFront before authenticating it', async () => {
    let authenticated = false;
    const h = apiHandler(async () => ({ status: 200 }), {
      originSecret: async () => 'o'.repeat(40),
      authenticate: async () => {
        authenticated = true;
        throw new ForbiddenError('error.roleForbidden', { role: 'viewer' });
      },
    });
    const r = await call(h, apiEvent('GET', '/x', { headers: { 'accept-language': 'en' } }));
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe('Please use the platform through its website');
    expect(authenticated).toBe(false);
  });

  it('answers 503 near the timeout while authentication still waits (the deadline covers the whole request)', async () => {
    const h = apiHandler(async () => ({ status: 200 }), {
      authenticate: () => new Promise(() => undefined),
    });
    const started = Date.now();
    const result = await h(apiEvent('GET', '/x'), { awsRequestId: 'r3', getRemainingTimeInMillis: () => 1700 } as Context);
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('2');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives the route the viewer’s address behind CloudFront, else the connection’s', async () => {
    const h = apiHandler(async (r) => ({ status: 200, body: { ip: r.sourceIp } }));
    expect((await call(h, apiEvent('GET', '/x'))).body.ip).toBe('127.0.0.1');
    expect((await call(h, apiEvent('GET', '/x', { headers: { 'CloudFront-Viewer-Address': '203.0.113.9:443' } }))).body.ip).toBe('203.0.113.9');
  });
});

describe('the $default route', () => {
  it('answers an unknown path with 404 naming it', async () => {
    const r = await call(fallback, apiEvent('GET', '/api/nope', { routeKey: '$default', headers: { 'accept-language': 'en' } }));
    expect(r.status).toBe(404);
    expect(r.body.error).toEqual({ code: 'route_not_found', message: 'No such endpoint: /api/nope' });
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const r = await call(fallback, apiEvent('DELETE', '/api/suggestions', { routeKey: '$default' }));
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
    expect(r.body.error.code).toBe('method_not_allowed');
  });
});
