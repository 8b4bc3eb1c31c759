/** 退回: the lead department sends a suggestion that is not theirs back to screening, saying why. */
import * as z from 'zod';
import { screeningDueAt } from '../../domain/suggestion/phase-deadlines';
import { text } from './fields';
import { staffAction } from './staff-action';

export const sendBack = staffAction({
  schema: z.strictObject({ reason: text(500) }),
  roles: ['handler'],
  department: 'lead',
  records: ['sendBack'],
  decide(input, { now, at, policy: { calendar, limits } }) {
    return {
      action: 'sendBack',
      note: input.reason,
      changes: { leadDepartmentId: undefined, cohandlerDepartmentIds: [], dueAt: screeningDueAt(now, limits, calendar).toISOString(), phaseStartedAt: at },
    };
  },
});
