/**
 * Bulletins (通报): every revision of every weekly and monthly bulletin, newest period first, each with its
 * printable page (opened in the browser; the print stylesheet makes it A4) and its workbook. Admins and
 * supervisors can generate one on demand: a period that has one gets a new revision.
 */
import { useState } from 'preact/hooks';
import { previousPeriod } from '../../../shared/domain/bulletins/bulletin';
import type { BulletinView } from '../../../shared/http/api-types';
import { failureMessage } from '../api';
import { DataTable } from '../components/data-table';
import { ErrorAlert } from '../components/error-alert';
import { StaffPage } from '../components/staff-page';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { getBulletinDownload, getBulletins, requestBulletin } from '../staff-api';
import { useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';

function GenerateForm({ onQueued }: { onQueued: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'week' | 'month'>('week');
  const [period, setPeriod] = useState(previousPeriod('week', new Date()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  return (
    <form
      class="bulletin-generate"
      aria-labelledby="generate-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(undefined);
        setDone(undefined);
        try {
          await requestBulletin(kind, period.trim());
          setDone(t('bul.queued'));
          onQueued();
        } catch (caught) {
          setError(failureMessage(caught));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="generate-heading" class="small-heading">
        {t('bul.generate')}
      </h2>
      <p class="hint">{t('bul.generateIntro')}</p>
      <div class="filter-grid">
        <div class="field">
          <label for="bul-kind">{t('bul.kind')}</label>
          <select
            id="bul-kind"
            value={kind}
            onChange={(event) => {
              const next = event.currentTarget.value === 'month' ? 'month' : 'week';
              setKind(next);
              setPeriod(previousPeriod(next, new Date()));
            }}
          >
            <option value="week">{t('bul.kind.week')}</option>
            <option value="month">{t('bul.kind.month')}</option>
          </select>
        </div>
        <div class="field">
          <label for="bul-period">{t('bul.period')}</label>
          <input id="bul-period" value={period} aria-describedby="bul-period-hint" onInput={(event) => setPeriod(event.currentTarget.value)} />
          <p id="bul-period-hint" class="hint">
            {t('bul.periodHint')}
          </p>
        </div>
      </div>
      <ErrorAlert message={error} />
      <p role="status" class="hint">
        {done}
      </p>
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('bul.submit')}
        </button>
      </div>
    </form>
  );
}

export function BulletinsPage() {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const list = useLoad(getBulletins);
  const [error, setError] = useState<string>();
  const bulletins = list.data?.bulletins ?? [];

  async function open(item: BulletinView, format: 'html' | 'xlsx'): Promise<void> {
    setError(undefined);
    try {
      location.assign((await getBulletinDownload(item.id, format)).url);
    } catch (caught) {
      setError(failureMessage(caught));
    }
  }

  const periodLabel = (item: BulletinView) => `${t(`bul.kind.${item.kind}`)} ${item.period}`;

  return (
    <StaffPage me={me} heading={t('bul.heading')}>
      <p class="hint">{t('bul.intro')}</p>
      <ErrorAlert message={error ?? list.error} />
      {list.data?.canGenerate && <GenerateForm onQueued={() => setTimeout(() => void list.reload(), 2000)} />}
      <div class="actions">
        <button type="button" class="button button-small" onClick={() => void list.reload()}>
          {t('bul.refresh')}
        </button>
      </div>
      {bulletins.length > 0 ? (
        <DataTable
          label={t('bul.tableLabel')}
          columns={[t('bul.col.period'), t('bul.col.range'), t('bul.col.revision'), t('bul.col.generated'), t('bul.col.by'), t('bul.col.files')]}
          testId="bulletins-table"
        >
          {bulletins.map((item) => (
            <tr key={item.id} data-testid="bulletin-row" data-id={item.id}>
              <td class="nowrap">{periodLabel(item)}</td>
              <td class="nowrap">
                {item.from} – {item.to}
              </td>
              <td class="nowrap">{t('bul.revision', { revision: item.revision })}</td>
              <td class="nowrap">{formatDateTime(item.generatedAt, locale)}</td>
              <td>{item.generatedBy === 'schedule' ? t('bul.bySchedule') : item.generatedBy}</td>
              <td class="nowrap">
                <button type="button" class="button button-small" onClick={() => void open(item, 'html')} aria-label={t('bul.openHtmlLabel', { period: periodLabel(item) })}>
                  {t('bul.openHtml')}
                </button>{' '}
                <button type="button" class="button button-small" onClick={() => void open(item, 'xlsx')} aria-label={t('bul.downloadXlsxLabel', { period: periodLabel(item) })}>
                  {t('bul.downloadXlsx')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        !list.loading && <p class="empty">{t('bul.none')}</p>
      )}
    </StaffPage>
  );
}
