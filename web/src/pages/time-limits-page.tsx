/**
 * Time limits (办理时限): the organisation's (admin) or one campaign's (admin, organizer), over the defaults of
 * the practice. Each limit left empty is inherited — from the defaults for the organisation, from the
 * organisation for a campaign — and the page shows what is inherited and what is in force. Dispatchers and
 * supervisors see the same page read-only. Saving replaces the whole set of overrides.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { resolveTimeLimits, type TimeLimit, type TimeLimitOverrides, type TimeLimits } from '../../../shared/domain/deadlines/time-limits';
import type { StaffRole, TimeLimitsResponse } from '../../../shared/http/api-types';
import { RequestError } from '../api';
import { DataTable } from '../components/data-table';
import { ErrorAlert } from '../components/error-alert';
import { focusFirstInvalid } from '../components/field';
import { StaffPage } from '../components/staff-page';
import { useI18n, type UiKey } from '../i18n';
import { navigate, type Route } from '../router';
import { getCampaignTimeLimits, getTimeLimits, putCampaignTimeLimits, putTimeLimits } from '../staff-api';
import { useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';

/** The limits that are a number of days, by their path in TimeLimits. */
const spans = ['screening', 'sign', 'tiers.immediate', 'tiers.deadline', 'tiers.study', 'studyProgressNoteEvery', 'ratingWindow'] as const;
type Span = (typeof spans)[number];
const spanLabel: Record<Span, UiKey> = {
  screening: 'tl.screening',
  sign: 'tl.sign',
  'tiers.immediate': 'tl.immediate',
  'tiers.deadline': 'tl.deadline',
  'tiers.study': 'tl.study',
  studyProgressNoteEvery: 'tl.progressNote',
  ratingWindow: 'tl.ratingWindow',
};

type Values = Record<string, string>;
type Problems = Record<string, string>;

function spanOf(limits: TimeLimits | TimeLimitOverrides, path: Span): TimeLimit | undefined {
  const [head, tail] = path.split('.') as [keyof TimeLimits, string?];
  const value = (limits as Record<string, unknown>)[head];
  return (tail ? (value as Record<string, TimeLimit> | undefined)?.[tail] : value) as TimeLimit | undefined;
}

/** The form's text values from a set of overrides; what is not overridden stays empty (inherited). */
function valuesOf(overrides: TimeLimitOverrides): Values {
  const values: Values = {};
  for (const path of spans) {
    const limit = spanOf(overrides, path);
    values[`${path}.amount`] = limit ? String(limit.amount) : '';
    values[`${path}.unit`] = limit?.unit ?? 'workingDays';
  }
  const r = overrides.reminders ?? {};
  values['reminders.half'] = r.half !== undefined ? String(Math.round(r.half * 100)) : '';
  values['reminders.eightyPercent'] = r.eightyPercent !== undefined ? String(Math.round(r.eightyPercent * 100)) : '';
  values['reminders.oneDayLeft'] = r.oneDayLeft !== undefined ? String(r.oneDayLeft) : '';
  values['smsQuietHours.from'] = overrides.smsQuietHours?.from ?? '';
  values['smsQuietHours.to'] = overrides.smsQuietHours?.to ?? '';
  return values;
}

/** The overrides the form says, or the problems that stop it being sent (keyed like the server's fields). */
function overridesOf(values: Values, t: (key: UiKey, params?: Record<string, string | number>) => string): { overrides: TimeLimitOverrides; problems: Problems } {
  const overrides: Record<string, unknown> = {};
  const problems: Problems = {};
  const whole = (text: string, min: number, max: number, field: string): number | undefined => {
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      problems[field] = t('tl.range', { min, max });
      return undefined;
    }
    return Number(text);
  };
  for (const path of spans) {
    const text = values[`${path}.amount`]!.trim();
    if (!text) continue;
    const amount = whole(text, 1, 3660, `limits.${path}.amount`);
    if (amount === undefined) continue;
    const limit = { amount, unit: values[`${path}.unit`] };
    const [head, tail] = path.split('.');
    if (tail) overrides[head!] = { ...(overrides[head!] as object | undefined), [tail]: limit };
    else overrides[head!] = limit;
  }
  const reminders: Record<string, number> = {};
  for (const [name, min, max, scale] of [
    ['half', 1, 99, 100],
    ['eightyPercent', 1, 99, 100],
    ['oneDayLeft', 1, 10, 1],
  ] as const) {
    const text = values[`reminders.${name}`]!.trim();
    if (!text) continue;
    const value = whole(text, min, max, `limits.reminders.${name}`);
    if (value !== undefined) reminders[name] = value / scale;
  }
  if (Object.keys(reminders).length) overrides.reminders = reminders;
  const from = values['smsQuietHours.from']!.trim();
  const to = values['smsQuietHours.to']!.trim();
  if (from || to) {
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) problems[`limits.smsQuietHours.${name}`] = t('tl.time');
    }
    overrides.smsQuietHours = { from, to };
  }
  return { overrides: overrides as TimeLimitOverrides, problems };
}

