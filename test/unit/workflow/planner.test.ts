import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDays, createWorkingCalendar, defaultTimeLimits, dueAt, progressNoteTimes } from '../../../shared/domain/deadlines';
import type { Suggestion, SuggestionStatus } from '../../../shared/domain/suggestion/suggestion';
import { maxWaitSeconds, planFor } from '../../../shared/domain/workflow/planner';

const calendar = createWorkingCalendar();
const base: Suggestion = {
  id: '01J0000000000000000000000A', orgId: 'demo', trackingCode: 'ABCDEFGH', pinHash: 'x$y', title: 't', content: 'c',
  category: 'traffic', channel: 'web', status: 'screening', dueAt: '2026-11-24T15:59:59.999Z', submittedAt: '2026-11-23T02:00:00.000Z',
  updatedAt: '2026-11-23T02:00:00.000Z', phaseStartedAt: '2026-11-23T02:00:00.000Z', version: 2, tier: 'deadline',
};
const at = (iso: string) => new Date(iso);

describe('the workflow planner', () => {
  it('ends the workflow for finished suggestions', () => {
    for (const status of ['closed', 'rejected', 'merged'] as SuggestionStatus[]) {
      expect(planFor({ ...base, status }, at('2026-11-23T03:00:00Z'), calendar)).toMatchObject({ phase: 'done' });
    }
  });

  it('keeps a workflow parked while the suggestion records an unresolved workflow error, whatever its status', () => {
    const workflowError = { at: '2026-11-23T03:00:00.000Z', error: 'StoreError' };
    for (const status of ['screening', 'signed', 'replied', 'closed'] as SuggestionStatus[]) {
      const plan = planFor({ ...base, status, workflowError }, at('2026-11-23T04:00:00Z'), calendar);
      expect(plan).toMatchObject({ phase: 'parked', suggestionId: base.id });
      expect(plan.checkpoint).toBeUndefined();
    }
    // Resumed (the error cleared), it plans as usual.
    expect(planFor(base, at('2026-11-23T04:00:00Z'), calendar).phase).toBe('open');
  });

  it('waits for the screening and sign deadlines, then daily overdue reminders at 09:00 on working days', () => {
    const plan = planFor(base, at('2026-11-23T03:00:00Z'), calendar);
    expect(plan).toMatchObject({ phase: 'open', checkpoint: 'screeningDue', checkpointAt: base.dueAt, version: 2 });
    expect(plan.timeout).toBe(Math.ceil((at(base.dueAt).getTime() - at('2026-11-23T03:00:00Z').getTime()) / 1000));
    expect(planFor({ ...base, status: 'assigned' }, at('2026-11-23T03:00:00Z'), calendar).checkpoint).toBe('signDue');
    // A deadline that passed unwatched (say, during a restart) escalates at once…
    expect(planFor(base, at('2026-11-27T10:00:00Z'), calendar)).toMatchObject({ checkpoint: 'screeningDue', timeout: 1 });
    // …and once escalated, Friday 2026-11-27 after the deadline: next reminder Monday 09:00 +08:00.
    const overdue = planFor({ ...base, escalatedAt: base.dueAt }, at('2026-11-27T10:00:00Z'), calendar);
    expect(overdue).toMatchObject({ checkpoint: 'overdueDaily', checkpointAt: '2026-11-30T01:00:00.000Z' });
  });

  it('reminds at 50 %, 80 % and one working day left while handling, then escalates at the deadline', () => {
    let signed: Suggestion = { ...base, status: 'signed', phaseStartedAt: '2026-11-02T02:00:00.000Z', dueAt: '2026-11-23T15:59:59.999Z' };
    const names: string[] = [];
    let now = at('2026-11-02T02:00:00Z');
    for (let i = 0; i < 6; i++) {
      const plan = planFor(signed, now, calendar);
      names.push(plan.checkpoint!);
      now = new Date(plan.checkpointAt!);
      if (plan.checkpoint === 'due') signed = { ...signed, escalatedAt: plan.checkpointAt! };
    }
    expect(names).toEqual(['half', 'eightyPercent', 'oneDayLeft', 'due', 'overdueDaily', 'overdueDaily']);
  });

  it('copes with a phase that began after its deadline', () => {
    const odd: Suggestion = { ...base, status: 'signed', phaseStartedAt: '2026-11-30T02:00:00.000Z', dueAt: '2026-11-24T15:59:59.999Z' };
    expect(planFor(odd, at('2026-11-23T03:00:00Z'), calendar)).toMatchObject({ phase: 'open', checkpoint: 'due' });
  });

  it('closes a rating window that ended unwatched at once', () => {
    expect(planFor({ ...base, status: 'replied', dueAt: '2026-11-20T00:00:00Z' }, at('2026-11-23T03:00:00Z'), calendar)).toMatchObject({ checkpoint: 'ratingWindowEnd', timeout: 1 });
  });

  it('pauses while the citizen is asked for information, and waits out the rating window', () => {
    const paused = planFor({ ...base, status: 'infoRequested', dueAt: '2026-11-01T00:00:00Z' }, at('2026-11-23T03:00:00Z'), calendar);
    expect(paused).toMatchObject({ phase: 'open', timeout: maxWaitSeconds });
    expect(paused.checkpoint).toBeUndefined();
    expect(planFor({ ...base, status: 'replied' }, at('2026-11-23T03:00:00Z'), calendar).checkpoint).toBe('ratingWindowEnd');
  });

  it('always plans a checkpoint strictly in the future with a timeout inside the timer limit', () => {
    const open: SuggestionStatus[] = ['submitted', 'screening', 'assigned', 'signed', 'reopened', 'replied'];
    fc.assert(
      fc.property(
        fc.constantFrom(...open),
        fc.integer({ min: 0, max: 400 * 86_400 }),
        fc.integer({ min: -60 * 86_400, max: 60 * 86_400 }),
        (status, startOffset, dueOffset) => {
          const start = new Date(Date.UTC(2025, 0, 1) + startOffset * 1000);
          const due = new Date(start.getTime() + Math.abs(dueOffset) * 1000 + 1000);
          const now = new Date(start.getTime() + (dueOffset > 0 ? dueOffset * 500 : -dueOffset * 2000));
          const plan = planFor({ ...base, status, phaseStartedAt: start.toISOString(), dueAt: due.toISOString() }, now, calendar);
          expect(plan.phase).toBe('open');
          expect(plan.timeout).toBeGreaterThanOrEqual(1);
          expect(plan.timeout).toBeLessThanOrEqual(maxWaitSeconds);
          if (plan.checkpointAt) expect(new Date(plan.checkpointAt).getTime()).toBeGreaterThan(now.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the study tier\'s progress notes', () => {
  const study: Suggestion = { ...base, status: 'signed', tier: 'study', phaseStartedAt: '2026-11-02T02:00:00.000Z', dueAt: '2027-01-01T15:59:59.999Z' };

  /** The checkpoints the workflow meets one after another from `from` until the deadline, as the state machine would. */
  function sequence(s: Suggestion, from: Date, limits = defaultTimeLimits): { name: string; at: string }[] {
    const out: { name: string; at: string }[] = [];
    let now = from;
    for (let i = 0; i < 500; i++) {
      const plan = planFor(s, now, calendar, limits);
      if (!plan.checkpoint || !plan.checkpointAt) break;
      out.push({ name: plan.checkpoint, at: plan.checkpointAt });
      if (plan.checkpoint === 'due') break;
      now = new Date(plan.checkpointAt);
    }
    return out;
  }

  it('reminds the handler at 10:00 on the day a note is due, an hour after that morning\'s 09:00 reminder', () => {
    // 60 calendar days from Monday 2026-11-02: 44 working days to 2027-01-01; half is working day 22 (2 December),
    // and the first 30-day note is due on 2 December too.
    expect(sequence(study, new Date(study.phaseStartedAt!))).toEqual([
      { name: 'half', at: '2026-12-02T01:00:00.000Z' },
      { name: 'progressNote', at: '2026-12-02T02:00:00.000Z' },
      { name: 'eightyPercent', at: '2026-12-22T01:00:00.000Z' },
      { name: 'oneDayLeft', at: '2027-01-01T01:00:00.000Z' },
      { name: 'due', at: '2027-01-01T15:59:59.999Z' },
    ]);
  });

  it('plans no notes for the other tiers, nor while the citizen is asked for more', () => {
    for (const tier of ['immediate', 'deadline'] as const) {
      expect(sequence({ ...study, tier }, new Date(study.phaseStartedAt!)).map((c) => c.name)).not.toContain('progressNote');
    }
    expect(planFor({ ...study, status: 'infoRequested' }, new Date('2026-11-20T00:00:00Z'), calendar).checkpoint).toBeUndefined();
  });

  it('follows the interval in force (here every 20 days) and plans it for a reopened suggestion too', () => {
    const every20 = { ...defaultTimeLimits, studyProgressNoteEvery: calendarDays(20) };
    for (const status of ['signed', 'reopened'] as const) {
      const notes = sequence({ ...study, status }, new Date(study.phaseStartedAt!), every20).filter((c) => c.name === 'progressNote');
      expect(notes.map((c) => c.at)).toEqual(['2026-11-22T02:00:00.000Z', '2026-12-12T02:00:00.000Z']);
    }
  });

  it('skips the reminder of a period in which a note was already posted, not of the next one', () => {
    const every20 = { ...defaultTimeLimits, studyProgressNoteEvery: calendarDays(20) };
    const noted = { ...study, progressNotedAt: '2026-11-15T06:00:00.000Z' };
    const notes = sequence(noted, new Date('2026-11-15T06:00:00Z'), every20).filter((c) => c.name === 'progressNote');
    expect(notes.map((c) => c.at)).toEqual(['2026-12-12T02:00:00.000Z']);
    // A note from before this handling phase (say, before a reopen) counts for nothing now.
    const earlier = { ...study, progressNotedAt: '2026-10-20T06:00:00.000Z' };
    expect(sequence(earlier, new Date(study.phaseStartedAt!), every20).filter((c) => c.name === 'progressNote')).toHaveLength(2);
  });

  it('always comes in order, each checkpoint strictly after the one before, none after the deadline, a note for every period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 * 86_400 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 45 }),
        fc.constantFrom('calendarDays' as const, 'workingDays' as const),
        fc.integer({ min: 0, max: 200 * 86_400 }),
        (startOffset, days, every, unit, nowOffset) => {
          const start = new Date(Date.UTC(2025, 0, 1) + startOffset * 1000);
          const due = dueAt(start, calendarDays(days), calendar);
          const limits = { ...defaultTimeLimits, studyProgressNoteEvery: { amount: every, unit } };
          const s: Suggestion = { ...study, phaseStartedAt: start.toISOString(), dueAt: due.toISOString() };
          const from = new Date(Math.min(start.getTime() + nowOffset * 1000, due.getTime() - 1));
          const seen = sequence(s, from, limits);
          let previous = from.getTime();
          for (const c of seen) {
            const t = new Date(c.at).getTime();
            expect(t).toBeGreaterThan(previous);
            expect(t).toBeLessThanOrEqual(due.getTime());
            previous = t;
          }
          expect(seen.at(-1)?.name).toBe('due');
          const owed = progressNoteTimes(start, due, limits.studyProgressNoteEvery, calendar).filter((t) => new Date(t).setUTCHours(2, 0, 0, 0) > from.getTime());
          expect(seen.filter((c) => c.name === 'progressNote')).toHaveLength(owed.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
