/**
 * The organizer's campaigns (#/staff/campaigns): each with its state, window and counts (suggestions, responses,
 * participants), a link to its editor and its results, and for organizers and admins a button for a new one.
 * Everyone else on the staff reads the list.
 */
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { StaffPage } from '../../components/staff-page';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { getCampaigns } from '../../staff-api';
import { useStaffBasics } from '../../staff-data';
import { useLoad } from '../../use-load';
import { CampaignWindow, StateBadge, canEditCampaigns } from './campaign-common';
import './campaigns.css';

export function CampaignsPage() {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const list = useLoad(getCampaigns);
  const campaigns = list.data?.campaigns ?? [];
  const n = (value: number) => formatNumber(value, locale);
  return (
    <StaffPage me={me} heading={t('camp.heading')}>
      <p class="lead">{t('camp.intro')}</p>
      {canEditCampaigns(me?.role) ? (
        <p>
          <a class="button button-primary" href={href('/staff/campaigns/new')}>
            {t('camp.new')}
          </a>
        </p>
      ) : (
        me && <p class="hint">{t('camp.readOnly')}</p>
      )}
      <ErrorAlert message={list.error} />
      {list.loading && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data && !campaigns.length && <p class="empty">{t('camp.none')}</p>}
      {campaigns.length > 0 && (
        <DataTable
          label={t('camp.heading')}
          testId="campaigns-table"
          columns={[t('camp.col.title'), t('camp.col.state'), t('camp.col.window'), t('camp.col.suggestions'), t('camp.col.responses'), t('camp.col.participants'), { hidden: t('camp.col.links') }]}
        >
          {[...campaigns]
            .sort((a, b) => b.opensAt.localeCompare(a.opensAt))
            .map((c) => (
              <tr key={c.id} data-testid="campaign-row" data-campaign={c.id}>
                <td>
                  <a href={href(`/staff/campaigns/${encodeURIComponent(c.id)}`)}>{c.title}</a>
                  <br />
                  <span class="mono hint">{c.id}</span>
                  {c.hasQuestionnaire && <span class="tag">{t('camp.hasQuestionnaire')}</span>}
                </td>
                <td>
                  <StateBadge state={c.state} />
                </td>
                <td>
                  <CampaignWindow opensAt={c.opensAt} closesAt={c.closesAt} />
                </td>
                <td class="num">{n(c.counts.suggestions)}</td>
                <td class="num">{n(c.counts.responses)}</td>
                <td class="num">{n(c.counts.participants)}</td>
                <td class="nowrap">
                  <a href={href(`/staff/campaigns/${encodeURIComponent(c.id)}/results`)} aria-label={t('camp.resultsOf', { title: c.title })}>
                    {t('camp.link.results')}
                  </a>
                </td>
              </tr>
            ))}
        </DataTable>
      )}
    </StaffPage>
  );
}
