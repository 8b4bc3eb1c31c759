/** The admin's ranking settings and full-recompute request, at the foot of the dashboard. */
import { useState } from 'preact/hooks';
import { officeChoices } from '../../../../shared/domain/rates/ranking';
import type { DashboardResponse, OfficeChoice } from '../../../../shared/http/api-types';
import { failureMessage } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime, formatNumber } from '../../format';
import { useI18n, type UiKey } from '../../i18n';
import { requestRatesRecompute, saveRankingSettings } from '../../staff-api';

export function AdminPanel({ data, onSaved }: { data: DashboardResponse; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const [choice, setChoice] = useState<OfficeChoice>(data.rankingSettings.officeChoice);
  const [minimum, setMinimum] = useState(String(data.rankingSettings.minimumCount));
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function act(step: () => Promise<string>) {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await step());
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const requested = data.rates.fullRequested;
  const lastFull = data.rates.lastFull;
  return (
    <section aria-labelledby="rate-admin-heading" class="rate-admin">
      <h2 id="rate-admin-heading">{t('dash.settings')}</h2>
      <ErrorAlert message={error} />
      {notice && (
        <p class="alert alert-info" role="status">
          {notice}
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void act(async () => {
            await saveRankingSettings({ officeChoice: choice, minimumCount: Number(minimum) });
            onSaved();
            return t('dash.settingsSaved');
          });
        }}
      >
        <div class="filter-grid">
          <div class="field">
            <label for="rank-choice">{t('dash.officeChoice')}</label>
            <select id="rank-choice" value={choice} onChange={(e) => setChoice(e.currentTarget.value as OfficeChoice)}>
              {officeChoices.map((c) => (
                <option key={c} value={c}>
                  {t(`dash.rate.${c}` as UiKey)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="rank-minimum">{t('dash.minimumCount')}</label>
            <input id="rank-minimum" type="number" min={1} max={1000} step={1} inputMode="numeric" value={minimum} onInput={(e) => setMinimum(e.currentTarget.value)} />
          </div>
        </div>
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('dash.saveSettings')}
        </button>
      </form>
      <h3>{t('dash.recompute')}</h3>
      <p class="hint">{t('dash.recomputeHelp')}</p>
      {requested && (!lastFull || lastFull.at < requested.at) && (
        <p>{t('dash.recomputeRequested', { time: formatDateTime(requested.at, locale), by: formatDateTime(new Date(Date.parse(requested.at) + 5 * 60_000).toISOString(), locale) })}</p>
      )}
      {lastFull && <p class="hint">{t('dash.lastFull', { time: formatDateTime(lastFull.at, locale), count: formatNumber(lastFull.changed, locale), ms: formatNumber(lastFull.ms, locale) })}</p>}
      <button
        type="button"
        class="button"
        disabled={busy}
        onClick={() =>
          void act(async () => {
            const r = await requestRatesRecompute();
            onSaved();
            return t('dash.recomputeRequested', { time: formatDateTime(r.requestedAt, locale), by: formatDateTime(r.expectedBy, locale) });
          })
        }
      >
        {t('dash.recomputeButton')}
      </button>
    </section>
  );
}
