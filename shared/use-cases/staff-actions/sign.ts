/** 签收: the lead department takes the suggestion on; the handling deadline starts (a reopened one keeps its own). */
import * as z from 'zod';
import { handlingDueAt } from '../../domain/suggestion/phase-deadlines';
import { staffAction } from './staff-action';

export const sign = staffAction({
  schema: z.strictObject({}),
  roles: ['handler'],
  department: 'lead',
  records: ['sign'],
  decide(_input, { suggestion: s, now, at, policy: { calendar, limits } }) {
    return { action: 'sign', changes: s.status === 'reopened' ? {} : { dueAt: handlingDueAt(now, s.tier ?? 'deadline', limits, calendar).toISOString(), phaseStartedAt: at } };
  },
});
