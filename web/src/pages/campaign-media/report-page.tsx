/**
 * A campaign's close report (`#/staff/campaigns/{id}/report`), printable: the title, window and state, the totals,
 * the figures by day, category, channel and station, each question's counts with percentages, the featured ideas
 * and the published summary — built by the same function as the workbook (shared/domain/campaign/close-report.ts),
 * so page and file agree. The workbook is made in the background and downloaded from here (and the exports list).
 */
import { useEffect, useState } from 'preact/hooks';
import { closeReport, closeReportLabels, percentText, type ReportTable } from '../../../../shared/domain/campaign/close-report';
import type { CaseLibraryEntry } from '../../../../shared/domain/campaign/case-library';
import { emptyFigures } from '../../../../shared/domain/campaign/figures';
import type { ExportView } from '../../../../shared/http/api-types';
import { failureMessage } from '../../api';
import { getCampaignFigures, getCaseLibrary, getStaffCampaign, requestCampaignReport } from '../../campaign-media-api';
import { ErrorAlert } from '../../components/error-alert';
import { StaffPage } from '../../components/staff-page';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { getExportDownload, getExports } from '../../staff-api';
import { useStaffBasics } from '../../staff-data';
import { useLoad } from '../../use-load';
import { usePrintablePage } from './print-page';
import './campaign-media.css';

/** Every featured idea of the campaign, from the public library (none while it is a draft: the library hides it). */
async function featuredOf(campaignId: string): Promise<CaseLibraryEntry[]> {
  const out: CaseLibraryEntry[] = [];
  let cursor: string | undefined;
  try {
    do {
      const page = await getCaseLibrary({ campaign: campaignId, ...(cursor ? { cursor } : {}) });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  } catch {
    return out;
  }
  return out;
}

function Table({ table }: { table: ReportTable }) {
  const { t } = useI18n();
  return (
    <section class="report-table" data-testid={`report-${table.key}`}>
      <h3>{table.heading}</h3>
      {table.note && <p class="hint">{table.note}</p>}
      {table.columns.length > 0 &&
        (table.rows.length ? (
          <table class="queue">
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} class="number">
                        {table.shareColumns.includes(i) ? percentText(cell) : cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{t('creport.empty')}</p>
        ))}
    </section>
  );
}

/** Asks for the workbook and follows it in the person's exports until it is done (or failed). */
function WorkbookButton({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const [job, setJob] = useState<ExportView>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!job || job.state === 'done' || job.state === 'failed') return;
    const timer = setTimeout(async () => {
      try {
        const found = (await getExports()).exports.find((e) => e.id === job.id);
        if (found) setJob(found);
      } catch (caught) {
        setError(failureMessage(caught));
      }
    }, 1500);
    return () => clearTimeout(timer);
  }, [job]);
  const running = job && (job.state === 'queued' || job.state === 'running');
  return (
    <>
      <button
        type="button"
        class="button"
        disabled={running}
        data-testid="report-xlsx"
        onClick={async () => {
          setError(undefined);
          try {
            setJob(await requestCampaignReport(campaignId));
          } catch (caught) {
            setError(failureMessage(caught));
          }
        }}
      >
        {t('creport.xlsx')}
      </button>
      {job?.state === 'done' && (
        <button
          type="button"
          class="button button-primary"
          data-testid="report-xlsx-download"
          onClick={async () => {
            try {
              location.assign((await getExportDownload(job.id)).url);
            } catch (caught) {
              setError(failureMessage(caught));
            }
          }}
        >
          {t('creport.xlsxDone')}
        </button>
      )}
      <p role="status" class="hint">
        {running ? t('creport.xlsxRunning') : job?.state === 'failed' ? t('creport.xlsxFailed') : ''}
      </p>
      <ErrorAlert message={error} />
    </>
  );
}

export function ReportPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  usePrintablePage('report');
  const data = useLoad(async () => {
    const [campaign, figures, featured] = await Promise.all([
      getStaffCampaign(id),
      // Before any response or suggestion the figures may not exist yet: the report shows zeros.
      getCampaignFigures(id).catch(() => emptyFigures()),
      featuredOf(id),
    ]);
    return { campaign, figures, featured, at: new Date().toISOString() };
  }, [id]);
  const report = data.data && closeReport(data.data.campaign, data.data.figures, data.data.featured, { locale, generatedAt: data.data.at });
  const labels = closeReportLabels(locale);

  return (
    <>
      <div class="no-print">
        <StaffPage me={me} heading={report ? `${t('creport.heading')}：${report.title}` : t('creport.heading')}>
          <ErrorAlert message={data.error} />
          <div class="actions">
            <button type="button" class="button button-primary" onClick={() => window.print()} disabled={!report}>
              {t('creport.print')}
            </button>
            <WorkbookButton campaignId={id} />
            <a class="button" href={href(`/staff/campaigns/${id}`)}>
              {t('poster.back')}
            </a>
          </div>
        </StaffPage>
      </div>
      {report && (
        <article class="close-report" data-testid="close-report">
          <header>
            <p class="report-kind">{labels.report}</p>
            <h2 class="report-title">{report.title}</h2>
            <dl class="facts report-facts">
              <div>
                <dt>{labels.state}</dt>
                <dd>{report.state}</dd>
              </div>
              <div>
                <dt>{labels.window}</dt>
                <dd>{report.window}</dd>
              </div>
            </dl>
          </header>
          <section>
            <h3>{t('creport.totals')}</h3>
            <dl class="report-totals" data-testid="report-totals">
              {report.totals.map((total) => (
                <div key={total.label}>
                  <dt>{total.label}</dt>
                  <dd>{total.value}</dd>
                </div>
              ))}
            </dl>
          </section>
          {report.summary && (
            <section>
              <h3>{labels.summary}</h3>
              <p class="report-summary">{report.summary}</p>
            </section>
          )}
          {report.tables.map((table) => (
            <Table key={table.key} table={table} />
          ))}
          <section data-testid="report-featured">
            <h3>{labels.featured}</h3>
            {report.featured.length === 0 && <p class="empty">{labels.none}</p>}
            {report.featured.map((idea) => (
              <div class="report-idea" key={idea.title}>
                <h4>{idea.title}</h4>
                <p>
                  {idea.category} · {idea.department} · {idea.adoptedOn} · {labels.credit}：{idea.creditedTo}
                </p>
                <p>{idea.outcome}</p>
                {idea.updates.length > 0 && (
                  <ul>
                    {idea.updates.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </section>
          <p class="hint">{report.generated}</p>
        </article>
      )}
    </>
  );
}
