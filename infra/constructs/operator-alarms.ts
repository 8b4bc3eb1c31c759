import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { sweepMetrics } from '../../shared/aws/sweep-metrics';

export interface OperatorAlarmsProps {
  readonly stateMachine: sfn.IStateMachine;
  readonly workflowSweep: lambda.IFunction;
  /** The functions behind the public routes: a throttle there means reserved concurrency is below the route's throttle. */
  readonly publicFunctions: lambda.IFunction[];
  readonly notificationDeadLetterQueue?: sqs.IQueue;
  /** Exports and bulletins whose job failed every retry (issue 10, point 5). */
  readonly fileJobDeadLetterQueue?: sqs.IQueue;
  /** Subscribed to the alarm topic by email when given (`-c alarmEmail=ops@example.org`). */
  readonly email?: string;
}

/**
 * What an office with no ops staff must be told about, on one topic: a workflow that failed (the sweep gives it a
 * new execution, but the cause wants a look), a suggestion parked after an error (only an admin's resume moves it
 * on), a sweep that stopped reporting, public functions throttled by Lambda (citizens would get a 500 rather than
 * the 429 the form retries), and notifications that went to the dead-letter queue. (Load shedding's 503s are not
 * alarmed on: they are the system working as meant; API Gateway's 4xx/5xx metrics show them.)
 */
export class OperatorAlarms extends Construct {
  public readonly topic: sns.Topic;
  public readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperatorAlarmsProps) {
    super(scope, id);
    // CloudWatch can publish to an encrypted topic only under a customer managed key whose policy lets it.
    const key = new kms.Key(this, 'TopicKey', {
      description: 'Jianyi operator alarms topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // in a key policy, '*' is this key
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Jianyi operator alarms', masterKey: key, enforceSSL: true });
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));

    const failed = new cloudwatch.MathExpression({
      expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)',
      usingMetrics: {
        failed: props.stateMachine.metricFailed({ statistic: 'Sum' }),
        timedOut: props.stateMachine.metricTimedOut({ statistic: 'Sum' }),
        aborted: props.stateMachine.metricAborted({ statistic: 'Sum' }),
      },
      period: Duration.minutes(5),
      label: 'executions failed, timed out or aborted',
    });
    this.add('WorkflowExecutionsFailed', failed, 1, 'A suggestion workflow failed, timed out or was aborted; the sweep starts a new one within a minute — look at why.');

    const parked = new cloudwatch.Metric({
      namespace: sweepMetrics.namespace,
      metricName: sweepMetrics.parked,
      dimensionsMap: { service: sweepMetrics.service },
      statistic: 'Maximum',
      period: Duration.minutes(5),
    });
    // Missing data breaches: the sweep publishes every minute, so silence means it stopped.
    this.add('WorkflowsParked', parked, 1, 'Suggestions are parked after an error retries could not clear: fix the cause, then resume them all on the page 流程异常 (#/staff/workflows).', cloudwatch.TreatMissingData.BREACHING);

    this.add('WorkflowSweepErrors', props.workflowSweep.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), 3, 'The workflow sweep keeps failing: suggestions without a live workflow are not being restarted.');

    props.publicFunctions.forEach((fn, i) => {
      this.add(`PublicFunctionThrottled${i}`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), 1, 'A public function was throttled by Lambda (its reserved concurrency): raise it, or lower the route throttles below it (stateless-stack.ts).');
    });

    if (props.notificationDeadLetterQueue) {
      this.add(
        'NotificationsDeadLettered',
        props.notificationDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        1,
        'Notifications could not be delivered after every retry; staff see them on the failed notifications page.',
      );
    }
    if (props.fileJobDeadLetterQueue) {
      this.add(
        'FileJobsDeadLettered',
        props.fileJobDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        1,
        'A background export or bulletin failed after every retry (the export shows as failed; a bulletin is missing): read the file-jobs function log.',
      );
    }
  }

  private add(id: string, metric: cloudwatch.IMetric, threshold: number, description: string, treatMissingData = cloudwatch.TreatMissingData.NOT_BREACHING): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
