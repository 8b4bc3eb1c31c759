/** What the panel calls each action, and the order it offers them in. */
import type { UiKey } from '../../i18n';
import type { StaffAction } from '../../staff-api';

/** The order the actions are offered in; anything else the server lists is not known to this page. */
export const actionOrder: readonly StaffAction[] = [
  'sign',
  'screen',
  'reply',
  'requestInfo',
  'requestExtension',
  'decideExtension',
  'cohandlerOpinion',
  'progressNote',
  'sendBack',
  'instruct',
  'resumeWorkflow',
];

export const actionLabel: Record<StaffAction, UiKey> = {
  screen: 'act.screen',
  sign: 'act.sign',
  sendBack: 'act.sendBack',
  requestInfo: 'act.requestInfo',
  requestExtension: 'act.requestExtension',
  decideExtension: 'act.decideExtension',
  reply: 'act.reply',
  cohandlerOpinion: 'act.cohandlerOpinion',
  progressNote: 'act.progressNote',
  instruct: 'act.instruct',
  resumeWorkflow: 'act.resumeWorkflow',
};
