/** A text the organizer writes in both languages: zh-CN (what everyone sees) and English (optional). */
import { Field, type ControlProps } from '../../components/field';
import { controlId } from '../../campaigns/campaign-form';
import type { TextDraft } from '../../campaigns/questionnaire-builder';
import { useI18n } from '../../i18n';

export function TextPair(props: {
  /** The schema path of the text ('questionnaire.questions.0.label'): its controls are `${path}.zh-CN` and `${path}.en`. */
  path: string;
  label: string;
  value: TextDraft;
  onInput: (value: TextDraft) => void;
  errorFor: (path: string) => string | undefined;
  /** The zh-CN text may be left empty too (help texts, end labels). */
  optional?: boolean;
  multiline?: boolean;
  hint?: string;
}) {
  const { t } = useI18n();
  const { path, value, onInput, errorFor, multiline } = props;
  const control = (lang: 'zh' | 'en') => (attrs: ControlProps) => {
    const current = lang === 'zh' ? value.zh : value.en;
    const input = (next: string) => onInput(lang === 'zh' ? { ...value, zh: next } : { ...value, en: next });
    return multiline ? (
      <textarea {...attrs} class="short" rows={3} value={current} onInput={(e) => input(e.currentTarget.value)} lang={lang === 'zh' ? 'zh-CN' : 'en'} />
    ) : (
      <input {...attrs} type="text" value={current} onInput={(e) => input(e.currentTarget.value)} lang={lang === 'zh' ? 'zh-CN' : 'en'} />
    );
  };
  return (
    <div class="text-pair">
      <Field id={controlId(`${path}.zh-CN`)} label={t('camp.lang.zh', { label: props.label })} optional={props.optional} hint={props.hint} error={errorFor(`${path}.zh-CN`) ?? errorFor(path)}>
        {control('zh')}
      </Field>
      <Field id={controlId(`${path}.en`)} label={t('camp.lang.en', { label: props.label })} optional error={errorFor(`${path}.en`)}>
        {control('en')}
      </Field>
    </div>
  );
}
