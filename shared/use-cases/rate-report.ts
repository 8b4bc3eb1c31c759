/**
 * The rates of one period for the whole organisation: its own, each department's as lead and as co-handler, and the
 * department ranking with its settings. What a bulletin (通报) states and the dashboard's tables show; read from the
 * period's summary (one item), so it costs the same whatever the number of suggestions.
 */
import { ratesOf, type Rates } from '../domain/rates/rates';
import { periodRange, type SummaryKind } from '../domain/rates/periods';
import { rankDepartments, type OfficeChoice, type RankingRow } from '../domain/rates/ranking';
import { emptyTally, type Tally } from '../domain/rates/tally';
import type { DayString } from '../domain/deadlines/office-time';
import type { Directory, RateStore, RateSummary } from '../ports';

export interface DepartmentRates {
  departmentId: string;
  name: string;
  /** English name, for the English report. */
  en: string;
  rates: Rates;
  tally: Tally;
}

export interface RateReport {
  kind: SummaryKind;
  period: string;
  from: DayString;
  to: DayString;
  org: Rates;
  orgTally: Tally;
  /** Every department of the directory, as lead (主办), in directory order. */
  departments: DepartmentRates[];
  /** The same departments as co-handlers (协办), counted apart. */
  cohandling: DepartmentRates[];
  ranking: RankingRow[];
  minimumCount: number;
  officeChoice: OfficeChoice;
}

export interface RateReportDeps {
  rates: Pick<RateStore, 'summaries' | 'rankingSettings'>;
  directory: Pick<Directory, 'departments'>;
}

/** The report from a summary already read (the dashboard reads its periods in one query). */
export function reportOf(
  kind: SummaryKind,
  period: string,
  summary: RateSummary | undefined,
  departments: ReadonlyArray<{ id: string; name: string; en: string }>,
  settings: { officeChoice: OfficeChoice; minimumCount: number },
): RateReport {
  const tallyOf = (group: string) => summary?.groups[group] ?? emptyTally();
  const rows = (prefix: 'department' | 'cohandler') =>
    departments.map((d) => {
      const tally = tallyOf(`${prefix}:${d.id}`);
      return { departmentId: d.id, name: d.name, en: d.en, tally, rates: ratesOf(tally) };
    });
  const lead = rows('department');
  return {
    kind,
    period,
    ...periodRange(kind, period),
    org: ratesOf(tallyOf('org')),
    orgTally: tallyOf('org'),
    departments: lead,
    cohandling: rows('cohandler'),
    ranking: rankDepartments(lead, settings),
    minimumCount: settings.minimumCount,
    officeChoice: settings.officeChoice,
  };
}

export async function rateReport(deps: RateReportDeps, orgId: string, { kind, period }: { kind: SummaryKind; period: string }): Promise<RateReport> {
  const [summaries, departments, settings] = await Promise.all([
    deps.rates.summaries(orgId, kind, period, period),
    deps.directory.departments(orgId),
    deps.rates.rankingSettings(orgId),
  ]);
  return reportOf(kind, period, summaries[0], departments, settings);
}

/**
 * Waits (up to `timeoutMs`) until the rates have been computed at least once and no full recompute is running: a
 * bulletin made in the first minutes of a new deployment (or a fresh demo) would otherwise print zeros.
 */
export async function whenRatesReady(
  rates: Pick<RateStore, 'state'>,
  orgId: string,
  options: { timeoutMs: number; pollMs: number; sleep?: (ms: number) => Promise<void> },
): Promise<boolean> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let waited = 0; ; waited += options.pollMs) {
    const state = await rates.state(orgId);
    if (state.lastFull && !state.fullRunning) return true;
    if (waited >= options.timeoutMs) return false;
    await sleep(options.pollMs);
  }
}

