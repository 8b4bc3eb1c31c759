/** The close report's sections from a campaign's figures: totals, tables with shares, questions, featured ideas. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { caseLibraryEntry } from '../../../shared/domain/campaign/case-library';
import { closeReport, closeReportFileName, closeReportLabels, percentText, share } from '../../../shared/domain/campaign/close-report';
import { emptyFigures, type CampaignFigures } from '../../../shared/domain/campaign/figures';
import type { Questionnaire } from '../../../shared/domain/questionnaire/questionnaire';
import { closeReportXlsx } from '../../../shared/use-cases/campaign-media/close-report-xlsx';
import { campaign, featured } from './fixtures';

const questionnaire: Questionnaire = {
  questions: [
    { id: 'mode', type: 'single', required: true, label: { 'zh-CN': '您平时怎么出行？', en: 'How do you travel?' }, options: [{ id: 'bus', label: { 'zh-CN': '公交' } }, { id: 'bike', label: { 'zh-CN': '骑行' } }, { id: 'car', label: { 'zh-CN': '自驾' } }] },
    { id: 'wants', type: 'multiple', required: false, label: { 'zh-CN': '最希望改善' }, options: [{ id: 'shade', label: { 'zh-CN': '遮阳' } }, { id: 'seats', label: { 'zh-CN': '座椅' } }] },
    { id: 'score', type: 'rating', required: false, min: 1, max: 5, minLabel: { 'zh-CN': '很差' }, maxLabel: { 'zh-CN': '很好' }, label: { 'zh-CN': '打分' } },
    { id: 'age', type: 'number', required: false, integer: true, label: { 'zh-CN': '年龄' } },
    { id: 'more', type: 'longText', required: false, label: { 'zh-CN': '其他建议' } },
    { id: 'grid', type: 'matrix', required: false, label: { 'zh-CN': '各项满意度' }, rows: [{ id: 'clean', label: { 'zh-CN': '卫生' } }], columns: [{ id: 'ok', label: { 'zh-CN': '满意' } }, { id: 'bad', label: { 'zh-CN': '不满意' } }] },
  ],
};

const figures: CampaignFigures = {
  ...emptyFigures(),
  responses: 8,
  suggestions: 4,
  participants: 10,
  scans: 30,
  byDay: { '2026-12-02': { responses: 5, suggestions: 1 }, '2026-12-01': { responses: 3, suggestions: 3 } },
  byStation: { mall: { responses: 6, suggestions: 3, scans: 25 }, '': { responses: 2, suggestions: 1, scans: 0 }, gone: { responses: 0, suggestions: 0, scans: 5 } },
  byChannel: { qr: 3, web: 1 },
  byCategory: { traffic: 3, environment: 1 },
  questions: {
    mode: { answered: 8, options: { bus: 4, bike: 2, car: 2 } },
    wants: { answered: 5, options: { shade: 5, seats: 3 } },
    score: { answered: 4, scale: { '5': 2, '4': 1, '1': 1 }, sum: 15 },
    age: { answered: 2, sum: 81 },
    more: { answered: 3 },
    grid: { answered: 4, cells: { clean: { ok: 3, bad: 1 } } },
  },
};

const published = campaign({ state: 'published', questionnaire, results: { summary: '共收到建议 4 件。', summaryEn: '4 suggestions.', publishedAt: '2026-12-30T00:00:00.000Z', publishedBy: '吴芳' } });
const ideas = [caseLibraryEntry(featured(1), new Map([[published.id, published]]))!, caseLibraryEntry(featured(2, { contact: { phone: '13812345678', consent: true } }), new Map())!];

describe('close report', () => {
  const report = closeReport(published, figures, ideas, { locale: 'zh-CN', generatedAt: '2026-12-30T02:00:00.000Z' });
  const table = (key: string) => report.tables.find((t) => t.key === key)!;

  it('heads with the title, state, window in Beijing time, totals and the summary', () => {
    expect(report).toMatchObject({
      title: '献策2026',
      state: '已公布结果',
      window: '2026-12-01 09:00 至 2026-12-29 18:00（北京时间）',
      totals: [
        { label: '建议', value: 4 },
        { label: '答卷', value: 8 },
        { label: '参与人数', value: 10 },
        { label: '扫码次数', value: 30 },
      ],
      summary: '共收到建议 4 件。',
      generated: '生成于 2026-12-30 10:00（北京时间）',
    });
  });

  it('lists days in order, categories and channels largest first with their shares', () => {
    expect(table('byDay').rows).toEqual([['2026-12-01', 3, 3], ['2026-12-02', 1, 5]]);
    expect(table('byCategory').rows).toEqual([['交通出行', 3, 0.75], ['生态环境', 1, 0.25]]);
    expect(table('byChannel').rows).toEqual([['扫码', 3, 0.75], ['网站', 1, 0.25]]);
    expect(table('byCategory').shareColumns).toEqual([2]);
  });

  it('lists every station in the campaign’s order (an unscanned one too), then a removed one, then no station', () => {
    expect(table('byStation').rows).toEqual([
      ['万达广场大屏', 25, 3, 6],
      ['东湖社区服务中心', 0, 0, 0],
      ['gone', 5, 0, 0],
      ['未经征集点（直接打开）', 0, 1, 2],
    ]);
  });

  it('gives each question its counts and shares of those who answered it', () => {
    expect(table('q:mode')).toMatchObject({ heading: '您平时怎么出行？', rows: [['公交', 4, 0.5], ['骑行', 2, 0.25], ['自驾', 2, 0.25]] });
    expect(table('q:wants').rows).toEqual([['遮阳', 5, 1], ['座椅', 3, 0.6]]);
    expect(table('q:score').rows).toEqual([['1（很差）', 1, 0.25], ['2', 0, 0], ['3', 0, 0], ['4', 1, 0.25], ['5（很好）', 2, 0.5]]);
    expect(table('q:score').note).toBe('评分 · 4 人作答 · 平均 3.75');
    expect(table('q:age').note).toBe('数字 · 2 人作答 · 平均 40.5');
    expect(table('q:more')).toMatchObject({ rows: [], note: expect.stringContaining('3 人作答') });
    expect(table('q:grid')).toMatchObject({ columns: ['行', '满意', '占比', '不满意', '占比'], rows: [['卫生', 3, 0.75, 1, 0.25]], shareColumns: [2, 4] });
  });

  it('shows no share of nothing: a question nobody answered', () => {
    const empty = closeReport(campaign({ questionnaire }), emptyFigures(), [], { locale: 'en', generatedAt: '2026-12-30T02:00:00.000Z' });
    expect(empty.tables.find((t) => t.key === 'q:mode')!.rows[0]).toEqual(['公交', 0, null]);
    expect(empty).toMatchObject({ title: 'Ideas 2026', state: 'Open', window: '2026-12-01 09:00 to 2026-12-29 18:00 (Beijing time)' });
    expect(empty.summary).toBeUndefined();
    expect(share(1, 0)).toBeNull();
    expect(percentText(null)).toBe('—');
    expect(percentText(0.125)).toBe('12.5%');
    expect(percentText(1)).toBe('100.0%');
  });

  it('lists the featured ideas, crediting by name only with consent', () => {
    expect(report.featured).toEqual([
      { title: '公交站台加装遮阳棚 1', category: '交通出行', outcome: '已在人民路 12 个站台加装遮阳棚。', department: '交通运输局', adoptedOn: '2026-12-08', creditedTo: '欧阳修文', updates: ['2026-12-09 又在解放路加装 6 个。'] },
      expect.objectContaining({ title: '公交站台加装遮阳棚 2', creditedTo: '一位市民' }),
    ]);
  });

  it('becomes a workbook exceljs reads back, shares formatted as percentages', async () => {
    const { body, rows } = await closeReportXlsx(report, closeReportLabels('zh-CN'), '2026-12-30T02:00:00.000Z');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['概况', '统计', '问卷', '金点子']);
    const overview = workbook.getWorksheet('概况')!;
    expect(overview.getCell('A1').value).toBe('献策2026 · 专题征集报告');
    expect(overview.getRow(4).values).toEqual([undefined, '建议', 4]);
    const stats = workbook.getWorksheet('统计')!;
    const category = stats.getColumn(1).values.indexOf('交通出行');
    expect(stats.getRow(category).getCell(3).value).toBe(0.75);
    expect(stats.getRow(category).getCell(3).numFmt).toBe('0.0%');
    expect(workbook.getWorksheet('金点子')!.getRow(2).getCell(5).value).toBe('欧阳修文');
    expect(rows).toBeGreaterThan(10);
    expect(closeReportFileName('xiance-2026', '2026-12-30T02:00:00.000Z', 'zh-CN')).toBe('专题报告-xiance-2026-20261230-1000.xlsx');
  });
});
