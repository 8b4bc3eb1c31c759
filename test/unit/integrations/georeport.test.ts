/** Open311 GeoReport v2 mapping and serialisation: status, datetimes, field mapping, JSON and XML, errors. */
import { describe, expect, it } from 'vitest';
import { open311Request, open311ServiceDefinition, open311Services, open311Status, parseW3cDatetime, serialise, serialiseErrors, titleFromDescription, w3cDatetime } from '../../../shared/domain/open311/georeport';
import type { Suggestion } from '../../../shared/domain/suggestion/suggestion';

const suggestion = {
  id: '01J',
  orgId: 'demo',
  trackingCode: 'AB23CD45',
  title: '路灯',
  content: '人民路 <12> 号路灯不亮 & 很暗',
  category: 'urban-management',
  channel: 'open311',
  status: 'assigned',
  leadDepartmentId: 'urban-mgmt',
  dueAt: '2026-12-10T09:00:00.000Z',
  submittedAt: '2026-12-01T12:15:00.000Z',
  updatedAt: '2026-12-01T16:30:00.000Z',
  location: { address: '人民路 12 号', lat: 31.23, long: 121.47 },
  contact: { phone: '13800000000' },
} as unknown as Suggestion;

describe('Open311 mapping', () => {
  it('maps the lifecycle to open/closed', () => {
    expect(['closed', 'rejected', 'merged'].map((s) => open311Status(s as never))).toEqual(['closed', 'closed', 'closed']);
    expect(['submitted', 'screening', 'assigned', 'signed', 'infoRequested', 'replied', 'reopened'].map((s) => open311Status(s as never)).every((s) => s === 'open')).toBe(true);
  });

  it('writes W3C datetimes with the +08:00 offset, and reads them with any offset', () => {
    expect(w3cDatetime('2026-12-01T16:30:00.000Z')).toBe('2026-12-02T00:30:00+08:00');
    expect(parseW3cDatetime('2026-12-02T00:30:00+08:00')?.toISOString()).toBe('2026-12-01T16:30:00.000Z');
    expect(parseW3cDatetime('2026-12-01')).toBeDefined();
    expect(parseW3cDatetime('yesterday')).toBeUndefined();
  });

  it('maps a suggestion to a request: string id, agency, expected from the deadline while open, no contact', () => {
    const r = open311Request(suggestion, (id) => (id === 'urban-mgmt' ? '城市管理局' : undefined));
    expect(r).toMatchObject({
      service_request_id: 'AB23CD45',
      status: 'open',
      service_code: 'urban-management',
      service_name: '城市管理',
      agency_responsible: '城市管理局',
      requested_datetime: '2026-12-01T20:15:00+08:00',
      expected_datetime: '2026-12-10T17:00:00+08:00',
      address: '人民路 12 号',
      lat: 31.23,
      long: 121.47,
    });
    expect(JSON.stringify(r)).not.toContain('13800000000');
    expect(open311Request({ ...suggestion, status: 'closed' }, () => undefined).expected_datetime).toBe('');
  });

  it('derives the title from the first 30 characters of the description', () => {
    expect(titleFromDescription('短')).toBe('短');
    expect([...titleFromDescription('一'.repeat(40))].length).toBe(31);
  });
});

describe('Open311 serialisation', () => {
  it('serves JSON as arrays and XML under the spec roots with the declaration', () => {
    const services = open311Services('zh-CN');
    expect(services[0]).toMatchObject({ service_code: 'traffic', metadata: false, type: 'realtime', group: '人民建议征集' });
    expect(JSON.parse(serialise('json', 'services', services))).toHaveLength(services.length);
    const xml = serialise('xml', 'services', services);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?><services><service><service_code>traffic</service_code>')).toBe(true);
    expect(serialise('xml', 'service_definition', open311ServiceDefinition('traffic'))).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>traffic</service_code><attributes></attributes></service_definition>',
    );
  });

  it('escapes text in XML and writes requests under service_requests/request', () => {
    const xml = serialise('xml', 'service_requests', [open311Request(suggestion, () => undefined)]);
    expect(xml).toContain('<service_requests><request><service_request_id>AB23CD45</service_request_id>');
    expect(xml).toContain('<description>人民路 &lt;12&gt; 号路灯不亮 &amp; 很暗</description>');
    expect(xml).toContain('<agency_responsible/>');
  });

  it('writes errors as the spec does', () => {
    expect(JSON.parse(serialiseErrors('json', [{ code: 400, description: 'service_code missing' }]))).toEqual([{ code: 400, description: 'service_code missing' }]);
    expect(serialiseErrors('xml', [{ code: 403, description: 'bad api_key' }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>403</code><description>bad api_key</description></error></errors>',
    );
  });
});
