/**
 * What each function may do on AWS — the one place it is declared. The stateless stack grants from this and
 * nothing else (`bindPermissions`), and the infra tests read it twice: the synthesized roles must hold exactly
 * these actions (test/infra/permissions.test.ts), and the SDK commands each handler's code can send must be
 * exactly what this declares (test/infra/sdk-commands.test.ts).
 *
 * Each entry is keyed by the function's handler file under functions/ and says, per resource, what the code
 * does with it. To add a permission: add the use to the function's entry here, and its action to the expected
 * table in test/infra/permissions.test.ts; a new kind of resource gets a field in FunctionPermissions, its
 * actions in `actionsOf` and its grant in `bindPermissions`.
 */
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { ArnFormat, Fn, Stack } from 'aws-cdk-lib';
import type { IndexName } from '../shared/model/table';
import type { ProjectFunction } from './constructs/project-function';

/**
 * Item-level DynamoDB actions, as IAM names them (without `dynamodb:`). A TransactWriteItems has no action of
 * its own: it needs the action of each kind of item in it (Put → PutItem, Update → UpdateItem, Delete →
 * DeleteItem, ConditionCheck → ConditionCheckItem). `Query` here is a query of the table itself; an index's
 * query is `queryIndexes`.
 */
export type TableAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem' | 'BatchGetItem' | 'BatchWriteItem' | 'Query' | 'Scan';

/**
 * The notification queue: `send` a message (SendMessageBatch is authorised as sqs:SendMessage), `changeVisibility`
 * of a received one (the notifier's retry backoff), `consume` it as the SQS event source does (Lambda's poller
 * receives, deletes and reads the queue's attributes with the function's role).
 */
export type QueueUse = 'send' | 'changeVisibility' | 'consume';

/**
 * The suggestion workflow: `start` an execution (intake); `answer` a waiting task token with the next plan;
 * `supervise` its executions — list those that ended, look one up, start a new one (the sweep).
 */
export type WorkflowUse = 'start' | 'answer' | 'supervise';

/** Secrets a function reads, by name; the stack says which secret each name is in this deployment (if any). */
export type SecretName = 'notifyWebhook' | 'pin' | 'origin';

/**
 * The private files bucket (exports, bulletins): `write` a file (a multipart upload: PutObject covers its create,
 * part and complete calls; AbortMultipartUpload its abort), `link` to one (a presigned GET is authorised as the
 * signer's s3:GetObject), `read` one whole (a campaign's cover image, served by its function: s3:GetObject).
 */
export type FileUse = 'write' | 'link' | 'read';

/** Channels a function delivers to people on, through whichever provider the deployment chose for each. */
export type DeliveryChannel = 'email' | 'sms';

export interface FunctionPermissions {
  /** The application table: `actions` on the table, and Query on each of `queryIndexes` (by its own ARN). */
  readonly table?: { readonly actions: readonly TableAction[]; readonly queryIndexes?: readonly IndexName[] };
  readonly notificationQueue?: readonly QueueUse[];
  readonly workflow?: readonly WorkflowUse[];
  /** The staff user pool: the directory admin creates and updates sign-in accounts (never deletes them). */
  readonly staffAccounts?: 'manage';
  /** Read (GetSecretValue) at cold start; granted only where the deployment configures the secret. */
  readonly secrets?: readonly SecretName[];
  /**
   * Email through SES (ses:SendEmail, from the configured sender only) when SES sends email, SMS through SNS
   * (sns:Publish) when SNS sends SMS; nothing for the outbox and the webhook (the webhook's key is a secret).
   */
  readonly deliver?: readonly DeliveryChannel[];
  /** Objects of the files bucket (issue 10, point 5). */
  readonly files?: readonly FileUse[];
  /** The background file-jobs queue, as `notificationQueue` (its URL in FILE_JOB_QUEUE_URL). */
  readonly fileJobQueue?: readonly QueueUse[];
}

