/**
 * 更正采纳记录: a mistaken adoption record is put right, with a reason (internal timeline entry, in the audit record
 * too); the terms it replaces stay in the record's corrections. The citizen sees the corrected record; they are
 * not told again.
 */
import * as z from 'zod';
import { ValidationError } from '../../domain/errors';
import { changesTerms, correctAdoption as corrected } from '../../domain/suggestion/adoption';
import { adoptionRoles, adoptionTerms, adoptionTermsFields } from './adoption-fields';
import { text } from './fields';
import { staffAction } from './staff-action';

export const correctAdoption = staffAction({
  schema: z.strictObject({ ...adoptionTermsFields, reason: text(500) }),
  roles: adoptionRoles,
  department: 'lead',
  records: ['correctAdoption'],
  when: (s) => !!s.adoption,
  refusal: () => 'error.notAdopted',
  async decide(input, { deps, principal: p, suggestion: s, now, at }) {
    const adoption = s.adoption!;
    const terms = await adoptionTerms(deps.directory, s, input, now);
    if (!changesTerms(adoption, terms)) throw new ValidationError({ body: { rule: 'noChange' } });
    return {
      action: 'correctAdoption',
      note: input.reason,
      auditDetail: input.reason,
      changes: { adoption: corrected(adoption, terms, { at, by: p.name, reason: input.reason }) },
      keepsPlan: true,
    };
  },
});
