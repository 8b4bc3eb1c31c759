/** 协办意见: a co-handling department's opinion, for the lead department to read before it replies. */
import { textActionForm } from './text-action-form';

export const CohandlerOpinionForm = textActionForm({ action: 'cohandlerOpinion', field: 'text', label: 'act.cohandlerOpinion.text', hint: 'act.cohandlerOpinion.hint' });
