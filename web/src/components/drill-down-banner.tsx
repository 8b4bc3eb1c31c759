/**
 * Above the queue when it lists the suggestions behind a dashboard figure: which figure (group, period, count) and
 * how many in all, with the way back to the dashboard. The queue's own filters do not apply to such a list.
 */
import type { Department } from '../../../shared/http/api-types';
import { categoryName, formatNumber } from '../format';
import { tDynamic, useI18n } from '../i18n';
import { href } from '../router';
import { departmentName } from '../staff-data';

export interface DrillDown {
  measure: string;
  group: string;
  kind: string;
  period: string;
}

export function drillDownOf(query: URLSearchParams): DrillDown | undefined {
  const [measure, group, kind, period] = ['measure', 'group', 'kind', 'period'].map((n) => query.get(n) ?? '');
  return measure && group && kind && period ? { measure, group, kind, period } : undefined;
}

export function DrillDownBanner({ drill, total, departments }: { drill: DrillDown; total?: number; departments: Department[] }) {
  const { t, locale } = useI18n();
  const [kind, id = ''] = drill.group.split(':');
  const group =
    kind === 'org'
      ? t('dash.group.org')
      : kind === 'department' || kind === 'cohandler'
        ? `${departmentName(departments, id, locale) ?? id}${kind === 'cohandler' ? ` (${t('queue.role.cohandler')})` : ''}`
        : kind === 'category'
          ? categoryName(id, locale)
          : kind === 'channel'
            ? tDynamic(`channel.${id}`, id)
            : id;
  return (
    <div class="alert alert-info" data-testid="drill-down-banner">
      <p>
        {t('dash.drillBanner', {
          group,
          period: drill.period === 'all' ? t('dash.kind.all') : drill.period,
          measure: tDynamic(`dash.measure.${drill.measure}`, drill.measure),
          total: total === undefined ? '…' : formatNumber(total, locale),
        })}
      </p>
      <p>
        <a href={href('/staff/dashboard', { kind: drill.kind, ...(drill.period !== 'all' ? { period: drill.period } : {}) })}>{t('dash.drillBack')}</a>
      </p>
    </div>
  );
}
