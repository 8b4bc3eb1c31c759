import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { transientErrorName } from '../../shared/aws/transient-errors';

/**
 * State names of the suggestion workflow. The local runtime overrides tasks by state name, and the tests and the
 * benchmark read the synthesized definition by these names: change them together.
 */
export const workflowStates = {
  plan: 'Plan',
  isOpen: 'IsOpen',
  awaitEvent: 'AwaitEvent',
  checkpoint: 'Checkpoint',
  recordFailure: 'RecordFailure',
  awaitResume: 'AwaitResume',
  finished: 'Finished',
} as const;

/**
 * Where the wait-for-token task finds its timeout. It resolves to the same number on AWS (against the state's
 * input) and in aws-local-stepfunctions (against the input after Parameters, `{FunctionName, Payload}`) because
 * the plan lives at `$.Payload` and its `timeout` is passed on inside `Payload`.
 */
export const timeoutSecondsPath = '$.Payload.timeout';

/** Lambda invoke errors worth retrying on every task: the service's, never the function's own. */
export const lambdaServiceErrors = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

/**
 * Failures that clear by themselves: Lambda's own (throttled, its timeout), and what the functions report as
 * transient (shared/aws/transient-errors.ts: throttling, SDK timeouts, network errors, a lost optimistic lock).
 * Retried for minutes with exponential backoff and full jitter — a burst or a restart of the whole stack must not
 * park a suggestion — so that retries of many executions spread out instead of arriving together.
 */
export const transientErrors = [...lambdaServiceErrors, 'Lambda.Unknown', 'Sandbox.Timedout', transientErrorName];

/** 1 s, 2 s, 4 s … capped at a minute, each drawn at random below: about seven minutes in the worst case. */
export const transientRetry = {
  interval: Duration.seconds(1),
  maxAttempts: 12,
  backoffRate: 2,
  maxDelay: Duration.seconds(60),
  jitterStrategy: sfn.JitterType.FULL,
} as const;

/** Retries of any other failure of a task that computes (Plan, Checkpoint, RecordFailure): a few, then park. */
export const taskRetry = { interval: Duration.seconds(2), maxAttempts: 3, backoffRate: 2 } as const;

/** Explicit task timeout for every non-waiting task: the local interpreter would otherwise default to 60 s. */
export const taskTimeout = Duration.seconds(30);

/**
 * How long a workflow parked after a failure waits for an admin's resume before it parks again (a loop of one
 * transition per wait). Under the ~24.8-day timer limit of the local interpreter (and of Node).
 */
export const resumeWait = Duration.days(20);

export interface SuggestionWorkflowFunctions {
  /** Plan: a new suggestion enters screening; returns the WorkflowPlan (what to wait for, how long). */
  readonly plan: IFunction;
  /** AwaitEvent and AwaitResume: stores the task token with the suggestion; actions answer it with the next plan. */
  readonly awaitEvent: IFunction;
  /** Checkpoint: the wait timed out — reminder, escalation, daily overdue reminder, auto-close; returns the next plan. */
  readonly checkpoint: IFunction;
  /** RecordFailure: records the error on the suggestion and alerts the admins. */
  readonly recordFailure: IFunction;
}