/**
 * Every function, by handler file. Read top-down from the handler: which adapters it builds and which of their
 * methods its use cases call (shared/aws/ issues the SDK commands). `satisfies` keeps the literal types, so the
 * tests can name each entry.
 */
export const functionPermissions = {
  /** Answers from memory (after the origin check every API function makes: the origin secret, read once). */
  'api/health': { secrets: ['origin'] },
  /** Matches the route table only. */
  'api/fallback': { secrets: ['origin'] },
  /**
   * Intake: the deadline policy (get), the idempotency record (get), the create transaction (puts only); the
   * workflow start and the receipt. Tracking: the rate limiter's counters (update), code and suggestion (get),
   * the timeline (query).
   */
  'api/public-suggestions': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'] },
    notificationQueue: ['send'],
    workflow: ['start'],
    // The PIN of a keyed submission is derived under the PIN secret.
    secrets: ['origin', 'pin'],
  },
  /**
   * The staff token's account check (get), the queue on whichever index its filters choose, detail (get, the
   * timeline's query) and contact reveal; each audited (put). Answers no workflow and queues nothing.
   */
  'api/staff-suggestions': {
    table: { actions: ['GetItem', 'PutItem', 'Query'], queryIndexes: ['byOrgDue', 'byStatusDue', 'byDepartmentDue'] },
    secrets: ['origin'],
  },
  /** Read only: the account check and queue statistics (get), departments and the audit log (query). */
  'api/staff-directory': {
    table: { actions: ['GetItem', 'Query'] },
    secrets: ['origin'],
  },
  /**
   * Answer and rating: the citizen's check (rate counters: update; code, suggestion: get), the transition
   * (transaction of puts), the token (get) and its answer, the timeline and the staff to tell (query), a 督办
   * record on a second dissatisfied rating (get, put), the notices.
   */
  'api/citizen-actions': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'] },
    notificationQueue: ['send'],
    workflow: ['answer'],
    secrets: ['origin'],
  },
  /**
   * Staff actions: the account check, the suggestion, the policy, a merge target, the token and a 督办 record
   * (get); departments, staff to tell and the timeline (query); the transition (transaction of puts), the audit
   * and the 督办 instruction (put); the notices and the workflow's answer.
   */
  'api/staff-actions': {
    // byWorkflowParked: the admin's list of parked workflows, and resuming them all.
    table: { actions: ['GetItem', 'PutItem', 'Query'], queryIndexes: ['byWorkflowParked'] },
    notificationQueue: ['send'],
    workflow: ['answer'],
    secrets: ['origin'],
  },
  /**
   * Supervisor board, reply templates, calendar and time limits (a campaign's by update), the directory with
   * its Cognito accounts, failed notifications (get, list, delete) and their retry (send). Answers no workflow.
   */
  'api/staff-admin': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'] },
    notificationQueue: ['send'],
    staffAccounts: 'manage',
    secrets: ['origin'],
  },
  /** Reads the suggestion and the policy, saves the screening transition (puts). Sends nothing. */
  'workflow/plan': {
    table: { actions: ['GetItem', 'PutItem'] },
  },
  /** Parks the token (put), reads the suggestion and the policy, answers its own token when the plan is stale. */
  'workflow/await-event': {
    table: { actions: ['GetItem', 'PutItem'] },
    workflow: ['answer'],
  },
  /** Suggestion, policy, 督办 record (get); the transition and a new 督办 record (put); whom to tell (query). */
  'workflow/checkpoint': {
    table: { actions: ['GetItem', 'PutItem', 'Query'] },
    notificationQueue: ['send'],
  },
  /** The suggestion (get), the failure on it (put), the admins to tell (query), the alert. */
  'workflow/record-failure': {
    table: { actions: ['GetItem', 'PutItem', 'Query'] },
    notificationQueue: ['send'],
  },
  /**
   * The delivery ledger (claim: put, mark sent: update, release: delete), the outbox and failed-notification
   * records (put); the queue as its event source, its retry backoff and deferred copies; the providers.
   */
  'queue/notifier': {
    // GetItem: the organisation's and campaign's SMS quiet hours (their time limits), read at delivery.
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'] },
    notificationQueue: ['consume', 'changeVisibility', 'send'],
    // pin: a staff entry's receipt carries the PIN, derived at render time (issue 12: staff entry and callbacks).
    secrets: ['notifyWebhook', 'pin'],
    deliver: ['email', 'sms'],
  },
  /**
   * The sweep: the suggestions still `submitted` (the status index), each candidate (get); the executions that
   * ended abnormally (list), one execution (describe) and a new one (start); the parked ones, counted (their index).
   */
  'jobs/workflow-sweep': {
    table: { actions: ['GetItem'], queryIndexes: ['byStatusDue', 'byWorkflowParked'] },
    workflow: ['supervise'],
  },
  /** Reads the organisation's open queue (its index only) and writes the statistics (put). */
  /**
   * The rates job: the suggestions changed since its watermark (their index) and those whose deadline passed (the
   * open queue's index), with their timelines (query); the facts, memberships, tallies and summaries it keeps (get,
   * put, delete, update; the figures in a transaction with the facts), where it stands (get, update), the time
   * limits (get).
   */
  // BatchWriteItem: a suggestion's bucket memberships (absolute puts and deletes, kept for the drill-down) are
  // written 25 a request; the figures themselves move only in a conditional transaction with the facts.
  'jobs/update-rates': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'Query'], queryIndexes: ['byOrgChanged', 'byOrgDue'] },
  },
  'jobs/queue-stats': {
    table: { actions: ['PutItem'], queryIndexes: ['byOrgDue'] },
  },
  // --- Hot topics and barometer (热度表 / 晴雨表) ---
  /**
   * The topics job: the suggestions changed since its watermark (their index), the facts, memberships, counts and
   * spikes it keeps (get, query, put, delete; memberships in one transaction), the dispatchers (query) and the
   * notice of a new spike (send).
   */
  'jobs/update-topics': {
    table: { actions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'], queryIndexes: ['byOrgChanged'] },
    notificationQueue: ['send'],
  },
  /** The account check (get), a week's counts and spikes (query), the view audited (put). */
  'api/staff-topics': {
    table: { actions: ['GetItem', 'PutItem', 'Query'] },
    secrets: ['origin'],
  },
  // --- Exports and bulletins (issue 10, point 5) ---------------------------------------------------------------
  /**
   * Exports (ask: the export and its audit record in a transaction of puts, then the job; a failed enqueue marks it
   * failed: put), the person's exports (query, get), bulletins (query, get), the download links, audited (put).
   */
  'api/staff-files': {
    table: { actions: ['GetItem', 'PutItem', 'Query'] },
    fileJobQueue: ['send'],
    files: ['link'],
    secrets: ['origin'],
  },
  /**
   * The worker: an export (its record: update, put; the queue on whichever index its filters choose; departments:
   * query) streamed into the bucket; a bulletin (rate tallies, staff: query; its record: query, put; its files;
   * the supervisors' notices). Consumes the file-jobs queue.
   */
  'queue/file-jobs': {
    // Issue 12: bulk import — a chunk of an import's rows, each through the intake (the workflow start, the PIN
    // secret, the receipt when asked), the import's file read whole (files: read).
    workflow: ['start'],
    secrets: ['pin'],
    // GetItem: where the rates job stands (a bulletin waits for the first computation) and the ranking settings.
    // byCampaignResponses: an export of a campaign's responses (Campaigns, issue 11), its campaign read by GetItem.
    // Campaigns (issue 11): media — a close report reads the campaign (get) and its featured ideas (byOrgCaseLibrary).
    // BatchGetItem: the report's figures, the campaign's counter shards in one batch.
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'BatchGetItem'], queryIndexes: ['byOrgDue', 'byStatusDue', 'byDepartmentDue', 'byCampaignResponses', 'byOrgCaseLibrary'] },
    fileJobQueue: ['consume'],
    notificationQueue: ['send'],
    files: ['write', 'read'],
  },
  // --- Campaigns (issue 11): the campaigns themselves --------------------------------------------------------
  /** The portal's list (query) and a campaign's page (get), with a published campaign's figures (one BatchGet of its shards). */
  'api/public-campaigns': {
    table: { actions: ['GetItem', 'Query', 'BatchGetItem'] },
    secrets: ['origin'],
  },
  /**
   * The account check (get), the campaigns (query, get; create and save as updates in a transaction with their
   * audit record: put), the departments (query), the figures of the list (one BatchGet of each campaign's shards).
   */
  'api/staff-campaigns': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'BatchGetItem'] },
    secrets: ['origin'],
  },
  /** The clock: the organisation's campaigns (query), each due one saved on its version (update). */
  'jobs/campaign-clock': {
    table: { actions: ['Query', 'UpdateItem'] },
  },
  // Campaigns (issue 11): responses
  /**
   * A response: the campaign (get), a retry's stored response (get), the rate limiter and an SMS code's wrong tries
   * (update), the code (get, put), the response with its counters and guard and a participant with its count
   * (transactions of puts and updates); the SMS code's message. Respondents are hashed under the PIN secret.
   */
  'api/campaign-responses': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem'] },
    notificationQueue: ['send'],
    secrets: ['origin', 'pin'],
  },
  /**
   * The account check and the campaign (get), the figures (one BatchGet of the counter shards), the responses'
   * listing (its index), views audited and the export with its audit record (puts), the export's job.
   */
  'api/staff-responses': {
    table: { actions: ['GetItem', 'PutItem', 'BatchGetItem'], queryIndexes: ['byCampaignResponses'] },
    fileJobQueue: ['send'],
    secrets: ['origin'],
  },
  /** The schedule of bulletins: queues the period that just ended (the worker generates it once). */
  'jobs/bulletins': {
    fileJobQueue: ['send'],
  },
  // Campaigns (issue 11): media
  /**
   * Public: a campaign (get) for its QR codes and cover, the cover's file (read); the case library's featured
   * ideas (their index) with the organisation's campaigns (a query of the table) to name them.
   */
  'api/campaign-media': {
    table: { actions: ['GetItem', 'Query'], queryIndexes: ['byOrgCaseLibrary'] },
    files: ['read'],
    secrets: ['origin'],
  },
  /**
   * Staff: the account check, the campaign and the organisation's name for the poster (get); the cover's file (write) and the campaign saved with its audit
   * record (a transaction: update, put); a close report's export and audit record (a transaction of puts), its job
   * (send), and on a failed enqueue the export marked failed (put).
   */
  'api/staff-campaign-files': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem'] },
    files: ['write'],
    fileJobQueue: ['send'],
    secrets: ['origin'],
  },
  // Issue 12: staff entry and callbacks
  /**
   * 代录: the account check, the deadline policy and the idempotency record (get), the receipts' caps (update), the
   * create transaction with its audit record (puts); the workflow start and the receipt. The PIN is derived under
   * the PIN secret.
   */
  'api/staff-entries': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem'] },
    notificationQueue: ['send'],
    workflow: ['start'],
    secrets: ['origin', 'pin'],
  },
  // Issue 12: integrations and Open311
  /**
   * The admin's integrations: the account check and an integration (get), the list (query), a new one with its
   * key's credential and audit record (a transaction of puts), an edit or revocation (update and audit put). Keys
   * are hashed under the PIN secret.
   */
  'api/staff-integrations': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'] },
    secrets: ['origin', 'pin'],
  },
  /**
   * The integration channel: the key's credential and integration (get), its rate limit and last use (update);
   * then intake as the public form's (get, puts, workflow start, receipt) and status (get, timeline query).
   */
  'api/integration-suggestions': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'] },
    notificationQueue: ['send'],
    workflow: ['start'],
    secrets: ['origin', 'pin'],
  },
  /**
   * Open311: as the integration channel (the key, intake), plus the departments' names (query) and the requests
   * changed since a date (the byOrgChanged index).
   */
  'api/open311': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'], queryIndexes: ['byOrgChanged'] },
    notificationQueue: ['send'],
    workflow: ['start'],
    secrets: ['origin', 'pin'],
  },
  // Issue 12: bulk import
  /**
   * The account check and an import (get), the list, mappings and a chunk's results (query); upload, start and
   * mapping saved with their audit records (transactions of puts and an update); the file (write), read back for
   * the preview (read), the report written and linked; the chunks' jobs (send).
   */
  'api/staff-imports': {
    table: { actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'] },
    files: ['write', 'read', 'link'],
    fileJobQueue: ['send'],
    secrets: ['origin'],
  },
} as const satisfies Record<`${string}/${string}`, FunctionPermissions>;

