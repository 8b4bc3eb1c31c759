import { describe, expect, it } from 'vitest';
import { contributes, measures } from '../../../shared/domain/rates/drill-down';
import type { RateFacts } from '../../../shared/domain/rates/facts';
import { defaultRankingSettings, rankDepartments } from '../../../shared/domain/rates/ranking';
import { emptyTally, type Tally } from '../../../shared/domain/rates/tally';

/** A cohort of n assigned, all signed in time, `closed` closed, `rated` rated of which `satisfied` satisfied. */
function cohort(n: number, closed: number, rated: number, satisfied: number, solved = rated): Tally {
  return {
    ...emptyTally(),
    submitted: n, assigned: n, valid: n, signedInTime: n, signed: n, replied: closed, closed, closedOnTime: closed,
    rated, satisfiedOrBasic: satisfied, resolutionAnswered: rated, resolvedYes: solved,
  };
}

describe('department ranking (三率 + the office choice)', () => {
  it('ranks by the mean of response, resolution, satisfaction and the chosen rate', () => {
    const rows = rankDepartments(
      [
        { departmentId: 'b', tally: cohort(10, 10, 10, 9) }, // 1, 1, 0.9, 1 -> 0.975
        { departmentId: 'a', tally: cohort(10, 8, 8, 8, 6) }, // 1, 0.75, 1, 0.8 -> 0.8875
      ],
      defaultRankingSettings,
    );
    expect(rows.map((r) => [r.departmentId, r.rank])).toEqual([['b', 1], ['a', 2]]);
    expect(rows[0]!.score).toBeCloseTo(0.975);
    expect(rows[1]!.rates.resolution).toMatchObject({ numerator: 6, denominator: 8 });
  });

  it('does not crown a department with one closed, rated suggestion', () => {
    const rows = rankDepartments(
      [
        { departmentId: 'one', tally: cohort(1, 1, 1, 1) },
        { departmentId: 'many', tally: cohort(20, 18, 15, 12) },
      ],
      defaultRankingSettings,
    );
    expect(rows[0]).toMatchObject({ departmentId: 'many', rank: 1, tooFew: [] });
    expect(rows[1]).toMatchObject({ departmentId: 'one', tooFew: ['response', 'resolution', 'satisfaction', 'closure'] });
    expect(rows[1]!.rank).toBeUndefined();
  });

  it('shares a rank between equal scores and uses the office choice', () => {
    const rows = rankDepartments(
      [
        { departmentId: 'x', tally: { ...cohort(10, 10, 10, 10), adopted: 5 } },
        { departmentId: 'y', tally: { ...cohort(10, 10, 10, 10), adopted: 5 } },
        { departmentId: 'z', tally: { ...cohort(10, 10, 10, 10), adopted: 2 } },
      ],
      { officeChoice: 'adoption', minimumCount: 5 },
    );
    expect(rows.map((r) => r.rank)).toEqual([1, 1, 3]);
    expect(Object.keys(rows[0]!.rates)).toEqual(['response', 'resolution', 'satisfaction', 'adoption']);
  });
});

describe('drill-down', () => {
  const facts: RateFacts = {
    id: 's1', orgId: 'o', category: 'transport', channel: 'web', leadDepartmentId: 'transport', cohandlerDepartmentIds: ['police'],
    submittedAt: '2026-10-30T02:00:00Z', assignedAt: '2026-11-02T02:00:00Z', signedInTime: true, signHours: 1, replyHours: 10,
    replied: true, closed: true, closedOnTime: false, unratedClosure: true, adopted: false, rejected: false, merged: false,
    reopened: false, overdue: false, supports: 0,
  };

  it('lists a suggestion under the counts it adds to in that group and period', () => {
    expect(contributes(facts, 'department:transport', 'closed', '2026-11-01', '2026-11-30')).toBe(true);
    expect(contributes(facts, 'department:transport', 'closedOnTime', '2026-11-01', '2026-11-30')).toBe(false);
    // Submitted in October: the submission side counts there, the cohort side in November.
    expect(contributes(facts, 'org', 'submitted', '2026-11-01', '2026-11-30')).toBe(false);
    expect(contributes(facts, 'org', 'submitted', '2026-10-01', '2026-10-31')).toBe(true);
    expect(contributes(facts, 'org', 'assigned', '2026-10-01', '2026-10-31')).toBe(false);
    expect(contributes(facts, 'cohandler:police', 'unratedClosed', '2026-11-01', '2026-11-30')).toBe(true);
    expect(contributes(facts, 'department:police', 'closed', '2026-11-01', '2026-11-30')).toBe(false);
    expect(measures).toContain('resolvedPartly');
  });
});
