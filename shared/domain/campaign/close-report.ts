/**
 * A campaign's close report (结项报告): its title, window and state, the totals, the figures by day, category,
 * channel and station, each question's counts with their shares, the featured ideas, and the published summary.
 * One pure builder for both forms of it — the printable page (web) and the workbook (the file-jobs worker) — so
 * the two never disagree. A share is a number in 0..1 (null when there is nothing to divide by); the page prints it
 * as a percentage and the workbook formats it as one.
 */
import type { Locale } from '../i18n/messages';
import { categoryNames, type Category } from '../intake/categories';
import { localText, type Question } from '../questionnaire/questionnaire';
import type { Campaign, CampaignState } from './campaign';
import type { CaseLibraryEntry } from './case-library';
import type { CampaignFigures, QuestionFigures } from './figures';
import { officeMinute } from './lifecycle';

export type ReportCell = string | number | null;

export interface ReportTable {
  /** `byDay`, `byCategory`, `byChannel`, `byStation`, or `q:<question id>`. */
  key: string;
  heading: string;
  /** A line under the heading (a question's type, how many answered it, its mean). */
  note?: string;
  columns: string[];
  rows: ReportCell[][];
  /** Columns holding shares (0..1 or null), shown as percentages. */
  shareColumns: number[];
}

export interface ReportFeaturedIdea {
  title: string;
  category: string;
  outcome: string;
  department: string;
  adoptedOn: string;
  creditedTo: string;
  updates: string[];
}

export interface CloseReport {
  title: string;
  state: string;
  /** `2026-12-01 09:00 至 2026-12-28 18:00（北京时间）` */
  window: string;
  totals: { label: string; value: number }[];
  tables: ReportTable[];
  featured: ReportFeaturedIdea[];
  summary?: string;
  /** `生成于 2026-12-29 10:00（北京时间）` */
  generated: string;
}

const words = {
  'zh-CN': {
    states: { draft: '草稿', scheduled: '待开始', open: '征集中', closed: '已结束', published: '已公布结果' } satisfies Record<CampaignState, string>,
    window: (from: string, to: string) => `${from} 至 ${to}（北京时间）`,
    generated: (at: string) => `生成于 ${at}（北京时间）`,
    totals: { suggestions: '建议', responses: '答卷', participants: '参与人数', scans: '扫码次数' },
    byDay: '按日', byCategory: '按类别', byChannel: '按渠道', byStation: '按征集点',
    day: '日期', category: '类别', channel: '渠道', station: '征集点', option: '选项', step: '分值', row: '行',
    count: '件数', share: '占比', responses: '答卷', suggestions: '建议', scans: '扫码',
    noStation: '未经征集点（直接打开）',
    answered: (n: number) => `${n} 人作答`,
    mean: (m: string) => `平均 ${m}`,
    textOnly: '文字回答：请在结果页浏览、检索',
    types: { single: '单选', multiple: '多选（占比按作答人数计，合计可超过 100%）', shortText: '填空', longText: '问答', rating: '评分', number: '数字', matrix: '矩阵（占比按该行作答人数计）' } satisfies Record<Question['type'], string>,
    resident: '一位市民',
    labels: { report: '专题征集报告', overview: '概况', figures: '统计', questions: '问卷', featured: '金点子', summary: '结果摘要', title: '专题', state: '状态', window: '征集时间', idea: '建议', outcome: '转化运用情况', department: '采纳部门', adoptedOn: '采纳日期', credit: '建议人', updates: '进展', none: '暂无' },
    channels: { web: '网站', qr: '扫码', miniapp: '小程序', hotline: '热线', offline: '线下', import: '导入', open311: 'Open311' } as Record<string, string>,
  },
  en: {
    states: { draft: 'Draft', scheduled: 'Scheduled', open: 'Open', closed: 'Closed', published: 'Results published' } satisfies Record<CampaignState, string>,
    window: (from: string, to: string) => `${from} to ${to} (Beijing time)`,
    generated: (at: string) => `Generated ${at} (Beijing time)`,
    totals: { suggestions: 'Suggestions', responses: 'Responses', participants: 'Participants', scans: 'QR scans' },
    byDay: 'By day', byCategory: 'By category', byChannel: 'By channel', byStation: 'By station',
    day: 'Day', category: 'Category', channel: 'Channel', station: 'Station', option: 'Option', step: 'Score', row: 'Row',
    count: 'Count', share: 'Share', responses: 'Responses', suggestions: 'Suggestions', scans: 'Scans',
    noStation: 'No station (opened directly)',
    answered: (n: number) => `${n} answered`,
    mean: (m: string) => `mean ${m}`,
    textOnly: 'Text answers: browse and search them on the results page',
    types: { single: 'Single choice', multiple: 'Multiple choice (shares of those who answered; they may add up past 100%)', shortText: 'Short text', longText: 'Long text', rating: 'Rating', number: 'Number', matrix: 'Matrix (shares of those who answered the row)' } satisfies Record<Question['type'], string>,
    resident: 'A resident',
    labels: { report: 'Campaign report', overview: 'Overview', figures: 'Figures', questions: 'Questionnaire', featured: 'Featured ideas', summary: 'Results summary', title: 'Campaign', state: 'State', window: 'Window', idea: 'Idea', outcome: 'What became of it', department: 'Adopted by', adoptedOn: 'Adopted on', credit: 'Suggested by', updates: 'Progress', none: 'None' },
    channels: { web: 'Web', qr: 'QR code', miniapp: 'Mini-program', hotline: 'Hotline', offline: 'Offline', import: 'Import', open311: 'Open311' } as Record<string, string>,
  },
} as const;

