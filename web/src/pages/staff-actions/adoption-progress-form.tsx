/** 转化运用进展: a later update on an adopted idea (public: the citizen sees it and is told). */
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { required, useActionSender, type ActionContext, type Problems } from './action-sender';
import { checkDay, checkLink, DayInput, LinkInput, todayOfOffice } from './adoption-terms-inputs';
import { FormFrame } from './form-frame';
import { TextArea } from './text-area';

export function AdoptionProgressForm({ context }: { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, 'adoptionProgress');
  const [text, setText] = useState('');
  const [date, setDate] = useState(todayOfOffice());
  const [link, setLink] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const error = (name: string) => problems[name] ?? sender.outcome.fields[name];

  async function submit(): Promise<void> {
    const found: Problems = {};
    if (!text.trim()) found.text = required();
    checkDay(date, found, 'date');
    checkLink(link, found, 'evidenceUrl');
    setProblems(found);
    if (Object.keys(found).length) {
      sender.refuse();
      return;
    }
    if (await sender.send({ text: text.trim(), date: date.trim(), ...(link.trim() ? { evidenceUrl: link.trim() } : {}) })) {
      setText('');
      setLink('');
    } else sender.focusProblem();
  }

  return (
    <FormFrame sender={sender} known={['text', 'date', 'evidenceUrl']} submitLabel={t('act.adoptionProgress')} onSubmit={submit}>
      <TextArea id="a-progress-text" label={t('act.adoptionProgress.text')} hint={t('act.adoptionProgress.hint')} value={text} onInput={setText} error={error('text')} maxLength={2000} />
      <DayInput id="a-progress-date" label={t('act.adoptionProgress.date')} value={date} onInput={setDate} error={error('date')} />
      <LinkInput id="a-progress-link" value={link} onInput={setLink} error={error('evidenceUrl')} />
    </FormFrame>
  );
}
