/** 延期申请: the lead department asks for more working days; the dispatchers decide (decide-extension.ts). */
import * as z from 'zod';
import { commonParams, staffRecipients } from '../notify';
import { text } from './fields';
import { staffAction } from './staff-action';

export const requestExtension = staffAction({
  schema: z.strictObject({ workingDays: z.number().int().min(1).max(30), reason: text(500) }),
  roles: ['handler'],
  department: 'lead',
  records: ['requestExtension'],
  // One request at a time.
  when: (s) => !s.pendingExtension,
  decide(input, { deps, principal: p, suggestion: s, at }) {
    return {
      action: 'requestExtension',
      note: `${input.workingDays} · ${input.reason}`,
      changes: { pendingExtension: { workingDays: input.workingDays, reason: input.reason, requestedAt: at, requestedBy: p.username } },
      notify: (next) =>
        staffRecipients(deps.directory, next, 'extensionRequested', `ext@${at}`, { roles: ['dispatcher'] }, { ...commonParams(s, deps.publicBaseUrl), days: input.workingDays, reason: input.reason }),
    };
  },
});
