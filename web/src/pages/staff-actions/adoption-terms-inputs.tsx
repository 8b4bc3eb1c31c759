/**
 * The inputs of an adoption record, shared by the forms that record and correct one (adoption records, issue 10
 * point 4): what was adopted, the day, the adopting department, an optional https evidence link. The checks here
 * are the server's own rules (the same pure functions), so the form refuses what the API would.
 */
import { useState } from 'preact/hooks';
import type { Department } from '../../../../shared/http/api-types';
import { officeDay } from '../../../../shared/domain/office-day';
import { isCalendarDay, isHttpsUrl } from '../../../../shared/domain/suggestion/adoption';
import { Field } from '../../components/field';
import { t as translateUi, useI18n } from '../../i18n';
import { required, type Problems } from './action-sender';
import { TextArea } from './text-area';

export interface AdoptionTermsValues {
  outcome: string;
  adoptedOn: string;
  departmentId: string;
  evidenceUrl: string;
}

/** The terms' state, starting from `initial` (a record to correct) or today with the lead department. */
export function useAdoptionTerms(initial: AdoptionTermsValues) {
  const [values, setValues] = useState(initial);
  const set = (name: keyof AdoptionTermsValues) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  return { values, set, reset: () => setValues(initial) };
}

export function todayOfOffice(): string {
  return officeDay(new Date());
}

/** An office day and an optional link, checked as the server checks them. */
export function checkDay(day: string, found: Problems, name: string): void {
  const value = day.trim();
  if (!value) found[name] = required();
  else if (!isCalendarDay(value)) found[name] = translateUi('rule.date');
  else if (value > todayOfOffice()) found[name] = translateUi('rule.notInFuture', { today: todayOfOffice() });
}

export function checkLink(link: string, found: Problems, name: string): void {
  if (link.trim() && !isHttpsUrl(link.trim())) found[name] = translateUi('rule.httpsUrl');
}

export function checkTerms(values: AdoptionTermsValues): Problems {
  const found: Problems = {};
  if (!values.outcome.trim()) found.outcome = required();
  checkDay(values.adoptedOn, found, 'adoptedOn');
  if (!values.departmentId) found.departmentId = required();
  checkLink(values.evidenceUrl, found, 'evidenceUrl');
  return found;
}

/** The body the API takes: trimmed, the link left out when empty. */
export function termsBody(values: AdoptionTermsValues) {
  const link = values.evidenceUrl.trim();
  return { outcome: values.outcome.trim(), adoptedOn: values.adoptedOn.trim(), departmentId: values.departmentId, ...(link ? { evidenceUrl: link } : {}) };
}

/** A date box (the browser's picker where it has one; YYYY-MM-DD typed where not). */
export function DayInput(props: { id: string; label: string; value: string; onInput: (value: string) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <Field id={props.id} label={props.label} hint={t('act.adopt.dateHint')} error={props.error}>
      {(control) => <input {...control} type="date" class="narrow-input" max={todayOfOffice()} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />}
    </Field>
  );
}

export function LinkInput(props: { id: string; value: string; onInput: (value: string) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <Field id={props.id} label={t('act.adopt.evidenceUrl')} hint={t('act.adopt.evidenceHint')} optional error={props.error}>
      {(control) => <input {...control} type="url" inputMode="url" maxLength={2000} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />}
    </Field>
  );
}

export function AdoptionTermsInputs({
  idPrefix,
  terms,
  departments,
  error,
}: {
  idPrefix: string;
  terms: ReturnType<typeof useAdoptionTerms>;
  departments: Department[];
  error: (name: string) => string | undefined;
}) {
  const { t, locale } = useI18n();
  const { values, set } = terms;
  return (
    <>
      <TextArea id={`${idPrefix}-outcome`} label={t('act.adopt.outcome')} hint={t('act.adopt.outcomeHint')} value={values.outcome} onInput={set('outcome')} error={error('outcome')} maxLength={2000} />
      <DayInput id={`${idPrefix}-date`} label={t('act.adopt.adoptedOn')} value={values.adoptedOn} onInput={set('adoptedOn')} error={error('adoptedOn')} />
      <Field id={`${idPrefix}-department`} label={t('act.adopt.department')} error={error('departmentId')}>
        {(control) => (
          <select {...control} value={values.departmentId} onChange={(e) => set('departmentId')(e.currentTarget.value)}>
            <option value="">{t('act.adopt.departmentPlaceholder')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {locale === 'en' ? d.en : d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LinkInput id={`${idPrefix}-link`} value={values.evidenceUrl} onInput={set('evidenceUrl')} error={error('evidenceUrl')} />
    </>
  );
}
