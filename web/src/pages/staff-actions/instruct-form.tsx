/** 督办批示: a supervisor's instruction on an escalated suggestion. */
import { textActionForm } from './text-action-form';

export const InstructForm = textActionForm({ action: 'instruct', field: 'text', label: 'act.instruct.text' });
