/**
 * EventBridge schedules, locally: each `rate(...)` or `cron(...)` rule of the template invokes its target
 * functions with a Scheduled Event, plus once shortly after start so a developer sees the jobs' effect without
 * waiting a quarter of an hour. Times are UTC, as EventBridge's are.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import type { LocalSchedule } from './cdk-template';
import type { InvokeOutcome } from './lambda-runtime';

const unitMs: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** `rate(15 minutes)` -> 900000; undefined when not a rate expression. */
export function parseRate(expression: string): number | undefined {
  const match = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/.exec(expression.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  if (value <= 0) throw new Error(`Invalid rate: ${expression}`);
  return value * unitMs[match[2]!.replace(/s$/, '')]!;
}

interface CronField {
  matches(value: number): boolean;
  readonly any: boolean;
}

const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function parseField(text: string, min: number, max: number, names: string[] = [], nameOffset = 0): CronField {
  if (text === '*' || text === '?') return { any: true, matches: () => true };
  const allowed = new Set<number>();
  const value = (token: string): number => {
    const index = names.indexOf(token.toUpperCase());
    const number = index >= 0 ? index + nameOffset : Number(token);
    if (!Number.isInteger(number) || number < min || number > max) throw new Error(`Unsupported cron value: ${token}`);
    return number;
  };
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step <= 0) throw new Error(`Unsupported cron step: ${part}`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [min, max];
    else if (range.includes('-')) [from, to] = range.split('-').map(value) as [number, number];
    else [from, to] = [value(range), stepText === undefined ? value(range) : max];
    for (let v = from; v <= to; v += step) allowed.add(v);
  }
  return { any: false, matches: (v) => allowed.has(v) };
}

/**
 * EventBridge cron: `cron(minutes hours day-of-month month day-of-week year)`. Supported: numbers, names,
 * `*`, `?`, lists, ranges and steps. Not supported (rejected loudly): L, W and #.
 */
export function parseCron(expression: string): ((date: Date) => boolean) | undefined {
  const match = /^cron\((.*)\)$/.exec(expression.trim());
  if (!match) return undefined;
  const fields = match[1]!.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`A cron expression has six fields: ${expression}`);
  if (/[LW#]/.test(match[1]!)) throw new Error(`Cron features L, W and # are not supported locally: ${expression}`);
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string];
  const m = parseField(minutes, 0, 59);
  const h = parseField(hours, 0, 23);
  const dom = parseField(dayOfMonth, 1, 31);
  const mon = parseField(month, 1, 12, monthNames, 1);
  // EventBridge numbers days of week 1-7 from Sunday.
  const dow = parseField(dayOfWeek, 1, 7, dayNames, 1);
  const y = parseField(year, 1970, 2199);
  return (date) =>
    m.matches(date.getUTCMinutes()) &&
    h.matches(date.getUTCHours()) &&
    mon.matches(date.getUTCMonth() + 1) &&
    y.matches(date.getUTCFullYear()) &&
    (dom.any || dom.matches(date.getUTCDate())) &&
    (dow.any || dow.matches(date.getUTCDay() + 1));
}

export function scheduledEvent(schedule: LocalSchedule, region: string, time = new Date()): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [schedule.ruleArn],
    detail: {},
  };
}

export interface SchedulerOptions {
  readonly schedules: readonly LocalSchedule[];
  readonly region: string;
  readonly invoke: (functionId: string, event: unknown) => Promise<InvokeOutcome>;
  /** Run every rule once this long after start; negative disables. @default 5000 */
  readonly initialRunDelayMs?: number;
  readonly log?: (message: string) => void;
}

export interface Scheduler {
  /** Fires a rule now (tests, or a developer who does not want to wait). */
  runNow(ruleName: string): Promise<void>;
  stop(): void;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  const cronTimers = new Map<string, NodeJS.Timeout>();
  const busy = new Set<string>();
  const log = options.log ?? (() => undefined);

  async function fire(schedule: LocalSchedule): Promise<void> {
    // A run still going when the next tick comes is skipped locally (a single developer's machine).
    if (busy.has(schedule.id)) {
      log(`schedule ${schedule.ruleName}: previous run still going, tick skipped`);
      return;
    }
    busy.add(schedule.id);
    try {
      const event = scheduledEvent(schedule, options.region);
      for (const target of schedule.targets) {
        const payload = target.input !== undefined ? (JSON.parse(target.input) as unknown) : event;
        const outcome = await options.invoke(target.functionId, payload);
        if (!outcome.ok) log(`schedule ${schedule.ruleName}: target failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
      }
    } finally {
      busy.delete(schedule.id);
    }
  }

  for (const schedule of options.schedules) {
    if (!schedule.enabled) continue;
    const rate = parseRate(schedule.scheduleExpression);
    const cron = rate === undefined ? parseCron(schedule.scheduleExpression) : undefined;
    if (rate === undefined && !cron) throw new Error(`Unsupported schedule expression: ${schedule.scheduleExpression}`);
    if (rate !== undefined) {
      timers.push(setInterval(() => void fire(schedule), rate));
    } else {
      // Checked at the start of every minute.
      const tick = (): void => {
        const now = new Date();
        if (cron!(now)) void fire(schedule);
        cronTimers.set(schedule.id, setTimeout(tick, 60_000 - (now.getTime() % 60_000) + 50).unref());
      };
      cronTimers.set(schedule.id, setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50).unref());
    }
    const delay = options.initialRunDelayMs ?? 5_000;
    if (delay >= 0) timers.push(setTimeout(() => void fire(schedule), delay));
  }
  for (const timer of timers) timer.unref();

  return {
    async runNow(ruleName) {
      const schedule = options.schedules.find((s) => s.ruleName === ruleName || s.id === ruleName);
      if (!schedule) throw new Error(`No schedule ${ruleName}`);
      await fire(schedule);
    },
    stop() {
      for (const timer of [...timers, ...cronTimers.values()]) clearTimeout(timer);
      timers.length = 0;
      cronTimers.clear();
    },
  };
}
