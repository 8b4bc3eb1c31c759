import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

/**
 * State names of the suggestion workflow. The local runtime overrides tasks by state name, and the tests
 * read the synthesized definition by these names: change them together.
 */
export const workflowStates = {
  beginScreening: 'BeginScreening',
  isScreeningOpen: 'IsScreeningOpen',
  awaitScreening: 'AwaitScreening',
  screeningOverdue: 'ScreeningOverdue',
  screened: 'Screened',
  finished: 'Finished',
} as const;

/**
 * Where the wait-for-token tasks find their timeout. It resolves to the same number on AWS (against the
 * state's input) and in aws-local-stepfunctions (against the input after Parameters, `{FunctionName, Payload}`)
 * because the checkpoint data lives at `$.Payload` and is passed on as `Payload`.
 */
export const timeoutSecondsPath = '$.Payload.timeout';

/** Lambda invoke errors worth retrying: the service's, never the function's own. */
export const lambdaServiceErrors = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

/** Explicit task timeout for every non-waiting task: the local interpreter would otherwise default to 60 s. */
export const taskTimeout = Duration.seconds(30);

export interface SuggestionWorkflowFunctions {
  /** Records the screening checkpoint; returns `{suggestionId, phase, timeout}`. */
  readonly beginScreening: IFunction;
  /** Stores the task token with the suggestion; a dispatcher's screening decision answers it. */
  readonly awaitScreening: IFunction;
  /** Runs when the screening wait times out: reminder or escalation, then the next checkpoint. */
  readonly screeningOverdue: IFunction;
}

export interface SuggestionWorkflowProps {
  readonly functions: SuggestionWorkflowFunctions;
  /** @default RetentionDays.THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
}

/** A task that invokes a function with `$.Payload` and replaces the state with `{Payload: <result>}`. */
function checkpointTask(scope: Construct, stateName: string, lambdaFunction: IFunction): tasks.LambdaInvoke {
  const task = new tasks.LambdaInvoke(scope, stateName, {
    lambdaFunction,
    payload: sfn.TaskInput.fromJsonPathAt('$.Payload'),
    resultSelector: { 'Payload.$': '$.Payload' },
    resultPath: '$',
    retryOnServiceExceptions: false,
    taskTimeout: sfn.Timeout.duration(taskTimeout),
  });
  return addServiceRetry(task);
}

function addServiceRetry(task: tasks.LambdaInvoke): tasks.LambdaInvoke {
  task.addRetry({
    errors: lambdaServiceErrors,
    interval: Duration.seconds(2),
    maxAttempts: 3,
    backoffRate: 2,
  });
  return task;
}

/**
 * The definition of the per-suggestion workflow (JSONPath only: the local interpreter gets JSONata and
 * variables wrong). Input: `{"Payload": {"suggestionId": "..."}}`.
 *
 *   BeginScreening -> IsScreeningOpen -(phase == screening)-> AwaitScreening -> Screened
 *                                     \-(otherwise)-> Finished
 *   AwaitScreening -(States.Timeout)-> ScreeningOverdue -> IsScreeningOpen
 *
 * Reminders come from the wait-for-token task's timeout (TimeoutSecondsPath), not a polling loop: a handful
 * of transitions per reminder.
 */
export function defineSuggestionWorkflow(scope: Construct, fns: SuggestionWorkflowFunctions): sfn.IChainable {
  const beginScreening = checkpointTask(scope, workflowStates.beginScreening, fns.beginScreening);
  const screeningOverdue = checkpointTask(scope, workflowStates.screeningOverdue, fns.screeningOverdue);

  const awaitScreening = addServiceRetry(
    new tasks.LambdaInvoke(scope, workflowStates.awaitScreening, {
      lambdaFunction: fns.awaitScreening,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        suggestionId: sfn.JsonPath.stringAt('$.Payload.suggestionId'),
        timeout: sfn.JsonPath.numberAt(timeoutSecondsPath),
        taskToken: sfn.JsonPath.taskToken,
      }),
      taskTimeout: sfn.Timeout.at(timeoutSecondsPath),
      resultPath: '$.screening',
      retryOnServiceExceptions: false,
    }),
  );

  const isScreeningOpen = new sfn.Choice(scope, workflowStates.isScreeningOpen);
  const screened = new sfn.Succeed(scope, workflowStates.screened);
  const finished = new sfn.Succeed(scope, workflowStates.finished);

  awaitScreening.addCatch(screeningOverdue, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.timeoutError' });
  awaitScreening.next(screened);
  screeningOverdue.next(isScreeningOpen);
  isScreeningOpen
    .when(sfn.Condition.stringEquals('$.Payload.phase', 'screening'), awaitScreening)
    .otherwise(finished);

  return beginScreening.next(isScreeningOpen);
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
      comment: 'Per-suggestion lifecycle: screening checkpoint, reminders on wait-for-token timeouts',
    });
  }
}
