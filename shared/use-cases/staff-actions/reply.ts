/** 答复: the lead department's answer to the citizen; the rating window starts. */
import * as z from 'zod';
import { dueAt } from '../../domain/deadlines';
import { citizenRecipients, commonParams } from '../notify';
import { text } from './fields';
import { staffAction } from './staff-action';

export const reply = staffAction({
  schema: z.strictObject({ text: text(5000), adopted: z.boolean().optional(), templateId: z.string().max(64).optional() }),
  roles: ['handler'],
  department: 'lead',
  records: ['reply'],
  decide(input, { deps, suggestion: s, now, at, policy: { calendar, limits } }) {
    return {
      action: 'reply',
      changes: {
        reply: { text: input.text, at, departmentId: s.leadDepartmentId!, dueAt: s.dueAt, ...(input.adopted !== undefined ? { adopted: input.adopted } : {}) },
        dueAt: dueAt(now, limits.ratingWindow, calendar).toISOString(),
        phaseStartedAt: at,
        pendingExtension: undefined,
      },
      notify: async (next) => citizenRecipients(next, 'reply', `reply@${at}`, commonParams(next, deps.publicBaseUrl)),
    };
  },
});
