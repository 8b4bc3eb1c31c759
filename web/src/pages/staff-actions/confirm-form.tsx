import { useI18n, type UiKey } from '../../i18n';
import { actionLabel } from './action-labels';
import { useActionSender, type ActionContext, type ActionForm } from './action-sender';
import { FormFrame } from './form-frame';

/** An action without input, and the hint that says what it does. */
interface ConfirmAction {
  action: 'sign' | 'resumeWorkflow' | 'featureIdea' | 'unfeatureIdea';
  hint: UiKey;
}

/**
 * Actions without input: sign, (admin) resume a workflow that parked after an unexpected error, and mark or unmark
 * an adopted idea for the case library.
 */
export function confirmForm(spec: ConfirmAction): ActionForm {
  return ({ context }) => <ConfirmForm context={context} {...spec} />;
}

function ConfirmForm({ context, action, hint }: ConfirmAction & { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, action);
  return (
    <FormFrame sender={sender} known={[]} submitLabel={t(actionLabel(action))} onSubmit={() => sender.send({})}>
      <p class="hint">{t(hint)}</p>
    </FormFrame>
  );
}
