/**
 * Local runtime only: the SMS and email the platform would have sent, newest first, refreshed every 3 s, so a
 * developer (or the e2e test) can see receipts, reminders and escalations without real providers.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OutboxMessage, SiteConfig } from '../../../shared/http/api-types';
import { getConfig, getOutbox, RequestError } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';

const refreshMs = 3000;

export function OutboxPage() {
  const { t, locale } = useI18n();
  const [config, setConfig] = useState<SiteConfig>();
  const [messages, setMessages] = useState<OutboxMessage[]>();
  const [updatedAt, setUpdatedAt] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    getConfig().then(setConfig, () => undefined);
  }, []);

  useEffect(() => {
    if (config?.mode !== 'local') return;
    let live = true;
    const refresh = () =>
      getOutbox().then(
        (loaded) => {
          if (!live) return;
          setMessages(loaded);
          setUpdatedAt(new Date().toISOString());
          setError(undefined);
        },
        (caught: unknown) => live && caught instanceof RequestError && setError(caught.message),
      );
    void refresh();
    const timer = setInterval(refresh, refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [config?.mode]);

  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        {t('outbox.heading')}
      </h1>
      {config && config.mode !== 'local' ? (
        <p>{t('outbox.localOnly')}</p>
      ) : (
        <>
          <p class="lead">{t('outbox.intro')}</p>
          {error && (
            <p class="alert alert-error" role="alert">
              {error}
            </p>
          )}
          <p class="hint">{updatedAt ? t('outbox.updated', { time: formatDateTime(updatedAt, locale) }) : t('common.loading')}</p>
          {messages?.length === 0 && <p class="empty">{t('outbox.empty')}</p>}
          <ol class="outbox">
            {messages?.map((message) => (
              <li key={message.id} class="card" data-testid="outbox-message">
                <p class="outbox-head">
                  <span class={`tag tag-${message.channel}`}>{t(message.channel === 'sms' ? 'outbox.sms' : 'outbox.email')}</span>
                  <span>
                    {t('outbox.to')}: <span class="mono">{message.to}</span>
                  </span>
                  <time dateTime={message.at} class="hint">
                    {formatDateTime(message.at, locale)}
                  </time>
                </p>
                {message.subject && <h2 class="small-heading">{message.subject}</h2>}
                <p class="prewrap">{message.body}</p>
                {message.deliverAfter && (
                  <p class="hint">{t('outbox.deferred', { time: formatDateTime(message.deliverAfter, locale) })}</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
