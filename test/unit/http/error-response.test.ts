import { describe, expect, it } from 'vitest';
import { TRACER_KEY, LOGGER_KEY } from '@aws-lambda-powertools/commons';
import { NotFoundError, RateLimitedError } from '../../../shared/domain/errors';
import { errorResponse } from '../../../shared/http/error-response';
import { apiEvent } from './api-event';
import { middlewareRequest, type ApiRequestState } from './middleware-request';

async function answer(request: ApiRequestState, error: unknown) {
  request.error = error as Error;
  const response = await errorResponse().onError!(request);
  return response as { statusCode: number; headers: Record<string, string>; body: string };
}

describe('the error response middleware', () => {
  it('answers a domain error with its status and a JSON error in the caller’s language', async () => {
    const r = await answer(middlewareRequest(apiEvent('GET', '/x'), { locale: 'en' }), new NotFoundError('error.suggestionNotFound'));
    expect(r.statusCode).toBe(404);
    expect(r.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-language': 'en' });
    expect(JSON.parse(r.body)).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('keeps the status’s own headers (Retry-After on 429)', async () => {
    const r = await answer(middlewareRequest(), new RateLimitedError('error.rateLimited', { seconds: 30 }));
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('30');
  });

  it('negotiates the language itself when the error came before the locale middleware', async () => {
    const r = await answer(middlewareRequest(apiEvent('GET', '/x', { headers: { 'Accept-Language': 'en' } })), new Error('boom'));
    expect(r.statusCode).toBe(500);
    expect(r.headers['content-language']).toBe('en');
    expect(JSON.parse(r.body).error.code).toBe('internal');
    expect(r.body).not.toContain('boom');
  });

  it('closes the Powertools middlewares before answering (answering ends middy’s onError chain)', async () => {
    const closed: string[] = [];
    const request = middlewareRequest();
    request.internal = { [TRACER_KEY]: () => void closed.push('tracer'), [LOGGER_KEY]: () => void closed.push('logger') };
    await answer(request, new NotFoundError('error.suggestionNotFound'));
    expect(closed.sort()).toEqual(['logger', 'tracer']);
  });
});
