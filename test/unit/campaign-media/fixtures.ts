/** A campaign and featured suggestions for the media tests. */
import type { Campaign } from '../../../shared/domain/campaign/campaign';
import type { Suggestion } from '../../../shared/domain/suggestion/suggestion';

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    orgId: 'demo',
    id: 'xiance-2026',
    title: '献策2026',
    titleEn: 'Ideas 2026',
    theme: '请为2026年民生实事项目献计献策。',
    categories: ['traffic', 'environment'],
    opensAt: '2026-12-01T01:00:00.000Z',
    closesAt: '2026-12-29T10:00:00.000Z',
    targetDepartmentIds: ['transport'],
    responsePolicy: 'any',
    stations: [
      { id: 'mall', name: '万达广场大屏' },
      { id: 'centre', name: '东湖社区服务中心' },
    ],
    state: 'open',
    history: [],
    createdAt: '2026-11-20T00:00:00.000Z',
    createdBy: '专题征集 吴芳',
    updatedAt: '2026-11-20T00:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

export function featured(n: number, overrides: Partial<Suggestion> = {}): Suggestion {
  return {
    id: `01FEATURED${String(n).padStart(16, '0')}`,
    orgId: 'demo',
    trackingCode: `FT${String(n).padStart(6, '0')}`,
    pinHash: 'x',
    title: `公交站台加装遮阳棚 ${n}`,
    content: '人民路多个公交站台没有遮阳棚，我家住人民路 8 号，电话 13812345678。',
    category: 'traffic',
    channel: 'qr',
    contact: { name: '欧阳修文', phone: '13812345678', consent: true, creditConsent: true },
    campaignId: 'xiance-2026',
    stationId: 'mall',
    status: 'closed',
    dueAt: '2026-12-20T00:00:00.000Z',
    submittedAt: '2026-12-02T02:00:00.000Z',
    updatedAt: '2026-12-10T02:00:00.000Z',
    version: 9,
    adoption: {
      outcome: '已在人民路 12 个站台加装遮阳棚。',
      adoptedOn: '2026-12-08',
      departmentId: 'transport',
      departmentName: '交通运输局',
      departmentNameEn: 'Transport Bureau',
      evidenceUrl: 'https://example.gov.cn/news/1',
      recordedAt: '2026-12-08T02:00:00.000Z',
      recordedBy: '征集办 李静',
      updates: [{ text: '又在解放路加装 6 个。', date: '2026-12-09', at: '2026-12-09T02:00:00.000Z', by: '交通运输局 赵强' }],
      corrections: [],
    },
    featured: { at: `2026-12-10T0${n % 10}:00:00.000Z`, by: '征集办 李静' },
    ...overrides,
  } as Suggestion;
}
