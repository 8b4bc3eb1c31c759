/**
 * The workflow sweep's figures, published as CloudWatch metrics (Powertools, embedded metric format: a log line
 * Lambda turns into metrics, no API call and no permission). The operator's alarms read them by these names
 * (infra/constructs/operator-alarms.ts). Locally the runtime sets POWERTOOLS_METRICS_DISABLED: no metric lines.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SweepReport } from '../use-cases/workflow-sweep';

export const sweepMetrics = {
  namespace: 'Jianyi',
  service: 'workflow-sweep',
  parked: 'WorkflowsParked',
  restarted: 'WorkflowsRestarted',
  failed: 'WorkflowSweepFailures',
} as const;

let metrics: Metrics | undefined;

export function publishSweepMetrics(report: SweepReport): void {
  metrics ??= new Metrics({ namespace: sweepMetrics.namespace, serviceName: sweepMetrics.service });
  metrics.addMetric(sweepMetrics.parked, MetricUnit.Count, report.parked);
  metrics.addMetric(sweepMetrics.restarted, MetricUnit.Count, report.started);
  metrics.addMetric(sweepMetrics.failed, MetricUnit.Count, report.failed);
  metrics.publishStoredMetrics();
}
