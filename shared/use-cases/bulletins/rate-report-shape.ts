/**
 * The rate report the bulletins print: the rates use case's (shared/use-cases/rate-report.ts), and how a bulletin
 * asks for one.
 */
import type { RateReport } from '../rate-report';

export type { DepartmentRates, RateReport } from '../rate-report';
export type { RankingRow } from '../../domain/rates/ranking';

export type RateReportSource = (orgId: string, query: { kind: 'week' | 'month'; period: string }) => Promise<RateReport>;
