import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain/errors';
import { jsonBody, maxBodyBytes } from '../../../shared/http/json-body';
import { apiEvent } from './api-event';
import { middlewareRequest } from './middleware-request';

async function parse(body: string | undefined, headers: Record<string, string> = {}, isBase64Encoded = false) {
  const event = { ...apiEvent('POST', '/x', { headers, ...(body === undefined ? {} : { body }) }), isBase64Encoded };
  const request = middlewareRequest(event);
  await jsonBody().before!(request);
  return request.context.jsonBody;
}

async function refusal(body: string, headers: Record<string, string> = {}): Promise<{ status: number; code: string }> {
  const error = await parse(body, headers).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return { status: (error as DomainError).status, code: (error as DomainError).code };
}

describe('the JSON body middleware', () => {
  it('parses a JSON object, plain or base64, under any JSON media type', async () => {
    expect(await parse('{"a":1}')).toEqual({ a: 1 });
    expect(await parse(Buffer.from('{"标题":"路灯"}').toString('base64'), {}, true)).toEqual({ 标题: '路灯' });
    expect(await parse('{"a":1}', { 'content-type': 'application/merge-patch+json' })).toEqual({ a: 1 });
    // Matched case-insensitively, charset or not (@middy/http-json-body-parser would refuse the first).
    expect(await parse('{"a":1}', { 'content-type': 'Application/JSON' })).toEqual({ a: 1 });
    expect(await parse('{"a":1}', { 'content-type': 'application/json; charset=utf-8' })).toEqual({ a: 1 });
  });

  it('leaves a request without a body alone, whatever its media type', async () => {
    expect(await parse(undefined, { 'content-type': 'text/plain' })).toBeUndefined();
    expect(await parse('', {})).toBeUndefined();
  });

  it('refuses in order: too large (413), not JSON (415), malformed (400), not an object (400)', async () => {
    const big = JSON.stringify({ x: 'a'.repeat(maxBodyBytes) });
    expect(await refusal(big, { 'content-type': 'text/plain' })).toEqual({ status: 413, code: 'payload_too_large' });
    expect(await refusal('{broken', { 'content-type': 'text/plain' })).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(await refusal('{broken')).toEqual({ status: 400, code: 'malformed_json' });
    for (const body of ['[1,2]', 'null', '"text"', '42']) expect(await refusal(body)).toEqual({ status: 400, code: 'body_not_object' });
  });

  it('counts the limit in bytes, not characters', async () => {
    // 22,000 three-byte characters: 66,000 bytes, over the 65,536-byte limit in fewer characters.
    expect(await refusal(JSON.stringify({ x: '路'.repeat(22_000) }))).toEqual({ status: 413, code: 'payload_too_large' });
  });
});
