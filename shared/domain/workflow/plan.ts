/**
 * The contract between the domain and the per-suggestion state machine. The machine is a small generic loop —
 *   Plan → IsOpen? → AwaitEvent (wait for task token, timeout = plan.timeout) → IsOpen? …
 *                      └─ States.Timeout → Checkpoint → IsOpen? …
 * — and the domain decides everything else: which checkpoint comes next (reminder at 50 % / 80 % / one working
 * day left, escalation at the deadline, daily overdue reminders, the study tier's progress note, the end of the
 * rating window) and when. A staff or citizen action answers the waiting token with the next plan, so an
 * action costs two state transitions and a checkpoint three.
 */
export const checkpointNames = [
  'screeningDue',
  'signDue',
  'half',
  'eightyPercent',
  'oneDayLeft',
  'due',
  'overdueDaily',
  'progressNote',
  'ratingWindowEnd',
] as const;
export type CheckpointName = (typeof checkpointNames)[number];

export interface WorkflowPlan {
  suggestionId: string;
  /**
   * 'done' ends the execution (closed, rejected, merged); 'parked' waits for an admin's resume, because the
   * suggestion records a workflow error nobody has resolved yet (another action must not quietly restart it).
   */
  phase: 'open' | 'done' | 'parked';
  /** Seconds to wait for an action before the checkpoint fires (≥ 1, kept under the 24-day timer limit). */
  timeout: number;
  checkpoint?: CheckpointName;
  /** When the checkpoint is due (ISO instant). */
  checkpointAt?: string;
  /** The suggestion version the plan was made from: a token stored with a stale plan is answered at once. */
  version?: number;
}
