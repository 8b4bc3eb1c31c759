/**
 * 转化运用进展: a later update on what became of an adopted idea (text, office day, optional link), appended to its
 * record; public, and the citizen is told — once per update, keyed by its place in the record.
 */
import * as z from 'zod';
import { ValidationError } from '../../domain/errors';
import { addAdoptionUpdate, dayProblem } from '../../domain/suggestion/adoption';
import { citizenRecipients, commonParams } from '../notify';
import { adoptionRoles, evidenceUrl, officeDayField } from './adoption-fields';
import { text } from './fields';
import { staffAction } from './staff-action';

export const adoptionProgress = staffAction({
  schema: z.strictObject({ text: text(2000), date: officeDayField, evidenceUrl }),
  roles: adoptionRoles,
  department: 'lead',
  records: ['adoptionProgress'],
  when: (s) => !!s.adoption,
  refusal: () => 'error.notAdopted',
  decide(input, { deps, principal: p, suggestion: s, now, at }) {
    const adoption = s.adoption!;
    // An update follows the adoption: not before the day it was adopted, nor after today.
    const day = dayProblem(input.date, now, adoption.adoptedOn);
    if (day) throw new ValidationError({ date: day });
    const next = addAdoptionUpdate(adoption, { text: input.text, date: input.date, ...(input.evidenceUrl ? { evidenceUrl: input.evidenceUrl } : {}), at, by: p.name });
    return {
      action: 'adoptionProgress',
      note: input.text,
      changes: { adoption: next },
      keepsPlan: true,
      notify: async (saved) => citizenRecipients(saved, 'adoptionProgress', `adoptionUpdate#${next.updates.length}`, commonParams(saved, deps.publicBaseUrl)),
    };
  },
});
