/**
 * 答复 (reply): the department's answer to the citizen, optionally started from a saved template, marked adopted
 * when the idea was taken up; the text can be saved as a new template for later replies.
 */
import { useState } from 'preact/hooks';
import { RequestError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { Field } from '../../components/field';
import { useI18n } from '../../i18n';
import { getReplyTemplates, saveReplyTemplate } from '../../staff-api';
import { useLoad } from '../../use-load';
import { required, useActionSender, type ActionContext } from './action-sender';
import { FormFrame } from './form-frame';
import { TextArea } from './text-area';

export function ReplyForm({ context }: { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, 'reply');
  const [text, setText] = useState('');
  const [adopted, setAdopted] = useState(false);
  const { data: templates, error: templatesError, setData: setTemplates } = useLoad(getReplyTemplates);
  const [templateId, setTemplateId] = useState('');
  const [problem, setProblem] = useState<string>();
  const [saveTitle, setSaveTitle] = useState('');
  const [saveProblem, setSaveProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [saveStatus, setSaveStatus] = useState('');
  const [saveError, setSaveError] = useState<string>();

  async function submit(): Promise<void> {
    if (!text.trim()) {
      setProblem(required());
      sender.refuse();
      return;
    }
    setProblem(undefined);
    const ok = await sender.send({ text: text.trim(), adopted, ...(templateId ? { templateId } : {}) });
    if (!ok) sender.focusProblem();
  }

  async function saveTemplate(): Promise<void> {
    setSaveStatus('');
    setSaveError(undefined);
    if (!text.trim()) {
      setProblem(required());
      setTimeout(() => document.getElementById('a-reply-text')?.focus());
      return;
    }
    if (!saveTitle.trim()) {
      setSaveProblem(required());
      setTimeout(() => document.getElementById('a-reply-template-title')?.focus());
      return;
    }
    setSaveProblem(undefined);
    setSaving(true);
    try {
      const saved = await saveReplyTemplate(saveTitle.trim(), text.trim());
      const refreshed = saved ? undefined : await getReplyTemplates().catch(() => undefined);
      setTemplates((current) => refreshed ?? (saved ? [...(current ?? []).filter((x) => x.id !== saved.id), saved] : current));
      if (saved) setTemplateId(saved.id);
      setSaveStatus(t('act.reply.templateSaved', { title: saveTitle.trim() }));
      setSaveTitle('');
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.status !== 401) {
        const fieldMessage = caught.fields?.title;
        if (fieldMessage) setSaveProblem(fieldMessage);
        else setSaveError(caught.message);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormFrame sender={sender} known={['text', 'adopted', 'templateId']} submitLabel={t('act.reply.submit')} onSubmit={submit}>
      <Field id="a-reply-template" label={t('act.reply.template')} optional hint={templatesError ?? t('act.reply.templateHint')}>
        {(control) => (
          <select
            {...control}
            value={templateId}
            disabled={!templates}
            onChange={(e) => {
              const id = e.currentTarget.value;
              setTemplateId(id);
              const chosen = templates?.find((x) => x.id === id);
              if (chosen) {
                setText(chosen.text);
                setProblem(undefined);
              }
            }}
          >
            <option value="">{templates ? t('act.reply.noTemplate') : t('common.loading')}</option>
            {templates?.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextArea
        id="a-reply-text"
        label={t('act.reply.text')}
        hint={t('act.reply.textHint')}
        value={text}
        onInput={setText}
        error={problem ?? sender.outcome.fields.text}
        rows={8}
      />
      <div class="check field">
        <input type="checkbox" id="a-reply-adopted" checked={adopted} onChange={(e) => setAdopted(e.currentTarget.checked)} />
        <label for="a-reply-adopted">{t('act.reply.adopted')}</label>
      </div>

      <div class="save-template">
        <Field id="a-reply-template-title" label={t('act.reply.templateTitle')} error={saveProblem} hint={t('act.reply.saveHint')}>
          {(control) => (
            <input {...control} type="text" maxLength={60} value={saveTitle} onInput={(e) => setSaveTitle(e.currentTarget.value)} />
          )}
        </Field>
        <button type="button" class="button button-small" disabled={saving} onClick={() => void saveTemplate()}>
          {saving ? t('act.sending') : t('act.reply.saveTemplate')}
        </button>
        <p role="status" class="hint">
          {saveStatus}
        </p>
        <ErrorAlert message={saveError} />
      </div>
    </FormFrame>
  );
}
