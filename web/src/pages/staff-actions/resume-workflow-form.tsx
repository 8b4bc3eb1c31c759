/** An admin resumes a workflow that parked after an unexpected error, once its cause is fixed. */
import { confirmForm } from './confirm-form';

export const ResumeWorkflowForm = confirmForm({ action: 'resumeWorkflow', hint: 'act.resumeWorkflow.hint' });
