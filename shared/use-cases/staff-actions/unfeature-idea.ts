/** 移出案例库: the office takes an idea out of the public case library again (internal, audited). */
import * as z from 'zod';
import { caseLibraryRoles } from './adoption-fields';
import { staffAction } from './staff-action';

export const unfeatureIdea = staffAction({
  schema: z.strictObject({}),
  roles: caseLibraryRoles,
  records: ['unfeatureIdea'],
  when: (s) => !!s.featured,
  refusal: () => 'error.notFeatured',
  decide() {
    return { action: 'unfeatureIdea', changes: { featured: undefined }, keepsPlan: true };
  },
});
