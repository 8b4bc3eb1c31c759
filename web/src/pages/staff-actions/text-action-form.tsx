import { useState } from 'preact/hooks';
import { useI18n, type UiKey } from '../../i18n';
import type { StaffActionBodies } from '../../staff-api';
import { actionLabel } from './action-labels';
import { required, useActionSender, type ActionContext, type ActionForm } from './action-sender';
import { FormFrame } from './form-frame';
import { TextArea } from './text-area';

/** An action whose form is one required text, and the words around it. */
interface TextAction {
  action: 'sendBack' | 'requestInfo' | 'cohandlerOpinion' | 'progressNote' | 'instruct';
  field: 'reason' | 'question' | 'text';
  label: UiKey;
  hint?: UiKey;
}

/**
 * The forms that are one required text: send back (reason), info request (question), opinion, progress note and
 * instruction (text). Each action's own file says which.
 */
export function textActionForm(spec: TextAction): ActionForm {
  return ({ context }) => <TextActionForm context={context} {...spec} />;
}

function TextActionForm({ context, action, field, label, hint }: TextAction & { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, action);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();
  const id = `a-${action}-${field}`;

  async function submit(): Promise<void> {
    const text = value.trim();
    if (!text) {
      setProblem(required());
      sender.refuse();
      return;
    }
    setProblem(undefined);
    const body = { [field]: text } as unknown as StaffActionBodies[typeof action];
    if (await sender.send(body)) setValue('');
    else sender.focusProblem();
  }

  return (
    <FormFrame sender={sender} known={[field]} submitLabel={t(actionLabel(action))} onSubmit={submit}>
      <TextArea id={id} label={t(label)} hint={hint && t(hint)} value={value} onInput={setValue} error={problem ?? sender.outcome.fields[field]} />
    </FormFrame>
  );
}
