/**
 * 采纳: what the citizen reads on the track page once their idea was adopted — what was done, by which department
 * and when, the evidence link, and each progress update after it (adoption records, issue 10 point 4).
 */
import type { CitizenAdoption } from '../../../shared/http/api-types';
import { formatDate } from '../format';
import { useI18n } from '../i18n';

/** An office day (YYYY-MM-DD) as a date: noon in the office's zone, so no device zone moves it a day. */
export function officeDayIso(day: string): string {
  return `${day}T12:00:00+08:00`;
}

export function AdoptionView({ adoption }: { adoption: CitizenAdoption }) {
  const { t, locale } = useI18n();
  const department = locale === 'en' ? adoption.departmentNameEn : adoption.departmentName;
  return (
    <section class="reply adoption" aria-labelledby="adoption-heading" data-testid="track-adoption">
      <h3 id="adoption-heading">{t('track.adoption')}</h3>
      <p class="prewrap">{adoption.outcome}</p>
      <p class="hint">
        {t('track.adoption.by', { department, date: formatDate(officeDayIso(adoption.adoptedOn), locale) })}
        {adoption.evidenceUrl && (
          <>
            {' · '}
            <a href={adoption.evidenceUrl} rel="noopener noreferrer" target="_blank">
              {t('track.adoption.evidence')}
            </a>
          </>
        )}
      </p>
      {adoption.updates.length > 0 && (
        <>
          <h4>{t('track.adoption.updates')}</h4>
          <ol class="timeline" data-testid="track-adoption-updates">
            {adoption.updates.map((update, index) => (
              <li key={`${update.date}-${index}`}>
                <time dateTime={update.date}>{formatDate(officeDayIso(update.date), locale)}</time>
                <p class="prewrap">{update.text}</p>
                {update.evidenceUrl && (
                  <a href={update.evidenceUrl} rel="noopener noreferrer" target="_blank">
                    {t('track.adoption.evidence')}
                  </a>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
