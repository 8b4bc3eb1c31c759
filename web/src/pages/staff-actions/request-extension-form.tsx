/** 延期 (extension), asked: the handler asks for 1 to 30 more working days, with a reason. */
import { useState } from 'preact/hooks';
import { Field } from '../../components/field';
import { t as translateUi, useI18n } from '../../i18n';
import { required, useActionSender, type ActionContext, type Problems } from './action-sender';
import { FormFrame } from './form-frame';
import { TextArea } from './text-area';

export function RequestExtensionForm({ context }: { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, 'requestExtension');
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const error = (name: string) => problems[name] ?? sender.outcome.fields[name];

  async function submit(): Promise<void> {
    const found: Problems = {};
    const trimmed = days.trim();
    const workingDays = Number(trimmed);
    if (!trimmed) found.workingDays = required();
    else if (!/^\d+$/.test(trimmed) || workingDays < 1 || workingDays > 30) {
      found.workingDays = translateUi('rule.range', { min: 1, max: 30 });
    }
    if (!reason.trim()) found.reason = required();
    setProblems(found);
    if (Object.keys(found).length) {
      sender.refuse();
      return;
    }
    if (await sender.send({ workingDays, reason: reason.trim() })) {
      setDays('');
      setReason('');
    } else sender.focusProblem();
  }

  return (
    <FormFrame sender={sender} known={['workingDays', 'reason']} submitLabel={t('act.requestExtension')} onSubmit={submit}>
      <Field id="a-ext-days" label={t('act.ext.days')} hint={t('act.ext.daysHint')} error={error('workingDays')}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            class="narrow-input"
            maxLength={2}
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
          />
        )}
      </Field>
      <TextArea id="a-ext-reason" label={t('act.ext.reason')} value={reason} onInput={setReason} error={error('reason')} />
    </FormFrame>
  );
}
