/**
 * Open311 GeoReport v2 through the real handler on DynamoDB Local: every endpoint in JSON and XML, a request
 * posted form-encoded with an integration key as api_key and read back (string id, open status, no contact), and
 * the spec's errors: 400 without service_code or location, 403 for a bad api_key, 404 for an unknown service or
 * request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness';

let t: TestStack;
let apiKey: string;

beforeAll(async () => {
  t = await startTestStack();
  const admin = await t.token('admin');
  const created = await t.api('/api/staff/integrations', { method: 'POST', token: admin, json: { name: 'Open311 客户端', channel: 'open311', scopes: ['submit', 'status'] } });
  expect(created.status).toBe(201);
  apiKey = created.body.key;
}, 180_000);
afterAll(async () => t?.stop());

const post = (format: string, fields: Record<string, string>) =>
  fetch(`${t.url}/open311/v2/requests.${format}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

describe('Open311 GeoReport v2', () => {
  it('serves discovery, services and a service definition in JSON and XML', async () => {
    const d = await t.api('/open311/v2/discovery.json');
    expect(d.status).toBe(200);
    expect(d.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['text/xml', 'application/json'] });
    const dx = await fetch(`${t.url}/open311/v2/discovery.xml`);
    expect(dx.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await dx.text()).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><discovery>/);

    const s = await t.api('/open311/v2/services.json');
    expect(s.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(s.body.find((x: { service_code: string }) => x.service_code === 'traffic')).toMatchObject({ metadata: false, type: 'realtime' });
    expect(await (await fetch(`${t.url}/open311/v2/services.xml`)).text()).toContain('<services><service><service_code>traffic</service_code>');
    expect((await t.api('/open311/v2/services/traffic.json')).body).toEqual({ service_code: 'traffic', attributes: [] });
    expect(await (await fetch(`${t.url}/open311/v2/services/traffic.xml`)).text()).toContain('<service_definition><service_code>traffic</service_code>');
    const unknown = await t.api('/open311/v2/services/nope.json');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: 'service_code nope not found' }]);
  });

  it('takes a form-encoded request with api_key and serves it back as requests and requests/{id}', async () => {
    const r = await post('json', { api_key: apiKey, service_code: 'traffic', lat: '31.2304', long: '121.4737', description: '人民路公交站台没有遮阳棚，夏天候车很晒，建议加装。', email: 'citizen@example.org' });
    expect(r.status).toBe(201);
    const [created] = (await r.json()) as { service_request_id: string }[];
    expect(typeof created!.service_request_id).toBe('string');

    const one = await t.api(`/open311/v2/requests/${created!.service_request_id}.json`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    expect(one.body[0]).toMatchObject({ service_request_id: created!.service_request_id, status: 'open', service_code: 'traffic', lat: 31.2304, long: 121.4737 });
    expect(one.body[0].requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(JSON.stringify(one.body)).not.toContain('citizen@example.org');
    const oneXml = await (await fetch(`${t.url}/open311/v2/requests/${created!.service_request_id}.xml`)).text();
    expect(oneXml).toContain(`<service_requests><request><service_request_id>${created!.service_request_id}</service_request_id>`);

    const list = await t.api('/open311/v2/requests.json?status=open&service_code=traffic');
    expect(list.status).toBe(200);
    expect(list.body.map((x: { service_request_id: string }) => x.service_request_id)).toContain(created!.service_request_id);
    const byIds = await t.api(`/open311/v2/requests.json?service_request_id=${created!.service_request_id},ZZZZZZZZ`);
    expect(byIds.body).toHaveLength(1);
    expect(await (await fetch(`${t.url}/open311/v2/requests.xml?status=closed`)).text()).toMatch(/<service_requests>(<\/service_requests>|<request>)/);
  });

  it('answers errors in the spec shape, in JSON and XML', async () => {
    const missing = await post('json', { api_key: apiKey, lat: '31.2', long: '121.4', description: 'x'.repeat(20) });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual([{ code: 400, description: 'service_code is required' }]);
    const noPlace = await post('xml', { api_key: apiKey, service_code: 'traffic', description: 'x'.repeat(20) });
    expect(noPlace.status).toBe(400);
    expect(await noPlace.text()).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><errors><error><code>400<\/code><description>/);
    const badKey = await post('json', { api_key: 'wrong', service_code: 'traffic', lat: '31.2', long: '121.4', description: 'x'.repeat(20) });
    expect(badKey.status).toBe(403);
    expect((await badKey.json())[0].code).toBe(403);
    const badKeyXml = await post('xml', { service_code: 'traffic', lat: '31.2', long: '121.4', description: 'x'.repeat(20) });
    expect(badKeyXml.status).toBe(403);
    expect(await badKeyXml.text()).toContain('<errors><error><code>403</code>');
    const notFound = await t.api('/open311/v2/requests/ZZZZZZZZ.json');
    expect(notFound.status).toBe(404);
    expect(notFound.body[0].code).toBe(404);
    const notFoundXml = await fetch(`${t.url}/open311/v2/requests/ZZZZZZZZ.xml`);
    expect(notFoundXml.status).toBe(404);
    expect(await notFoundXml.text()).toContain('<code>404</code>');
  });
});
