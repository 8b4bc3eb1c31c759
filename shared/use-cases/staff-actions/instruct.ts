/** 督办批示: a supervisor's instruction on an escalated suggestion, added to its 督办 record; the department is told. */
import * as z from 'zod';
import { commonParams, staffRecipients } from '../notify';
import { text } from './fields';
import { staffAction } from './staff-action';

export const instruct = staffAction({
  schema: z.strictObject({ text: text(1000) }),
  roles: ['admin', 'supervisor'],
  records: ['instruct'],
  when: (s) => !!s.escalatedAt,
  async decide(input, { deps, principal: p, suggestion: s, at }) {
    const record = await deps.supervision.escalation(s.orgId, s.id);
    return {
      action: 'instruct',
      note: input.text,
      ...(record ? { escalation: { ...record, instructions: [...record.instructions, { at, by: p.name, text: input.text }] } } : {}),
      notify: (next) =>
        staffRecipients(deps.directory, next, 'escalation', `instr@${at}`, { roles: ['handler', 'dispatcher'], ...(next.leadDepartmentId ? { departmentId: next.leadDepartmentId } : {}) }, {
          ...commonParams(s, deps.publicBaseUrl),
          instruction: input.text,
        }),
    };
  },
});
