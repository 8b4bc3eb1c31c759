/** 更正采纳记录: put a mistaken adoption record right, with a reason (internal, audited); starts from the record. */
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { required, useActionSender, type ActionContext, type Problems } from './action-sender';
import { AdoptionTermsInputs, checkTerms, termsBody, useAdoptionTerms } from './adoption-terms-inputs';
import { FormFrame } from './form-frame';
import { TextArea } from './text-area';

export function CorrectAdoptionForm({ context }: { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, 'correctAdoption');
  const record = context.detail.adoption;
  const terms = useAdoptionTerms({
    outcome: record?.outcome ?? '',
    adoptedOn: record?.adoptedOn ?? '',
    departmentId: record?.departmentId ?? '',
    evidenceUrl: record?.evidenceUrl ?? '',
  });
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const error = (name: string) => problems[name] ?? sender.outcome.fields[name];

  async function submit(): Promise<void> {
    const found = checkTerms(terms.values);
    if (!reason.trim()) found.reason = required();
    setProblems(found);
    if (Object.keys(found).length) {
      sender.refuse();
      return;
    }
    if (await sender.send({ ...termsBody(terms.values), reason: reason.trim() })) setReason('');
    else sender.focusProblem();
  }

  return (
    <FormFrame sender={sender} known={['outcome', 'adoptedOn', 'departmentId', 'evidenceUrl', 'reason']} submitLabel={t('act.correctAdoption')} onSubmit={submit}>
      <AdoptionTermsInputs idPrefix="a-correct" terms={terms} departments={context.departments} error={error} />
      <TextArea id="a-correct-reason" label={t('act.correctAdoption.reason')} hint={t('act.correctAdoption.reasonHint')} value={reason} onInput={setReason} error={error('reason')} maxLength={500} />
    </FormFrame>
  );
}
