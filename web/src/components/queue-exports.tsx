/**
 * The queue page's exports: buttons that export every suggestion matching the current filters (CSV or XLSX), and
 * the person's recent exports with their state — asked for, running, done with its row count, or failed with the
 * reason — and a download link once done. Polls while one is unfinished.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ExportView } from '../../../shared/http/api-types';
import { failureMessage } from '../api';
import { formatDateTime, formatNumber } from '../format';
import { useI18n } from '../i18n';
import { getExportDownload, getExports, requestExport, type QueueFilters } from '../staff-api';
import { useLoad } from '../use-load';
import { DataTable } from './data-table';
import { ErrorAlert } from './error-alert';

function StateText({ item }: { item: ExportView }) {
  const { t, locale } = useI18n();
  if (item.state === 'done') return <>{t('exp.state.done', { rows: formatNumber(item.rows ?? 0, locale) })}</>;
  if (item.state === 'failed') {
    return (
      <>
        <strong>{t('exp.state.failed')}</strong>: {t(`exp.failure.${item.failure?.reason ?? 'error'}`)}
      </>
    );
  }
  return <>{t(`exp.state.${item.state}`)}</>;
}

export function QueueExports({ filters }: { filters: QueueFilters }) {
  const { t, locale } = useI18n();
  const list = useLoad(getExports);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const exports = list.data?.exports ?? [];
  const unfinished = exports.some((e) => e.state === 'queued' || e.state === 'running');

  useEffect(() => {
    if (!unfinished) return;
    const timer = setTimeout(() => void list.reload(), 1500);
    return () => clearTimeout(timer);
  }, [list.data]);

  async function start(format: 'csv' | 'xlsx'): Promise<void> {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      const created = await requestExport(format, filters);
      list.setData((current) => ({ exports: [created, ...(current?.exports ?? [])] }));
      setMessage(t('exp.started'));
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function download(item: ExportView): Promise<void> {
    setError(undefined);
    try {
      // The file comes with Content-Disposition: attachment, so the page stays where it is.
      location.assign((await getExportDownload(item.id)).url);
    } catch (caught) {
      setError(failureMessage(caught));
    }
  }

  const filtersText = (item: ExportView) =>
    // Campaigns (issue 11): media — a campaign's close report is kept among the exports.
    (item.campaignReport && t('exp.campaignReport', { title: item.campaignReport.title })) ||
    Object.entries(item.filters)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ') || t('exp.allFilters');

  return (
    <section class="queue-exports" aria-labelledby="exports-heading">
      <h2 id="exports-heading" class="small-heading">
        {t('exp.heading')}
      </h2>
      <p class="hint">{t('exp.intro')}</p>
      <div class="actions">
        <button type="button" class="button" disabled={busy} onClick={() => void start('csv')} data-testid="export-csv">
          {t('exp.csv')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => void start('xlsx')} data-testid="export-xlsx">
          {t('exp.xlsx')}
        </button>
      </div>
      <p role="status" class="hint">
        {message}
      </p>
      <ErrorAlert message={error ?? list.error} />
      {exports.length > 0 ? (
        <DataTable label={t('exp.recent')} columns={[t('exp.col.requested'), t('exp.col.format'), t('exp.col.filters'), t('exp.col.state'), t('exp.col.download')]} testId="exports-table">
          {exports.slice(0, 5).map((item) => (
            <tr key={item.id} data-testid="export-row" data-state={item.state}>
              <td class="nowrap">{formatDateTime(item.requestedAt, locale)}</td>
              <td class="nowrap">{item.format.toUpperCase()}</td>
              <td>{filtersText(item)}</td>
              <td>
                <StateText item={item} />
              </td>
              <td>
                {item.state === 'done' && (
                  <button type="button" class="button button-small" onClick={() => void download(item)} aria-label={t('exp.downloadLabel', { name: item.fileName ?? item.format })}>
                    {t('exp.download')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        !list.loading && <p class="empty">{t('exp.none')}</p>
      )}
    </section>
  );
}
