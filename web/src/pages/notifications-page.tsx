/**
 * Admin: notifications that exhausted their retries (in the dead-letter queue), each with a retry button.
 * A retry puts the message back on the notification queue; the list is then loaded again.
 * Recipients come masked; "show" reveals one (the server audits it) in its row only, and nothing else on the page
 * — the retry confirmation, the buttons' labels — ever names a recipient in clear.
 */
import { useState } from 'preact/hooks';
import type { FailedNotification } from '../../../shared/http/api-types';
import { failureMessage } from '../api';
import { DataTable } from '../components/data-table';
import { ErrorAlert } from '../components/error-alert';
import { StaffPage } from '../components/staff-page';
import { formatDateTime } from '../format';
import { tDynamic, useI18n } from '../i18n';
import { href } from '../router';
import { getFailedNotifications, retryNotification, revealRecipient } from '../staff-api';
import { useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';

/** Newest failure first. */
async function loadFailed(): Promise<FailedNotification[]> {
  const response = await getFailedNotifications();
  return [...response.items].sort((a, b) => b.failedAt.localeCompare(a.failedAt));
}

export function NotificationsPage() {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const failed = useLoad(loadFailed);
  const items = failed.data;
  const [error, setError] = useState<string>();
  const [retrying, setRetrying] = useState<string>();
  const [revealing, setRevealing] = useState<string>();
  /** Recipients revealed on this visit, by record id; a reload masks them again. */
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const shownError = error ?? failed.error;

  async function reveal(item: FailedNotification): Promise<void> {
    setRevealing(item.id);
    setStatus('');
    setError(undefined);
    try {
      const response = await revealRecipient(item.id);
      setRevealed((current) => ({ ...current, [item.id]: response.to }));
      setStatus(t('notif.revealed'));
    } catch (caught) {
      setError(failureMessage(caught));
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
      await failed.reload();
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setRetrying(undefined);
    }
  }

  return (
    <StaffPage me={me} heading={t('notif.heading')}>
      <p class="lead">{t('notif.intro')}</p>
      <p class="hint">{t('notif.maskedNote')}</p>
      <ErrorAlert message={shownError} />
      <p role="status" class={status ? 'alert alert-info' : 'hint'}>
        {status || (items ? t('notif.count', { count: items.length }) : shownError ? '' : t('common.loading'))}
      </p>
      {items?.length === 0 && <p class="empty">{t('notif.empty')}</p>}
      {items && items.length > 0 && (
        <DataTable
          label={t('notif.heading')}
          columns={[t('notif.failedAt'), t('notif.event'), t('notif.channel'), t('outbox.to'), t('notif.suggestion'), t('notif.attempts'), t('notif.lastError'), { hidden: t('notif.retry') }]}
        >
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
        </DataTable>
      )}
    </StaffPage>
  );
}
