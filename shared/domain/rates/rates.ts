/**
 * The rates the practice is judged by, from a tally, exactly as ../shared/PRODUCT.md ("Rates") defines them. Each
 * comes with its numerator and denominator, so a ranking can state the count behind it and refuse to rank a
 * department on too few (a rate of 1 closed out of 1 is not 100 % of anything).
 */
import type { Tally } from './tally';

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator; undefined when the denominator is 0 (nothing to rate, not 0 %). */
  value?: number;
}

export interface Rates {
  /** 办结率 = closed / assigned */
  closure: Ratio;
  /** 按期办结率 = closed by their (extended) deadline / closed */
  onTimeClosure: Ratio;
  /** 满意率 = (satisfied + basic) / rated; unrated closures are excluded and counted apart. */
  satisfaction: Ratio;
  unratedClosures: number;
  /** 采纳率 = adopted / valid (not rejected; merged duplicates count once, on the master). */
  adoption: Ratio;
  /** 响应率 = signed within the sign time limit / assigned */
  response: Ratio;
  /** 解决率 = rated "solved" / rated, "partly" counting half; `partly` is shown apart. */
  resolution: Ratio & { partly: number };
  /** Mean working hours from assignment to signature, and from signature to the reply. */
  meanSignHours?: number;
  meanReplyHours?: number;
  overdue: number;
  /** Reopened at least once / replied. */
  reopen: Ratio;
  /** Merged as a duplicate / submitted (by submission date). */
  duplicate: Ratio;
  supports: number;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, ...(denominator > 0 ? { value: numerator / denominator } : {}) };
}

const mean = (sum: number, count: number): number | undefined => (count > 0 ? sum / count : undefined);

export function ratesOf(t: Tally): Rates {
  const meanSignHours = mean(t.signMinutes / 60, t.signed);
  const meanReplyHours = mean(t.replyMinutes / 60, t.replied);
  return {
    closure: ratio(t.closed, t.assigned),
    onTimeClosure: ratio(t.closedOnTime, t.closed),
    satisfaction: ratio(t.satisfiedOrBasic, t.rated),
    unratedClosures: t.unratedClosed,
    adoption: ratio(t.adopted, t.valid),
    response: ratio(t.signedInTime, t.assigned),
    resolution: { ...ratio(t.resolvedYes + t.resolvedPartly / 2, t.resolutionAnswered), partly: t.resolvedPartly },
    ...(meanSignHours === undefined ? {} : { meanSignHours }),
    ...(meanReplyHours === undefined ? {} : { meanReplyHours }),
    overdue: t.overdue,
    reopen: ratio(t.reopened, t.replied),
    duplicate: ratio(t.merged, t.submitted),
    supports: t.supports,
  };
}
