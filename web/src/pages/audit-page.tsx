/**
 * Admin and supervisor: the audit log of one office day (Asia/Shanghai), newest first — who looked at or changed
 * what: every staff action, every detail view and queue listing, every reveal of contact details, every change
 * to settings and to the directory. A suggestion id links to the suggestion.
 */
import { useEffect, useState } from 'preact/hooks';
import { officeDay } from '../../../shared/domain/office-day';
import { DataTable } from '../components/data-table';
import { ErrorAlert } from '../components/error-alert';
import { StaffPage } from '../components/staff-page';
import { formatDateTime } from '../format';
import { tDynamic, useI18n } from '../i18n';
import { href, navigate, type Route } from '../router';
import { getAudit } from '../staff-api';
import { useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';

const suggestionId = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function actionName(action: string): string {
  return tDynamic(`audit.action.${action}`, tDynamic(`action.${action}`, action));
}

export function AuditPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const day = route.query.get('day') || officeDay(new Date());
  const [draft, setDraft] = useState(day);
  const log = useLoad(() => getAudit(day), [day]);
  const entries = log.data?.entries;
  const cursor = log.data?.nextCursor;
  const error = log.error;

  useEffect(() => setDraft(day), [day]);

  /** The next page of the day, below what is shown. */
  const more = () =>
    log.extend(async (current) => {
      const page = await getAudit(day, current.nextCursor);
      return { ...page, entries: [...current.entries, ...page.entries] };
    });

  return (
    <StaffPage me={me} heading={t('audit.heading')}>
      <p class="lead">{t('audit.intro')}</p>
      <form
        class="filters"
        aria-label={t('audit.day')}
        onSubmit={(event) => {
          event.preventDefault();
          navigate('/staff/audit', { day: draft });
        }}
      >
        <div class="filter-grid">
          <div class="field">
            <label for="audit-day">{t('audit.day')}</label>
            <input id="audit-day" type="date" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="button button-primary">
            {t('audit.show')}
          </button>
        </div>
      </form>
      <ErrorAlert message={error} />
      <p role="status" class="hint">
        {entries ? t('audit.count', { count: entries.length, day }) : error ? '' : t('common.loading')}
      </p>
      {entries?.length === 0 && <p class="empty">{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <DataTable
          label={t('audit.heading')}
          testId="audit-table"
          columns={[t('audit.at'), t('audit.who'), t('audit.what'), t('audit.target'), t('audit.detail')]}
        >
          {entries.map((entry, index) => (
            <tr key={`${entry.at}-${index}`} data-testid="audit-row">
              <td class="nowrap">{formatDateTime(entry.at, locale)}</td>
              <td>
                {entry.actor.id} <span class="hint">({tDynamic(`role.${entry.actor.role}`, entry.actor.role)})</span>
              </td>
              <td>{actionName(entry.action)}</td>
              <td>
                {entry.target && suggestionId.test(entry.target) ? (
                  <a href={href(`/staff/s/${entry.target}`)}>
                    <code>{entry.target}</code>
                  </a>
                ) : (
                  <code>{entry.target ?? '—'}</code>
                )}
              </td>
              <td class="prewrap">{entry.detail ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {cursor && (
        <p>
          <button type="button" class="button" disabled={log.loading} onClick={() => void more()}>
            {log.loading ? t('common.loading') : t('audit.more')}
          </button>
        </p>
      )}
    </StaffPage>
  );
}
