/**
 * The questionnaire builder: the intro, then each question in its own group — type, id, text in both languages,
 * help, required, and what its type needs (choices with min/max, a scale with end labels, a number's range and
 * unit, a matrix's rows and columns, a text's length) — and its display condition, which can only name an earlier
 * single choice, multiple choice or rating question. Questions and choices can be added, removed and moved. Every
 * control's id is its schema path (controlId), so an error from the shared schema or the server lands on it.
 */
import { questionTypes, type QuestionType } from '../../../../shared/domain/questionnaire/questionnaire';
import { Field } from '../../components/field';
import { controlId } from '../../campaigns/campaign-form';
import {
  addOption,
  addQuestion,
  changeType,
  conditionChoices,
  conditionTargets,
  moveOption,
  moveQuestion,
  removeOption,
  removeQuestion,
  setCondition,
  updateOption,
  updateQuestion,
  type OptionList,
  type QuestionDraft,
  type QuestionnaireDraft,
} from '../../campaigns/questionnaire-builder';
import { useI18n, type UiKey } from '../../i18n';
import { useState } from 'preact/hooks';
import { TextPair } from './text-pair';

interface BuilderProps {
  draft: QuestionnaireDraft;
  onChange: (next: QuestionnaireDraft) => void;
  errorFor: (path: string) => string | undefined;
}

function questionLabel(q: QuestionDraft, index: number, t: (key: UiKey, params?: Record<string, string | number>) => string): string {
  return t('camp.questionN', { n: index + 1 }) + (q.label.zh.trim() ? `：${q.label.zh.trim()}` : '');
}

