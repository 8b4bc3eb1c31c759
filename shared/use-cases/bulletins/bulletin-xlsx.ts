/**
 * The bulletin as a workbook: the same figures as the page (bulletin-figures.ts), rates as numbers formatted as
 * percentages with their counts beside them, one sheet each for the whole, the ranking, and the departments.
 * A bulletin is one row per department: small, so it is built in memory and written in one go.
 */
import ExcelJS from 'exceljs';
import type { BulletinRecord } from '../../domain/bulletins/bulletin';
import type { DepartmentRates, RateReport } from './rate-report-shape';
import { periodTitle, rankedRows, rankingColumnsOf, rateColumns, rateNames, ratioOf, type RateColumn } from './bulletin-figures';

const percent = '0.0%';

function rateCells(rates: DepartmentRates['rates'], columns: readonly RateColumn[]): (number | null)[] {
  return columns.flatMap((c) => {
    const r = ratioOf(rates, c);
    return [r.value ?? null, r.numerator, r.denominator];
  });
}

function rateHeadings(columns: readonly RateColumn[]): string[] {
  return columns.flatMap((c) => [rateNames[c], `${rateNames[c]}（分子）`, `${rateNames[c]}（分母）`]);
}

function formatPercentColumns(sheet: ExcelJS.Worksheet, firstRateColumn: number, columns: readonly RateColumn[]): void {
  columns.forEach((_, i) => {
    sheet.getColumn(firstRateColumn + i * 3).numFmt = percent;
  });
}

export async function bulletinXlsx(report: RateReport, bulletin: Pick<BulletinRecord, 'kind' | 'period' | 'revision' | 'generatedAt'>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jianyi';
  workbook.created = new Date(bulletin.generatedAt);
  workbook.modified = new Date(bulletin.generatedAt);
  const title = `${periodTitle(bulletin.kind, bulletin.period)}人民建议办理情况通报（第 ${bulletin.revision} 版）`;

  const overview = workbook.addWorksheet('总体');
  overview.addRow([title]);
  overview.addRow(['统计期间', `${report.from} 至 ${report.to}`]);
  overview.addRow(['指标', '本期', '分子', '分母']);
  for (const c of rateColumns) {
    const r = ratioOf(report.org, c);
    overview.addRow([rateNames[c], r.value ?? null, r.numerator, r.denominator]);
  }
  overview.addRow(['超期件数', report.org.overdue]);
  overview.addRow(['未评价办结件数', report.org.unratedClosures]);
  overview.getColumn(2).numFmt = percent;

  const { ranked, unranked } = rankedRows(report);
  const rankingColumns = rankingColumnsOf(report);
  const ranking = workbook.addWorksheet('三率排名');
  ranking.addRow(['名次', '部门', ...rateHeadings(rankingColumns), '转办件数']);
  ranked.forEach((row) => ranking.addRow([row.rank, row.name, ...rateCells(row.rates, rankingColumns), row.tally.assigned]));
  for (const row of unranked) ranking.addRow([`未排名（不足 ${report.minimumCount} 件）`, row.name, ...rateCells(row.rates, rankingColumns), row.tally.assigned]);
  formatPercentColumns(ranking, 3, rankingColumns);

  for (const [name, rows] of [
    ['各部门（主办）', report.departments],
    ['协办', report.cohandling.filter((d) => d.tally.assigned > 0)],
  ] as const) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(['部门', '转办件数', ...rateHeadings(rateColumns), '超期件数']);
    for (const row of rows) sheet.addRow([row.name, row.tally.assigned, ...rateCells(row.rates, rateColumns), row.rates.overdue]);
    formatPercentColumns(sheet, 3, rateColumns);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
