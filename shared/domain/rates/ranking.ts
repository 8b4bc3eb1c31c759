/**
 * The department ranking (三率排名): 响应率, 解决率 and 满意率, as the hotline practice ranks, plus one rate the office
 * chooses among the others. A department is ranked only when every one of those rates rests on at least the minimum
 * count (one closed suggestion out of one is not 100 % of anything); the rest are listed below it with what they
 * lack. The score is the mean of the four rates; equal scores share a rank (1, 1, 3).
 */
import { ratesOf, type Ratio } from './rates';
import type { Tally } from './tally';

export const threeRates = ['response', 'resolution', 'satisfaction'] as const;
export const officeChoices = ['closure', 'onTimeClosure', 'adoption'] as const;
export type OfficeChoice = (typeof officeChoices)[number];
export type RankingRate = (typeof threeRates)[number] | OfficeChoice;

export interface RankingSettings {
  officeChoice: OfficeChoice;
  /** The least denominator a rate may rest on for its department to be ranked. */
  minimumCount: number;
}

export const defaultRankingSettings: RankingSettings = { officeChoice: 'closure', minimumCount: 5 };

export interface RankingRow {
  departmentId: string;
  rates: Record<RankingRate, Ratio>;
  /** Mean of the ranking rates, when ranked. */
  score?: number;
  rank?: number;
  /** The ranking rates whose denominator is under the minimum count (empty when ranked). */
  tooFew: RankingRate[];
}

export function rankingRates(settings: RankingSettings): RankingRate[] {
  return [...threeRates, settings.officeChoice];
}

export function rankDepartments(departments: ReadonlyArray<{ departmentId: string; tally: Tally }>, settings: RankingSettings): RankingRow[] {
  const used = rankingRates(settings);
  const rows: RankingRow[] = departments.map(({ departmentId, tally }) => {
    const all = ratesOf(tally);
    const rates = Object.fromEntries(used.map((name) => [name, all[name]])) as Record<RankingRate, Ratio>;
    const tooFew = used.filter((name) => rates[name].denominator < settings.minimumCount);
    return {
      departmentId,
      rates,
      tooFew,
      ...(tooFew.length ? {} : { score: used.reduce((sum, name) => sum + rates[name].value!, 0) / used.length }),
    };
  });
  const ranked = rows.filter((r) => r.score !== undefined).sort((a, b) => b.score! - a.score! || a.departmentId.localeCompare(b.departmentId));
  // Scores are compared to 1e-9: means of ratios that are equal on paper can differ in the last bit.
  ranked.forEach((row, i) => {
    const previous = ranked[i - 1];
    row.rank = previous && Math.abs(previous.score! - row.score!) < 1e-9 ? previous.rank! : i + 1;
  });
  const unranked = rows.filter((r) => r.score === undefined).sort((a, b) => a.departmentId.localeCompare(b.departmentId));
  return [...ranked, ...unranked];
}
