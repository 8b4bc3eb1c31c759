/**
 * The dashboard (GET /api/staff/dashboard?kind=&period=): the rates of a period with their trend, every department
 * as lead and as co-handler, the ranking, the breakdowns by category, channel and campaign, and the overdue board.
 * Primary course:
 *  1. validate the period (week, month, year or all time; default: the month that held the day a week ago);
 *  2. the person's scope: the organisation, or a handler's own department (rate-scope.ts);
 *  3. read, in parallel and a fixed number of queries whatever the data size: the kind's summaries for the trend
 *     (one query, the current period included), the departments, the ranking settings, where the rates job stands,
 *     the queue statistics, and the most overdue open suggestions (one page of the queue index);
 *  4. audit the view and answer. Every figure carries its numerator and denominator; the web page links each to the
 *     queue filtered to the suggestions behind it (drill-down, see staff-queue.ts).
 */
import * as z from 'zod';
import type { RateGroup } from '../domain/rates/buckets';
import { officeDayOf } from '../domain/deadlines/office-time';
import { isPeriod, periodOf, periodsEndingWith, summaryKinds, type SummaryKind } from '../domain/rates/periods';
import { rankingRates, type RankingSettings } from '../domain/rates/ranking';
import { ratesOf, type Rates } from '../domain/rates/rates';
import { headlineGroup, rateScope, type RateScope } from '../domain/rates/scope';
import { emptyTally, type Tally } from '../domain/rates/tally';
import { auditRecord } from '../domain/staff/audit-record';
import type { StaffPrincipal } from '../domain/staff/principal';
import { queueItem } from '../domain/suggestion/views';
import type { QueueItem } from '../domain/suggestion/view-types';
import { parseOrThrow } from '../domain/validation';
import type { AuditLog, Clock, Directory, RatesState, RateStore, SuggestionStore } from '../ports';
import { reportOf, type RateReport } from './rate-report';

export interface GroupRates {
  group: RateGroup;
  rates: Rates;
  tally: Tally;
}

export interface DashboardResponse {
  scope: RateScope;
  kind: SummaryKind;
  period: string;
  /** The trend's periods, oldest first; the last is `period`. */
  periods: string[];
  headline: GroupRates & { previous?: Rates };
  trend: Array<{ period: string; rates: Rates; tally: Tally }>;
  /** Departments, co-handling and ranking (a handler: their own department's rows only). */
  report: RateReport;
  rankingSettings: RankingSettings & { rates: string[] };
  /** By category, channel and campaign (the organisation's scope only). */
  breakdowns: { category: GroupRates[]; channel: GroupRates[]; campaign: GroupRates[] };
  overdue: { total: number; byDepartment: Record<string, number>; items: QueueItem[]; countedAt?: string };
  rates: Pick<RatesState, 'lastFull' | 'fullRequested'> & { updatedAt?: string };
}

const query = z
  .strictObject({
    kind: z.enum(summaryKinds).default('month'),
    period: z.string().max(10).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.period !== undefined && !isPeriod(q.kind, q.period)) ctx.addIssue({ code: 'custom', path: ['period'], message: 'periodFormat' });
  });

const trendLength: Record<SummaryKind, number> = { day: 14, week: 12, month: 12, year: 5, all: 1 };
const overdueBoardSize = 20;

export interface DashboardDeps {
  rates: Pick<RateStore, 'summaries' | 'rankingSettings' | 'state'>;
  directory: Pick<Directory, 'departments' | 'queueStats'>;
  store: Pick<SuggestionStore, 'queue'>;
  audit: AuditLog;
  clock: Clock;
}

