/**
 * 案例库: the office marks an adopted idea for the public case library, or takes it out again (internal, audited).
 * The mark (who, when) is on the suggestion; its item also carries a sparse key of the organisation's case library
 * (shared/aws/dynamo-suggestion-store.ts), so the library page to come lists an organisation's marked ideas with
 * one index query, without reading the others.
 */
import * as z from 'zod';
import { caseLibraryRoles } from './adoption-fields';
import { staffAction } from './staff-action';

export const featureIdea = staffAction({
  schema: z.strictObject({}),
  roles: caseLibraryRoles,
  records: ['featureIdea'],
  when: (s) => !!s.adoption && !s.featured,
  refusal: (s) => (s.adoption ? 'error.alreadyFeatured' : 'error.notAdopted'),
  decide(_input, { principal: p, at }) {
    return { action: 'featureIdea', changes: { featured: { at, by: p.name } }, keepsPlan: true };
  },
});
