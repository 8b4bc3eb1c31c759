/**
 * The receipt (受理告知) after a submission: the tracking code and the one-time PIN, large and copyable, the
 * screening deadline, whether a receipt message went out, and a link to track it with the code filled in.
 */
import { useState } from 'preact/hooks';
import { forgetReceipt, handOverPin, loadReceipt } from '../receipt-store';
import { useI18n } from '../i18n';
import { formatDateTime } from '../format';
import { href, navigate, pageParam, type Route } from '../router';

function CopyButton({ text, what, onDone }: { text: string; what: string; onDone: (message: string) => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      class="button button-small"
      onClick={async () => {
        try {
          // navigator.clipboard is missing outside secure contexts; that lands in the catch too.
          await navigator.clipboard.writeText(text);
          onDone(t('common.copied', { what }));
        } catch {
          onDone(t('common.copyFailed'));
        }
      }}
    >
      {t('common.copy')}
      <span class="visually-hidden"> {what}</span>
    </button>
  );
}

export function ReceiptPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const [copied, setCopied] = useState('');
  const receipt = loadReceipt();
  const formQuery = { campaign: pageParam(route, 'campaign'), channel: route.query.get('channel') ?? undefined };
  // Sent from a campaign's page (#/c/{id}): "make another" goes back there, with the poster's station.
  const campaignPage = route.query.get('from') === 'campaign' && formQuery.campaign ? `/c/${encodeURIComponent(formQuery.campaign)}` : undefined;
  const anotherPath = campaignPage ?? '/';
  const anotherQuery = campaignPage ? { s: route.query.get('s') ?? undefined } : formQuery;

  if (!receipt) {
    return (
      <section>
        <h1 tabIndex={-1}>{t('receipt.heading')}</h1>
        <p>{t('receipt.none')}</p>
        <p>
          <a class="button" href={href('/track')}>
            {t('track.heading')}
          </a>
        </p>
      </section>
    );
  }

  const codeLabel = t('field.trackingCode');
  const pinLabel = t('field.pin');
  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        {t('receipt.heading')}
      </h1>
      <div class="receipt">
        <p class="alert alert-warning">
          <strong>{t('receipt.saveWarning')}</strong>
        </p>
        <dl class="secrets">
          <div>
            <dt>{codeLabel}</dt>
            <dd>
              <span class="secret" data-testid="tracking-code">
                {receipt.trackingCode}
              </span>
              <CopyButton text={receipt.trackingCode} what={codeLabel} onDone={setCopied} />
            </dd>
          </div>
          <div>
            <dt>{pinLabel}</dt>
            <dd>
              <span class="secret" data-testid="pin">
                {receipt.pin}
              </span>
              <CopyButton text={receipt.pin} what={pinLabel} onDone={setCopied} />
            </dd>
          </div>
        </dl>
        <p class="hint" aria-live="polite">
          {copied}
        </p>
        <p>{t('receipt.status', { status: t(`status.${receipt.status}`) })}</p>
        <p>{t('receipt.due', { date: formatDateTime(receipt.dueAt, locale) })}</p>
        {(receipt.receiptSent || !receipt.receiptsWithheld?.length) && <p>{receipt.receiptSent ? t('receipt.sent') : t('receipt.notSent')}</p>}
        {receipt.receiptsWithheld?.length ? (
          <p class="alert alert-info" role="status">
            {t('receipt.withheld', { channels: receipt.receiptsWithheld.map((c) => t(`receipt.channel.${c}`)).join(t('receipt.channelJoin')) })}
          </p>
        ) : null}
      </div>
      <div class="actions">
        <a
          class="button button-primary"
          href={href('/track', { code: receipt.trackingCode })}
          onClick={() => handOverPin(receipt.trackingCode, receipt.pin)}
        >
          {t('receipt.track')}
        </a>
        <a
          class="button"
          href={href(anotherPath, anotherQuery)}
          onClick={(event) => {
            event.preventDefault();
            forgetReceipt();
            navigate(anotherPath, anotherQuery);
          }}
        >
          {t('receipt.another')}
        </a>
      </div>
    </section>
  );
}
