import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../../shared/domain/errors';
import { actions, canTransition, lifecycle, submitted, transition, type Action } from '../../../shared/domain/suggestion/lifecycle';
import { statuses, type Actor, type Suggestion, type SuggestionStatus } from '../../../shared/domain/suggestion/suggestion';

const citizen: Actor = { type: 'citizen', id: 'c1' };
const system: Actor = { type: 'system', id: 'workflow' };
const staff = (role: string): Actor => ({ type: 'staff', id: role, role });

function draft(): Suggestion {
  return submitted(
    {
      id: '01J0000000000000000000000A',
      orgId: 'demo',
      trackingCode: 'ABCDEFGH',
      pinHash: 'x$y',
      title: 't',
      content: 'c',
      category: 'traffic',
      channel: 'web',
      dueAt: '2026-11-24T15:59:59.999Z',
      submittedAt: '2026-11-23T02:00:00.000Z',
    },
    citizen,
  ).suggestion;
}

function inStatus(status: SuggestionStatus): Suggestion {
  return { ...draft(), status };
}

/** One actor who the table says may take each action, to test status rules apart from actor rules. */
function allowedActor(action: Action): Actor {
  const rule = lifecycle[action];
  const type = rule.by[0]!;
  return type === 'staff' ? staff(rule.roles?.[0] ?? 'admin') : { type, id: type };
}

describe('lifecycle', () => {
  it('creates a suggestion as submitted with a public first timeline entry', () => {
    const { suggestion, entry } = submitted({ ...draft() }, citizen);
    expect(suggestion.status).toBe('submitted');
    expect(suggestion.version).toBe(1);
    expect(entry).toMatchObject({ action: 'submit', fromStatus: null, toStatus: 'submitted', visibility: 'public', actor: citizen });
  });

  // Every action against every status: allowed exactly where the table says, refused everywhere else.
  for (const action of actions.filter((a) => a !== 'submit')) {
    for (const status of statuses) {
      const allowed = lifecycle[action].from.includes(status);
      it(`${action} from ${status} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const current = inStatus(status);
        const attempt = () => transition(current, { action, actor: allowedActor(action), at: '2026-11-23T03:00:00.000Z' });
        if (!allowed) {
          expect(attempt).toThrow(IllegalTransitionError);
          return;
        }
        const { suggestion, entry } = attempt();
        const to = lifecycle[action].to;
        expect(suggestion.status).toBe(to === 'same' ? status : to);
        expect(suggestion.version).toBe(current.version + 1);
        expect(entry).toMatchObject({ action, fromStatus: status, toStatus: suggestion.status, at: '2026-11-23T03:00:00.000Z' });
        expect(entry.seq).toBe('000002');
      });
    }
  }

  it('refuses an actor type the action does not allow', () => {
    expect(() => transition(inStatus('submitted'), { action: 'beginScreening', actor: citizen, at: 'x' })).toThrow(IllegalTransitionError);
    expect(() => transition(inStatus('replied'), { action: 'rate', actor: staff('admin'), at: 'x' })).toThrow(IllegalTransitionError);
  });

  it('refuses a staff role the action does not allow', () => {
    expect(canTransition('screening', 'assign', staff('dispatcher'))).toBe(true);
    expect(canTransition('screening', 'assign', staff('viewer'))).toBe(false);
    expect(canTransition('assigned', 'sign', staff('dispatcher'))).toBe(false);
    expect(canTransition('assigned', 'sign', staff('handler'))).toBe(true);
  });

  it('keeps internal steps out of public view and carries notes and changes', () => {
    const { suggestion, entry } = transition(inStatus('screening'), {
      action: 'assign',
      actor: staff('dispatcher'),
      at: '2026-11-23T04:00:00.000Z',
      note: 'to transport',
      changes: { leadDepartmentId: 'transport', tier: 'deadline' },
    });
    expect(suggestion).toMatchObject({ leadDepartmentId: 'transport', tier: 'deadline', updatedAt: '2026-11-23T04:00:00.000Z' });
    expect(entry).toMatchObject({ visibility: 'public', note: 'to transport' });
    expect(transition(inStatus('screening'), { action: 'remind', actor: system, at: 'x' }).entry.visibility).toBe('internal');
  });

  it('records a progress note as a public step that keeps the status, taken by a handler while it is handled', () => {
    for (const status of ['signed', 'reopened'] as const) {
      const { suggestion, entry } = transition(inStatus(status), { action: 'progressNote', actor: staff('handler'), at: '2026-12-01T02:00:00.000Z', note: '已完成现场勘查', changes: { progressNotedAt: '2026-12-01T02:00:00.000Z' } });
      expect(suggestion).toMatchObject({ status, progressNotedAt: '2026-12-01T02:00:00.000Z' });
      expect(entry).toMatchObject({ action: 'progressNote', visibility: 'public', note: '已完成现场勘查', fromStatus: status, toStatus: status });
    }
    expect(canTransition('infoRequested', 'progressNote', staff('handler'))).toBe(false);
    expect(canTransition('replied', 'progressNote', staff('handler'))).toBe(false);
    expect(canTransition('signed', 'progressNote', staff('dispatcher'))).toBe(false);
    expect(canTransition('signed', 'progressNote', system)).toBe(false);
  });
});