export type FunctionEntry = keyof typeof functionPermissions;

/** The permissions declared for a handler; an undeclared function fails synth, naming the file to add. */
export function permissionsOf(entry: string): FunctionPermissions {
  const declared = (functionPermissions as Record<string, FunctionPermissions>)[entry];
  if (!declared) throw new Error(`functions/${entry}.ts has no entry in infra/function-permissions.ts: declare what it may do (an empty entry for nothing)`);
  return declared;
}

// --- From the declaration to IAM actions: used by the grants below and by the tests ------------------------

export const queueActions: Record<QueueUse, readonly string[]> = {
  send: ['sqs:SendMessage'],
  changeVisibility: ['sqs:ChangeMessageVisibility'],
  consume: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
};
export const workflowActions: Record<WorkflowUse, readonly string[]> = {
  start: ['states:StartExecution'],
  // SfnWorkflowEngine.answer sends success only (a stale token is not an error): no failure, no heartbeat.
  answer: ['states:SendTaskSuccess'],
  // On the machine; DescribeExecution is on its executions (executionActions).
  supervise: ['states:ListExecutions', 'states:StartExecution'],
};
/** The ARNs of every execution of the machine: `arn:…:execution:<machine name>:*`. */
export function executionsArn(stateMachine: IStateMachine): string {
  return Stack.of(stateMachine).formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: `${Fn.select(6, Fn.split(':', stateMachine.stateMachineArn))}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/** Actions on the machine's executions (`arn:…:execution:<machine>:*`), by use. */
export const executionActions: Partial<Record<WorkflowUse, readonly string[]>> = { supervise: ['states:DescribeExecution'] };
/** What shared/aws/cognito-staff-accounts.ts calls: create, password, attributes, groups, enable, disable, sign out. */
export const staffAccountActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDeleteUserAttributes',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
] as const;
const deliveryActions: Record<DeliveryChannel, string> = { email: 'ses:SendEmail', sms: 'sns:Publish' };
export const fileActions: Record<FileUse, readonly string[]> = {
  write: ['s3:PutObject', 's3:AbortMultipartUpload'],
  link: ['s3:GetObject'],
  read: ['s3:GetObject'],
};

/**
 * The IAM actions a declaration stands for, by resource: `table`, `index/<name>`, `notificationQueue`,
 * `workflow`, `staffAccounts`, `secret/<name>`, `email`, `sms` (the last three only where the deployment
 * configures them). Sorted, for comparison.
 */
export function actionsOf(permissions: FunctionPermissions): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (resource: string, actions: readonly string[]) => {
    if (actions.length) out[resource] = [...new Set([...(out[resource] ?? []), ...actions])].sort();
  };
  add('table', (permissions.table?.actions ?? []).map((a) => `dynamodb:${a}`));
  for (const index of permissions.table?.queryIndexes ?? []) add(`index/${index}`, ['dynamodb:Query']);
  add('notificationQueue', (permissions.notificationQueue ?? []).flatMap((use) => queueActions[use]));
  add('workflow', (permissions.workflow ?? []).flatMap((use) => workflowActions[use]));
  add('executions', (permissions.workflow ?? []).flatMap((use) => executionActions[use] ?? []));
  if (permissions.staffAccounts) add('staffAccounts', staffAccountActions);
  for (const secret of permissions.secrets ?? []) add(`secret/${secret}`, ['secretsmanager:GetSecretValue']);
  for (const channel of permissions.deliver ?? []) add(channel, [deliveryActions[channel]]);
  add('files', (permissions.files ?? []).flatMap((use) => fileActions[use]));
  add('fileJobQueue', (permissions.fileJobQueue ?? []).flatMap((use) => queueActions[use]));
  return out;
}

// --- Grants ------------------------------------------------------------------------------------------------

/** The resources the declaration speaks of, as this deployment has them. */
export interface PermissionResources {
  readonly table: ITable;
  readonly notificationQueue: IQueue;
  readonly stateMachine: IStateMachine;
  /** The functions the state machine invokes (its tasks): their workflow grants need a policy of their own. */
  readonly workflowTasks: readonly ProjectFunction[];
  readonly userPool: IUserPool;
  /**
   * The secrets this deployment configures, each with the environment variable that names it to the function.
   * A secret left out is granted to nobody (its function then reads its local fallback, or fails at cold start).
   */
  readonly secrets: Partial<Record<SecretName, { readonly secret: ISecret; readonly variable: string }>>;
  /** The SES sender, when SES sends email; SNS, when it sends SMS. Absent: that channel needs no permission. */
  readonly delivery: { readonly sesSender?: string; readonly snsSms?: boolean };
  readonly filesBucket: IBucket;
  readonly fileJobQueue: IQueue;
}

/** Grants one function what it declares (and sets the variables naming those resources), nothing else. */
export function bindPermissions(fn: ProjectFunction, resources: PermissionResources): void {
  const permissions = permissionsOf(fn.entry);
  if (permissions.table) fn.bindTable(resources.table, permissions.table);
  if (permissions.notificationQueue) fn.bindQueue(resources.notificationQueue, permissions.notificationQueue);
  if (permissions.workflow) fn.bindWorkflow(resources.stateMachine, permissions.workflow, resources.workflowTasks.includes(fn));
  if (permissions.staffAccounts) fn.bindStaffAccounts(resources.userPool, staffAccountActions);
  if (permissions.files) fn.bindFiles(resources.filesBucket, permissions.files.flatMap((use) => fileActions[use]));
  if (permissions.fileJobQueue) fn.bindQueue(resources.fileJobQueue, permissions.fileJobQueue, 'FILE_JOB_QUEUE_URL');
  for (const name of permissions.secrets ?? []) {
    const configured = resources.secrets[name];
    if (configured) fn.bindSecret(configured.secret, configured.variable);
  }
  const deliver = new Set(permissions.deliver ?? []);
  const { sesSender, snsSms } = resources.delivery;
  if (deliver.has('email') && sesSender) {
    // Only from the configured sender: its address and its domain identity, whichever SES verified.
    const stack = Stack.of(fn);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [deliveryActions.email],
        resources: [sesSender, sesSender.split('@')[1]!].map((identity) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
        conditions: { StringEquals: { 'ses:FromAddress': sesSender } },
      }),
    );
  }
  if (deliver.has('sms') && snsSms) {
    // Direct SMS publishing has no resource ARN (a phone number is not a resource): see nag-suppressions.ts.
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: [deliveryActions.sms], resources: ['*'] }));
  }
}
