/** 督办批示: a supervisor's instruction on an escalated suggestion. */
import { textActionForm } from './text-action-form';

export const EscalationInstructionForm = textActionForm({ action: 'escalation-instruction', field: 'text', label: 'act.instruction.text' });