export interface SuggestionWorkflowProps {
  readonly functions: SuggestionWorkflowFunctions;
  /** @default RetentionDays.THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
}

/** Where a caught failure is kept for RecordFailure (`{Error, Cause}`). */
const failurePath = '$.failure';

/** A task that invokes a function with `$.Payload` and replaces the state with `{Payload: <result>}`. */
function planTask(scope: Construct, stateName: string, lambdaFunction: IFunction): tasks.LambdaInvoke {
  const task = new tasks.LambdaInvoke(scope, stateName, {
    lambdaFunction,
    payload: sfn.TaskInput.fromJsonPathAt('$.Payload'),
    resultSelector: { 'Payload.$': '$.Payload' },
    resultPath: '$',
    retryOnServiceExceptions: false,
    taskTimeout: sfn.Timeout.duration(taskTimeout),
  });
  return addTaskRetry(task);
}

/** A wait for a token retries transient failures of its own invocation (its timeout is the checkpoint, not an error). */
function addServiceRetry<T extends tasks.LambdaInvoke>(task: T): T {
  task.addRetry({ errors: transientErrors, ...transientRetry });
  return task;
}

/** A computing task also retries its task timeout as transient, and anything else a few times before parking. */
function addTaskRetry<T extends tasks.LambdaInvoke>(task: T): T {
  task.addRetry({ errors: [...transientErrors, sfn.Errors.TIMEOUT], ...transientRetry });
  task.addRetry({ errors: [sfn.Errors.TASKS_FAILED], ...taskRetry });
  return task;
}

/** A wait for a task token whose answer (`{"Payload": WorkflowPlan}`) becomes the state: `{Payload: plan}`. */
function waitForPlan(scope: Construct, stateName: string, lambdaFunction: IFunction, payload: Record<string, unknown>, taskTimeout: sfn.Timeout): tasks.LambdaInvoke {
  return addServiceRetry(
    new tasks.LambdaInvoke(scope, stateName, {
      lambdaFunction,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({ ...payload, taskToken: sfn.JsonPath.taskToken }),
      taskTimeout,
      resultSelector: { 'Payload.$': '$.Payload' },
      resultPath: '$',
      retryOnServiceExceptions: false,
    }),
  );
}

/**
 * The definition of the per-suggestion workflow (JSONPath only: the local interpreter gets JSONata and variables
 * wrong). Input: `{"Payload": {"suggestionId": "..."}}`. The domain decides everything (shared/domain/workflow/
 * plan.ts); the machine is a generic loop:
 *
 *   Plan -> IsOpen -(phase == open)-> AwaitEvent -(answered with {Payload: plan})-> IsOpen
 *                  \-(otherwise)-> Finished          \-(States.Timeout)-> Checkpoint -> IsOpen
 *   Plan, Checkpoint, AwaitEvent -(any other error, after retries)-> RecordFailure -> AwaitResume
 *   AwaitResume -(an admin's resume answers with {Payload: plan})-> IsOpen ; -(States.Timeout)-> AwaitResume
 *   IsOpen -(phase == parked: the suggestion records an unresolved error)-> AwaitResume
 *
 * An action costs two transitions (AwaitEvent, IsOpen), a checkpoint three (+ Checkpoint): reminders come from
 * the wait's timeout (TimeoutSecondsPath), never from a polling loop.
 */
export function defineSuggestionWorkflow(scope: Construct, fns: SuggestionWorkflowFunctions): sfn.IChainable {
  const plan = planTask(scope, workflowStates.plan, fns.plan);
  const checkpoint = planTask(scope, workflowStates.checkpoint, fns.checkpoint);

  const awaitEvent = waitForPlan(
    scope,
    workflowStates.awaitEvent,
    fns.awaitEvent,
    {
      suggestionId: sfn.JsonPath.stringAt('$.Payload.suggestionId'),
      timeout: sfn.JsonPath.numberAt(timeoutSecondsPath),
      // The whole plan, not its optional fields one by one: a path to an absent field fails the state.
      plan: sfn.JsonPath.objectAt('$.Payload'),
    },
    sfn.Timeout.at(timeoutSecondsPath),
  );

  const recordFailure = addTaskRetry(
    new tasks.LambdaInvoke(scope, workflowStates.recordFailure, {
      lambdaFunction: fns.recordFailure,
      payload: sfn.TaskInput.fromObject({
        suggestionId: sfn.JsonPath.stringAt('$.Payload.suggestionId'),
        failure: sfn.JsonPath.objectAt(failurePath),
      }),
      resultPath: sfn.JsonPath.DISCARD,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(taskTimeout),
    }),
  );

  const awaitResume = waitForPlan(
    scope,
    workflowStates.awaitResume,
    fns.awaitEvent,
    { suggestionId: sfn.JsonPath.stringAt('$.Payload.suggestionId') },
    sfn.Timeout.duration(resumeWait),
  );

  const isOpen = new sfn.Choice(scope, workflowStates.isOpen);
  const finished = new sfn.Succeed(scope, workflowStates.finished);

  awaitEvent.addCatch(checkpoint, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeoutError' });
  for (const task of [plan, checkpoint, awaitEvent]) task.addCatch(recordFailure, { errors: [sfn.Errors.ALL], resultPath: failurePath });
  // Even when the failure cannot be recorded, park the workflow where an admin can resume it.
  recordFailure.addCatch(awaitResume, { errors: [sfn.Errors.ALL], resultPath: failurePath });
  awaitResume.addCatch(awaitResume, { errors: [sfn.Errors.TIMEOUT], resultPath: sfn.JsonPath.DISCARD });

  awaitEvent.next(isOpen);
  checkpoint.next(isOpen);
  recordFailure.next(awaitResume);
  awaitResume.next(isOpen);
  isOpen
    .when(sfn.Condition.stringEquals('$.Payload.phase', 'open'), awaitEvent)
    // The suggestion still records an unresolved workflow error: only an admin's resume moves it on.
    .when(sfn.Condition.stringEquals('$.Payload.phase', 'parked'), awaitResume)
    .otherwise(finished);

  return plan.next(isOpen);
}

/** The Standard state machine that drives one suggestion, logged (ALL, without execution data) and traced. */
export class SuggestionWorkflow extends Construct {
  public readonly stateMachine: sfn.StateMachine;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: SuggestionWorkflowProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(defineSuggestionWorkflow(this, props.functions)),
      tracingEnabled: true,
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      comment: 'Per-suggestion lifecycle: Plan, wait for an action or the next checkpoint, repeat until done',
    });
  }
}
