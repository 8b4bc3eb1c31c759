/**
 * The home page's list of campaigns (专题征集) open now or opening soon, each with its dates (Beijing time) and a
 * link to its page, and those whose results are published. Nothing is shown while it loads or if it cannot: the
 * suggestion form below is what the page is for.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PublicCampaign } from '../../../shared/http/api-types';
import { getPublicCampaigns } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { href } from '../router';

export function campaignTitle(c: Pick<PublicCampaign, 'title' | 'titleEn'>, locale: string): string {
  return (locale === 'en' && c.titleEn) || c.title;
}

export function OpenCampaigns() {
  const { t, locale } = useI18n();
  const [campaigns, setCampaigns] = useState<PublicCampaign[]>();
  useEffect(() => {
    let live = true;
    getPublicCampaigns().then(
      (list) => live && setCampaigns(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!campaigns?.length) return null;
  const now = Date.now();
  const current = campaigns.filter((c) => c.state === 'open' || c.state === 'scheduled').filter((c) => Date.parse(c.closesAt) > now);
  const published = campaigns.filter((c) => c.state === 'published');
  if (!current.length && !published.length) return null;
  return (
    <section class="open-campaigns" aria-labelledby="open-campaigns-heading" data-testid="open-campaigns">
      <h2 id="open-campaigns-heading">{t('portal.heading')}</h2>
      {current.length > 0 && (
        <ul class="campaign-cards">
          {current.map((c) => (
            <li key={c.id} class="campaign-card">
              <a href={href(`/c/${encodeURIComponent(c.id)}`)}>{campaignTitle(c, locale)}</a>
              <span class="hint">
                {c.accepting
                  ? t('portal.openUntil', { closesAt: formatDateTime(c.closesAt, locale) })
                  : t('portal.opensAt', { opensAt: formatDateTime(c.opensAt, locale), closesAt: formatDateTime(c.closesAt, locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {published.length > 0 && (
        <>
          <h3>{t('portal.published')}</h3>
          <ul class="plain-list">
            {published.map((c) => (
              <li key={c.id}>
                <a href={href(`/c/${encodeURIComponent(c.id)}`)}>{campaignTitle(c, locale)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
