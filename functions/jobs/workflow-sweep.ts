/**
 * Scheduled (EventBridge, every minute): gives every suggestion without a live workflow one (workflow-sweep.ts),
 * and publishes how many are parked, for the operator's alarm.
 */
import { orgId, suggestionStore, systemClock } from '../../shared/aws/composition';
import { workflowEngine } from '../../shared/aws/composition-sfn';
import { publishSweepMetrics } from '../../shared/aws/sweep-metrics';
import { log } from '../../shared/observability/log';
import { observedTask } from '../../shared/observability/observed-task';
import { sweepWorkflows, type SweepReport } from '../../shared/use-cases/workflow-sweep';

const deps = { store: suggestionStore(), workflow: workflowEngine(), clock: systemClock, log };
const org = orgId();

export const handler = observedTask(async (): Promise<SweepReport> => {
  const report = await sweepWorkflows(deps, org);
  publishSweepMetrics(report);
  if (report.started || report.failed) log.warn('workflow sweep', { ...report });
  return report;
});
