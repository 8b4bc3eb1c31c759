/**
 * One question of a campaign's questionnaire as a person answers it on a phone: large touch targets (a whole row
 * is the label of its radio or checkbox), a rating scale as a row of big steps with its end labels, a number with
 * its unit, and a matrix as one group per row, stacked on a narrow screen and laid out as a grid on a wide one.
 * Each question's group or control has the id `cq-<questionId>`, where the page's error summary sends the focus.
 */
import type { Question } from '../../../../shared/http/api-types';
import { localText, questionnaireLimits } from '../../../../shared/domain/questionnaire/questionnaire';
import type { AnswerDraft } from '../../campaigns/answers';
import { toggleChoice } from '../../campaigns/answers';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';

export interface QuestionInputProps {
  question: Question;
  number: number;
  value: AnswerDraft | undefined;
  onChange: (value: AnswerDraft) => void;
  error?: string;
}

function Heading({ question, number }: { question: Question; number: number }) {
  const { t, locale } = useI18n();
  return (
    <>
      <span class="cq-number">{number}.</span> {localText(question.label, locale)}
      {question.required ? (
        <span class="cq-required">
          <span aria-hidden="true"> *</span>
          <span class="visually-hidden"> ({t('cp.q.required')})</span>
        </span>
      ) : (
        <span class="optional"> ({t('common.optional')})</span>
      )}
    </>
  );
}

