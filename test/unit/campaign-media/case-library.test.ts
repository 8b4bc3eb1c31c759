/** What the public case library shows of a featured idea: the citizen named only with consent, nothing private. */
import { describe, expect, it } from 'vitest';
import { caseLibraryEntry, caseLibraryQuerySchema, creditName } from '../../../shared/domain/campaign/case-library';
import { campaign, featured } from './fixtures';

const campaigns = new Map([['xiance-2026', campaign()]]);

describe('case library entry', () => {
  it('shows the idea, what became of it, the department and day, and credits the citizen who agreed', () => {
    expect(caseLibraryEntry(featured(1), campaigns)).toEqual({
      id: featured(1).id,
      title: '公交站台加装遮阳棚 1',
      category: 'traffic',
      campaign: { id: 'xiance-2026', title: '献策2026', titleEn: 'Ideas 2026' },
      outcome: '已在人民路 12 个站台加装遮阳棚。',
      adoptedOn: '2026-12-08',
      department: { name: '交通运输局', nameEn: 'Transport Bureau' },
      evidenceUrl: 'https://example.gov.cn/news/1',
      updates: [{ text: '又在解放路加装 6 个。', date: '2026-12-09' }],
      creditedTo: '欧阳修文',
      featuredAt: '2026-12-10T01:00:00.000Z',
    });
  });

  it('never carries the content, contact, tracking code or the staff who recorded it', () => {
    const text = JSON.stringify(caseLibraryEntry(featured(1), campaigns));
    for (const secret of ['13812345678', '人民路 8 号', 'FT000001', '李静', '赵强', 'pinHash']) expect(text).not.toContain(secret);
  });

  it('names nobody without consent, or without a name', () => {
    const without = (contact: object) => caseLibraryEntry(featured(2, { contact: contact as never }), campaigns)!.creditedTo;
    expect(without({ name: '欧阳修文', phone: '13812345678', consent: true })).toBeUndefined();
    expect(without({ name: '欧阳修文', phone: '13812345678', consent: true, creditConsent: false })).toBeUndefined();
    expect(without({ name: '  ', phone: '13812345678', consent: true, creditConsent: true })).toBeUndefined();
    expect(caseLibraryEntry(featured(2, { contact: undefined }), campaigns)!.creditedTo).toBeUndefined();
    expect(creditName({ name: ' 李四 ', consent: true, creditConsent: true })).toBe('李四');
  });

  it('does not name a draft campaign, nor one it cannot find', () => {
    expect(caseLibraryEntry(featured(3), new Map([['xiance-2026', campaign({ state: 'draft' })]]))!.campaign).toBeUndefined();
    expect(caseLibraryEntry(featured(3), new Map())!.campaign).toBeUndefined();
    expect(caseLibraryEntry(featured(3, { campaignId: undefined }), campaigns)!.campaign).toBeUndefined();
  });

  it('shows nothing of an idea no longer featured or never adopted', () => {
    expect(caseLibraryEntry(featured(4, { featured: undefined }), campaigns)).toBeUndefined();
    expect(caseLibraryEntry(featured(4, { adoption: undefined }), campaigns)).toBeUndefined();
  });

  it('reads the query: filters, cursor, page size', () => {
    expect(caseLibraryQuerySchema.parse({})).toEqual({ limit: 20 });
    expect(caseLibraryQuerySchema.parse({ campaign: 'xiance-2026', category: 'traffic', limit: '5' })).toEqual({ campaign: 'xiance-2026', category: 'traffic', limit: 5 });
    expect(caseLibraryQuerySchema.safeParse({ category: 'weather' }).success).toBe(false);
    expect(caseLibraryQuerySchema.safeParse({ campaign: 'Bad Id' }).success).toBe(false);
    expect(caseLibraryQuerySchema.safeParse({ limit: '51' }).success).toBe(false);
    expect(caseLibraryQuerySchema.safeParse({ other: 'x' }).success).toBe(false);
  });
});
