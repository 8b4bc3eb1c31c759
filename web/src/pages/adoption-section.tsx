/**
 * The staff detail's 采纳与转化运用 box (adoption records, issue 10 point 4): the record — what, when, which
 * department, the evidence, who recorded it — its progress updates, its corrections (with what it said before),
 * and the case-library mark.
 */
import type { StaffSuggestionDetail } from '../../../shared/http/api-types';
import { officeDayIso } from '../components/adoption-view';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';

export function AdoptedBadge() {
  const { t } = useI18n();
  return <span class="tag tag-adopted">{t('adoption.badge')}</span>;
}

function Evidence({ url }: { url?: string | undefined }) {
  const { t } = useI18n();
  if (!url) return null;
  return (
    <a href={url} rel="noopener noreferrer" target="_blank">
      {t('adoption.evidence')}
    </a>
  );
}

export function AdoptionSection({ detail, department }: { detail: StaffSuggestionDetail; department: (id?: string) => string | undefined }) {
  const { t, locale } = useI18n();
  const { adoption, featured } = detail;
  if (!adoption && !detail.adopted) return null;
  const day = (d: string) => formatDate(officeDayIso(d), locale);
  return (
    <section class="card" aria-labelledby="adoption-heading" data-testid="adoption">
      <h2 id="adoption-heading">
        {t('adoption.heading')} <AdoptedBadge />
        {featured && <span class="tag tag-featured">{t('adoption.featured')}</span>}
      </h2>
      {!adoption ? (
        <p class="hint">{t('adoption.legacy')}</p>
      ) : (
        <>
          <dl class="facts">
            <div>
              <dt>{t('adoption.outcome')}</dt>
              <dd class="prewrap" data-testid="adoption-outcome">
                {adoption.outcome}
              </dd>
            </div>
            <div>
              <dt>{t('adoption.adoptedOn')}</dt>
              <dd>{day(adoption.adoptedOn)}</dd>
            </div>
            <div>
              <dt>{t('adoption.department')}</dt>
              <dd>{department(adoption.departmentId) ?? (locale === 'en' ? adoption.departmentNameEn : adoption.departmentName)}</dd>
            </div>
            {adoption.evidenceUrl && (
              <div>
                <dt>{t('adoption.evidence')}</dt>
                <dd class="break">
                  <a href={adoption.evidenceUrl} rel="noopener noreferrer" target="_blank">
                    {adoption.evidenceUrl}
                  </a>
                </dd>
              </div>
            )}
          </dl>
          <p class="hint">{t('adoption.recordedBy', { by: adoption.recordedBy, at: formatDateTime(adoption.recordedAt, locale) })}</p>
          {featured && <p class="hint">{t('adoption.featuredBy', { by: featured.by, at: formatDateTime(featured.at, locale) })}</p>}
          <h3>{t('adoption.updates')}</h3>
          {adoption.updates.length === 0 ? (
            <p class="hint">{t('adoption.noUpdates')}</p>
          ) : (
            <ol class="timeline" data-testid="adoption-updates">
              {adoption.updates.map((u, index) => (
                <li key={`${u.at}-${index}`}>
                  <time dateTime={u.date}>{day(u.date)}</time>
                  <span class="hint"> · {u.by}</span>
                  <p class="prewrap">{u.text}</p>
                  <Evidence url={u.evidenceUrl} />
                </li>
              ))}
            </ol>
          )}
          {adoption.corrections.length > 0 && (
            <>
              <h3>{t('adoption.corrections')}</h3>
              <ul class="plain-list" data-testid="adoption-corrections">
                {adoption.corrections.map((c, index) => (
                  <li key={`${c.at}-${index}`}>
                    <p>{t('adoption.correction', { by: c.by, at: formatDateTime(c.at, locale), reason: c.reason })}</p>
                    <p class="hint prewrap">
                      {t('adoption.before', {
                        outcome: c.before.outcome,
                        adoptedOn: day(c.before.adoptedOn),
                        department: locale === 'en' ? c.before.departmentNameEn : c.before.departmentName,
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
