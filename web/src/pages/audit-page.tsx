/**
 * Admin and supervisor: the audit log of one office day (Asia/Shanghai), newest first — who looked at or changed
 * what: every staff action, every detail view and queue listing, every reveal of contact details, every change
 * to settings and to the directory. A suggestion id links to the suggestion.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { officeDay } from '../../../shared/domain/office-day';
import type { AuditEntry } from '../../../shared/http/api-types';
import { RequestError } from '../api';
import { getAudit } from '../staff-api';
import { StaffBar } from '../components/staff-bar';
import { formatDateTime } from '../format';
import { tDynamic, useI18n } from '../i18n';
import { href, navigate, type Route } from '../router';
import { useStaffBasics } from '../staff-data';

const suggestionId = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function actionName(action: string): string {
  return tDynamic(`audit.action.${action}`, tDynamic(`action.${action}`, action));
}

export function AuditPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const day = route.query.get('day') || officeDay(new Date());
  const [draft, setDraft] = useState(day);
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const live = useRef(true);

  async function load(after?: string): Promise<void> {
    setLoading(true);
    setError(undefined);
    try {
      const page = await getAudit(day, after);
      if (!live.current) return;
      setEntries((current) => (after ? [...(current ?? []), ...page.entries] : page.entries));
      setCursor(page.nextCursor);
    } catch (caught) {
      if (live.current && caught instanceof RequestError && caught.status !== 401) setError(caught.message);
    } finally {
      if (live.current) setLoading(false);
    }
  }

  useEffect(() => {
    live.current = true;
    setDraft(day);
    setEntries(undefined);
    void load();
    return () => {
      live.current = false;
    };
  }, [day]);

  return (
    <section aria-labelledby="page-heading">
      <StaffBar me={me} />
      <h1 id="page-heading" tabIndex={-1}>
        {t('audit.heading')}
      </h1>
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
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" class="hint">
        {entries ? t('audit.count', { count: entries.length, day }) : error ? '' : t('common.loading')}
      </p>
      {entries?.length === 0 && <p class="empty">{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <div class="table-scroll" role="region" aria-label={t('audit.heading')} tabIndex={0}>
          <table class="queue" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <p>
          <button type="button" class="button" disabled={loading} onClick={() => void load(cursor)}>
            {loading ? t('common.loading') : t('audit.more')}
          </button>
        </p>
      )}
    </section>
  );
}
