/**
 * A campaign's lifecycle on its editor page: its state, the one or two things the organizer may do next — schedule
 * (or unschedule before it opens), close early with a reason, publish the results with a summary — each sent with
 * the version the page holds (POST …/state), and the history of every change with who made it and why. The
 * scheduled job opens and closes it on time; nobody presses a button at midnight.
 */
import { useState } from 'preact/hooks';
import { RequestError, failureMessage } from '../../api';
import type { CampaignStateRequest, StaffCampaign } from '../../campaign-types';
import { ErrorAlert } from '../../components/error-alert';
import { Field } from '../../components/field';
import { formatDateTime } from '../../format';
import { useI18n, type UiKey } from '../../i18n';
import { changeCampaignState } from '../../staff-api';
import { StateBadge } from './campaign-common';

type Action = CampaignStateRequest['action'];

const actionsFrom: Record<StaffCampaign['state'], Action[]> = {
  draft: ['schedule'],
  scheduled: ['unschedule', 'close'],
  open: ['close'],
  closed: ['publish'],
  published: [],
};

function ActionForm({ campaign, action, onChanged }: { campaign: StaffCampaign; action: Action; onChanged: (c: StaffCampaign) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const [summaryEn, setSummaryEn] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const needsReason = action === 'close';
  const asksReason = action === 'close' || action === 'unschedule';
  const idPrefix = `lc-${action}`;

  async function send(event: Event): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const local: Record<string, string> = {};
    if (needsReason && !reason.trim()) local.reason = t('camp.lc.reasonRequired');
    if (action === 'publish' && !summary.trim()) local.summary = t('camp.lc.summaryRequired');
    setFields(local);
    setError(undefined);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const body: CampaignStateRequest = {
        action,
        version: campaign.version,
        ...(asksReason && reason.trim() ? { reason: reason.trim() } : {}),
        ...(action === 'publish' ? { summary: summary.trim(), ...(summaryEn.trim() ? { summaryEn: summaryEn.trim() } : {}) } : {}),
      };
      onChanged(await changeCampaignState(campaign.id, body));
    } catch (caught) {
      if (caught instanceof RequestError && caught.fields) setFields(caught.fields);
      setError(failureMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="lifecycle-action" onSubmit={send} noValidate data-action={action}>
      <h3>{t(`camp.lc.${action}.heading` as UiKey)}</h3>
      <p class="hint">{t(`camp.lc.${action}.help` as UiKey)}</p>
      <ErrorAlert message={error} />
      {asksReason && (
        <Field id={`${idPrefix}-reason`} label={t('camp.lc.reason')} optional={!needsReason} error={fields.reason}>
          {(control) => <textarea {...control} class="short" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      )}
      {action === 'publish' && (
        <>
          <Field id={`${idPrefix}-summary`} label={t('camp.lc.summary')} hint={t('camp.lc.summaryHint')} error={fields.summary}>
            {(control) => <textarea {...control} rows={6} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />}
          </Field>
          <Field id={`${idPrefix}-summaryEn`} label={t('camp.lc.summaryEn')} optional error={fields.summaryEn}>
            {(control) => <textarea {...control} rows={4} lang="en" value={summaryEn} onInput={(e) => setSummaryEn(e.currentTarget.value)} />}
          </Field>
        </>
      )}
      <button type="submit" class={action === 'close' || action === 'unschedule' ? 'button' : 'button button-primary'} disabled={busy} aria-busy={busy}>
        {t(`camp.lc.${action}.button` as UiKey)}
      </button>
    </form>
  );
}

export function CampaignLifecycle({ campaign, canEdit, dirty, onChanged }: { campaign: StaffCampaign; canEdit: boolean; dirty: boolean; onChanged: (c: StaffCampaign) => void }) {
  const { t, locale } = useI18n();
  const now = Date.now();
  const stateLine =
    campaign.state === 'scheduled' && Date.parse(campaign.opensAt) > now
      ? t('camp.lc.opensOn', { at: formatDateTime(campaign.opensAt, locale) })
      : campaign.state === 'open' || campaign.state === 'scheduled'
        ? t('camp.lc.closesOn', { at: formatDateTime(campaign.closesAt, locale) })
        : undefined;
  return (
    <section class="lifecycle" aria-labelledby="lc-heading" data-testid="campaign-lifecycle">
      <h2 id="lc-heading">{t('camp.lc.heading')}</h2>
      <p>
        {t('camp.lc.stateIs')} <StateBadge state={campaign.state} /> {stateLine && <span class="hint">{stateLine}</span>}
      </p>
      {canEdit && dirty && actionsFrom[campaign.state].length > 0 && <p class="alert alert-warning">{t('camp.lc.saveFirst')}</p>}
      {canEdit && actionsFrom[campaign.state].map((action) => <ActionForm key={`${action}-${campaign.version}`} campaign={campaign} action={action} onChanged={onChanged} />)}
      {campaign.results && (
        <div class="results-summary">
          <h3>{t('camp.lc.publishedSummary', { at: formatDateTime(campaign.results.publishedAt, locale), by: campaign.results.publishedBy })}</h3>
          <p class="prewrap">{campaign.results.summary}</p>
          {campaign.results.summaryEn && (
            <p class="prewrap" lang="en">
              {campaign.results.summaryEn}
            </p>
          )}
        </div>
      )}
      <h3>{t('camp.lc.history')}</h3>
      {campaign.history.length ? (
        <ol class="timeline" data-testid="campaign-history">
          {[...campaign.history].reverse().map((change, i) => (
            <li key={`${change.at}-${i}`}>
              <span class="nowrap">{formatDateTime(change.at, locale)}</span> ·{' '}
              {t('camp.lc.change', { from: t(`camp.state.${change.from}` as UiKey), to: t(`camp.state.${change.to}` as UiKey), by: change.by === 'system' ? t('camp.lc.system') : change.by })}
              {change.reason && <p class="prewrap">{t('camp.lc.because', { reason: change.reason })}</p>}
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">{t('camp.lc.noHistory', { at: formatDateTime(campaign.createdAt, locale), by: campaign.createdBy })}</p>
      )}
    </section>
  );
}
