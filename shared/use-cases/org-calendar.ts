/**
 * The organisation's deadline policy: its working calendar (the official one plus the admin's overrides, for
 * years the package does not cover yet) and its time limits (defaults ← organisation ← campaign). Cached for a
 * minute per container: these change a few times a year, and intake must stay one round trip. Other containers
 * (the notifier's quiet hours among them) see an admin's change within that minute.
 */
import { createWorkingCalendar, defaultTimeLimits, resolveTimeLimits, type QuietHours, type TimeLimits, type WorkingCalendar } from '../domain/deadlines';
import type { NotificationRequest, SupervisionStore } from '../ports';

export interface DeadlinePolicy {
  calendar: WorkingCalendar;
  limits: TimeLimits;
}

const ttlMs = 60_000;
const calendars = new Map<string, { at: number; value: Promise<WorkingCalendar> }>();
const limits = new Map<string, { at: number; value: Promise<TimeLimits> }>();

function cached<T>(map: Map<string, { at: number; value: Promise<T> }>, key: string, now: number, load: () => Promise<T>): Promise<T> {
  const hit = map.get(key);
  if (hit && now - hit.at < ttlMs) return hit.value;
  const value = load();
  map.set(key, { at: now, value });
  value.catch(() => map.delete(key));
  return value;
}

export function orgCalendar(store: Pick<SupervisionStore, 'calendarOverrides'>, orgId: string, now = Date.now()): Promise<WorkingCalendar> {
  return cached(calendars, orgId, now, async () => createWorkingCalendar(await store.calendarOverrides(orgId)));
}

/** The time limits in force for a suggestion of this organisation (and campaign): campaign ← organisation ← default. */
export function orgTimeLimits(store: Pick<SupervisionStore, 'timeLimits'>, orgId: string, campaignId?: string, now = Date.now()): Promise<TimeLimits> {
  return cached(limits, `${orgId}#${campaignId ?? ''}`, now, async () => {
    const { org, campaign } = await store.timeLimits(orgId, campaignId);
    return resolveTimeLimits(org, campaign);
  });
}

export async function deadlinePolicy(
  store: Pick<SupervisionStore, 'calendarOverrides' | 'timeLimits'>,
  orgId: string,
  campaignId?: string,
  now = Date.now(),
): Promise<DeadlinePolicy> {
  const [calendar, resolved] = await Promise.all([orgCalendar(store, orgId, now), orgTimeLimits(store, orgId, campaignId, now)]);
  return { calendar, limits: resolved };
}

/**
 * The SMS quiet hours for a queued notification: its organisation's and campaign's, read (and cached) at delivery
 * time, so a change applies to messages already queued. A message without an organisation (queued before requests
 * carried one) keeps the default.
 */
export function smsQuietHoursOf(store: Pick<SupervisionStore, 'timeLimits'>): (request: Pick<NotificationRequest, 'orgId' | 'campaignId'>) => Promise<QuietHours> {
  return async (request) => (request.orgId ? (await orgTimeLimits(store, request.orgId, request.campaignId)).smsQuietHours : defaultTimeLimits.smsQuietHours);
}

/** After an admin saves overrides or limits, the next read builds them again. */
export function forgetOrgCalendar(orgId: string): void {
  calendars.delete(orgId);
  for (const key of limits.keys()) if (key.startsWith(`${orgId}#`)) limits.delete(key);
}