function OptionsEditor(props: BuilderProps & { index: number; list: OptionList; path: string; heading: string; itemLabel: UiKey; addLabel: UiKey }) {
  const { t } = useI18n();
  const { draft, onChange, errorFor, index, list, path, heading } = props;
  const items = draft.questions[index]![list];
  const listError = errorFor(path);
  return (
    <fieldset class={listError ? 'options-editor field-invalid' : 'options-editor'} id={controlId(path)} tabIndex={-1}>
      <legend>{heading}</legend>
      {listError && <p class="field-error">{listError}</p>}
      <ol class="option-rows">
        {items.map((option, o) => {
          const name = t(props.itemLabel, { n: o + 1 });
          return (
            <li key={option.id} class="option-row" data-option={option.id}>
              <TextPair path={`${path}.${o}.label`} label={name} value={option.label} errorFor={errorFor} onInput={(label) => onChange(updateOption(draft, index, o, label, list))} />
              <div class="row-buttons">
                <span class="hint mono">{option.id}</span>
                <button type="button" class="button button-small" disabled={o === 0} onClick={() => onChange(moveOption(draft, index, o, -1, list))} aria-label={t('camp.moveUpLabel', { what: name })}>
                  ↑
                </button>
                <button type="button" class="button button-small" disabled={o === items.length - 1} onClick={() => onChange(moveOption(draft, index, o, 1, list))} aria-label={t('camp.moveDownLabel', { what: name })}>
                  ↓
                </button>
                <button type="button" class="button button-small" onClick={() => onChange(removeOption(draft, index, o, list))} aria-label={t('camp.removeLabel', { what: name })}>
                  {t('camp.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" class="button button-small" onClick={() => onChange(addOption(draft, index, list))}>
        {t(props.addLabel)}
      </button>
    </fieldset>
  );
}

function NumberField({ path, label, value, onInput, errorFor, hint }: { path: string; label: string; value: string; onInput: (v: string) => void; errorFor: (p: string) => string | undefined; hint?: string }) {
  return (
    <Field id={controlId(path)} label={label} optional error={errorFor(path)} hint={hint}>
      {(control) => <input {...control} type="text" inputMode="decimal" class="narrow-input" value={value} onInput={(e) => onInput(e.currentTarget.value)} />}
    </Field>
  );
}

function ConditionEditor({ draft, onChange, errorFor, index }: BuilderProps & { index: number }) {
  const { t, locale } = useI18n();
  const q = draft.questions[index]!;
  const path = `questionnaire.questions.${index}.showIf`;
  const targets = conditionTargets(draft, index);
  const target = targets.find((other) => other.id === q.showIf?.questionId);
  const choices = target ? conditionChoices(target) : [];
  const anyOfError = errorFor(`${path}.anyOf`);
  return (
    <div class="condition">
      <Field id={controlId(`${path}.questionId`)} label={t('camp.q.condition')} hint={targets.length ? t('camp.q.conditionHint') : t('camp.q.conditionNone')} error={errorFor(`${path}.questionId`) ?? errorFor(path)}>
        {(control) => (
          <select
            {...control}
            value={q.showIf?.questionId ?? ''}
            disabled={!targets.length}
            onChange={(e) => {
              const chosen = e.currentTarget.value;
              onChange(setCondition(draft, index, chosen ? { questionId: chosen, anyOf: [] } : undefined));
            }}
          >
            <option value="">{t('camp.q.always')}</option>
            {targets.map((other) => (
              <option key={other.key} value={other.id}>
                {t('camp.q.whenAnswered', { question: questionLabel(other, draft.questions.indexOf(other), t) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {target && q.showIf && (
        <fieldset class={anyOfError ? 'choices field-invalid' : 'choices'} id={controlId(`${path}.anyOf`)} tabIndex={-1}>
          <legend>{t('camp.q.conditionValues')}</legend>
          {anyOfError && <p class="field-error">{anyOfError}</p>}
          <div class="check-grid">
            {choices.map((choice) => {
              const id = `${controlId(`${path}.anyOf`)}-${choice.value}`;
              const checked = q.showIf!.anyOf.includes(choice.value);
              return (
                <div class="choice" key={choice.value}>
                  <input
                    type="checkbox"
                    id={id}
                    checked={checked}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      const anyOf = on ? [...q.showIf!.anyOf, choice.value] : q.showIf!.anyOf.filter((v) => v !== choice.value);
                      onChange(setCondition(draft, index, { questionId: q.showIf!.questionId, anyOf }));
                    }}
                  />
                  <label for={id}>{(locale === 'en' && choice.label.en) || choice.label.zh || choice.value}</label>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
    </div>
  );
}

function QuestionEditor(props: BuilderProps & { index: number }) {
  const { t } = useI18n();
  const { draft, onChange, errorFor, index } = props;
  const q = draft.questions[index]!;
  const path = `questionnaire.questions.${index}`;
  const update = (patch: Partial<Omit<QuestionDraft, 'key' | 'type'>>) => onChange(updateQuestion(draft, index, patch));
  const name = t('camp.questionN', { n: index + 1 });
  const requiredId = controlId(`${path}.required`);
  return (
    <fieldset class="question-editor" data-testid="question-editor" data-question={q.id} data-type={q.type}>
      <legend>{questionLabel(q, index, t)}</legend>
      <div class="question-head">
        <Field id={controlId(`${path}.type`)} label={t('camp.q.type')} error={errorFor(`${path}.type`)}>
          {(control) => (
            <select {...control} value={q.type} onChange={(e) => onChange(changeType(draft, index, e.currentTarget.value as QuestionType))}>
              {questionTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`camp.type.${type}` as UiKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={controlId(`${path}.id`)} label={t('camp.q.id')} hint={t('camp.q.idHint')} error={errorFor(`${path}.id`)}>
          {(control) => <input {...control} type="text" class="narrow-input mono" autoComplete="off" value={q.id} onInput={(e) => update({ id: e.currentTarget.value })} />}
        </Field>
      </div>
      <TextPair path={`${path}.label`} label={t('camp.q.label')} value={q.label} errorFor={errorFor} onInput={(label) => update({ label })} />
      <TextPair path={`${path}.help`} label={t('camp.q.help')} optional value={q.help} errorFor={errorFor} onInput={(help) => update({ help })} />
      <div class="field check">
        <input type="checkbox" id={requiredId} checked={q.required} onChange={(e) => update({ required: e.currentTarget.checked })} />
        <label for={requiredId}>{t('camp.q.required')}</label>
      </div>

      {(q.type === 'single' || q.type === 'multiple') && (
        <OptionsEditor {...props} list="options" path={`${path}.options`} heading={t('camp.q.options')} itemLabel="camp.q.optionN" addLabel="camp.q.addOption" />
      )}
      {q.type === 'multiple' && (
        <div class="inline-fields">
          <NumberField path={`${path}.min`} label={t('camp.q.chooseMin')} value={q.min} errorFor={errorFor} onInput={(min) => update({ min })} />
          <NumberField path={`${path}.max`} label={t('camp.q.chooseMax')} value={q.max} errorFor={errorFor} onInput={(max) => update({ max })} />
        </div>
      )}
      {(q.type === 'shortText' || q.type === 'longText') && (
        <NumberField path={`${path}.maxLength`} label={t('camp.q.maxLength')} hint={t('camp.q.maxLengthHint', { max: q.type === 'shortText' ? 200 : 5000 })} value={q.maxLength} errorFor={errorFor} onInput={(maxLength) => update({ maxLength })} />
      )}
      {q.type === 'rating' && (
        <>
          <div class="inline-fields">
            <Field id={controlId(`${path}.min`)} label={t('camp.q.scaleMin')} error={errorFor(`${path}.min`)}>
              {(control) => (
                <select {...control} value={q.min} onChange={(e) => update({ min: e.currentTarget.value })}>
                  {['0', '1'].map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={controlId(`${path}.max`)} label={t('camp.q.scaleMax')} error={errorFor(`${path}.max`)}>
              {(control) => (
                <select {...control} value={q.max} onChange={(e) => update({ max: e.currentTarget.value })}>
                  {['2', '3', '4', '5', '6', '7', '8', '9', '10'].map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <TextPair path={`${path}.minLabel`} label={t('camp.q.minLabel')} optional value={q.minLabel} errorFor={errorFor} onInput={(minLabel) => update({ minLabel })} />
          <TextPair path={`${path}.maxLabel`} label={t('camp.q.maxLabel')} optional value={q.maxLabel} errorFor={errorFor} onInput={(maxLabel) => update({ maxLabel })} />
        </>
      )}
      {q.type === 'number' && (
        <>
          <div class="inline-fields">
            <NumberField path={`${path}.min`} label={t('camp.q.numberMin')} value={q.min} errorFor={errorFor} onInput={(min) => update({ min })} />
            <NumberField path={`${path}.max`} label={t('camp.q.numberMax')} value={q.max} errorFor={errorFor} onInput={(max) => update({ max })} />
          </div>
          <div class="field check">
            <input type="checkbox" id={controlId(`${path}.integer`)} checked={q.integer} onChange={(e) => update({ integer: e.currentTarget.checked })} />
            <label for={controlId(`${path}.integer`)}>{t('camp.q.integer')}</label>
          </div>
          <TextPair path={`${path}.unit`} label={t('camp.q.unit')} optional value={q.unit} errorFor={errorFor} onInput={(unit) => update({ unit })} />
        </>
      )}
      {q.type === 'matrix' && (
        <>
          <OptionsEditor {...props} list="rows" path={`${path}.rows`} heading={t('camp.q.rows')} itemLabel="camp.q.rowN" addLabel="camp.q.addRow" />
          <OptionsEditor {...props} list="options" path={`${path}.columns`} heading={t('camp.q.columns')} itemLabel="camp.q.columnN" addLabel="camp.q.addColumn" />
        </>
      )}

      <ConditionEditor {...props} />

      <div class="row-buttons question-buttons">
        <button type="button" class="button button-small" disabled={index === 0} onClick={() => onChange(moveQuestion(draft, index, -1))} aria-label={t('camp.moveUpLabel', { what: name })}>
          {t('camp.moveUp')}
        </button>
        <button type="button" class="button button-small" disabled={index === draft.questions.length - 1} onClick={() => onChange(moveQuestion(draft, index, 1))} aria-label={t('camp.moveDownLabel', { what: name })}>
          {t('camp.moveDown')}
        </button>
        <button type="button" class="button button-small" onClick={() => onChange(removeQuestion(draft, index))} aria-label={t('camp.removeLabel', { what: name })}>
          {t('camp.q.remove')}
        </button>
      </div>
    </fieldset>
  );
}

export function QuestionnaireBuilder(props: BuilderProps) {
  const { t } = useI18n();
  const { draft, onChange, errorFor } = props;
  const [type, setType] = useState<QuestionType>('single');
  const listError = errorFor('questionnaire.questions') ?? errorFor('questionnaire');
  return (
    <section class="questionnaire-builder" aria-labelledby="qb-heading" id={controlId('questionnaire')} tabIndex={-1}>
      <h2 id="qb-heading">{t('camp.qb.heading')}</h2>
      <p class="hint">{t('camp.qb.intro')}</p>
      {listError && <p class="field-error">{listError}</p>}
      {draft.questions.length > 0 && (
        <TextPair path="questionnaire.intro" label={t('camp.qb.introText')} optional multiline value={draft.intro} errorFor={errorFor} onInput={(intro) => onChange({ ...draft, intro })} />
      )}
      {draft.questions.map((q, index) => (
        <QuestionEditor key={q.key} {...props} index={index} />
      ))}
      <div class="add-question">
        <div class="field">
          <label for="qb-new-type">{t('camp.qb.newType')}</label>
          <select id="qb-new-type" value={type} onChange={(e) => setType(e.currentTarget.value as QuestionType)}>
            {questionTypes.map((value) => (
              <option key={value} value={value}>
                {t(`camp.type.${value}` as UiKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="button" onClick={() => onChange(addQuestion(draft, type))}>
          {t('camp.qb.add')}
        </button>
      </div>
    </section>
  );
}
