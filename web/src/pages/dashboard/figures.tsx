/** The headline: each rate of the period with the counts it is a ratio of (each a link to its list), and its change. */
import { rateMeasures } from '../../../../shared/domain/rates/drill-down';
import type { DashboardResponse, Rates } from '../../../../shared/http/api-types';
import { formatNumber } from '../../format';
import { useI18n, type UiKey } from '../../i18n';
import { href } from '../../router';
import { CountLink, percent, type Where } from './rate-format';

export const headlineRates = ['closure', 'onTimeClosure', 'response', 'resolution', 'satisfaction', 'adoption', 'reopen', 'duplicate'] as const;
export type HeadlineRate = (typeof headlineRates)[number];

function delta(now: Rates[HeadlineRate], before: Rates[HeadlineRate] | undefined): number | undefined {
  if (now.value === undefined || before?.value === undefined) return undefined;
  return (now.value - before.value) * 100;
}

export function Figures({ data, where }: { data: DashboardResponse; where: Where }) {
  const { t, locale } = useI18n();
  const { rates, previous, tally } = data.headline;
  const counts = ['submitted', 'assigned', 'closed', 'unratedClosed', 'supports'] as const;
  return (
    <>
      <ul class="rate-cards" data-testid="rate-cards">
        {headlineRates.map((name) => {
          const ratio = rates[name];
          const change = delta(ratio, previous?.[name]);
          const { numerator, denominator } = rateMeasures[name];
          return (
            <li class="rate-card" key={name} data-rate={name}>
              <span class="rate-name" title={t(`dash.rateHelp.${name}` as UiKey)}>
                {t(`dash.rate.${name}` as UiKey)}
              </span>
              <span class="rate-value">{percent(ratio, locale)}</span>
              <span class="rate-count">
                <CountLink count={ratio.numerator} measure={numerator} where={where} locale={locale} label={t(`dash.measure.${numerator}` as UiKey)} />
                {' / '}
                <CountLink count={ratio.denominator} measure={denominator} where={where} locale={locale} label={t(`dash.measure.${denominator}` as UiKey)} />
              </span>
              <span class="rate-help">{t(`dash.rateHelp.${name}` as UiKey)}</span>
              {name === 'resolution' && rates.resolution.partly > 0 && (
                <span class="rate-help">{t('dash.partly', { count: formatNumber(rates.resolution.partly, locale) })}</span>
              )}
              {change !== undefined && (
                <span class={change >= 0 ? 'rate-delta up' : 'rate-delta down'}>
                  {t('dash.delta', { delta: `${change >= 0 ? '▲' : '▼'} ${Math.abs(change).toFixed(1)}` })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <ul class="rate-counts" aria-label={t('dash.counts')}>
        {counts.map((name) => (
          <li key={name}>
            <span class="stat-label">{t(`dash.count.${name}` as UiKey)}</span>{' '}
            <CountLink count={tally[name]} measure={name} where={where} locale={locale} />
          </li>
        ))}
        <li>
          <span class="stat-label">{t('dash.count.overdue')}</span> <a href={overdueHref(data)}>{formatNumber(data.overdue.total, locale)}</a>
        </li>
        <li>
          <span class="stat-label">{t('dash.meanSign')}</span> {rates.meanSignHours === undefined ? '—' : t('dash.hours', { hours: rates.meanSignHours.toFixed(1) })}
        </li>
        <li>
          <span class="stat-label">{t('dash.meanReply')}</span> {rates.meanReplyHours === undefined ? '—' : t('dash.hours', { hours: rates.meanReplyHours.toFixed(1) })}
        </li>
      </ul>
    </>
  );
}

export function overdueHref(data: DashboardResponse, departmentId?: string): string {
  return href('/staff', { overdue: 'true', ...(departmentId && data.scope.kind === 'org' ? { departmentId } : {}) });
}
