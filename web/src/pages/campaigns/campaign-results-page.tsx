/**
 * A campaign's live results (#/staff/campaigns/{id}/results): the totals (suggestions, responses, participants,
 * QR scans), submissions and responses by day (chart and the same numbers as a table), suggestions by category and
 * channel, everything by station, each question's counts, the text answers browser, and the exports. The figures
 * are read again every 30 seconds while the page is open.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CampaignFigures } from '../../../../shared/http/api-types';
import { failureMessage } from '../../api';
import { beijingDay } from '../../campaigns/beijing-time';
import { daySeries, stationRows } from '../../campaigns/figures-view';
import type { StaffCampaign } from '../../campaign-types';
import { CountChart } from '../../components/count-chart';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { QuestionFiguresView } from '../../components/question-figures';
import { StaffPage } from '../../components/staff-page';
import { categoryName, formatDateTime, formatNumber } from '../../format';
import { tDynamic, useI18n } from '../../i18n';
import { href } from '../../router';
import { getCampaign, getCampaignFigures, requestCampaignExport } from '../../staff-api';
import { useStaffBasics } from '../../staff-data';
import { useLoad } from '../../use-load';
import { CampaignLinks, StateBadge } from './campaign-common';
import { TextAnswers } from './text-answers';
import '../dashboard/dashboard.css';
import './campaigns.css';

const refreshMs = 30_000;

function sorted(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function Exports({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  async function start(format: 'csv' | 'xlsx'): Promise<void> {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      await requestCampaignExport(campaignId, format);
      setMessage(t('camp.res.exportStarted', { format: format.toUpperCase() }));
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="campaign-exports-heading">
      <h2 id="campaign-exports-heading">{t('camp.res.exports')}</h2>
      <p class="hint">{t('camp.res.exportsIntro')}</p>
      <div class="actions">
        <button type="button" class="button" disabled={busy} onClick={() => void start('csv')} data-testid="campaign-export-csv">
          {t('camp.res.exportCsv')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => void start('xlsx')} data-testid="campaign-export-xlsx">
          {t('camp.res.exportXlsx')}
        </button>
      </div>
      <p role="status" class={message ? 'alert alert-info' : 'visually-hidden'}>
        {message && (
          <>
            {message} <a href={href('/staff')}>{t('camp.res.exportsList')}</a>
          </>
        )}
      </p>
      <ErrorAlert message={error} />
    </section>
  );
}

function Totals({ figures }: { figures: CampaignFigures }) {
  const { t, locale } = useI18n();
  const items = [
    ['suggestions', figures.suggestions],
    ['responses', figures.responses],
    ['participants', figures.participants],
    ['scans', figures.scans],
  ] as const;
  return (
    <ul class="rate-cards" data-testid="campaign-totals">
      {items.map(([name, value]) => (
        <li class="rate-card" key={name} data-total={name}>
          <span class="rate-name">{t(`camp.res.total.${name}`)}</span>
          <span class="rate-value">{formatNumber(value, locale)}</span>
        </li>
      ))}
    </ul>
  );
}

function Results({ campaign, figures }: { campaign: StaffCampaign; figures: CampaignFigures }) {
  const { t, locale } = useI18n();
  const [textQuestion, setTextQuestion] = useState('');
  const today = beijingDay(new Date());
  const closingDay = beijingDay(new Date(campaign.closesAt));
  const series = daySeries(figures, { from: beijingDay(new Date(campaign.opensAt)), to: closingDay < today ? closingDay : today });
  const n = (value: number) => formatNumber(value, locale);
  const questions = campaign.questionnaire?.questions ?? [];
  const textQuestions = questions.filter((q) => q.type === 'shortText' || q.type === 'longText');
  const stations = stationRows(figures, campaign.stations);
  return (
    <>
      <Totals figures={figures} />

      <section aria-labelledby="by-day-heading">
        <h2 id="by-day-heading">{t('camp.res.byDay')}</h2>
        {series.days.length > 0 && (
          <CountChart
            label={t('camp.res.byDayLabel', { days: series.days.length })}
            labels={series.days}
            series={[
              { label: t('camp.res.total.responses'), values: series.responses },
              { label: t('camp.res.total.suggestions'), values: series.suggestions },
            ]}
          />
        )}
        <details>
          <summary>{t('camp.res.byDayTable')}</summary>
          <DataTable label={t('camp.res.byDay')} columns={[t('camp.res.day'), t('camp.res.total.responses'), t('camp.res.total.suggestions')]} testId="by-day-table">
            {series.days.map((day, i) => (
              <tr key={day}>
                <td class="nowrap">{day}</td>
                <td class="num">{n(series.responses[i]!)}</td>
                <td class="num">{n(series.suggestions[i]!)}</td>
              </tr>
            ))}
          </DataTable>
        </details>
      </section>

      <div class="two-tables">
        <section aria-labelledby="by-category-heading">
          <h2 id="by-category-heading">{t('camp.res.byCategory')}</h2>
          <DataTable label={t('camp.res.byCategory')} columns={[t('camp.res.category'), t('camp.res.total.suggestions')]} testId="by-category-table">
            {sorted(figures.byCategory).map(([category, count]) => (
              <tr key={category}>
                <td>{categoryName(category, locale)}</td>
                <td class="num">{n(count)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
        <section aria-labelledby="by-channel-heading">
          <h2 id="by-channel-heading">{t('camp.res.byChannel')}</h2>
          <DataTable label={t('camp.res.byChannel')} columns={[t('camp.res.channel'), t('camp.res.total.suggestions')]} testId="by-channel-table">
            {sorted(figures.byChannel).map(([channel, count]) => (
              <tr key={channel}>
                <td>{tDynamic(`channel.${channel}`, channel)}</td>
                <td class="num">{n(count)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>

      <section aria-labelledby="by-station-heading">
        <h2 id="by-station-heading">{t('camp.res.byStation')}</h2>
        <DataTable label={t('camp.res.byStation')} columns={[t('camp.res.station'), t('camp.res.total.scans'), t('camp.res.total.responses'), t('camp.res.total.suggestions')]} testId="by-station-table">
          {stations.map((row) => (
            <tr key={row.id || '-'} data-station={row.id}>
              <td>
                {row.id === '' ? t('camp.res.noStation') : row.name ?? row.id}
                {row.id && <span class="hint mono"> {row.id}</span>}
              </td>
              <td class="num">{n(row.scans)}</td>
              <td class="num">{n(row.responses)}</td>
              <td class="num">{n(row.suggestions)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      {questions.length > 0 && (
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">{t('camp.res.questions')}</h2>
          {questions.map((question, index) => (
            <QuestionFiguresView
              key={question.id}
              question={question}
              index={index}
              figures={figures.questions[question.id]}
              textSlot={
                <a
                  href="#text-answers"
                  onClick={(event) => {
                    event.preventDefault();
                    setTextQuestion(question.id);
                    document.getElementById('ta-question')?.focus();
                  }}
                >
                  {t('camp.res.readAnswers')}
                </a>
              }
            />
          ))}
        </section>
      )}

      {textQuestions.length > 0 && <TextAnswers campaignId={campaign.id} questions={textQuestions} stations={campaign.stations} question={textQuestion} onQuestion={setTextQuestion} />}
      <Exports campaignId={campaign.id} />
    </>
  );
}

export function CampaignResultsPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const campaign = useLoad(() => getCampaign(id), [id]);
  const figures = useLoad(() => getCampaignFigures(id), [id]);
  const [readAt, setReadAt] = useState<string>();

  useEffect(() => {
    if (figures.data) setReadAt(new Date().toISOString());
  }, [figures.data]);
  useEffect(() => {
    const timer = setInterval(() => void figures.reload(), refreshMs);
    return () => clearInterval(timer);
  }, [id]);

  const c = campaign.data;
  return (
    <StaffPage me={me} heading={c ? t('camp.resultsOf', { title: c.title }) : t('camp.resultsHeading')} class="campaign-results">
      <p>
        <a href="#/staff/campaigns">{t('camp.back')}</a>
      </p>
      {c && (
        <>
          <p>
            <StateBadge state={c.state} />{' '}
            <span class="hint">{t('camp.window', { opensAt: formatDateTime(c.opensAt, locale), closesAt: formatDateTime(c.closesAt, locale) })}</span>
          </p>
          <CampaignLinks id={c.id} current="results" />
        </>
      )}
      <ErrorAlert message={campaign.error ?? figures.error} />
      {readAt && (
        <p class="hint" data-testid="figures-read-at">
          {t('camp.res.readAt', { time: formatDateTime(readAt, locale) })}{' '}
          <button type="button" class="button button-small" onClick={() => void figures.reload()} disabled={figures.loading}>
            {t('camp.res.refresh')}
          </button>
        </p>
      )}
      {(!c || !figures.data) && !campaign.error && !figures.error && <p role="status">{t('common.loading')}</p>}
      {c && figures.data && <Results campaign={c} figures={figures.data} />}
    </StaffPage>
  );
}
