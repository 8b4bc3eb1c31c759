/**
 * 热度表 / 晴雨表: the week's hot topics against the week before, per kind (keywords, categories, places), and the
 * spikes found on its days (苗头性意见) with the figures behind each and the reason in plain words. Every row opens
 * onto the suggestions behind it (links to their staff pages). Tables for the numbers (screen readers read them
 * as tables); each scrolls sideways on a phone instead of squeezing. The week is in the address (#/staff/topics?week=).
 */
import type { HotTopic, TopicsResponse, TopicsSpikeView } from '../../../shared/http/api-types';
import { topicKinds, type TopicKind } from '../../../shared/domain/topics/series';
import { DataTable } from '../components/data-table';
import { ErrorAlert } from '../components/error-alert';
import { StaffPage } from '../components/staff-page';
import { categoryName, formatNumber } from '../format';
import { useI18n, type UiKey } from '../i18n';
import type { Locale } from '../../../shared/domain/i18n/messages';
import { href, type Route } from '../router';
import { getTopics } from '../staff-api';
import { useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';

type T = ReturnType<typeof useI18n>['t'];

function topicLabel(kind: TopicKind, value: string, locale: Locale): string {
  return kind === 'category' ? categoryName(value, locale) : value;
}

function growthText(row: HotTopic, t: T): string {
  if (row.isNew || row.growth === null) return t('topics.new');
  if (row.growth === 0) return t('topics.flat');
  const pct = Math.round(Math.abs(row.growth) * 100);
  return row.growth > 0 ? t('topics.up', { pct }) : t('topics.down', { pct });
}

/** A probability as "one in N" (two significant figures), or "less than one in a million". */
function chanceText(p: number, t: T, locale: Locale): string {
  if (p < 1e-6) return t('topics.chanceTiny');
  const n = Number((1 / p).toPrecision(2));
  return t('topics.chance', { n: formatNumber(n, locale) });
}

function reasonText(spike: TopicsSpikeView, days: number, t: T, locale: Locale): string {
  if (spike.baseline === 0 || spike.ratio === null) return t('topics.reason.new', { count: spike.count, days });
  return t('topics.reason.ratio', {
    count: spike.count,
    days,
    baseline: formatNumber(Number(spike.baseline.toFixed(2)), locale),
    ratio: formatNumber(Math.round(spike.ratio * 10) / 10, locale),
    p: chanceText(spike.pValue, t, locale),
  });
}

/** The suggestions behind a row, folded: a summary with the count, then links. */
function Behind({ suggestions, count }: { suggestions: { id: string; title: string }[]; count: number }) {
  const { t } = useI18n();
  if (!suggestions.length) return <span class="hint">–</span>;
  return (
    <details class="topic-suggestions">
      <summary>{t('topics.show', { count })}</summary>
      <ul>
        {suggestions.map((s) => (
          <li key={s.id}>
            <a href={href(`/staff/s/${encodeURIComponent(s.id)}`)}>{s.title}</a>
          </li>
        ))}
      </ul>
      {count > suggestions.length && <p class="hint">{t('topics.more', { count: count - suggestions.length })}</p>}
    </details>
  );
}

function HotTable({ kind, rows }: { kind: TopicKind; rows: HotTopic[] }) {
  const { t, locale } = useI18n();
  const kindName = t(`topics.kind.${kind}` as UiKey);
  return (
    <section aria-labelledby={`topics-${kind}`} class="topics-kind">
      <h3 id={`topics-${kind}`} class="small-heading">
        {kindName}
      </h3>
      {rows.length === 0 ? (
        <p class="empty">{t('topics.none')}</p>
      ) : (
        <DataTable
          label={t('topics.tableLabel', { kind: kindName })}
          testId={`hot-${kind}`}
          columns={[t('topics.col.rank'), t('topics.col.topic'), t('topics.col.thisWeek'), t('topics.col.lastWeek'), t('topics.col.growth'), t('topics.col.suggestions')]}
        >
          {rows.map((row, index) => (
            <tr key={row.series} data-testid="hot-row">
              <td>{index + 1}</td>
              <th scope="row">{topicLabel(row.kind, row.value, locale)}</th>
              <td class="number">{formatNumber(row.count, locale)}</td>
              <td class="number">{formatNumber(row.previous, locale)}</td>
              <td>{row.isNew ? <span class="tag tag-new">{growthText(row, t)}</span> : growthText(row, t)}</td>
              <td>
                <Behind suggestions={row.suggestions} count={row.count} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function Barometer({ data }: { data: TopicsResponse }) {
  const { t, locale } = useI18n();
  const { rule } = data;
  return (
    <section aria-labelledby="topics-barometer">
      <h2 id="topics-barometer">{t('topics.barometer')}</h2>
      <p class="hint">{t('topics.barometerIntro', { days: rule.baselineDays, min: rule.minCount, ratio: rule.minRatio, p: chanceText(rule.pValue, t, locale) })}</p>
      {data.spikes.length === 0 ? (
        <p class="empty">{t('topics.noSpikes')}</p>
      ) : (
        <DataTable
          label={t('topics.spikeTableLabel')}
          testId="spikes"
          columns={[t('topics.col.day'), t('topics.col.kind'), t('topics.col.topic'), t('topics.col.count'), t('topics.col.baseline'), t('topics.col.reason'), t('topics.col.suggestions')]}
        >
          {data.spikes.map((spike) => (
            <tr key={`${spike.day}-${spike.series}`} data-testid="spike-row">
              <td class="nowrap">{spike.day}</td>
              <td>{t(`topics.kind.${spike.kind}` as UiKey)}</td>
              <th scope="row">
                {topicLabel(spike.kind, spike.value, locale)}
                {spike.notifiedAt && <span class="tag tag-new">{t('topics.told')}</span>}
              </th>
              <td class="number">{formatNumber(spike.count, locale)}</td>
              <td class="number">{formatNumber(Number(spike.baseline.toFixed(2)), locale)}</td>
              <td class="topic-reason">{reasonText(spike, rule.baselineDays, t, locale)}</td>
              <td>
                <Behind suggestions={spike.suggestions} count={spike.count} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export function TopicsPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const { me, error: basicsError } = useStaffBasics();
  const week = route.query.get('week') || undefined;
  const load = useLoad(() => getTopics(week), [week]);
  const data = load.data;
  return (
    <StaffPage me={me} heading={t('topics.heading')}>
      <p class="lead">{t('topics.intro')}</p>
      <ErrorAlert message={load.error ?? basicsError} />
      {!data && !load.error && <p class="hint">{t('common.loading')}</p>}
      {data && (
        <>
          <nav class="topics-weeks" aria-label={t('topics.heading')}>
            <a href={href('/staff/topics', { week: data.previousWeek })}>{t('topics.previousWeek')}</a>
            <p data-testid="topics-week">
              <strong>{t('topics.week', { week: data.week, from: data.days[0]!, to: data.days.at(-1)! })}</strong>
            </p>
            {week && <a href={href('/staff/topics')}>{t('topics.thisWeek')}</a>}
          </nav>
          <Barometer data={data} />
          <section aria-labelledby="topics-hot">
            <h2 id="topics-hot">{t('topics.hot')}</h2>
            {topicKinds.map((kind) => (
              <HotTable key={kind} kind={kind} rows={data.hot[kind]} />
            ))}
          </section>
        </>
      )}
    </StaffPage>
  );
}