export async function dashboard(deps: DashboardDeps, principal: StaffPrincipal, input: Record<string, string | undefined>): Promise<DashboardResponse> {
  const q = parseOrThrow(query, input);
  const scope = rateScope(principal);
  const now = deps.clock.now();
  // Without a period: the one that held the day a week ago — the week just ended, and in a month's or a year's
  // first days the one before, so the page opens on figures rather than on a period that has barely begun.
  // (By day: yesterday, the last whole day.)
  const back = q.kind === 'day' ? 1 : 7;
  const period = q.period ?? periodOf(q.kind, officeDayOf(new Date(now.getTime() - back * 86_400_000)));
  const periods = periodsEndingWith(q.kind, period, trendLength[q.kind]);
  // The period before the first, for the headline's comparison when the trend is a single period.
  const [summaries, departments, settings, state, stats, overdue] = await Promise.all([
    deps.rates.summaries(principal.orgId, q.kind, periods[0]!, period),
    deps.directory.departments(principal.orgId),
    deps.rates.rankingSettings(principal.orgId),
    deps.rates.state(principal.orgId),
    deps.directory.queueStats(principal.orgId),
    deps.store.queue({
      orgId: principal.orgId,
      ...(scope.kind === 'department' ? { departmentId: scope.departmentId } : {}),
      overdueAt: now.toISOString(),
      limit: overdueBoardSize,
    }),
  ]);
  const byPeriod = new Map(summaries.map((s) => [s.period, s]));
  const current = byPeriod.get(period);
  const group = headlineGroup(scope);
  const tallyIn = (p: string, g: string) => byPeriod.get(p)?.groups[g] ?? emptyTally();
  const trend = periods.map((p) => ({ period: p, tally: tallyIn(p, group), rates: ratesOf(tallyIn(p, group)) }));
  const previousPeriod = periods.length > 1 ? periods.at(-2) : undefined;

  const report = reportOf(q.kind, period, current, departments, settings);
  const own = (row: { departmentId: string }) => scope.kind === 'org' || row.departmentId === scope.departmentId;
  const breakdown = (prefix: 'category' | 'channel' | 'campaign'): GroupRates[] =>
    scope.kind === 'org'
      ? Object.entries(current?.groups ?? {})
          .filter(([g]) => g.startsWith(`${prefix}:`))
          .map(([g, tally]) => ({ group: g as RateGroup, tally, rates: ratesOf(tally) }))
          .sort((a, b) => b.tally.submitted + b.tally.assigned - (a.tally.submitted + a.tally.assigned))
      : [];

  const byDepartment = Object.fromEntries(
    Object.entries(stats?.byDepartment ?? {})
      .filter(([id]) => own({ departmentId: id }))
      .map(([id, counts]) => [id, counts.overdue]),
  );
  await deps.audit.record(auditRecord(principal, now.toISOString(), 'viewDashboard', undefined, `kind=${q.kind} period=${period}`));
  return {
    scope,
    kind: q.kind,
    period,
    periods,
    headline: {
      group,
      tally: tallyIn(period, group),
      rates: ratesOf(tallyIn(period, group)),
      ...(previousPeriod ? { previous: ratesOf(tallyIn(previousPeriod, group)) } : {}),
    },
    trend,
    report: { ...report, departments: report.departments.filter(own), cohandling: report.cohandling.filter(own), ranking: report.ranking.filter(own) },
    rankingSettings: { ...settings, rates: rankingRates(settings) },
    breakdowns: { category: breakdown('category'), channel: breakdown('channel'), campaign: breakdown('campaign') },
    overdue: {
      total: scope.kind === 'org' ? (stats?.overdue ?? 0) : (byDepartment[scope.departmentId] ?? 0),
      byDepartment,
      items: overdue.items.map((s) => queueItem(s, now)),
      ...(stats ? { countedAt: stats.computedAt } : {}),
    },
    rates: {
      ...(state.overdueCheckedAt ? { updatedAt: state.overdueCheckedAt } : {}),
      ...(state.lastFull ? { lastFull: state.lastFull } : {}),
      ...(state.fullRequested ? { fullRequested: state.fullRequested } : {}),
    },
  };
}