function Notes({ question, error, extra }: { question: Question; error?: string; extra?: string }) {
  const { locale } = useI18n();
  const id = `cq-${question.id}`;
  return (
    <>
      {(question.help || extra) && (
        <p class="hint" id={`${id}-help`}>
          {localText(question.help, locale)}
          {question.help && extra ? ' ' : ''}
          {extra}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(question: Question, error: string | undefined, extra?: string): string | undefined {
  const id = `cq-${question.id}`;
  return [question.help || extra ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function QuestionInput({ question, number, value, onChange, error }: QuestionInputProps) {
  const { t, locale } = useI18n();
  const id = `cq-${question.id}`;
  const invalid = error ? 'true' : undefined;
  const groupClass = `cq-question cq-${question.type}${error ? ' field-invalid' : ''}`;

  if (question.type === 'single' || question.type === 'multiple') {
    const multiple = question.type === 'multiple';
    const chosen = Array.isArray(value) ? value : [];
    const extra = multiple
      ? question.min && question.max
        ? t('cp.q.chooseBetween', { min: question.min, max: question.max })
        : question.max
          ? t('cp.q.chooseUpTo', { max: question.max })
          : question.min
            ? t('cp.q.chooseAtLeast', { min: question.min })
            : t('cp.q.chooseAny')
      : undefined;
    return (
      <fieldset class={groupClass} id={id} tabIndex={-1} aria-describedby={describedBy(question, error, extra)} data-question={question.id}>
        <legend>
          <Heading question={question} number={number} />
        </legend>
        <Notes question={question} error={error} extra={extra} />
        <div class="cq-options">
          {question.options.map((option) => {
            const optionId = `${id}-${option.id}`;
            return (
              <div class="cq-option" key={option.id}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  id={optionId}
                  name={id}
                  value={option.id}
                  checked={multiple ? chosen.includes(option.id) : value === option.id}
                  aria-invalid={invalid}
                  onChange={(e) => onChange(multiple ? toggleChoice(value, option.id, e.currentTarget.checked) : option.id)}
                />
                <label for={optionId}>{localText(option.label, locale)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    );
  }

  if (question.type === 'rating') {
    const steps = Array.from({ length: question.max - question.min + 1 }, (_, i) => String(question.min + i));
    const ends = question.minLabel || question.maxLabel ? t('cp.q.scaleEnds', { min: question.min, minLabel: localText(question.minLabel, locale) || String(question.min), max: question.max, maxLabel: localText(question.maxLabel, locale) || String(question.max) }) : undefined;
    return (
      <fieldset class={groupClass} id={id} tabIndex={-1} aria-describedby={describedBy(question, error, ends)} data-question={question.id}>
        <legend>
          <Heading question={question} number={number} />
        </legend>
        <Notes question={question} error={error} extra={ends} />
        <div class="cq-scale" data-steps={steps.length}>
          {steps.map((step) => {
            const stepId = `${id}-${step}`;
            return (
              <div class="cq-step" key={step}>
                <input type="radio" id={stepId} name={id} value={step} checked={value === step} aria-invalid={invalid} onChange={() => onChange(step)} />
                <label for={stepId}>{step}</label>
              </div>
            );
          })}
        </div>
        {(question.minLabel || question.maxLabel) && (
          <div class="cq-scale-ends" aria-hidden="true">
            <span>{localText(question.minLabel, locale)}</span>
            <span>{localText(question.maxLabel, locale)}</span>
          </div>
        )}
      </fieldset>
    );
  }

  if (question.type === 'matrix') {
    const rows = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return (
      <fieldset class={groupClass} id={id} tabIndex={-1} aria-describedby={describedBy(question, error)} data-question={question.id}>
        <legend>
          <Heading question={question} number={number} />
        </legend>
        <Notes question={question} error={error} />
        <div class="cq-matrix">
          {question.rows.map((row) => (
            <fieldset class="cq-matrix-row" key={row.id} data-row={row.id}>
              <legend>{localText(row.label, locale)}</legend>
              <div class="cq-options cq-matrix-columns">
                {question.columns.map((column) => {
                  const cellId = `${id}-${row.id}-${column.id}`;
                  return (
                    <div class="cq-option" key={column.id}>
                      <input
                        type="radio"
                        id={cellId}
                        name={`${id}-${row.id}`}
                        value={column.id}
                        checked={rows[row.id] === column.id}
                        aria-invalid={error && !rows[row.id] ? 'true' : undefined}
                        onChange={() => onChange({ ...rows, [row.id]: column.id })}
                      />
                      <label for={cellId}>{localText(column.label, locale)}</label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </div>
      </fieldset>
    );
  }

  // Text and number: one control under a label.
  const text = typeof value === 'string' ? value : '';
  const unit = question.type === 'number' ? localText(question.unit, locale) : '';
  const range =
    question.type === 'number' && (question.min !== undefined || question.max !== undefined)
      ? question.min !== undefined && question.max !== undefined
        ? t('cp.q.between', { min: formatNumber(question.min, locale), max: formatNumber(question.max, locale) })
        : question.min !== undefined
          ? t('cp.q.atLeast', { min: formatNumber(question.min, locale) })
          : t('cp.q.atMost', { max: formatNumber(question.max!, locale) })
      : undefined;
  const max = question.type === 'shortText' || question.type === 'longText' ? (question.maxLength ?? (question.type === 'shortText' ? questionnaireLimits.shortTextMax : questionnaireLimits.longTextMax)) : undefined;
  const count = question.type === 'longText' ? t('cp.q.count', { count: formatNumber(text.trim().length, locale), max: formatNumber(max!, locale) }) : undefined;
  const common = { id, 'aria-invalid': invalid, 'aria-describedby': [describedBy(question, error, range), count ? `${id}-count` : ''].filter(Boolean).join(' ') || undefined } as const;
  return (
    <div class={`field ${groupClass}`} data-question={question.id}>
      <label for={id}>
        <Heading question={question} number={number} />
      </label>
      <Notes question={question} error={error} extra={range} />
      {question.type === 'longText' && <textarea {...common} rows={5} value={text} onInput={(e) => onChange(e.currentTarget.value)} />}
      {question.type === 'shortText' && <input {...common} type="text" maxLength={max} value={text} onInput={(e) => onChange(e.currentTarget.value)} />}
      {question.type === 'number' && (
        <div class="cq-number-input">
          <input {...common} type="text" inputMode={question.integer ? 'numeric' : 'decimal'} autoComplete="off" value={text} onInput={(e) => onChange(e.currentTarget.value)} />
          {unit && <span class="cq-unit">{unit}</span>}
        </div>
      )}
      {count && (
        <span id={`${id}-count`} class={text.trim().length > max! ? 'counter counter-over' : 'counter'}>
          {count}
        </span>
      )}
    </div>
  );
}
