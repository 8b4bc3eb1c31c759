/**
 * The default time limits of PRODUCT.md ("Default time limits"), as data, and how organisations and campaigns
 * override them. Resolution order: campaign beats organisation beats default, field by field, so a campaign that
 * only shortens the 'immediate' tier keeps its organisation's other limits.
 */
import type { Tier } from '../suggestion/suggestion';
import { clockMs } from './office-time';

export type LimitUnit = 'workingDays' | 'calendarDays';

/** A span of days. Working days skip weekends and holidays; calendar days do not. */
export interface TimeLimit {
  amount: number;
  unit: LimitUnit;
}

export const workingDays = (amount: number): TimeLimit => ({ amount, unit: 'workingDays' });
export const calendarDays = (amount: number): TimeLimit => ({ amount, unit: 'calendarDays' });

/**
 * When handlers are reminded before the deadline. The keys are the stable names of the reminder slots (used as
 * checkpoint names and notification templates); the values are tunable.
 */
export interface ReminderPolicy {
  /** Share of the allowed working days used up at the first reminder. */
  half: number;
  /** Share used up at the second reminder. */
  eightyPercent: number;
  /** Reminder on the morning when this many working days are left (the due day included). */
  oneDayLeft: number;
}

/** No SMS from `from` until `to` (office time, may wrap midnight); SMS due inside is deferred to `to`. */
export interface QuietHours {
  from: string;
  to: string;
}

export interface TimeLimits {
  /** From submission to the screening decision. */
  screening: TimeLimit;
  /** From assignment to the unit signing for it. */
  sign: TimeLimit;
  /** From signing to the reply, by tier. */
  tiers: Record<Tier, TimeLimit>;
  /** Study-tier handlers post a progress note this often. */
  studyProgressNoteEvery: TimeLimit;
  /** After the reply, how long the citizen may rate it before it closes as unrated. */
  ratingWindow: TimeLimit;
  reminders: ReminderPolicy;
  smsQuietHours: QuietHours;
}

/** What an organisation or a campaign may set; anything left out is inherited. */
export interface TimeLimitOverrides {
  screening?: TimeLimit;
  sign?: TimeLimit;
  tiers?: Partial<Record<Tier, TimeLimit>>;
  studyProgressNoteEvery?: TimeLimit;
  ratingWindow?: TimeLimit;
  reminders?: Partial<ReminderPolicy>;
  smsQuietHours?: QuietHours;
}

/** Frozen all the way down: resolved limits share these objects, so no caller may change the defaults. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const defaultTimeLimits: Readonly<TimeLimits> = deepFreeze<TimeLimits>({
  screening: workingDays(1),
  sign: workingDays(1),
  tiers: { immediate: workingDays(3), deadline: workingDays(15), study: calendarDays(60) },
  studyProgressNoteEvery: calendarDays(30),
  ratingWindow: calendarDays(7),
  reminders: { half: 0.5, eightyPercent: 0.8, oneDayLeft: 1 },
  smsQuietHours: { from: '22:00', to: '08:00' },
});

/** Shallow merge that ignores `undefined`, so `{ screening: undefined }` inherits instead of erasing. */
function merge<T extends object>(...layers: (Partial<T> | undefined)[]): T {
  const out: Partial<T> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer) as [keyof T, T[keyof T]][]) if (v !== undefined) out[k] = v;
  }
  return out as T;
}

function limitProblem(path: string, limit: TimeLimit): string | undefined {
  if (limit.unit !== 'workingDays' && limit.unit !== 'calendarDays') return `${path}.unit must be workingDays or calendarDays`;
  if (!Number.isInteger(limit.amount) || limit.amount < 1 || limit.amount > 3660) {
    return `${path}.amount must be a whole number of days between 1 and 3660`;
  }
  return undefined;
}

/** Every broken rule in a set of limits, as 'path message' strings; empty when the limits are usable. */
export function timeLimitProblems(limits: TimeLimits): string[] {
  const problems: (string | undefined)[] = [
    limitProblem('screening', limits.screening),
    limitProblem('sign', limits.sign),
    ...(Object.keys(defaultTimeLimits.tiers) as Tier[]).map((t) => limitProblem(`tiers.${t}`, limits.tiers[t])),
    limitProblem('studyProgressNoteEvery', limits.studyProgressNoteEvery),
    limitProblem('ratingWindow', limits.ratingWindow),
  ];
  const { half, eightyPercent, oneDayLeft } = limits.reminders;
  if (!(half > 0 && half < 1)) problems.push('reminders.half must be between 0 and 1');
  if (!(eightyPercent > 0 && eightyPercent < 1)) problems.push('reminders.eightyPercent must be between 0 and 1');
  if (half > eightyPercent) problems.push('reminders.half must not come after reminders.eightyPercent');
  if (!Number.isInteger(oneDayLeft) || oneDayLeft < 1) problems.push('reminders.oneDayLeft must be a whole number ≥ 1');
  try {
    if (clockMs(limits.smsQuietHours.from) === clockMs(limits.smsQuietHours.to)) {
      problems.push('smsQuietHours.from and smsQuietHours.to must differ');
    }
  } catch {
    problems.push('smsQuietHours.from and smsQuietHours.to must be HH:MM');
  }
  return problems.filter((p): p is string => p !== undefined);
}

/**
 * The limits in force for a suggestion: campaign over organisation over default, field by field (tiers and
 * reminders per key). Throws a RangeError listing the problems if the result is unusable, so a bad admin setting
 * fails where it is saved (the caller validates with this) rather than as a strange deadline later.
 */
export function resolveTimeLimits(orgLimits?: TimeLimitOverrides | null, campaignLimits?: TimeLimitOverrides | null): TimeLimits {
  const org = orgLimits ?? undefined;
  const campaign = campaignLimits ?? undefined;
  const { tiers: _dt, reminders: _dr, ...defaultScalars } = defaultTimeLimits;
  const { tiers: orgTiers, reminders: orgReminders, ...orgScalars } = org ?? {};
  const { tiers: campaignTiers, reminders: campaignReminders, ...campaignScalars } = campaign ?? {};
  const resolved: TimeLimits = {
    ...merge<Omit<TimeLimits, 'tiers' | 'reminders'>>(defaultScalars, orgScalars, campaignScalars),
    tiers: merge<Record<Tier, TimeLimit>>(defaultTimeLimits.tiers, orgTiers, campaignTiers),
    reminders: merge<ReminderPolicy>(defaultTimeLimits.reminders, orgReminders, campaignReminders),
  };
  const problems = timeLimitProblems(resolved);
  if (problems.length > 0) throw new RangeError(`invalid time limits: ${problems.join('; ')}`);
  return resolved;
}
