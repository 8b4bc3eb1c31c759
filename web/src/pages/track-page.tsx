/**
 * Citizens follow a suggestion with its tracking code and PIN: status, the public timeline, and the reply.
 * Coming from the receipt, the code (in the URL) and the PIN (handed over in memory) are filled in and looked
 * up at once.
 */
import { useEffect, useRef } from 'preact/hooks';
import { describeField } from '../../../shared/domain/i18n/messages';
import { AdoptionView } from '../components/adoption-view';
import { CodePinForm, useCodePin } from '../components/code-pin';
import { StatusBadge } from '../components/status-badge';
import { categoryName, formatDateTime } from '../format';
import { tDynamic, useI18n } from '../i18n';
import { handOverPin } from '../receipt-store';
import { href, type Route } from '../router';

export function TrackPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  // The same lookup as the answer and rate pages; here the form stays above the result for another lookup.
  const lookup = useCodePin(route);
  const { view } = lookup;
  /** The PIN the shown view was found with, handed (in memory) to the answer and rating pages. */
  const viewPin = lookup.credentials?.pin ?? '';

  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The result appears below the form: take the reader there.
    if (view) resultHeading.current?.focus();
  }, [view]);

  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        {t('track.heading')}
      </h1>
      <p class="lead">{t('track.intro')}</p>
      <CodePinForm state={lookup} idPrefix="t" />

      <div>
        {view && (
          <article class="card result" aria-labelledby="result-heading">
            <h2 id="result-heading" tabIndex={-1} ref={resultHeading}>
              {view.title}
            </h2>
            <dl class="facts">
              <div>
                <dt>{t('track.status')}</dt>
                <dd data-testid="track-status">
                  <StatusBadge status={view.status} />
                </dd>
              </div>
              <div>
                <dt>{describeField(locale, 'trackingCode')}</dt>
                <dd class="mono">{view.trackingCode}</dd>
              </div>
              <div>
                <dt>{describeField(locale, 'category')}</dt>
                <dd>{categoryName(view.category, locale)}</dd>
              </div>
              <div>
                <dt>{t('track.submittedAt')}</dt>
                <dd>{formatDateTime(view.submittedAt, locale)}</dd>
              </div>
              <div>
                <dt>{t('track.dueAt')}</dt>
                <dd>{formatDateTime(view.dueAt, locale)}</dd>
              </div>
            </dl>
            {view.infoRequest && (
              <div class="alert alert-warning" data-testid="track-info-request">
                <p class="alert-title">{t('track.infoRequested')}</p>
                <p class="prewrap">{view.infoRequest.question}</p>
                <a
                  class="button button-primary"
                  href={href('/answer', { code: view.trackingCode })}
                  onClick={() => handOverPin(view.trackingCode, viewPin)}
                >
                  {t('track.answerLink')}
                </a>
              </div>
            )}
            {view.reply && (
              <section class="reply" aria-labelledby="reply-heading">
                <h3 id="reply-heading">{t('track.reply')}</h3>
                <p class="prewrap">{view.reply.text}</p>
                <p class="hint">{formatDateTime(view.reply.at, locale)}</p>
                {view.canRate && (
                  <a
                    class="button button-primary"
                    href={href('/rate', { code: view.trackingCode })}
                    onClick={() => handOverPin(view.trackingCode, viewPin)}
                    data-testid="track-rate-link"
                  >
                    {t('track.rateLink')}
                  </a>
                )}
              </section>
            )}
            {view.adoption && <AdoptionView adoption={view.adoption} />}
            <h3>{t('track.timeline')}</h3>
            <ol class="timeline">
              {view.timeline.map((entry, index) => (
                <li key={`${entry.at}-${index}`}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                  <span class="timeline-action">{tDynamic(`action.${entry.action}`, entry.action)}</span>
                  <StatusBadge status={entry.status} />
                  {entry.note && <p class="prewrap">{entry.note}</p>}
                </li>
              ))}
            </ol>
          </article>
        )}
      </div>
    </section>
  );
}
