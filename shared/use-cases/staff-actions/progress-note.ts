/** 阶段性进展: the lead department tells the citizen how the handling goes (public; the study tier owes one every 30 days). */
import * as z from 'zod';
import { citizenRecipients, commonParams } from '../notify';
import { text } from './fields';
import { staffAction } from './staff-action';

export const progressNote = staffAction({
  schema: z.strictObject({ text: text(2000) }),
  roles: ['handler'],
  department: 'lead',
  records: ['progressNote'],
  decide(input, { deps, at }) {
    return {
      action: 'progressNote',
      note: input.text,
      changes: { progressNotedAt: at },
      // The plan stays: if it waits for this period's note reminder, that checkpoint finds it stale and re-plans.
      keepsPlan: true,
      notify: async (next) => citizenRecipients(next, 'progressNote', `note@${at}`, commonParams(next, deps.publicBaseUrl)),
    };
  },
});
