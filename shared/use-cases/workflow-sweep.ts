/**
 * No suggestion is ever left without a live workflow. Scheduled every minute, the sweep finds those that are:
 *  1. still `submitted` half a minute after submission — the workflow was never started (the intake's start failed,
 *     or the process died between the commit and the start);
 *  2. open (or parked) whose execution ended without finishing — failed, timed out or aborted;
 * and gives each a running execution (WorkflowSupervisor.ensureRunning: idempotent, so two sweeps at once or a
 * sweep racing the intake start nothing twice). A new execution plans from the suggestion's recorded state; a
 * parked one parks again, where the admin's resume finds it.
 *
 * It also counts the parked ones (up to `parkedCountLimit`): the job publishes the count as a metric, and on AWS an
 * alarm tells the operator when it stays above zero (infra/constructs/operator-alarms.ts).
 */
import type { Suggestion } from '../domain/suggestion/suggestion';
import type { Clock, Log, SuggestionStore, WorkflowSupervisor } from '../ports';

export interface WorkflowSweepDeps {
  store: Pick<SuggestionStore, 'get' | 'queue' | 'parked'>;
  workflow: WorkflowSupervisor;
  clock: Clock;
  log: Pick<Log, 'warn'>;
}

export interface SweepReport {
  checked: number;
  started: number;
  failed: number;
  /** Suggestions whose workflow is parked after an error, waiting for an admin's resume (at most parkedCountLimit). */
  parked: number;
}

/** Enough to say "some" or "many"; the admin's page lists them all. */
export const parkedCountLimit = 200;

/** How long a new suggestion may wait for its workflow's first step before the sweep steps in. */
export const startGraceMs = 30_000;
const finished: readonly Suggestion['status'][] = ['closed', 'rejected', 'merged'];

export async function sweepWorkflows(deps: WorkflowSweepDeps, orgId: string): Promise<SweepReport> {
  const before = deps.clock.now().getTime() - startGraceMs;
  const candidates = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await deps.store.queue({ orgId, status: 'submitted', limit: 100, ...(cursor ? { cursor } : {}) });
    for (const s of page.items) if (new Date(s.submittedAt).getTime() < before) candidates.add(s.id);
    cursor = page.nextCursor;
  } while (cursor);
  for (const id of await deps.workflow.endedAbnormally(300)) candidates.add(id);

  const report: SweepReport = { checked: 0, started: 0, failed: 0, parked: 0 };
  for (const id of candidates) {
    try {
      const s = await deps.store.get(id);
      // Another organisation's, gone, or done with nothing left to resume: nothing to do.
      if (!s || s.orgId !== orgId || (finished.includes(s.status) && !s.workflowError)) continue;
      report.checked++;
      if ((await deps.workflow.ensureRunning(id)) === 'started') report.started++;
    } catch (error) {
      report.failed++;
      deps.log.warn('sweep could not give a suggestion a workflow; the next sweep tries again', { id, reason: String(error) });
    }
  }
  report.parked = (await deps.store.parked(orgId, parkedCountLimit)).length;
  return report;
}
