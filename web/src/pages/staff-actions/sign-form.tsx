/** 签收 (sign): the department acknowledges the assignment, and the handling time limit starts. */
import { confirmForm } from './confirm-form';

export const SignForm = confirmForm({ action: 'sign', hint: 'act.sign.hint' });