export type CloseReportLabels = (typeof words)[Locale]['labels'];

/** The words around the report's figures (headings of its parts), as the page and the workbook print them. */
export function closeReportLabels(locale: Locale): CloseReportLabels {
  return words[locale].labels;
}

/** count / whole, or null when the whole is 0 (no share of nothing). */
export function share(count: number, whole: number): number | null {
  return whole > 0 ? count / whole : null;
}

/** A share as the page prints it: 12.5%; a dash for none. */
export function percentText(value: ReportCell): string {
  if (value === null || typeof value !== 'number') return '—';
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

function categoryName(category: string, locale: Locale): string {
  return categoryNames[category as Category]?.[locale] ?? category;
}

/** Rows of a count table, largest first (ties by name), each with its share of the whole. */
function countRows(counts: Record<string, number>, whole: number, name: (key: string) => string): ReportCell[][] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => [name(key), n, share(n, whole)]);
}

function questionTable(q: Question, f: QuestionFigures | undefined, locale: Locale): ReportTable {
  const w = words[locale];
  const answered = f?.answered ?? 0;
  const base = { key: `q:${q.id}`, heading: localText(q.label, locale) };
  const notes = [w.types[q.type], w.answered(answered)];
  if (q.type === 'single' || q.type === 'multiple') {
    return {
      ...base,
      note: notes.join(' · '),
      columns: [w.option, w.count, w.share],
      rows: q.options.map((o) => {
        const n = f?.options?.[o.id] ?? 0;
        return [localText(o.label, locale), n, share(n, answered)];
      }),
      shareColumns: [2],
    };
  }
  if (q.type === 'rating') {
    const steps = Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
    if (answered > 0 && f?.sum !== undefined) notes.push(w.mean((f.sum / answered).toFixed(2)));
    return {
      ...base,
      note: notes.join(' · '),
      columns: [w.step, w.count, w.share],
      rows: steps.map((step) => {
        const n = f?.scale?.[String(step)] ?? 0;
        const label = step === q.min && q.minLabel ? `${step}（${localText(q.minLabel, locale)}）` : step === q.max && q.maxLabel ? `${step}（${localText(q.maxLabel, locale)}）` : String(step);
        return [label, n, share(n, answered)];
      }),
      shareColumns: [2],
    };
  }
  if (q.type === 'matrix') {
    const columns = q.columns;
    return {
      ...base,
      note: notes.join(' · '),
      columns: [w.row, ...columns.flatMap((c) => [localText(c.label, locale), w.share])],
      rows: q.rows.map((row) => {
        const cells = f?.cells?.[row.id] ?? {};
        const rowTotal = columns.reduce((sum, c) => sum + (cells[c.id] ?? 0), 0);
        return [localText(row.label, locale), ...columns.flatMap((c) => [cells[c.id] ?? 0, share(cells[c.id] ?? 0, rowTotal)])];
      }),
      shareColumns: columns.map((_, i) => 2 + i * 2),
    };
  }
  if (q.type === 'number') {
    if (answered > 0 && f?.sum !== undefined) notes.push(w.mean(String(Math.round((f.sum / answered) * 100) / 100)));
    return { ...base, note: notes.join(' · '), columns: [], rows: [], shareColumns: [] };
  }
  return { ...base, note: [...notes, w.textOnly].join(' · '), columns: [], rows: [], shareColumns: [] };
}

