/** What the campaign pages share: who may edit, the state's name, the window as the office reads it, the links. */
import type { CampaignState, StaffRole } from '../../../../shared/http/api-types';
import { formatDateTime } from '../../format';
import { useI18n, type UiKey } from '../../i18n';
import { href } from '../../router';

/** Organizers and admins edit campaigns; everyone else on the staff reads them. */
export const campaignEditors: readonly StaffRole[] = ['admin', 'organizer'];

export function canEditCampaigns(role: StaffRole | undefined): boolean {
  return !!role && campaignEditors.includes(role);
}

export function StateBadge({ state }: { state: CampaignState }) {
  const { t } = useI18n();
  return (
    <span class={`badge campaign-state campaign-state-${state}`} data-state={state}>
      {t(`camp.state.${state}` as UiKey)}
    </span>
  );
}

export function CampaignWindow({ opensAt, closesAt }: { opensAt: string; closesAt: string }) {
  const { t, locale } = useI18n();
  return <>{t('camp.window', { opensAt: formatDateTime(opensAt, locale), closesAt: formatDateTime(closesAt, locale) })}</>;
}

/** The pages around one campaign: its editor, results, time limits, poster and close report, and its public page. */
export function CampaignLinks({ id, current }: { id: string; current: 'edit' | 'results' }) {
  const { t } = useI18n();
  const base = `/staff/campaigns/${encodeURIComponent(id)}`;
  return (
    <nav class="campaign-links" aria-label={t('camp.linksLabel')}>
      <ul>
        <li>
          <a href={href(base)} aria-current={current === 'edit' ? 'page' : undefined}>
            {t('camp.link.edit')}
          </a>
        </li>
        <li>
          <a href={href(`${base}/results`)} aria-current={current === 'results' ? 'page' : undefined}>
            {t('camp.link.results')}
          </a>
        </li>
        <li>
          <a href={href('/staff/time-limits', { campaign: id })}>{t('camp.link.timeLimits')}</a>
        </li>
        <li>
          <a href={href(`${base}/poster`)}>{t('camp.link.poster')}</a>
        </li>
        <li>
          <a href={href(`${base}/report`)}>{t('camp.link.report')}</a>
        </li>
        <li>
          <a href={href(`/c/${encodeURIComponent(id)}`)}>{t('camp.link.public')}</a>
        </li>
      </ul>
    </nav>
  );
}
