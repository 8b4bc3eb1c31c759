/**
 * The rates on hand-built cohorts, each history made with the lifecycle's own transition() as the API would:
 * on time and late, rated and unrated, reopened, adopted, rejected, merged, co-handled, never signed.
 */
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, defaultTimeLimits } from '../../../shared/domain/deadlines';
import { rateFacts } from '../../../shared/domain/rates/facts';
import { ratesOf } from '../../../shared/domain/rates/rates';
import { addTallies, emptyTally, tallyOf } from '../../../shared/domain/rates/tally';
import { workingHoursBetween } from '../../../shared/domain/rates/working-hours';
import { submitted, transition, type Action } from '../../../shared/domain/suggestion/lifecycle';
import type { Actor, Suggestion, TimelineEntry } from '../../../shared/domain/suggestion/suggestion';

const calendar = createWorkingCalendar();
const dispatcher: Actor = { type: 'staff', id: 'd', role: 'dispatcher' };
const handler: Actor = { type: 'staff', id: 'h', role: 'handler', departmentId: 'transport' };
const citizen: Actor = { type: 'citizen', id: 'citizen' };
const system: Actor = { type: 'system', id: 'workflow' };

/** China time (+08:00) on a November 2026 day: 2026-11-02 is a Monday. */
const cst = (day: number, hhmm: string) => new Date(`2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`).toISOString();

type Step = [Action, string, Partial<Suggestion>?];
function history(id: string, steps: Step[], over: Partial<Suggestion> = {}): { s: Suggestion; timeline: TimelineEntry[] } {
  let { suggestion: s, entry } = submitted(
    { id, orgId: 'demo', trackingCode: `CODE${id}`, pinHash: 'x', title: 't', content: 'c', category: 'traffic', channel: 'web', dueAt: cst(3, '23:59'), submittedAt: cst(2, '09:00'), ...over },
    citizen,
  );
  const timeline = [entry];
  for (const [action, at, changes] of steps) {
    const actor = ['assign', 'reject', 'merge'].includes(action) ? dispatcher : ['rate', 'reopen'].includes(action) ? citizen : ['beginScreening', 'autoClose'].includes(action) ? system : handler;
    ({ suggestion: s, entry } = transition(s, { action, actor, at, changes: changes ?? {} }));
    timeline.push(entry);
  }
  return { s, timeline };
}

const assigned = (at = cst(2, '10:00')): Step[] => [
  ['beginScreening', cst(2, '09:01')],
  ['assign', at, { leadDepartmentId: 'transport', tier: 'deadline', dueAt: cst(3, '23:59') }],
];
const reply = (at: string, dueAt: string, adopted = false): Step => ['reply', at, { reply: { text: 'r', at, departmentId: 'transport', dueAt, ...(adopted ? { adopted } : {}) }, dueAt: cst(30, '23:59') }];
const rate = (at: string, rating: 'satisfied' | 'basic' | 'dissatisfied', resolution?: 'yes' | 'partly' | 'no'): Step => ['rate', at, { rating: { rating, at, ...(resolution ? { resolution } : {}) } }];

