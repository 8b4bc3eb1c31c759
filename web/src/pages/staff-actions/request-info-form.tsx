/** 补充材料 (infoRequest): the handler asks the citizen a question; the clock pauses until the answer. */
import { textActionForm } from './text-action-form';

export const RequestInfoForm = textActionForm({ action: 'requestInfo', field: 'question', label: 'act.requestInfo.question', hint: 'act.requestInfo.hint' });
