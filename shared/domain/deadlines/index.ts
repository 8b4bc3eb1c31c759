/**
 * Deadlines: the working calendar (official Chinese holidays plus admin overrides), the default time limits and
 * their overrides, due instants, reminder checkpoints, overdue reminders and SMS quiet hours. Pure: time is always
 * passed in, office time is UTC+8 whatever the machine's zone.
 */
export {
  createWorkingCalendar,
  type CalendarCoverage,
  type CalendarOverride,
  type DayInfo,
  type DaySource,
  type OverrideKind,
  type WorkingCalendar,
} from './calendar';
export {
  calendarDays,
  defaultTimeLimits,
  resolveTimeLimits,
  timeLimitProblems,
  workingDays,
  type LimitUnit,
  type QuietHours,
  type ReminderPolicy,
  type TimeLimit,
  type TimeLimitOverrides,
  type TimeLimits,
} from './time-limits';
export { dueAt, pauseAdjusted } from './deadline';
export { checkpoints, type Checkpoint, type CheckpointName } from './checkpoints';
export { overdueReminderTimes } from './overdue';
export { PROGRESS_NOTE_REMINDER_AT, progressNoteReminders, progressNoteTimes } from './progress-notes';
export { nextSmsWindow } from './sms-window';
export {
  endOfOfficeDay,
  isDayString,
  officeDayOf,
  OFFICE_MORNING,
  startOfOfficeDay,
  type DayLike,
  type DayString,
} from './office-time';
export { officialYears } from './official-holidays';
