/**
 * The API's two ways with files (issue 11, media): a route of `binaryBodies` receives the bytes as sent (base64 from
 * API Gateway), with its own limit and no JSON parsing; an answer with `file` goes out as that file, binary bytes
 * base64-encoded with isBase64Encoded, text as is — with its own content type and cache headers.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain/errors';
import { jsonBody } from '../../../shared/http/json-body';
import { respond } from '../../../shared/http/json-response';
import { apiEvent } from '../http/api-event';
import { middlewareRequest } from '../http/middleware-request';

const route = 'PUT /api/staff/campaigns/{campaignId}/cover';
const routes = { [route]: { maxBytes: 16 } };

async function receive(body: string | undefined, isBase64Encoded: boolean, routeKey = route) {
  const event = { ...apiEvent('PUT', '/api/staff/campaigns/x/cover', { routeKey, headers: { 'content-type': 'image/png' }, ...(body === undefined ? {} : { body }) }), isBase64Encoded };
  const request = middlewareRequest(event);
  await jsonBody(routes).before!(request);
  return request.context;
}

describe('binary request bodies', () => {
  it('hands a binary route the bytes, decoded from base64, whatever the media type', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const context = await receive(bytes.toString('base64'), true);
    expect(context.binaryBody?.equals(bytes)).toBe(true);
    expect(context.jsonBody).toBeUndefined();
    expect((await receive(undefined, false)).binaryBody).toBeUndefined();
  });

  it('refuses more than the route allows (413), and keeps JSON rules for every other route', async () => {
    const error = await receive(Buffer.alloc(17).toString('base64'), true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(413);
    const other = await receive('abc', false, 'POST /api/staff/campaigns/{campaignId}/report').catch((e: unknown) => e);
    expect((other as DomainError).status).toBe(415);
  });
});

describe('file answers', () => {
  it('sends bytes base64-encoded with their type, and text as it is', () => {
    const png = respond({ status: 200, file: { contentType: 'image/png', body: Buffer.from([1, 2, 3]) }, headers: { 'cache-control': 'public, max-age=3600' } });
    expect(png).toMatchObject({ statusCode: 200, body: 'AQID', isBase64Encoded: true, headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' } });
    const svg = respond({ status: 200, file: { contentType: 'image/svg+xml', body: '<svg/>' } });
    expect(svg).toMatchObject({ body: '<svg/>', isBase64Encoded: false, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' } });
    expect(respond({ status: 200, body: { a: 1 } })).toMatchObject({ body: '{"a":1}', headers: { 'content-type': 'application/json; charset=utf-8' } });
  });
});
