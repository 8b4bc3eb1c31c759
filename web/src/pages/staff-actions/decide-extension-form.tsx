/** 延期 (extension), decided: the dispatcher reads the pending request and approves or denies it. */
import { useState } from 'preact/hooks';
import type { StaffSuggestionDetail } from '../../../../shared/http/api-types';
import { RadioChoices } from '../../components/radio-choices';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { required, useActionSender, type ActionContext } from './action-sender';
import { FormFrame } from './form-frame';
import { TextArea } from './text-area';

function PendingExtension({ pending }: { pending: NonNullable<StaffSuggestionDetail['pendingExtension']> }) {
  const { t, locale } = useI18n();
  return (
    <dl class="facts" data-testid="pending-extension">
      <div>
        <dt>{t('act.ext.days')}</dt>
        <dd>{t('act.ext.daysValue', { days: pending.workingDays })}</dd>
      </div>
      <div>
        <dt>{t('act.ext.requested')}</dt>
        <dd>
          {pending.requestedBy} · {formatDateTime(pending.requestedAt, locale)}
        </dd>
      </div>
      <div class="span-all">
        <dt>{t('act.ext.reason')}</dt>
        <dd class="prewrap">{pending.reason}</dd>
      </div>
    </dl>
  );
}

export function DecideExtensionForm({ context }: { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, 'decideExtension');
  const [choice, setChoice] = useState<'approve' | 'deny' | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const pending = context.detail.pendingExtension;
  const choiceError = problem ?? sender.outcome.fields.approve;

  async function submit(): Promise<void> {
    if (!choice) {
      setProblem(required());
      sender.refuse();
      return;
    }
    setProblem(undefined);
    await sender.send({ approve: choice === 'approve', ...(note.trim() ? { note: note.trim() } : {}) });
  }

  return (
    <FormFrame sender={sender} known={['approve', 'note']} submitLabel={t('act.decideExtension')} onSubmit={submit}>
      {pending ? <PendingExtension pending={pending} /> : <p class="hint">{t('act.ext.nonePending')}</p>}
      <RadioChoices
        idPrefix="a-extd"
        name="a-extd"
        legend={t('act.ext.decision')}
        error={choiceError}
        options={['approve', 'deny'] as const}
        value={choice}
        label={(value) => t(`act.ext.${value}`)}
        onChange={setChoice}
      />
      <TextArea id="a-extd-note" label={t('act.note')} optional value={note} onInput={setNote} error={sender.outcome.fields.note} rows={2} />
    </FormFrame>
  );
}
