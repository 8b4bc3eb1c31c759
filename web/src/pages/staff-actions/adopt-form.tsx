/** 采纳: record that the idea was adopted (public: the citizen sees it and is told). */
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { useActionSender, type ActionContext, type Problems } from './action-sender';
import { AdoptionTermsInputs, checkTerms, termsBody, todayOfOffice, useAdoptionTerms } from './adoption-terms-inputs';
import { FormFrame } from './form-frame';

export function AdoptForm({ context }: { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, 'adopt');
  const terms = useAdoptionTerms({ outcome: '', adoptedOn: todayOfOffice(), departmentId: context.detail.leadDepartmentId ?? '', evidenceUrl: '' });
  const [problems, setProblems] = useState<Problems>({});
  const error = (name: string) => problems[name] ?? sender.outcome.fields[name];

  async function submit(): Promise<void> {
    const found = checkTerms(terms.values);
    setProblems(found);
    if (Object.keys(found).length) {
      sender.refuse();
      return;
    }
    if (await sender.send(termsBody(terms.values))) terms.reset();
    else sender.focusProblem();
  }

  return (
    <FormFrame sender={sender} known={['outcome', 'adoptedOn', 'departmentId', 'evidenceUrl']} submitLabel={t('act.adopt')} onSubmit={submit}>
      <AdoptionTermsInputs idPrefix="a-adopt" terms={terms} departments={context.departments} error={error} />
    </FormFrame>
  );
}
