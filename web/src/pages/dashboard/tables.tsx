/**
 * The dashboard's tables: the trend (the chart's numbers, for screen readers and for anyone who wants them), the
 * ranking with the counts behind each rate, each department as lead and as co-handler, and the breakdowns by
 * category, channel and campaign. Every count links to the suggestions behind it.
 */
import { rateMeasures } from '../../../../shared/domain/rates/drill-down';
import type { Department, DepartmentRates, GroupRates, RankingRow, Rates } from '../../../../shared/http/api-types';
import type { Tally } from '../../../../shared/domain/rates/tally';
import { DataTable } from '../../components/data-table';
import { categoryName, formatNumber } from '../../format';
import { tDynamic, useI18n, type UiKey } from '../../i18n';
import { departmentName } from '../../staff-data';
import { CountLink, percent, type Where } from './rate-format';

type RateName = keyof typeof rateMeasures;

/** One rate in a cell: the percentage, and "n / d" with both counts linked to their lists. */
export function RateCell({ rates, name, where }: { rates: Pick<Rates, RateName>; name: RateName; where: Where }) {
  const { locale } = useI18n();
  const ratio = rates[name];
  const { numerator, denominator } = rateMeasures[name];
  return (
    <td class="nowrap num">
      <strong>{percent(ratio, locale)}</strong>
      <br />
      <small>
        <CountLink count={ratio.numerator} measure={numerator} where={where} locale={locale} />
        {' / '}
        <CountLink count={ratio.denominator} measure={denominator} where={where} locale={locale} />
      </small>
    </td>
  );
}

export function TrendTable({ rows, names, group, kind }: { rows: Array<{ period: string; rates: Rates }>; names: RateName[]; group: string; kind: string }) {
  const { t } = useI18n();
  return (
    <DataTable label={t('dash.trendTable')} columns={[t('dash.col.period'), ...names.map((n) => t(`dash.rate.${n}` as UiKey))]} testId="trend-table">
      {rows.map((row) => (
        <tr key={row.period}>
          <th scope="row">{row.period}</th>
          {names.map((n) => (
            <RateCell key={n} rates={row.rates} name={n} where={{ group, kind, period: row.period }} />
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

export function RankingTable({ rows, rateNames, departments, minimumCount, where }: { rows: RankingRow[]; rateNames: RateName[]; departments: Department[]; minimumCount: number; where: Omit<Where, 'group'> }) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      label={t('dash.ranking', { choice: t(`dash.rate.${rateNames[3]!}` as UiKey) })}
      columns={[t('dash.col.rank'), t('dash.col.department'), ...rateNames.map((n) => t(`dash.rate.${n}` as UiKey)), t('dash.col.score')]}
      testId="ranking-table"
    >
      {rows.map((row) => (
        <tr key={row.departmentId} class={row.rank === undefined ? 'unranked' : undefined} data-testid="ranking-row">
          <td class="num">{row.rank ?? '—'}</td>
          <td>{departmentName(departments, row.departmentId, locale) ?? row.departmentId}</td>
          {rateNames.map((n) => (
            <RateCell key={n} rates={row.rates as Pick<Rates, RateName>} name={n} where={{ ...where, group: `department:${row.departmentId}` }} />
          ))}
          <td class="num">
            {row.score === undefined ? (
              <small>
                {t('dash.notRanked', {
                  min: formatNumber(minimumCount, locale),
                  rates: row.tooFew.map((n) => t(`dash.rate.${n}` as UiKey)).join(locale === 'en' ? ', ' : '、'),
                })}
              </small>
            ) : (
              `${(row.score * 100).toFixed(1)}`
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

const tableRates: RateName[] = ['closure', 'onTimeClosure', 'response', 'resolution', 'satisfaction', 'adoption'];

/** One group's row: its name, the counts given (each linked to its list), then the rates. */
function GroupRow({ name, tally, rates, where, counts }: { name: string; tally: Tally; rates: Rates; where: Where; counts: Array<'submitted' | 'assigned'> }) {
  const { locale } = useI18n();
  return (
    <tr>
      <td>{name}</td>
      {counts.map((c) => (
        <td class="num" key={c}>
          <CountLink count={tally[c]} measure={c} where={where} locale={locale} />
        </td>
      ))}
      {tableRates.map((n) => (
        <RateCell key={n} rates={rates} name={n} where={where} />
      ))}
    </tr>
  );
}

export function DepartmentTable({ label, rows, prefix, where, testId }: { label: string; rows: DepartmentRates[]; prefix: 'department' | 'cohandler'; where: Omit<Where, 'group'>; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <DataTable label={label} columns={[t('dash.col.department'), t('dash.count.assigned'), ...tableRates.map((n) => t(`dash.rate.${n}` as UiKey))]} testId={testId}>
      {rows.map((row) => (
        <GroupRow key={row.departmentId} name={locale === 'en' ? row.en : row.name} tally={row.tally} rates={row.rates} where={{ ...where, group: `${prefix}:${row.departmentId}` }} counts={['assigned']} />
      ))}
    </DataTable>
  );
}

function groupName(group: string, locale: 'zh-CN' | 'en'): string {
  const [kind, id = ''] = group.split(':');
  if (kind === 'category') return categoryName(id, locale);
  if (kind === 'channel') return tDynamic(`channel.${id}`, id);
  return id;
}

export function BreakdownTable({ label, rows, where, testId }: { label: string; rows: GroupRates[]; where: Omit<Where, 'group'>; testId: string }) {
  const { t, locale } = useI18n();
  if (!rows.length) return null;
  return (
    <DataTable label={label} columns={[t('dash.col.group'), t('dash.count.submitted'), t('dash.count.assigned'), ...tableRates.map((n) => t(`dash.rate.${n}` as UiKey))]} testId={testId}>
      {rows.map((row) => (
        <GroupRow key={row.group} name={groupName(row.group, locale)} tally={row.tally} rates={row.rates} where={{ ...where, group: row.group }} counts={['submitted', 'assigned']} />
      ))}
    </DataTable>
  );
}
