/**
 * Scheduled (EventBridge, every minute): gives every suggestion without a live workflow one (workflow-sweep.ts),
 * and publishes how many are parked, for the operator's alarm.
 */
import { sfn } from '../../shared/aws/clients';
import { composition, systemClock } from '../../shared/aws/composition';
import { requiredEnv } from '../../shared/aws/env';
import { SfnWorkflowEngine } from '../../shared/aws/sfn-workflow-engine';
import { publishSweepMetrics } from '../../shared/aws/sweep-metrics';
import { log } from '../../shared/http/log';
import { sweepWorkflows, type SweepReport } from '../../shared/use-cases/workflow-sweep';

const deps = {
  store: composition.suggestionStore(),
  workflow: new SfnWorkflowEngine(sfn(), requiredEnv('STATE_MACHINE_ARN')),
  clock: systemClock,
  log,
};
const orgId = composition.orgId();

export const handler = async (): Promise<SweepReport> => {
  const report = await sweepWorkflows(deps, orgId);
  publishSweepMetrics(report);
  if (report.started || report.failed) log.warn('workflow sweep', { ...report });
  return report;
};
