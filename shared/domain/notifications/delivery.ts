/**
 * When a queued notification may go out, and how long to wait after a failed attempt. Pure rules: the notifier
 * (functions/queue/notifier.ts) applies them to SQS messages.
 */
import { nextSmsWindow } from '../deadlines/sms-window';
import { defaultTimeLimits, type QuietHours } from '../deadlines/time-limits';
import type { NotificationRequest } from './notification';

/** A notification as it travels on the queue: the request, plus what deferral and earlier copies left on it. */
export interface QueuedNotification extends NotificationRequest {
  /** Set when quiet hours deferred an SMS: not before this instant (ISO). */
  deliverAfter?: string;
  /** Failed provider attempts of earlier copies of this message (a deferral starts a fresh copy). */
  priorAttempts?: number;
}

/** SQS caps a message's delay at 15 minutes; a longer deferral is a chain of such hops. */
export const maxDelaySeconds = 900;
const firstRetrySeconds = 30;

/** 30 s, 60 s, 120 s … after the 1st, 2nd, 3rd … failed receive, never more than 15 minutes. */
export function retryDelaySeconds(receiveCount: number): number {
  const n = Math.max(1, Math.floor(receiveCount));
  return Math.min(maxDelaySeconds, firstRetrySeconds * 2 ** Math.min(n - 1, 20));
}

/**
 * The instant before which this notification must not be sent, or undefined when it may go now: an SMS waits out
 * the quiet hours in force for its organisation (22:00–08:00 office time by default), an email goes any time, and
 * an earlier deferral is honoured.
 */
export function notBefore(message: QueuedNotification, now: Date, quiet: QuietHours = defaultTimeLimits.smsQuietHours): Date | undefined {
  // Campaigns (issue 11): responses — a verification code is asked for by the person who waits for it, now.
  if (message.event === 'phoneCode') return undefined;
  const deferred = message.deliverAfter ? new Date(message.deliverAfter) : undefined;
  const from = deferred && deferred.getTime() > now.getTime() ? deferred : now;
  const window = message.channel === 'sms' ? nextSmsWindow(from, quiet) : from;
  return window.getTime() > now.getTime() ? window : undefined;
}

/** Seconds from now until `instant`, rounded up, at least 1. */
export function secondsUntil(instant: Date, now: Date): number {
  return Math.max(1, Math.ceil((instant.getTime() - now.getTime()) / 1000));
}
