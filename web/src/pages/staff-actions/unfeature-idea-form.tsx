/** 案例库: take an idea out of the public case library. */
import { confirmForm } from './confirm-form';

export const UnfeatureIdeaForm = confirmForm({ action: 'unfeatureIdea', hint: 'act.unfeatureIdea.hint' });
