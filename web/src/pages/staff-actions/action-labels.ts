/** What the panel calls each action: `act.<name>`, one message per action (a missing one is a type error here). */
import type { UiKey } from '../../i18n';
import type { StaffAction } from '../../staff-api';

type ActionLabelKey = `act.${StaffAction}`;

export function actionLabel(action: StaffAction): UiKey {
  return `act.${action}` satisfies ActionLabelKey;
}
