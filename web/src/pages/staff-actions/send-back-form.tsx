/** 退回 (sendBack): the department returns a misrouted suggestion to screening, saying why. */
import { textActionForm } from './text-action-form';

export const SendBackForm = textActionForm({ action: 'sendBack', field: 'reason', label: 'act.sendBack.reason', hint: 'act.sendBack.hint' });
