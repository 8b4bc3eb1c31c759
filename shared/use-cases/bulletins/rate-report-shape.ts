/**
 * The rate report the bulletins print, in the shape the lead engineer's `shared/use-cases/rate-report.ts`
 * (`rateReport(deps, orgId, { kind, period })`) returns. A stand-in until that file is merged: the bulletins read
 * only what is declared here, and the ranking's order (not its other columns) is what they print.
 */
import type { DayString } from '../../domain/deadlines/office-time';
import type { Rates } from '../../domain/rates/rates';
import type { Tally } from '../../domain/rates/tally';

export interface DepartmentRates {
  departmentId: string;
  name: string;
  rates: Rates;
  tally: Tally;
}

/** One ranked department, best first (the report's own columns besides these are not relied on). */
export interface RankingRow {
  departmentId: string;
  name?: string;
}

export interface RateReport {
  kind: 'week' | 'month' | 'year';
  period: string;
  from: DayString;
  to: DayString;
  org: Rates;
  departments: DepartmentRates[];
  cohandling: DepartmentRates[];
  ranking: RankingRow[];
  /** The count (assigned) a department needs to be ranked at all. */
  minimumCount: number;
}

export type RateReportSource = (orgId: string, query: { kind: 'week' | 'month'; period: string }) => Promise<RateReport>;