export function closeReport(
  campaign: Pick<Campaign, 'title' | 'titleEn' | 'state' | 'opensAt' | 'closesAt' | 'stations' | 'questionnaire' | 'results'>,
  figures: CampaignFigures,
  featured: readonly CaseLibraryEntry[],
  options: { locale: Locale; generatedAt: string },
): CloseReport {
  const { locale } = options;
  const w = words[locale];
  const stationName = (id: string) => (id === '' ? w.noStation : (campaign.stations.find((s) => s.id === id)?.name ?? id));

  const days = Object.keys(figures.byDay).sort();
  const byDay: ReportTable = {
    key: 'byDay',
    heading: w.byDay,
    columns: [w.day, w.suggestions, w.responses],
    rows: days.map((day) => [day, figures.byDay[day]!.suggestions, figures.byDay[day]!.responses]),
    shareColumns: [],
  };
  const byCategory: ReportTable = {
    key: 'byCategory',
    heading: w.byCategory,
    columns: [w.category, w.count, w.share],
    rows: countRows(figures.byCategory, figures.suggestions, (c) => categoryName(c, locale)),
    shareColumns: [2],
  };
  const byChannel: ReportTable = {
    key: 'byChannel',
    heading: w.byChannel,
    columns: [w.channel, w.count, w.share],
    rows: countRows(figures.byChannel, figures.suggestions, (c) => w.channels[c] ?? c),
    shareColumns: [2],
  };
  // The campaign's stations in their own order (those with nothing too: a poster nobody scanned is a finding),
  // then any counted station no longer listed, then "no station".
  const stationIds = [...campaign.stations.map((s) => s.id), ...Object.keys(figures.byStation).filter((id) => id !== '' && !campaign.stations.some((s) => s.id === id)).sort()];
  if (figures.byStation['']) stationIds.push('');
  const byStation: ReportTable = {
    key: 'byStation',
    heading: w.byStation,
    columns: [w.station, w.scans, w.suggestions, w.responses],
    rows: stationIds.map((id) => {
      const s = figures.byStation[id] ?? { scans: 0, suggestions: 0, responses: 0 };
      return [stationName(id), s.scans, s.suggestions, s.responses];
    }),
    shareColumns: [],
  };
  const questions = (campaign.questionnaire?.questions ?? []).map((q) => questionTable(q, figures.questions[q.id], locale));

  const summary = campaign.results ? (locale === 'en' && campaign.results.summaryEn) || campaign.results.summary : undefined;
  return {
    title: (locale === 'en' && campaign.titleEn) || campaign.title,
    state: w.states[campaign.state],
    window: w.window(officeMinute(campaign.opensAt), officeMinute(campaign.closesAt)),
    totals: [
      { label: w.totals.suggestions, value: figures.suggestions },
      { label: w.totals.responses, value: figures.responses },
      { label: w.totals.participants, value: figures.participants },
      { label: w.totals.scans, value: figures.scans },
    ],
    tables: [byDay, byCategory, byChannel, byStation, ...questions],
    featured: featured.map((e) => ({
      title: e.title,
      category: categoryName(e.category, locale),
      outcome: e.outcome,
      department: locale === 'en' ? e.department.nameEn || e.department.name : e.department.name,
      adoptedOn: e.adoptedOn,
      creditedTo: e.creditedTo ?? w.resident,
      updates: e.updates.map((u) => `${u.date} ${u.text}`),
    })),
    ...(summary ? { summary } : {}),
    generated: w.generated(officeMinute(options.generatedAt)),
  };
}

/** The workbook's name for the report: 专题报告-{slug}-20261229-1000.xlsx (office time). */
export function closeReportFileName(campaignId: string, requestedAt: string, locale: Locale): string {
  const office = officeMinute(requestedAt);
  const stamp = `${office.slice(0, 10).replaceAll('-', '')}-${office.slice(11, 16).replace(':', '')}`;
  return `${locale === 'en' ? 'campaign-report' : '专题报告'}-${campaignId}-${stamp}.xlsx`;
}
