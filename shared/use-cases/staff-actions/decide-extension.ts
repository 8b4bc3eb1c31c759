/** 延期审批: a dispatcher approves (the deadline moves by the working days asked) or denies a pending extension. */
import * as z from 'zod';
import { dueAt, workingDays } from '../../domain/deadlines';
import type { Suggestion } from '../../domain/suggestion/suggestion';
import { commonParams, staffRecipients } from '../notify';
import { text } from './fields';
import { staffAction } from './staff-action';

export const decideExtension = staffAction({
  schema: z.strictObject({ approve: z.boolean(), note: text(500).optional() }),
  roles: ['admin', 'dispatcher'],
  records: ['approveExtension', 'denyExtension'],
  when: (s) => !!s.pendingExtension,
  decide(input, { deps, suggestion: s, at, policy: { calendar } }) {
    const pending = s.pendingExtension!;
    const notify = (next: Suggestion) =>
      staffRecipients(deps.directory, next, 'extensionDecided', `extd@${at}`, { roles: ['handler'], departmentId: s.leadDepartmentId! }, { ...commonParams(next, deps.publicBaseUrl), approved: input.approve ? 'yes' : 'no' });
    if (!input.approve) return { action: 'denyExtension', ...(input.note ? { note: input.note } : {}), changes: { pendingExtension: undefined }, notify };
    return {
      action: 'approveExtension',
      note: input.note ?? `+${pending.workingDays}`,
      changes: {
        pendingExtension: undefined,
        extensionsApproved: (s.extensionsApproved ?? 0) + 1,
        dueAt: dueAt(new Date(s.dueAt), workingDays(pending.workingDays), calendar).toISOString(),
      },
      notify,
    };
  },
});
