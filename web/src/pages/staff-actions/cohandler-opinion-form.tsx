/** 协办意见: a co-handling department's opinion, for the lead department to read before it replies. */
import { textActionForm } from './text-action-form';

export const CohandlerOpinionForm = textActionForm({ action: 'cohandler-opinion', field: 'text', label: 'act.opinion.text', hint: 'act.opinion.hint' });
