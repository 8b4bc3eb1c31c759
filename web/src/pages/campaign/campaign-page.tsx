/**
 * A campaign's public page (#/c/{id}, and #/c/{id}?s=<station> from a poster's QR code), made for a phone.
 * Primary course:
 * 1. Load the campaign (GET /api/campaigns/{id}); show its title, theme, window in Beijing time and a plain state:
 *    open until …, opens …, closed, or results published.
 * 2. Opened from a station's poster: record the scan once per visit (POST …/scans), and carry the station on what
 *    is sent.
 * 3. While it takes part: the questionnaire (questionnaire-form.tsx) and "add a suggestion", the suggestion form
 *    limited to the campaign's categories (channel `qr` from a poster).
 * 4. After publication: the summary and the figures.
 * This page is a chunk of its own with its own strings: the home page's first load does not carry it.
 */
import '../../zod-without-eval';
import { useEffect, useRef } from 'preact/hooks';
import '../../i18n/citizen-campaign';
import type { PublicCampaign } from '../../../../shared/http/api-types';
import { categoryNames } from '../../../../shared/domain/intake/categories';
import { getPublicCampaign, recordScan } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { campaignTitle } from '../../components/open-campaigns';
import { formatDateTime } from '../../format';
import { newIdempotencyKey } from '../../idempotency';
import { useI18n } from '../../i18n';
import { href, pageParam, type Route } from '../../router';
import { useLoad } from '../../use-load';
import { SuggestionForm } from '../submit-page';
import { PublishedResults } from './published-results';
import { QuestionnaireForm } from './questionnaire-form';
import './campaign-page.css';

type Phase = 'open' | 'upcoming' | 'closed' | 'published';

export function campaignPhase(c: Pick<PublicCampaign, 'state' | 'accepting' | 'opensAt'>, now: number): Phase {
  if (c.state === 'published') return 'published';
  if (c.accepting) return 'open';
  if ((c.state === 'scheduled' || c.state === 'open') && Date.parse(c.opensAt) > now) return 'upcoming';
  return 'closed';
}

/** Records a poster's scan once per visit: a reload or a way back within the same tab is the same visit. */
function useScan(campaignId: string, stationId: string | undefined): void {
  useEffect(() => {
    if (!stationId) return;
    const key = `jianyi.scan.${campaignId}.${stationId}`;
    let visitId: string;
    try {
      if (sessionStorage.getItem(key)) return;
      visitId = newIdempotencyKey();
      sessionStorage.setItem(key, visitId);
    } catch {
      visitId = newIdempotencyKey();
    }
    recordScan(campaignId, visitId, stationId).catch(() => {
      // Not recorded (offline): the next visit tries again. The page works the same either way.
      try {
        sessionStorage.removeItem(key);
      } catch {
        // Nothing kept, nothing to undo.
      }
    });
  }, [campaignId, stationId]);
}

export function CampaignPage({ id, route }: { id: string; route: Route }) {
  const { t, locale } = useI18n();
  const load = useLoad(() => getPublicCampaign(id), [id]);
  const c = load.data;
  const stationParam = pageParam(route, 's');
  const station = c?.stations.find((s) => s.id === stationParam);
  const suggestRef = useRef<HTMLHeadingElement>(null);
  useScan(id, station?.id);

  useEffect(() => {
    if (c) document.title = `${campaignTitle(c, locale)} · ${t('app.name')}`;
  }, [c, locale]);

  if (!c) {
    return (
      <section aria-labelledby="page-heading">
        <h1 id="page-heading" tabIndex={-1}>
          {load.error ? t('cp.notFound') : t('common.loading')}
        </h1>
        <ErrorAlert message={load.error} />
        {load.error && (
          <p>
            <a href={href('/')}>{t('common.home')}</a>
          </p>
        )}
      </section>
    );
  }

  const phase = campaignPhase(c, Date.now());
  const theme = (locale === 'en' && c.themeEn) || c.theme;
  const window = { opensAt: formatDateTime(c.opensAt, locale), closesAt: formatDateTime(c.closesAt, locale) };
  const stateText =
    phase === 'open'
      ? t('cp.state.open', window)
      : phase === 'upcoming'
        ? t('cp.state.upcoming', window)
        : phase === 'closed'
          ? t('cp.state.closed', window)
          : t('cp.state.published', window);

  return (
    <article class="campaign-page" aria-labelledby="page-heading" data-campaign={c.id} data-phase={phase}>
      {c.coverUrl && <img class="cp-cover" src={c.coverUrl} alt="" />}
      <h1 id="page-heading" tabIndex={-1}>
        {campaignTitle(c, locale)}
      </h1>
      <p class={`cp-state cp-state-${phase}`} data-testid="campaign-state">
        {stateText}
      </p>
      <p class="hint">{t('cp.window', window)}</p>
      {station && <p class="notice">{t('cp.station', { name: station.name })}</p>}
      <div class="cp-theme prewrap" lang={locale === 'en' && c.themeEn ? 'en' : 'zh-CN'}>
        {theme}
      </div>
      <p class="hint">{t('cp.categories', { categories: c.categories.map((cat) => categoryNames[cat][locale]).join(locale === 'en' ? ', ' : '、') })}</p>

      {c.results && <PublishedResults results={c.results} questionnaire={c.questionnaire} />}

      {c.questionnaire &&
        (phase === 'open' ? (
          <QuestionnaireForm campaign={c} questionnaire={c.questionnaire} stationId={station?.id} onSuggest={() => suggestRef.current?.focus()} />
        ) : (
          phase !== 'published' && (
            <p class="alert alert-info" data-testid="questionnaire-closed">
              {t(phase === 'upcoming' ? 'cp.q.notYet' : 'cp.q.closed', window)}
            </p>
          )
        ))}

      <section class="cp-suggest" aria-labelledby="cp-suggest-heading">
        <h2 id="cp-suggest-heading" tabIndex={-1} ref={suggestRef}>
          {t('cp.suggest.heading')}
        </h2>
        {phase === 'open' ? (
          <>
            <p class="hint">{t('cp.suggest.intro')}</p>
            <SuggestionForm
              campaignId={c.id}
              categories={c.categories}
              stationId={station?.id}
              channel={station ? 'qr' : 'web'}
              receiptQuery={{ campaign: c.id, channel: station ? 'qr' : undefined, from: 'campaign', s: station?.id }}
            />
          </>
        ) : (
          <p class="alert alert-info">{t(phase === 'upcoming' ? 'cp.suggest.notYet' : 'cp.suggest.closed', window)}</p>
        )}
      </section>

      {(phase === 'closed' || phase === 'published') && (
        <p>
          <a href={href('/cases', { campaign: c.id })}>{t('cp.cases')}</a>
        </p>
      )}
    </article>
  );
}
