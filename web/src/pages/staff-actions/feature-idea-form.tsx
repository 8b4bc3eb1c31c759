/** 案例库: mark an adopted idea for the public case library. */
import { confirmForm } from './confirm-form';

export const FeatureIdeaForm = confirmForm({ action: 'featureIdea', hint: 'act.featureIdea.hint' });
