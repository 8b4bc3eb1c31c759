/** 恢复流程: an admin resumes a workflow parked after an error (once its cause is fixed); answering it re-plans. */
import * as z from 'zod';
import { staffAction } from './staff-action';

export const resumeWorkflow = staffAction({
  schema: z.strictObject({}),
  roles: ['admin'],
  records: ['resumeWorkflow'],
  when: (s) => !!s.workflowError,
  decide(_input, { suggestion: s }) {
    return { action: 'resumeWorkflow', ...(s.workflowError ? { note: s.workflowError.error } : {}), changes: { workflowError: undefined } };
  },
});
