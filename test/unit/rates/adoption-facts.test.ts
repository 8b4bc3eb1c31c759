/**
 * The rate facts count a suggestion as adopted from its adoption record (adoption records, issue 10 point 4), and
 * still from the reply's flag on data from before the records; and the adoption rate counts them.
 */
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, defaultTimeLimits } from '../../../shared/domain/deadlines';
import { rateFacts } from '../../../shared/domain/rates/facts';
import { ratesOf } from '../../../shared/domain/rates/rates';
import { addTallies, emptyTally, tallyOf } from '../../../shared/domain/rates/tally';
import { recordAdoption } from '../../../shared/domain/suggestion/adoption';
import { submitted, transition, type Action } from '../../../shared/domain/suggestion/lifecycle';
import type { Actor, Suggestion, TimelineEntry } from '../../../shared/domain/suggestion/suggestion';

const calendar = createWorkingCalendar();
const dispatcher: Actor = { type: 'staff', id: 'd', role: 'dispatcher' };
const handler: Actor = { type: 'staff', id: 'h', role: 'handler', departmentId: 'transport' };
const system: Actor = { type: 'system', id: 'workflow' };
const cst = (day: number, hhmm: string) => new Date(`2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`).toISOString();
const now = new Date(cst(30, '12:00'));

const terms = { outcome: '已加装遮阳棚', adoptedOn: '2026-11-06', departmentId: 'transport', departmentName: '交通运输局', departmentNameEn: 'Transport Bureau' };

/** Assigned, signed and replied through the lifecycle; then `after` (adopt, …) by the actor given. */
function replied(id: string, options: { replyAdopted?: boolean; after?: [Action, Actor, Partial<Suggestion>][] } = {}): { s: Suggestion; timeline: TimelineEntry[] } {
  let { suggestion: s, entry } = submitted(
    { id, orgId: 'demo', trackingCode: `CODE${id}`, pinHash: 'x', title: 't', content: 'c', category: 'traffic', channel: 'web', dueAt: cst(3, '23:59'), submittedAt: cst(2, '09:00') },
    { type: 'citizen', id: 'citizen' },
  );
  const timeline = [entry];
  const steps: [Action, Actor, string, Partial<Suggestion>][] = [
    ['beginScreening', system, cst(2, '09:01'), {}],
    ['assign', dispatcher, cst(2, '10:00'), { leadDepartmentId: 'transport', tier: 'deadline', dueAt: cst(3, '23:59') }],
    ['sign', handler, cst(2, '11:00'), {}],
    ['reply', handler, cst(4, '11:00'), { reply: { text: 'r', at: cst(4, '11:00'), departmentId: 'transport', dueAt: cst(20, '23:59'), ...(options.replyAdopted ? { adopted: true } : {}) } }],
    ...(options.after ?? []).map(([action, actor, changes], i): [Action, Actor, string, Partial<Suggestion>] => [action, actor, cst(6 + i, '10:00'), changes]),
  ];
  for (const [action, actor, at, changes] of steps) {
    ({ suggestion: s, entry } = transition(s, { action, actor, at, changes }));
    timeline.push(entry);
  }
  return { s, timeline };
}

const facts = ({ s, timeline }: { s: Suggestion; timeline: TimelineEntry[] }) => rateFacts(s, timeline, now, defaultTimeLimits, calendar);

describe('rate facts: adopted', () => {
  it('counts the adoption record', () => {
    const adopted = replied('A', { after: [['adopt', dispatcher, { adoption: recordAdoption(terms, cst(6, '10:00'), '征集办 李静') }]] });
    expect(adopted.timeline.at(-1)).toMatchObject({ action: 'adopt', visibility: 'public', toStatus: 'replied' });
    expect(facts(adopted).adopted).toBe(true);
  });

  it('still counts the reply\'s flag on data from before the records', () => {
    expect(facts(replied('B', { replyAdopted: true })).adopted).toBe(true);
  });

  it('does not count a replied suggestion without either', () => {
    expect(facts(replied('C')).adopted).toBe(false);
  });

  it('counts a record whose reply said "not adopted" (the record is the later word), and a corrected one once', () => {
    const record = recordAdoption(terms, cst(6, '10:00'), 'x');
    const s = replied('D', {
      replyAdopted: false,
      after: [
        ['adopt', handler, { adoption: record }],
        ['correctAdoption', dispatcher, { adoption: { ...record, outcome: '已加装遮阳棚 12 座' } }],
        ['adoptionProgress', dispatcher, { adoption: { ...record, updates: [{ text: '完工', date: '2026-11-08', at: cst(8, '10:00'), by: 'x' }] } }],
      ],
    });
    expect(facts(s).adopted).toBe(true);
    const rates = ratesOf([s, replied('E'), replied('F', { replyAdopted: true })].map(facts).reduce((sum, f) => addTallies(sum, tallyOf(f, { submittedIn: true, assignedIn: true })), emptyTally()));
    expect(rates.adoption).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });
});
