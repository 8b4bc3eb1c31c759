/** 协办意见: a co-handling department's opinion for the lead department, from assignment until the reply (internal). */
import * as z from 'zod';
import { staffRecipients, commonParams } from '../notify';
import { departmentNames } from './department-names';
import { text } from './fields';
import { staffAction } from './staff-action';

export const cohandlerOpinion = staffAction({
  schema: z.strictObject({ text: text(2000) }),
  roles: ['handler'],
  department: 'cohandler',
  records: ['cohandlerOpinion'],
  decide(input, { deps, principal: p, suggestion: s, at }) {
    return {
      action: 'cohandlerOpinion',
      note: input.text,
      keepsPlan: true,
      notify: async (next) => {
        const department = departmentNames(await deps.directory.departments(s.orgId), p.departmentId ?? '');
        return staffRecipients(deps.directory, next, 'cohandlerOpinion', `opinion@${at}`, { roles: ['handler'], departmentId: s.leadDepartmentId! }, {
          ...commonParams(s, deps.publicBaseUrl),
          departmentName: department.name,
          departmentNameEn: department.en,
        });
      },
    };
  },
});