function describe(limit: TimeLimit | undefined, t: (key: UiKey, params?: Record<string, string | number>) => string): string {
  if (!limit) return '—';
  return t(limit.unit === 'workingDays' ? 'tl.workingDaysValue' : 'tl.calendarDaysValue', { days: limit.amount });
}

const editors: Record<'org' | 'campaign', readonly StaffRole[]> = { org: ['admin'], campaign: ['admin', 'organizer'] };

export function TimeLimitsPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const { me } = useStaffBasics();
  const campaignId = route.query.get('campaign') ?? '';
  const scope = campaignId ? 'campaign' : 'org';
  const canEdit = !!me && editors[scope].includes(me.role);
  const [campaignDraft, setCampaignDraft] = useState(campaignId);
  const [inherited, setInherited] = useState<TimeLimits>();
  const [effective, setEffective] = useState<TimeLimits>();
  const [values, setValues] = useState<Values>();
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const limits = useLoad<TimeLimitsResponse & { inherited?: TimeLimits }>(() => (campaignId ? getCampaignTimeLimits(campaignId) : getTimeLimits()), [campaignId], {
    onLoaded: (response) => {
      // The organisation's own page inherits from the defaults.
      setInherited(response.inherited ?? resolveTimeLimits());
      setEffective(response.effective);
      setValues(valuesOf(response.overrides));
    },
  });
  const shownError = error ?? limits.error;

  useEffect(() => {
    setValues(undefined);
    setError(undefined);
    setSaved('');
    setProblems({});
    setCampaignDraft(campaignId);
  }, [campaignId]);

  const set = (field: string) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current!, [field]: value }));
    setSaved('');
  };

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    if (!values) return;
    const { overrides, problems: found } = overridesOf(values, t);
    setProblems(found);
    setError(undefined);
    setSaved('');
    if (Object.keys(found).length) {
      setTimeout(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    try {
      const response = campaignId ? await putCampaignTimeLimits(campaignId, overrides) : await putTimeLimits(overrides);
      setEffective(response.effective);
      setValues(valuesOf(response.overrides));
      setSaved(t('tl.saved'));
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.status === 401) return;
      setProblems(caught.fields ?? {});
      if (!caught.fields || !Object.keys(caught.fields).length) setError(caught.message);
    } finally {
      setBusy(false);
    }
  }

  const input = (field: string, props: Record<string, unknown> = {}) => {
    const problem = problems[`limits.${field}`];
    const describedBy = problem ? `tl-${field}-error` : undefined;
    return (
      <>
        <input
          id={`tl-${field}`}
          type="text"
          value={values![field]}
          disabled={!canEdit}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={set(field)}
          {...props}
        />
        {problem && (
          <span class="field-error" id={describedBy}>
            {problem}
          </span>
        )}
      </>
    );
  };

  const heading = campaignId ? t('tl.campaignHeading', { campaign: campaignId }) : t('tl.heading');
  return (
    <StaffPage me={me} heading={heading}>
      <p class="lead">{t(campaignId ? 'tl.campaignIntro' : 'tl.intro')}</p>
      <form
        class="filters"
        aria-label={t('tl.scope')}
        onSubmit={(event) => {
          event.preventDefault();
          navigate('/staff/time-limits', campaignDraft.trim() ? { campaign: campaignDraft.trim() } : {});
        }}
      >
        <div class="filter-grid">
          <div class="field">
            <label for="tl-campaign">{t('tl.campaign')}</label>
            <p class="hint" id="tl-campaign-hint">
              {t('tl.campaignHint')}
            </p>
            <input id="tl-campaign" type="text" aria-describedby="tl-campaign-hint" value={campaignDraft} onInput={(e) => setCampaignDraft(e.currentTarget.value)} />
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {t('tl.open')}
          </button>
        </div>
      </form>
      <ErrorAlert message={shownError} />
      {!values && !shownError && <p>{t('common.loading')}</p>}
      {values && inherited && effective && (
        <form noValidate ref={formRef} onSubmit={save} data-testid="time-limits-form">
          {!canEdit && <p class="alert alert-info">{t('tl.readOnly')}</p>}
          <DataTable label={heading} class="limits" columns={[t('tl.limit'), t('tl.override'), t(campaignId ? 'tl.fromOrg' : 'tl.default'), t('tl.inForce')]}>
            {spans.map((path) => (
              <tr key={path} data-testid={`tl-row-${path}`}>
                <th scope="row">
                  <label for={`tl-${path}.amount`}>{t(spanLabel[path])}</label>
                </th>
                <td class="nowrap">
                  {input(`${path}.amount`, { inputMode: 'numeric', maxLength: 4, placeholder: String(spanOf(inherited, path)?.amount ?? '') })}{' '}
                  <select
                    aria-label={t('tl.unit', { limit: t(spanLabel[path]) })}
                    value={values[`${path}.unit`]}
                    disabled={!canEdit}
                    onChange={set(`${path}.unit`)}
                  >
                    <option value="workingDays">{t('tl.workingDays')}</option>
                    <option value="calendarDays">{t('tl.calendarDays')}</option>
                  </select>
                </td>
                <td>{describe(spanOf(inherited, path), t)}</td>
                <td data-testid={`tl-effective-${path}`}>{describe(spanOf(effective, path), t)}</td>
              </tr>
            ))}
            {(['half', 'eightyPercent'] as const).map((name) => (
              <tr key={name}>
                <th scope="row">
                  <label for={`tl-reminders.${name}`}>{t(name === 'half' ? 'tl.firstReminder' : 'tl.secondReminder')}</label>
                </th>
                <td class="nowrap">
                  {input(`reminders.${name}`, { inputMode: 'numeric', maxLength: 2, placeholder: String(Math.round(inherited.reminders[name] * 100)) })} %
                </td>
                <td>{Math.round(inherited.reminders[name] * 100)} %</td>
                <td>{Math.round(effective.reminders[name] * 100)} %</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <label for="tl-reminders.oneDayLeft">{t('tl.lastReminder')}</label>
              </th>
              <td class="nowrap">{input('reminders.oneDayLeft', { inputMode: 'numeric', maxLength: 2, placeholder: String(inherited.reminders.oneDayLeft) })}</td>
              <td>{t('tl.workingDaysValue', { days: inherited.reminders.oneDayLeft })}</td>
              <td>{t('tl.workingDaysValue', { days: effective.reminders.oneDayLeft })}</td>
            </tr>
            <tr>
              <th scope="row">
                <label for="tl-smsQuietHours.from">{t('tl.quietHours')}</label>
              </th>
              <td class="nowrap">
                {input('smsQuietHours.from', { maxLength: 5, placeholder: inherited.smsQuietHours.from })} –{' '}
                {input('smsQuietHours.to', { maxLength: 5, placeholder: inherited.smsQuietHours.to, 'aria-label': t('tl.quietHoursTo') })}
              </td>
              <td>
                {inherited.smsQuietHours.from}–{inherited.smsQuietHours.to}
              </td>
              <td>
                {effective.smsQuietHours.from}–{effective.smsQuietHours.to}
              </td>
            </tr>
          </DataTable>
          <ErrorAlert message={problems.limits} />
          <p role="status" class={saved ? 'alert alert-info' : 'visually-hidden'}>
            {saved}
          </p>
          {canEdit && (
            <div class="actions">
              <button type="submit" class="button button-primary" disabled={busy}>
                {busy ? t('act.sending') : t('tl.save')}
              </button>
            </div>
          )}
        </form>
      )}
    </StaffPage>
  );
}
