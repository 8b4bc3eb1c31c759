/** Scheduled (EventBridge, every minute): gives every suggestion without a live workflow one (workflow-sweep.ts). */
import { sfn } from '../../shared/aws/clients';
import { composition, systemClock } from '../../shared/aws/composition';
import { requiredEnv } from '../../shared/aws/env';
import { SfnWorkflowEngine } from '../../shared/aws/sfn-workflow-engine';
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
  if (report.started || report.failed) log.warn('workflow sweep', { ...report });
  return report;
};
