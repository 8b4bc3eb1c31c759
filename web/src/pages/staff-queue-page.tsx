/**
 * The staff work queue, ordered by deadline with overdue items marked. Filters live in the URL
 * (#/staff?status=screening&category=traffic) so the queue comes back as it was after opening an item.
 * Handlers only ever get their own department's items (the server enforces it), so they get no department
 * filter; they choose between what their department leads (主办) and what it co-handles (协办).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { statuses } from '../../../shared/domain/suggestion/suggestion';
import type { QueueStats } from '../../../shared/http/api-types';
import { CategoryOptions } from '../components/category-options';
import { DataTable } from '../components/data-table';
import { DrillDownBanner, drillDownOf } from '../components/drill-down-banner';
import { ErrorAlert } from '../components/error-alert';
import { QueueExports } from '../components/queue-exports';
import { StaffPage } from '../components/staff-page';
import { StatusBadge } from '../components/status-badge';
import { categoryName, formatCompact, formatDate, formatDateTime, formatNumber } from '../format';
import { useI18n } from '../i18n';
import { href, navigate, type Route } from '../router';
import { getQueue, getStats, type QueueFilters } from '../staff-api';
import { departmentName, rememberQueueHref, useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';
import { AdoptedBadge } from './adoption-section';

// The queue's filters; then a drill-down's (a dashboard figure's list), which comes alone.
const filterNames = ['status', 'departmentId', 'role', 'category', 'from', 'to', 'overdue', 'measure', 'group', 'kind', 'period'] as const;

function filtersOf(route: Route): QueueFilters {
  const filters: QueueFilters = {};
  for (const name of filterNames) {
    const value = route.query.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

function Stats({ stats, departmentId }: { stats: QueueStats; departmentId?: string }) {
  const { t, locale } = useI18n();
  // A handler's counters are their department's; the office sees the whole organisation by status.
  const own = departmentId ? (stats.byDepartment[departmentId] ?? { open: 0, overdue: 0 }) : undefined;
  const counted = own ? [] : statuses.filter((status) => (stats.byStatus[status] ?? 0) > 0);
  const overdue = own ? own.overdue : stats.overdue;
  return (
    <section class="stats" aria-labelledby="stats-heading">
      <h2 id="stats-heading" class="small-heading">
        {t('queue.stats', { time: formatDateTime(stats.computedAt, locale) })}
      </h2>
      <ul>
        <li class={overdue > 0 ? 'stat stat-overdue' : 'stat'}>
          <span class="stat-value">{formatNumber(overdue, locale)}</span>
          <span class="stat-label">{t('queue.statsOverdue')}</span>
        </li>
        {own && (
          <li class="stat">
            <span class="stat-value">{formatNumber(own.open, locale)}</span>
            <span class="stat-label">{t('queue.statsOpen')}</span>
          </li>
        )}
        {counted.map((status) => (
          <li class="stat" key={status}>
            <span class="stat-value">{formatNumber(stats.byStatus[status] ?? 0, locale)}</span>
            <span class="stat-label">{t(`status.${status}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StaffQueuePage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const { me, departments, error: basicsError } = useStaffBasics();
  const filters = filtersOf(route);
  const filterKey = JSON.stringify(filters);
  const [draft, setDraft] = useState<QueueFilters>(filters);
  const queue = useLoad(() => getQueue(filters), [filterKey]);
  const items = queue.data?.items ?? [];
  const cursor = queue.data?.nextCursor;
  const { loading, error } = queue;
  // Counters are optional: the stats job may not have run yet.
  const stats = useLoad(getStats).data;

  useEffect(() => {
    rememberQueueHref(href('/staff', { ...filters }));
    setDraft(filters);
  }, [filterKey]);

  /** After "load more", focus moves to the first new row (the button may vanish on the last page). */
  const focusRow = useRef<number>();
  useEffect(() => {
    if (focusRow.current === undefined) return;
    document.querySelectorAll<HTMLAnchorElement>('table.queue tbody tr a')[focusRow.current]?.focus();
    focusRow.current = undefined;
  }, [queue.data]);

  function more(): Promise<void> {
    focusRow.current = items.length;
    return queue.extend(async (current) => {
      const page = await getQueue(filters, current.nextCursor);
      return { ...page, items: [...current.items, ...page.items] };
    });
  }

  const isHandler = me?.role === 'handler';
  const drill = drillDownOf(route.query);
  const set = (name: keyof QueueFilters) => (event: { currentTarget: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.currentTarget.value || undefined }));

  return (
    <StaffPage me={me} heading={t('queue.heading')}>
      <ErrorAlert message={basicsError} />
      {stats && me && !drill && <Stats stats={stats} departmentId={isHandler ? me.departmentId : undefined} />}
      {drill && <DrillDownBanner drill={drill} total={queue.data?.total} departments={departments} />}

      {!drill && (
      <form
        class="filters"
        aria-labelledby="filters-heading"
        onSubmit={(event) => {
          event.preventDefault();
          navigate('/staff', { ...draft });
        }}
      >
        <h2 id="filters-heading" class="small-heading">
          {t('queue.filters')}
        </h2>
        <div class="filter-grid">
          <div class="field">
            <label for="q-status">{t('queue.status')}</label>
            <select id="q-status" value={draft.status ?? ''} onChange={set('status')}>
              <option value="">{t('queue.all')}</option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          {!isHandler && (
            <div class="field">
              <label for="q-department">{t('queue.department')}</label>
              <select id="q-department" value={draft.departmentId ?? ''} onChange={set('departmentId')}>
                <option value="">{t('queue.all')}</option>
                {departments.map((department) => (
                  <option key={department.id} value={department.id}>
                    {locale === 'en' ? department.en : department.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {(isHandler || draft.departmentId) && (
            <div class="field">
              <label for="q-role">{t('queue.role')}</label>
              <select id="q-role" value={draft.role ?? ''} onChange={set('role')}>
                <option value="">{t('queue.role.lead')}</option>
                <option value="cohandler">{t('queue.role.cohandler')}</option>
              </select>
            </div>
          )}
          <div class="field">
            <label for="q-category">{t('queue.category')}</label>
            <select id="q-category" value={draft.category ?? ''} onChange={set('category')}>
              <CategoryOptions none={t('queue.all')} />
            </select>
          </div>
          <div class="field">
            <label for="q-from">{t('queue.from')}</label>
            <input id="q-from" type="date" value={draft.from ?? ''} onInput={set('from')} />
          </div>
          <div class="field">
            <label for="q-to">{t('queue.to')}</label>
            <input id="q-to" type="date" value={draft.to ?? ''} onInput={set('to')} />
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="button button-primary">
            {t('queue.apply')}
          </button>
          <a class="button" href={href('/staff')}>
            {t('queue.reset')}
          </a>
        </div>
      </form>
      )}

      {/* An export is of the queue's own filters; a figure's list (or the overdue view) is not one of them. */}
      {!drill && !filters.overdue && <QueueExports filters={filters} />}

      <ErrorAlert message={error} />

      <p class="hint" role="status">
        {loading && !items.length ? t('common.loading') : t('queue.shown', { count: formatNumber(items.length, locale) })}
      </p>

      {items.length > 0 && (
        <DataTable
          label={t('queue.tableLabel')}
          columns={[t('queue.col.due'), t('queue.col.title'), t('queue.col.status'), t('queue.col.category'), t('queue.col.department'), t('queue.col.code'), t('queue.col.channel'), t('queue.col.submitted')]}
        >
          {items.map((item) => (
            <tr key={item.id} class={item.overdue ? 'overdue' : undefined} data-testid="queue-row">
              <td class="nowrap">
                <time dateTime={item.dueAt} title={formatDateTime(item.dueAt, locale)}>
                  {formatCompact(item.dueAt, locale)}
                </time>
                {item.overdue && <span class="tag tag-overdue">{t('queue.overdue')}</span>}
              </td>
              <td>
                <a href={href(`/staff/s/${encodeURIComponent(item.id)}`)}>{item.title}</a>
              </td>
              <td class="nowrap">
                <StatusBadge status={item.status} />
                {item.adopted && <AdoptedBadge />}
              </td>
              <td class="nowrap">{categoryName(item.category, locale)}</td>
              <td>{departmentName(departments, item.leadDepartmentId, locale) ?? t('queue.unassigned')}</td>
              <td class="mono nowrap">{item.trackingCode}</td>
              <td class="nowrap">{t(`channel.${item.channel}`)}</td>
              <td class="nowrap">{formatDate(item.submittedAt, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {!loading && !error && items.length === 0 && <p class="empty">{t('queue.empty')}</p>}
      {cursor && (
        <button type="button" class="button" disabled={loading} onClick={() => void more()}>
          {loading ? t('common.loading') : t('queue.loadMore')}
        </button>
      )}
    </StaffPage>
  );
}