const now = new Date(cst(30, '12:00'));
const cohort = [
  // On time, satisfied, solved; signed 2 working hours after assignment, replied 2 working days later.
  history('A', [...assigned(), ['sign', cst(2, '12:00')], reply(cst(4, '12:00'), cst(20, '23:59')), rate(cst(5, '10:00'), 'satisfied', 'yes')]),
  // Late (the reply came after the deadline in force), basic, partly solved; signed the next day (late).
  history('B', [...assigned(), ['sign', cst(4, '10:00')], reply(cst(25, '10:00'), cst(20, '23:59')), rate(cst(26, '10:00'), 'basic', 'partly')]),
  // Replied on time and closed unrated at the end of the rating window; adopted.
  history('C', [...assigned(), ['sign', cst(2, '11:00')], reply(cst(3, '11:00'), cst(20, '23:59'), true), ['autoClose', cst(12, '00:00')]]),
  // Reopened after a dissatisfied rating, replied again and then rated satisfied but not solved.
  history('D', [
    ...assigned(),
    ['sign', cst(2, '11:00')],
    reply(cst(3, '11:00'), cst(20, '23:59')),
    ['reopen', cst(4, '11:00'), { reopenCount: 1, dueAt: cst(18, '23:59') }],
    ['sign', cst(5, '11:00')],
    reply(cst(10, '11:00'), cst(18, '23:59')),
    rate(cst(11, '11:00'), 'satisfied', 'no'),
  ]),
  // Assigned, never signed: overdue now.
  history('E', [...assigned()]),
  // Rejected and merged at screening: counted on the submission side only.
  history('F', [['beginScreening', cst(2, '09:01')], ['reject', cst(2, '10:00')]]),
  history('G', [['beginScreening', cst(2, '09:01')], ['merge', cst(2, '10:00'), { mergedInto: 'A' }]]),
].map(({ s, timeline }) => rateFacts(s, timeline, now, defaultTimeLimits, calendar));

const tally = cohort.reduce((sum, f) => addTallies(sum, tallyOf(f, { submittedIn: true, assignedIn: true })), emptyTally());
const rates = ratesOf(tally);

describe('working hours', () => {
  it('count only 09:00-17:00 on working days', () => {
    // Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday.
    expect(workingHoursBetween(new Date(cst(6, '16:00')), new Date(cst(9, '10:00')), calendar)).toBe(2);
    expect(workingHoursBetween(new Date(cst(2, '08:00')), new Date(cst(2, '18:00')), calendar)).toBe(8);
    expect(workingHoursBetween(new Date(cst(7, '10:00')), new Date(cst(8, '15:00')), calendar)).toBe(0); // a weekend
    expect(workingHoursBetween(new Date(cst(3, '10:00')), new Date(cst(2, '10:00')), calendar)).toBe(0);
  });
});

describe('the rates (PRODUCT.md "Rates")', () => {
  it('closure = closed / assigned; on time = closed by the deadline in force / closed', () => {
    expect(rates.closure).toEqual({ numerator: 4, denominator: 5, value: 0.8 });
    expect(rates.onTimeClosure).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
  });

  it('satisfaction = (satisfied + basic) / rated, the unrated closure counted apart', () => {
    expect(rates.satisfaction).toEqual({ numerator: 3, denominator: 3, value: 1 });
    expect(rates.unratedClosures).toBe(1);
  });

  it('resolution = solved / rated, "partly" counting half and shown apart', () => {
    expect(rates.resolution).toEqual({ numerator: 1.5, denominator: 3, value: 0.5, partly: 1 });
  });

  it('response = signed within the sign time limit / assigned; mean times in working hours', () => {
    expect(rates.response).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
    // A 2 h, B 2 days less an hour (Mon 10:00 -> Wed 10:00 = 16 h), C 1 h, D 1 h.
    expect(rates.meanSignHours).toBe((2 + 16 + 1 + 1) / 4);
    expect(rates.meanReplyHours).toBeGreaterThan(0);
  });

  it('adoption = adopted / valid; reopen = reopened / replied; duplicates by submission; overdue now', () => {
    expect(rates.adoption).toEqual({ numerator: 1, denominator: 5, value: 0.2 });
    expect(rates.reopen).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(rates.duplicate).toEqual({ numerator: 1, denominator: 7, value: 1 / 7 });
    expect(rates.overdue).toBe(1);
  });

  it('says "no figure" rather than 0 % when nothing is behind a rate, and sums tallies as a union', () => {
    expect(ratesOf(emptyTally()).closure).toEqual({ numerator: 0, denominator: 0 });
    const halves = [cohort.slice(0, 3), cohort.slice(3)].map((part) => part.reduce((sum, f) => addTallies(sum, tallyOf(f, { submittedIn: true, assignedIn: true })), emptyTally()));
    expect(addTallies(halves[0]!, halves[1]!)).toEqual(tally);
  });
});
