/**
 * 采纳: the idea was taken up — what was done, on which office day, by which department, with an optional evidence
 * link. Once per suggestion (a mistake is corrected, see correct-adoption.ts), on a replied or closed one; public,
 * and the citizen is told (once: the key names the adoption, of which there is one).
 */
import * as z from 'zod';
import { recordAdoption } from '../../domain/suggestion/adoption';
import { citizenRecipients, commonParams } from '../notify';
import { adoptionRoles, adoptionTerms, adoptionTermsFields } from './adoption-fields';
import { staffAction } from './staff-action';

export const adopt = staffAction({
  schema: z.strictObject(adoptionTermsFields),
  roles: adoptionRoles,
  department: 'lead',
  records: ['adopt'],
  when: (s) => !s.adoption,
  refusal: () => 'error.alreadyAdopted',
  async decide(input, { deps, principal: p, suggestion: s, now, at }) {
    const terms = await adoptionTerms(deps.directory, s, input, now);
    return {
      action: 'adopt',
      note: terms.outcome,
      changes: { adoption: recordAdoption(terms, at, p.name) },
      keepsPlan: true,
      notify: async (next) =>
        citizenRecipients(next, 'adoption', 'adoption', { ...commonParams(next, deps.publicBaseUrl), departmentName: terms.departmentName, departmentNameEn: terms.departmentNameEn }),
    };
  },
});
