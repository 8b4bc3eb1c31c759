/**
 * What a bulletin prints, from the rate report: the columns per department and the 三率 ranking, as numbers and
 * as the text a reader sees (96.2%（25/26）). Shared by the page and the workbook, so both say the same.
 */
import type { Ratio, Rates } from '../../domain/rates/rates';
import type { BulletinKind } from '../../domain/bulletins/bulletin';
import type { DepartmentRates, RateReport } from './rate-report-shape';

export type RateColumn = 'closure' | 'onTimeClosure' | 'response' | 'resolution' | 'satisfaction' | 'adoption';
export const rateColumns: readonly RateColumn[] = ['closure', 'onTimeClosure', 'response', 'resolution', 'satisfaction', 'adoption'];
/** The ranking's rates: the 三率, then the office's own choice, in the report's order. */
export function rankingColumnsOf(report: RateReport): RateColumn[] {
  return ['response', 'resolution', 'satisfaction', report.officeChoice];
}

export const rateNames: Record<RateColumn, string> = {
  closure: '办结率',
  onTimeClosure: '按期办结率',
  response: '响应率',
  resolution: '解决率',
  satisfaction: '满意率',
  adoption: '采纳率',
};

export function ratioOf(rates: Rates, column: RateColumn): Ratio {
  return rates[column];
}

/** 96.2%（25/26）; — when there is nothing to rate. */
export function ratioText(r: Ratio): string {
  if (r.value === undefined) return '—';
  const numerator = Number.isInteger(r.numerator) ? String(r.numerator) : r.numerator.toFixed(1);
  return `${(r.value * 100).toFixed(1)}%（${numerator}/${r.denominator}）`;
}

export function periodTitle(kind: BulletinKind, period: string): string {
  if (kind === 'month') return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
  return `${period.slice(0, 4)}年第${Number(period.slice(6))}周`;
}

export function periodTitleEn(kind: BulletinKind, period: string): string {
  return kind === 'month' ? `month ${period}` : `week ${period}`;
}

/**
 * The ranked departments in the ranking's order, each with its rank (equal scores share one) and figures; the
 * unranked (a ranking rate under the minimum count) after, apart.
 */
export function rankedRows(report: RateReport): { ranked: Array<DepartmentRates & { rank: number }>; unranked: DepartmentRates[] } {
  const byId = new Map(report.departments.map((d) => [d.departmentId, d]));
  const ranked = report.ranking.flatMap((row) => {
    const d = byId.get(row.departmentId);
    return d && row.rank !== undefined ? [{ ...d, rank: row.rank }] : [];
  });
  const rankedIds = new Set(ranked.map((d) => d.departmentId));
  return { ranked, unranked: report.departments.filter((d) => !rankedIds.has(d.departmentId) && (d.tally.assigned > 0 || d.tally.submitted > 0)) };
}
