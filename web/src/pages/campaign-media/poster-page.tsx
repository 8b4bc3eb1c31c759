/**
 * A campaign's printable poster (`#/staff/campaigns/{id}/poster?station=`): on A4, the organisation's name, the
 * title and a shortened theme, the cover, the station's QR code large (an inline SVG: sharp at any print size),
 * the window in Beijing time, the station, and how to follow a suggestion up (the tracking code and PIN a
 * submitter receives, the site's tracking address). On screen only: the station picker, the publisher's name as
 * it will print, the print button and the QR code downloads.
 */
import { useState } from 'preact/hooks';
import { getCampaignPoster } from '../../campaign-media-api';
import { ErrorAlert } from '../../components/error-alert';
import { StaffPage } from '../../components/staff-page';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { href, navigate, type Route } from '../../router';
import { useStaffBasics } from '../../staff-data';
import { useLoad } from '../../use-load';
import { usePrintablePage } from './print-page';
import './campaign-media.css';

/** The QR code's SVG as the API drew it (qrcode's output: an svg of paths, nothing else). */
function isPlainSvg(svg: string): boolean {
  return /^<svg [^>]*>(<path [^>]*\/>)+<\/svg>\s*$/.test(svg);
}

export function PosterPage({ id, route }: { id: string; route: Route }) {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  usePrintablePage('poster');
  const station = route.query.get('station') ?? '';
  const poster = useLoad(() => getCampaignPoster(id, station || undefined), [id, station]);
  const [publisher, setPublisher] = useState<string>();
  const p = poster.data;
  const organisation = publisher ?? (p?.organisation ? (locale === 'en' && p.organisation.nameEn) || p.organisation.name : '');
  const title = p ? (locale === 'en' && p.campaign.titleEn) || p.campaign.title : '';
  const theme = p ? (locale === 'en' && p.campaign.themeEn) || p.campaign.theme : '';

  return (
    <>
      <div class="no-print">
        <StaffPage me={me} heading={p ? `${t('poster.heading')}：${title}` : t('poster.heading')}>
          <p class="hint">{t('poster.intro')}</p>
          <ErrorAlert message={poster.error} />
          {p && (
            <div class="poster-controls">
              <div class="filter-grid">
                <div class="field">
                  <label for="poster-station">{t('poster.station')}</label>
                  <select id="poster-station" value={station} onChange={(e) => navigate(`/staff/campaigns/${id}/poster`, { station: e.currentTarget.value || undefined }, { replace: true })}>
                    <option value="">{t('poster.noStation')}</option>
                    {p.campaign.stations.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="poster-publisher">{t('poster.organisation')}</label>
                  <input id="poster-publisher" value={organisation} maxLength={60} onInput={(e) => setPublisher(e.currentTarget.value)} />
                </div>
              </div>
              <div class="actions">
                <button type="button" class="button button-primary" onClick={() => window.print()} data-testid="poster-print">
                  {t('poster.print')}
                </button>
                <a class="button" href={p.downloads.svg} download={`qr-${p.campaign.id}${p.station ? `-${p.station.id}` : ''}.svg`}>
                  {t('poster.downloadSvg')}
                </a>
                <a class="button" href={p.downloads.png} download={`qr-${p.campaign.id}${p.station ? `-${p.station.id}` : ''}.png`}>
                  {t('poster.downloadPng')}
                </a>
                <a class="button" href={href(`/staff/campaigns/${id}`)}>
                  {t('poster.back')}
                </a>
              </div>
              {p.campaign.state === 'draft' && <p class="alert alert-warning">{t('poster.draftNote')}</p>}
            </div>
          )}
        </StaffPage>
      </div>
      {p && (
        <article class="poster" data-testid="poster" lang={locale}>
          {organisation && <p class="poster-org">{organisation}</p>}
          {p.campaign.coverUrl && <img class="poster-cover" src={p.campaign.coverUrl} alt="" />}
          <h2 class="poster-title">{title}</h2>
          <p class="poster-theme">{theme}</p>
          <div class="poster-code">
            {isPlainSvg(p.qr.svg) ? (
              // The API's own drawing of the page URL (checked above to be only paths): inlined so it prints sharp.
              <div class="poster-qr" role="img" aria-label={p.qr.text} dangerouslySetInnerHTML={{ __html: p.qr.svg }} data-testid="poster-qr" />
            ) : (
              <img class="poster-qr" src={p.downloads.svg} alt={p.qr.text} data-testid="poster-qr" />
            )}
            <div class="poster-code-text">
              <p class="poster-scan">{t('poster.scan')}</p>
              {p.station && <p class="poster-station">{t('poster.stationLine', { name: p.station.name })}</p>}
              <p class="poster-window">{t('poster.window', { from: formatDateTime(p.campaign.opensAt, locale), to: formatDateTime(p.campaign.closesAt, locale) })}</p>
            </div>
          </div>
          <p class="poster-url">{t('poster.orType', { url: p.qr.text })}</p>
          <section class="poster-follow">
            <h3>{t('poster.followTitle')}</h3>
            <p>{t('poster.follow', { url: p.trackUrl })}</p>
          </section>
        </article>
      )}
    </>
  );
}
