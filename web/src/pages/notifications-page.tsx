/**
 * Admin: notifications that exhausted their retries (in the dead-letter queue), each with a retry button.
 * A retry puts the message back on the notification queue; the list is then loaded again.
 * Recipients come masked; "show" reveals one (the server audits it) in its row only, and nothing else on the page
 * — the retry confirmation, the buttons' labels — ever names a recipient in clear.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FailedNotification } from '../../../shared/http/api-types';
import { RequestError } from '../api';
import { getFailedNotifications, retryNotification, revealRecipient } from '../staff-api';
import { StaffBar } from '../components/staff-bar';
import { formatDateTime } from '../format';
import { tDynamic, useI18n } from '../i18n';
import { href } from '../router';
import { useStaffBasics } from '../staff-data';

export function NotificationsPage() {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const [items, setItems] = useState<FailedNotification[]>();
  const [error, setError] = useState<string>();
  const [retrying, setRetrying] = useState<string>();
  const [revealing, setRevealing] = useState<string>();
  /** Recipients revealed on this visit, by record id; a reload masks them again. */
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const live = useRef(true);

  async function load(): Promise<void> {
    try {
      const response = await getFailedNotifications();
      if (!live.current) return;
      setItems([...response.items].sort((a, b) => b.failedAt.localeCompare(a.failedAt)));
      setError(undefined);
    } catch (caught) {
      if (live.current && caught instanceof RequestError && caught.status !== 401) setError(caught.message);
    }
  }

  useEffect(() => {
    live.current = true;
    void load();
    return () => {
      live.current = false;
    };
  }, []);

  async function reveal(item: FailedNotification): Promise<void> {
    setRevealing(item.id);
    setStatus('');
    setError(undefined);
    try {
      const response = await revealRecipient(item.id);
      if (!live.current) return;
      setRevealed((current) => ({ ...current, [item.id]: response.to }));
      setStatus(t('notif.revealed'));
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.status !== 401) setError(caught.message);
    } finally {
      setRevealing(undefined);
    }
  }

  async function retry(item: FailedNotification): Promise<void> {
    setRetrying(item.id);
    setStatus('');
    setError(undefined);
    try {
      await retryNotification(item.id);
      // item.to is the masked recipient, even when this row was revealed.
      setStatus(t('notif.retried', { to: item.to }));
      await load();
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.status !== 401) setError(caught.message);
    } finally {
      setRetrying(undefined);
    }
  }

  return (
    <section aria-labelledby="page-heading">
      <StaffBar me={me} />
      <h1 id="page-heading" tabIndex={-1}>
        {t('notif.heading')}
      </h1>
      <p class="lead">{t('notif.intro')}</p>
      <p class="hint">{t('notif.maskedNote')}</p>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" class={status ? 'alert alert-info' : 'hint'}>
        {status || (items ? t('notif.count', { count: items.length }) : error ? '' : t('common.loading'))}
      </p>
      {items?.length === 0 && <p class="empty">{t('notif.empty')}</p>}
      {items && items.length > 0 && (
        <div class="table-scroll" role="region" aria-label={t('notif.heading')} tabIndex={0}>
          <table class="queue">
            <thead>
              <tr>
                <th scope="col">{t('notif.failedAt')}</th>
                <th scope="col">{t('notif.event')}</th>
                <th scope="col">{t('notif.channel')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('notif.suggestion')}</th>
                <th scope="col">{t('notif.attempts')}</th>
                <th scope="col">{t('notif.lastError')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('notif.retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="failed-notification">
                  <td class="nowrap">{formatDateTime(item.failedAt, locale)}</td>
                  <td>{tDynamic(`notif.event.${item.event}`, item.event)}</td>
                  <td class="nowrap">{t(item.channel === 'sms' ? 'outbox.sms' : 'outbox.email')}</td>
                  <td>
                    <span class="mono" data-testid="failed-recipient">
                      {revealed[item.id] ?? item.to}
                    </span>
                    {revealed[item.id] === undefined && (
                      <>
                        {' '}
                        <button
                          type="button"
                          class="button button-small"
                          disabled={revealing !== undefined}
                          aria-label={t('notif.revealLabel', { event: tDynamic(`notif.event.${item.event}`, item.event), to: item.to })}
                          onClick={() => void reveal(item)}
                        >
                          {revealing === item.id ? t('detail.revealing') : t('notif.reveal')}
                        </button>
                      </>
                    )}
                  </td>
                  <td>
                    {item.suggestionId ? (
                      <a href={href(`/staff/s/${encodeURIComponent(item.suggestionId)}`)}>{t('notif.open')}</a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{item.attempts}</td>
                  <td class="error-text">{item.lastError}</td>
                  <td>
                    <button
                      type="button"
                      class="button button-small"
                      disabled={retrying !== undefined}
                      aria-label={t('notif.retryLabel', { event: tDynamic(`notif.event.${item.event}`, item.event), to: item.to })}
                      onClick={() => void retry(item)}
                    >
                      {retrying === item.id ? t('act.sending') : t('notif.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
