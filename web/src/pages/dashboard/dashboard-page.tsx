/**
 * The dashboard (#/staff/dashboard?kind=month&period=2026-11): the rates of a period and their trend, the department
 * ranking (三率 + the office's choice, with its minimum count), each department as lead and as co-handler, the
 * breakdowns, and the overdue board; for an admin, the ranking settings and the full recompute. Every count links to
 * the queue filtered to the suggestions behind it. The page and its chart library are one chunk, loaded on the
 * first visit.
 */
import { summaryKinds, type SummaryKind } from '../../../../shared/domain/rates/periods';
import { ErrorAlert } from '../../components/error-alert';
import { StaffPage } from '../../components/staff-page';
import { formatDateTime } from '../../format';
import { useI18n, type UiKey } from '../../i18n';
import { href, navigate, type Route } from '../../router';
import { getDashboard } from '../../staff-api';
import { departmentName, useStaffBasics } from '../../staff-data';
import { useLoad } from '../../use-load';
import { RateChart } from '../../components/rate-chart';
import { AdminPanel } from './admin-panel';
import { Figures } from './figures';
import { OverdueBoard } from './overdue-board';
import { percentValue } from './rate-format';
import { BreakdownTable, DepartmentTable, RankingTable, TrendTable } from './tables';
import './dashboard.css';

const chartRates = ['closure', 'response', 'resolution', 'satisfaction'] as const;

function kindOf(route: Route): SummaryKind {
  const kind = route.query.get('kind');
  return (summaryKinds as readonly string[]).includes(kind ?? '') ? (kind as SummaryKind) : 'month';
}

export function DashboardPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const { me, departments } = useStaffBasics();
  const kind = kindOf(route);
  const period = route.query.get('period') ?? undefined;
  const load = useLoad(() => getDashboard(kind, period), [kind, period]);
  const data = load.data;
  const go = (k: SummaryKind, p?: string) => navigate('/staff/dashboard', { kind: k, ...(p ? { period: p } : {}) });

  const where = data ? { kind: data.kind, period: data.period } : undefined;
  const scopeText = data
    ? data.scope.kind === 'org'
      ? t('dash.scopeOrg')
      : t('dash.scopeDepartment', { name: departmentName(departments, data.scope.departmentId, locale) ?? data.scope.departmentId })
    : '';
  const previous = data && data.periods.length > 1 ? data.periods.at(-2) : undefined;
  const empty = data && data.trend.every((p) => p.tally.submitted === 0 && p.tally.assigned === 0) && !data.rates.updatedAt;

  return (
    <StaffPage me={me} heading={t('dash.heading')}>
      <form
        class="filters dash-period"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          go(form.get('kind') as SummaryKind);
        }}
      >
        <div class="field">
          <label for="dash-kind">{t('dash.kind')}</label>
          <select id="dash-kind" name="kind" value={kind} onChange={(e) => go(e.currentTarget.value as SummaryKind)}>
            {summaryKinds.map((k) => (
              <option key={k} value={k}>
                {t(`dash.kind.${k}` as UiKey)}
              </option>
            ))}
          </select>
        </div>
        {data && (
          <p class="dash-range">
            <strong data-testid="dash-period">{data.period === 'all' ? t('dash.kind.all') : data.period}</strong>{' '}
            {data.report.from !== '0000-01-01' && <span class="hint">{t('dash.range', { from: data.report.from, to: data.report.to })}</span>}
          </p>
        )}
        <div class="actions">
          {previous && (
            <a class="button" href={href('/staff/dashboard', { kind, period: previous })}>
              {t('dash.previous')}
            </a>
          )}
          {data && period && data.kind !== 'all' && (
            <a class="button" href={href('/staff/dashboard', { kind })}>
              {t('dash.next')}
            </a>
          )}
          <button type="submit" class="visually-hidden">
            {t('dash.show')}
          </button>
        </div>
      </form>

      <ErrorAlert message={load.error} />
      {load.loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && where && (
        <>
          <p class="hint">
            {scopeText}
            {data.rates.updatedAt ? ` · ${t('dash.updatedAt', { time: formatDateTime(data.rates.updatedAt, locale) })}` : ''}
          </p>
          {empty && <p class="alert alert-info">{t('dash.notYet')}</p>}
          <Figures data={data} where={{ ...where, group: data.headline.group }} />

          <section aria-labelledby="trend-heading">
            <h2 id="trend-heading">{t('dash.trend')}</h2>
            <RateChart
              label={t('dash.trendLabel', { count: data.periods.length, rates: chartRates.map((n) => t(`dash.rate.${n}` as UiKey)).join(locale === 'en' ? ', ' : '、') })}
              labels={data.periods}
              series={chartRates.map((n) => ({ label: t(`dash.rate.${n}` as UiKey), values: data.trend.map((p) => percentValue(p.rates[n])) }))}
            />
            <details>
              <summary>{t('dash.trendTable')}</summary>
              <TrendTable rows={data.trend} names={[...chartRates]} group={data.headline.group} kind={data.kind} />
            </details>
          </section>

          <section aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">{t('dash.ranking', { choice: t(`dash.rate.${data.rankingSettings.officeChoice}` as UiKey) })}</h2>
            <p class="hint">{t('dash.rankingNote', { choice: t(`dash.rate.${data.rankingSettings.officeChoice}` as UiKey), min: data.rankingSettings.minimumCount })}</p>
            <RankingTable rows={data.report.ranking} rateNames={data.rankingSettings.rates as never} departments={departments} minimumCount={data.rankingSettings.minimumCount} where={where} />
          </section>

          <OverdueBoard data={data} departments={departments} />

          <section aria-labelledby="departments-heading">
            <h2 id="departments-heading">{t('dash.departments')}</h2>
            <DepartmentTable label={t('dash.departments')} rows={data.report.departments} prefix="department" where={where} testId="department-table" />
            <h3>{t('dash.cohandling')}</h3>
            <DepartmentTable label={t('dash.cohandling')} rows={data.report.cohandling} prefix="cohandler" where={where} testId="cohandling-table" />
          </section>

          {data.scope.kind === 'org' && (
            <section aria-labelledby="breakdowns-heading">
              <h2 id="breakdowns-heading">{t('dash.byCategory')}</h2>
              <BreakdownTable label={t('dash.byCategory')} rows={data.breakdowns.category} where={where} testId="category-table" />
              <h2>{t('dash.byChannel')}</h2>
              <BreakdownTable label={t('dash.byChannel')} rows={data.breakdowns.channel} where={where} testId="channel-table" />
              {data.breakdowns.campaign.length > 0 && (
                <>
                  <h2>{t('dash.byCampaign')}</h2>
                  <BreakdownTable label={t('dash.byCampaign')} rows={data.breakdowns.campaign} where={where} testId="campaign-table" />
                </>
              )}
            </section>
          )}

          {me?.role === 'admin' && <AdminPanel data={data} onSaved={() => void load.reload()} />}
        </>
      )}
    </StaffPage>
  );
}
