/** What the panel calls each action, and the order it offers them in. */
import type { UiKey } from '../../i18n';
import type { StaffAction } from '../../staff-api';

/** The order the actions are offered in; anything else the server lists is not known to this page. */
export const actionOrder: readonly StaffAction[] = [
  'sign',
  'screen',
  'reply',
  'info-request',
  'extension-request',
  'extension-decision',
  'cohandler-opinion',
  'progress-note',
  'send-back',
  'escalation-instruction',
  'resume-workflow',
];

export const actionLabel: Record<StaffAction, UiKey> = {
  screen: 'act.screen',
  sign: 'act.sign',
  'send-back': 'act.sendBack',
  'info-request': 'act.infoRequest',
  'extension-request': 'act.extensionRequest',
  'extension-decision': 'act.extensionDecision',
  reply: 'act.reply',
  'cohandler-opinion': 'act.opinion',
  'progress-note': 'act.progressNote',
  'escalation-instruction': 'act.instruction',
  'resume-workflow': 'act.resume',
};

export function isKnownAction(name: string): name is StaffAction {
  return (actionOrder as readonly string[]).includes(name);
}
