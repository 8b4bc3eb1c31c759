/**
 * The notice of a spike (苗头性意见) to the organisation's dispatchers, by email and SMS as every staff notice. Its
 * idempotency key names organisation, series, day and recipient — no run, no time — so however often the job
 * finds the same spike, the notifier delivers it once (the ledger keeps the key).
 */
import { categoryNames, type Category } from '../domain/intake/categories';
import { parseSeriesKey } from '../domain/topics/series';
import { isoWeekOf } from '../domain/topics/weeks';
import type { TopicSpike } from '../domain/topics/spike-detector';
import type { Directory, NotificationRequest } from '../ports';

const kindTexts = {
  keyword: { 'zh-CN': '关键词', en: 'Keyword' },
  category: { 'zh-CN': '类别', en: 'Category' },
  place: { 'zh-CN': '地点', en: 'Place' },
} as const;

export async function spikeNotices(
  directory: Pick<Directory, 'staff'>,
  orgId: string,
  spike: TopicSpike,
  latest: { id: string; trackingCode: string },
  publicBaseUrl: string,
): Promise<NotificationRequest[]> {
  const { kind, value } = parseSeriesKey(spike.series);
  const category = kind === 'category' ? categoryNames[value as Category] : undefined;
  const params = {
    kindText: kindTexts[kind]['zh-CN'],
    kindTextEn: kindTexts[kind].en,
    valueText: category?.['zh-CN'] ?? value,
    valueTextEn: category?.en ?? value,
    day: spike.day,
    count: spike.count,
    baseline: spike.baseline.toFixed(1),
    trackingCode: latest.trackingCode,
    topicsUrl: `${publicBaseUrl}/#/staff/topics?week=${isoWeekOf(spike.day)}`,
  };
  const dispatchers = (await directory.staff(orgId)).filter((p) => p.active !== false && p.role === 'dispatcher');
  const out: NotificationRequest[] = [];
  for (const person of dispatchers) {
    for (const [channel, to] of [['email', person.email], ['sms', person.phone]] as const) {
      if (!to) continue;
      out.push({
        idempotencyKey: `topicSpike#${orgId}#${spike.series}#${spike.day}#${channel}#${to}`,
        event: 'topicSpike',
        suggestionId: latest.id,
        orgId,
        channel,
        to,
        locale: 'zh-CN',
        params,
      });
    }
  }
  return out;
}
