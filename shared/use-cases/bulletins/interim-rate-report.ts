/**
 * INTERIM, until `shared/use-cases/rate-report.ts` (the lead engineer's) is merged: a rate report summed from the
 * rates job's daily tallies, so bulletins have real figures meanwhile. Ranked: departments with at least
 * `minimumCount` assigned, by the mean of 响应率, 解决率 and 满意率 (the 三率). Replace with rateReport on merge.
 */
import { ratesOf } from '../../domain/rates/rates';
import { addTallies, emptyTally, type Tally } from '../../domain/rates/tally';
import { periodDays } from '../../domain/bulletins/bulletin';
import type { Directory, RateStore } from '../../ports';
import type { DepartmentRates, RateReport } from './rate-report-shape';

const minimumCount = 5;

async function periodTally(rates: Pick<RateStore, 'tallies'>, orgId: string, group: string, from: string, to: string): Promise<Tally> {
  let sum = emptyTally();
  for (const tally of (await rates.tallies(orgId, group, from, to)).values()) sum = addTallies(sum, tally);
  return sum;
}

export async function interimRateReport(
  deps: { rates: Pick<RateStore, 'tallies'>; directory: Pick<Directory, 'departments'> },
  orgId: string,
  query: { kind: 'week' | 'month'; period: string },
): Promise<RateReport> {
  const { from, to } = periodDays(query.kind, query.period);
  const departments = await deps.directory.departments(orgId);
  const rows = async (prefix: 'department' | 'cohandler'): Promise<DepartmentRates[]> =>
    Promise.all(
      departments.map(async (d) => {
        const tally = await periodTally(deps.rates, orgId, `${prefix}:${d.id}`, from, to);
        return { departmentId: d.id, name: d.name, tally, rates: ratesOf(tally) };
      }),
    );
  const [lead, cohandling, org] = await Promise.all([rows('department'), rows('cohandler'), periodTally(deps.rates, orgId, 'org', from, to)]);
  const score = (row: DepartmentRates) => {
    const values = [row.rates.response.value, row.rates.resolution.value, row.rates.satisfaction.value].filter((v): v is number => v !== undefined);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : -1;
  };
  const ranking = lead
    .filter((row) => row.tally.assigned >= minimumCount)
    .sort((a, b) => score(b) - score(a) || a.departmentId.localeCompare(b.departmentId))
    .map((row) => ({ departmentId: row.departmentId, name: row.name }));
  return { kind: query.kind, period: query.period, from, to, org: ratesOf(org), departments: lead, cohandling, ranking, minimumCount };
}
