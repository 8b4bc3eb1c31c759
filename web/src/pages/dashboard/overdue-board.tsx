/** The overdue board: how many are past their deadline now, per department, and the most overdue ones. */
import type { DashboardResponse, Department } from '../../../../shared/http/api-types';
import { DataTable } from '../../components/data-table';
import { StatusBadge } from '../../components/status-badge';
import { formatCompact, formatDateTime, formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { departmentName } from '../../staff-data';
import { overdueHref } from './figures';

export function OverdueBoard({ data, departments }: { data: DashboardResponse; departments: Department[] }) {
  const { t, locale } = useI18n();
  const { overdue } = data;
  const perDepartment = Object.entries(overdue.byDepartment).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="overdue-heading" data-testid="overdue-board">
      <h2 id="overdue-heading">{t('dash.overdueBoard')}</h2>
      <p>
        <a href={overdueHref(data)} class={overdue.total > 0 ? 'tag tag-overdue' : undefined}>
          {t('dash.overdueTotal', { count: formatNumber(overdue.total, locale) })}
        </a>{' '}
        {overdue.countedAt && <small class="hint">{formatDateTime(overdue.countedAt, locale)}</small>}
      </p>
      {perDepartment.length > 0 && (
        <DataTable label={t('dash.overdueBoard')} columns={[t('dash.col.department'), t('dash.col.overdueCount')]}>
          {perDepartment.map(([id, count]) => (
            <tr key={id}>
              <td>{departmentName(departments, id, locale)}</td>
              <td class="num">
                <a href={overdueHref(data, id)}>{formatNumber(count, locale)}</a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {overdue.items.length === 0 ? (
        <p class="empty">{t('dash.overdueNone')}</p>
      ) : (
        <DataTable label={t('dash.overdueAll')} columns={[t('dash.col.dueAt'), t('dash.col.title'), t('queue.col.status'), t('dash.col.department')]} testId="overdue-items">
          {overdue.items.map((item) => (
            <tr key={item.id} class="overdue">
              <td class="nowrap">
                <time dateTime={item.dueAt} title={formatDateTime(item.dueAt, locale)}>
                  {formatCompact(item.dueAt, locale)}
                </time>
              </td>
              <td>
                <a href={href(`/staff/s/${encodeURIComponent(item.id)}`)}>{item.title}</a>
              </td>
              <td class="nowrap">
                <StatusBadge status={item.status} />
              </td>
              <td>{departmentName(departments, item.leadDepartmentId, locale) ?? t('queue.unassigned')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
