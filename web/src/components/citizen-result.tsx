/**
 * What the citizen's answer and rate pages show once code and PIN are right: the suggestion's title (focused,
 * so a screen reader starts there), tracking code and status, and a way on to the track page that hands the PIN
 * over in memory (never in the URL).
 */
import type { ComponentChildren, Ref } from 'preact';
import type { CitizenView } from '../../../shared/http/api-types';
import { useI18n } from '../i18n';
import { handOverPin } from '../receipt-store';
import { href } from '../router';
import { StatusBadge } from './status-badge';

type Credentials = { trackingCode: string; pin: string } | undefined;

export function TrackLink({ view, credentials }: { view: CitizenView; credentials: Credentials }) {
  const { t } = useI18n();
  return (
    <a href={href('/track', { code: view.trackingCode })} onClick={() => credentials && handOverPin(credentials.trackingCode, credentials.pin)}>
      {t('citizen.toTrack')}
    </a>
  );
}

export function CitizenResult({
  idPrefix,
  view,
  headingRef,
  children,
}: {
  idPrefix: string;
  view: CitizenView;
  headingRef: Ref<HTMLHeadingElement>;
  children: ComponentChildren;
}) {
  return (
    <article class="card result" aria-labelledby={`${idPrefix}-result-heading`}>
      <h2 id={`${idPrefix}-result-heading`} tabIndex={-1} ref={headingRef}>
        {view.title}
      </h2>
      <p>
        <span class="mono">{view.trackingCode}</span> <StatusBadge status={view.status} />
      </p>
      {children}
    </article>
  );
}
