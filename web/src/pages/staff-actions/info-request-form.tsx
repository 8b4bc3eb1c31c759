/** 补充材料 (infoRequest): the handler asks the citizen a question; the clock pauses until the answer. */
import { textActionForm } from './text-action-form';

export const InfoRequestForm = textActionForm({ action: 'info-request', field: 'question', label: 'act.infoRequest.question', hint: 'act.infoRequest.hint' });
