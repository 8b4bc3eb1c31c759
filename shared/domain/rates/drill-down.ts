/**
 * From a number on the dashboard to the suggestions behind it. Every figure is a count of the tally (tally.ts), so
 * the suggestions behind it are those whose own contribution to that count, in that group and period, is not zero:
 * the same rule the tally was added up with, so the list and the number always agree.
 */
import { officeDayOf, type DayString } from '../deadlines/office-time';
import { groupsOf, type RateGroup } from './buckets';
import type { RateFacts } from './facts';
import { emptyTally, tallyOf, type Tally } from './tally';

export type Measure = keyof Tally;
export const measures = Object.keys(emptyTally()) as Measure[];

/** The counts each rate is a ratio of: what its numerator and its denominator drill down to. */
export const rateMeasures = {
  closure: { numerator: 'closed', denominator: 'assigned' },
  onTimeClosure: { numerator: 'closedOnTime', denominator: 'closed' },
  satisfaction: { numerator: 'satisfiedOrBasic', denominator: 'rated' },
  adoption: { numerator: 'adopted', denominator: 'valid' },
  response: { numerator: 'signedInTime', denominator: 'assigned' },
  resolution: { numerator: 'resolvedYes', denominator: 'resolutionAnswered' },
  reopen: { numerator: 'reopened', denominator: 'replied' },
  duplicate: { numerator: 'merged', denominator: 'submitted' },
} as const satisfies Record<string, { numerator: Measure; denominator: Measure }>;

export function contributes(f: RateFacts, group: RateGroup, measure: Measure, from: DayString, to: DayString): boolean {
  if (!groupsOf(f).includes(group)) return false;
  const within = (at: string | undefined) => {
    if (!at) return false;
    const day = officeDayOf(new Date(at));
    return from <= day && day <= to;
  };
  return tallyOf(f, { submittedIn: within(f.submittedAt), assignedIn: within(f.assignedAt) })[measure] > 0;
}
