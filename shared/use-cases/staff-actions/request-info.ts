/** 补充材料: the handler asks the citizen a question; the clock pauses until they answer. */
import * as z from 'zod';
import { citizenRecipients, commonParams } from '../notify';
import { text } from './fields';
import { staffAction } from './staff-action';

export const requestInfo = staffAction({
  schema: z.strictObject({ question: text(1000) }),
  roles: ['handler'],
  department: 'lead',
  records: ['requestInfo'],
  decide(input, { deps, suggestion: s, at }) {
    return {
      action: 'requestInfo',
      note: input.question,
      changes: { infoRequest: { question: input.question, askedAt: at } },
      notify: async (next) => citizenRecipients(next, 'infoRequest', `info@${at}`, { ...commonParams(s, deps.publicBaseUrl), question: input.question }),
    };
  },
});
