/**
 * Least privilege, read from the synthesized template: for every function of the stateless stack, the IAM
 * actions its role may take, by resource, must be exactly the table below — anything extra or missing fails,
 * and so does a function the table does not name. The table is written out by hand on purpose: it is the
 * reviewer's view of infra/function-permissions.ts (which the grants come from), not a copy computed from it.
 */
import { App, ArnFormat, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildJianyi, type JianyiStacks } from '../../infra/app';
import { ProjectFunction } from '../../infra/constructs/project-function';
import { executionsArn, functionPermissions } from '../../infra/function-permissions';
import { tableModel } from '../../shared/model/table';
import { cdkJsonContext } from './synth';

type Actions = Record<string, string[]>;

/** What every project function has besides its own: its log group (writes) and X-Ray tracing (Resource *). */
const everyFunction: Actions = {
  logGroup: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  '*': ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
};

const tableRead = (...more: string[]) => ['dynamodb:GetItem', ...more].sort();
/** Every API function reads the origin secret CloudFront sends (shared/http/origin-guard.ts). */
const origin = { originSecret: ['secretsmanager:GetSecretValue'] };

/** The default deployment (the outbox sends everything): each function's actions, by resource. */
const expected: Record<string, Actions> = {
  'api/health': { ...origin },
  'api/fallback': { ...origin },
  'api/public-suggestions': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'),
    notificationQueue: ['sqs:SendMessage'],
    stateMachine: ['states:StartExecution'],
    ...origin,
    pinSecret: ['secretsmanager:GetSecretValue'],
  },
  'api/staff-suggestions': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query'),
    'index/byOrgDue': ['dynamodb:Query'],
    'index/byStatusDue': ['dynamodb:Query'],
    'index/byDepartmentDue': ['dynamodb:Query'],
    ...origin,
  },
  'api/staff-directory': {
    table: tableRead('dynamodb:Query'),
    ...origin,
  },
  'api/citizen-actions': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'),
    notificationQueue: ['sqs:SendMessage'],
    stateMachine: ['states:SendTaskSuccess'],
    ...origin,
  },
  'api/staff-actions': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query'),
    'index/byWorkflowParked': ['dynamodb:Query'],
    notificationQueue: ['sqs:SendMessage'],
    stateMachine: ['states:SendTaskSuccess'],
    ...origin,
  },
  'api/staff-admin': {
    table: tableRead('dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'),
    notificationQueue: ['sqs:SendMessage'],
    userPool: [
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDeleteUserAttributes',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminSetUserPassword',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminUserGlobalSignOut',
    ],
    ...origin,
  },
  'workflow/plan': {
    table: tableRead('dynamodb:PutItem'),
  },
  'workflow/await-event': {
    table: tableRead('dynamodb:PutItem'),
    stateMachine: ['states:SendTaskSuccess'],
  },
  'workflow/checkpoint': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query'),
    notificationQueue: ['sqs:SendMessage'],
  },
  'workflow/record-failure': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query'),
    notificationQueue: ['sqs:SendMessage'],
  },
  'queue/notifier': {
    table: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    notificationQueue: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage', 'sqs:SendMessage'],
    // Issue 12: staff entry and callbacks — a staff entry's receipt carries its PIN, derived at render time.
    pinSecret: ['secretsmanager:GetSecretValue'],
  },
  'jobs/workflow-sweep': {
    table: tableRead(),
    'index/byStatusDue': ['dynamodb:Query'],
    'index/byWorkflowParked': ['dynamodb:Query'],
    stateMachine: ['states:ListExecutions', 'states:StartExecution'],
    executions: ['states:DescribeExecution'],
  },
  'jobs/update-rates': {
    table: tableRead('dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'),
    'index/byOrgChanged': ['dynamodb:Query'],
    'index/byOrgDue': ['dynamodb:Query'],
  },
  'jobs/queue-stats': {
    table: ['dynamodb:PutItem'],
    'index/byOrgDue': ['dynamodb:Query'],
  },
  // Hot topics and barometer.
  'jobs/update-topics': {
    table: tableRead('dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Query'),
    'index/byOrgChanged': ['dynamodb:Query'],
    notificationQueue: ['sqs:SendMessage'],
  },
  'api/staff-topics': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query'),
    ...origin,
  },
  // Campaigns (issue 11).
  'api/public-campaigns': {
    table: tableRead('dynamodb:BatchGetItem', 'dynamodb:Query'),
    ...origin,
  },
  'api/staff-campaigns': {
    table: tableRead('dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'),
    ...origin,
  },
  'jobs/campaign-clock': {
    table: ['dynamodb:Query', 'dynamodb:UpdateItem'],
  },
  // Exports and bulletins (issue 10, point 5).
  'api/staff-files': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query'),
    fileJobQueue: ['sqs:SendMessage'],
    files: ['s3:GetObject'],
    ...origin,
  },
  'queue/file-jobs': {
    table: tableRead('dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'),
    'index/byOrgDue': ['dynamodb:Query'],
    'index/byStatusDue': ['dynamodb:Query'],
    'index/byDepartmentDue': ['dynamodb:Query'],
    // Campaigns (issue 11): responses — an export of a campaign's responses.
    'index/byCampaignResponses': ['dynamodb:Query'],
    // Campaigns (issue 11): media — a close report's featured ideas.
    'index/byOrgCaseLibrary': ['dynamodb:Query'],
    fileJobQueue: ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
    notificationQueue: ['sqs:SendMessage'],
    // Issue 12: bulk import — the import's file read whole, each row's intake (workflow start, PIN secret).
    files: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
    stateMachine: ['states:StartExecution'],
    pinSecret: ['secretsmanager:GetSecretValue'],
  },
  'jobs/bulletins': {
    fileJobQueue: ['sqs:SendMessage'],
  },
  // Campaigns (issue 11): responses
  'api/campaign-responses': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:UpdateItem'),
    notificationQueue: ['sqs:SendMessage'],
    ...origin,
    pinSecret: ['secretsmanager:GetSecretValue'],
  },
  'api/staff-responses': {
    table: tableRead('dynamodb:BatchGetItem', 'dynamodb:PutItem'),
    'index/byCampaignResponses': ['dynamodb:Query'],
    fileJobQueue: ['sqs:SendMessage'],
    ...origin,
  },
  // Campaigns (issue 11): media
  'api/campaign-media': {
    table: tableRead('dynamodb:Query'),
    'index/byOrgCaseLibrary': ['dynamodb:Query'],
    files: ['s3:GetObject'],
    ...origin,
  },
  'api/staff-campaign-files': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:UpdateItem'),
    files: ['s3:AbortMultipartUpload', 's3:PutObject'],
    fileJobQueue: ['sqs:SendMessage'],
    ...origin,
  },
  // Issue 12: staff entry and callbacks
  'api/staff-entries': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:UpdateItem'),
    notificationQueue: ['sqs:SendMessage'],
    stateMachine: ['states:StartExecution'],
    ...origin,
    pinSecret: ['secretsmanager:GetSecretValue'],
  },
  // Issue 12: integrations and Open311
  'api/staff-integrations': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'),
    ...origin,
    pinSecret: ['secretsmanager:GetSecretValue'],
  },
  'api/integration-suggestions': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'),
    notificationQueue: ['sqs:SendMessage'],
    stateMachine: ['states:StartExecution'],
    ...origin,
    pinSecret: ['secretsmanager:GetSecretValue'],
  },
  'api/open311': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'),
    'index/byOrgChanged': ['dynamodb:Query'],
    notificationQueue: ['sqs:SendMessage'],
    stateMachine: ['states:StartExecution'],
    ...origin,
    pinSecret: ['secretsmanager:GetSecretValue'],
  },
  // Issue 12: bulk import
  'api/staff-imports': {
    table: tableRead('dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'),
    files: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
    fileJobQueue: ['sqs:SendMessage'],
    ...origin,
  },
};

/** Lambda functions in the stateless stack that are not project functions, and why they are not listed above. */
const notProjectFunctions: { logicalId: RegExp; why: string }[] = [
  { logicalId: /^CustomCDKBucketDeployment/, why: "CDK's BucketDeployment provider (its role is checked by cdk-nag, see nag-suppressions.ts)" },
  { logicalId: /^CustomCrossRegionExportReader/, why: "CDK's cross-region reference reader: at deploy time it reads the web ACL's ARN from SSM in us-east-1 (edge-stack.ts)" },
];

interface Statement {
  Effect: string;
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}
type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

/** A readable name for each resource an expected table speaks of, keyed by its resolved (CloudFormation) form. */
function resourceNames(stacks: JianyiStacks, fn: ProjectFunction, extra: Record<string, string> = {}): Map<string, string> {
  const { stateful, stateless } = stacks;
  const resolve = (value: string) => JSON.stringify(stateless.resolve(value));
  const names = new Map<string, string>([
    [JSON.stringify('*'), '*'],
    [resolve(fn.logGroup.logGroupArn), 'logGroup'],
    [resolve(stateful.table.tableArn), 'table'],
    ...tableModel.indexes.map((index): [string, string] => [resolve(`${stateful.table.tableArn}/index/${index.name}`), `index/${index.name}`]),
    [resolve(stateful.notificationQueue.queueArn), 'notificationQueue'],
    [resolve(stateless.workflow.stateMachine.stateMachineArn), 'stateMachine'],
    [resolve(executionsArn(stateless.workflow.stateMachine)), 'executions'],
    [resolve(stateful.userPool.userPoolArn), 'userPool'],
    [resolve(stateful.pinSecret.secretFullArn ?? stateful.pinSecret.secretArn), 'pinSecret'],
    [resolve(stateless.originSecret.secretFullArn ?? stateless.originSecret.secretArn), 'originSecret'],
    // The files bucket's objects (never the bucket itself), and the file-jobs queue.
    [resolve(stateful.filesBucket.arnForObjects('*')), 'files'],
    [resolve(stateful.fileJobQueue.queueArn), 'fileJobQueue'],
  ]);
  for (const [arn, name] of Object.entries(extra)) names.set(resolve(arn), name);
  return names;
}

/** Every function's actions by resource name, read from the template (all policies attached to its role). */
function grantsByFunction(stacks: JianyiStacks, extra: (stack: Stack) => Record<string, string> = () => ({})): Record<string, Actions> {
  const stateless = stacks.stateless;
  const template = Template.fromStack(stateless).toJSON() as { Resources: Resources };
  const projectFunctions = stateless.node.findAll().filter((c): c is ProjectFunction => c instanceof ProjectFunction);
  const byLogicalId = new Map(projectFunctions.map((fn) => [stateless.getLogicalId(fn.node.defaultChild as never), fn]));
  const out: Record<string, Actions> = {};
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const fn = byLogicalId.get(logicalId);
    if (!fn) {
      expect(notProjectFunctions.some((known) => known.logicalId.test(logicalId)), `${logicalId} is a Lambda function outside ProjectFunction`).toBe(true);
      continue;
    }
    const roleId = stateless.getLogicalId(fn.role!.node.defaultChild as never);
    expect(resource.Properties.Role).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
    const role = template.Resources[roleId]!;
    expect(role.Properties.ManagedPolicyArns, `${fn.entry}: managed policies`).toBeUndefined();
    expect(role.Properties.Policies, `${fn.entry}: inline role policies`).toBeUndefined();

    const names = resourceNames(stacks, fn, extra(stateless));
    const actions: Actions = {};
    for (const policy of Object.values(template.Resources).filter((r) => r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy')) {
      const attached = [...(policy.Properties.Roles ?? [])].some((r: unknown) => JSON.stringify(r) === JSON.stringify({ Ref: roleId }));
      if (!attached) continue;
      expect(policy.Type, `${fn.entry}: a customer managed policy`).toBe('AWS::IAM::Policy');
      for (const statement of policy.Properties.PolicyDocument.Statement as Statement[]) {
        expect(statement.Effect, fn.entry).toBe('Allow');
        expect(statement.NotAction ?? statement.NotResource, fn.entry).toBeUndefined();
        const resourceList = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
        for (const r of resourceList) {
          const name = names.get(JSON.stringify(r)) ?? `unknown resource ${JSON.stringify(r)}`;
          actions[name] = [...new Set([...(actions[name] ?? []), ...[statement.Action ?? []].flat()])].sort();
        }
      }
    }
    expect(out[fn.entry], `${fn.entry}: two functions with one handler`).toBeUndefined();
    out[fn.entry] = actions;
  }
  return out;
}

/** The expected table for one function, with what every function has. */
function withBase(actions: Actions): Actions {
  return { ...everyFunction, ...actions };
}

function synth(context: Record<string, string> = {}): JianyiStacks {
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context } });
  return buildJianyi(app);
}

describe('least privilege: each function’s role, as synthesized', () => {
  let stacks: JianyiStacks;
  let grants: Record<string, Actions>;

  beforeAll(() => {
    stacks = synth();
    grants = grantsByFunction(stacks);
  }, 120_000);

  it('lists every function, and every function has a declaration', () => {
    expect(Object.keys(grants).sort()).toEqual(Object.keys(expected).sort());
    expect(Object.keys(functionPermissions).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [entry, actions] of Object.entries(expected)) {
    it(`${entry}: exactly the expected actions, on the expected resources`, () => {
      expect(grants[entry]).toEqual(withBase(actions));
    });
  }

  it('asks nobody for table scans, batch or management actions, streams, or wildcard actions', () => {
    // One exception, declared: the rates job writes a suggestion's bucket memberships (absolute puts and deletes
    // of its own items, for the drill-down) 25 a request; its figures move only in conditional transactions.
    const batchWriters = new Set(['jobs/update-rates']);
    // Campaigns (issue 11): responses — a campaign's figures are the sum of its 32 counter shards, read by key in
    // one BatchGetItem (never a scan).
    // The figures of a campaign: its counter shards in one BatchGet (the organizer's list, the published results).
    const batchReaders = new Set(['api/staff-responses', 'api/staff-campaigns', 'api/public-campaigns', 'queue/file-jobs']);
    for (const [entry, byResource] of Object.entries(grants)) {
      for (const action of Object.values(byResource).flat()) {
        if (action === 'dynamodb:BatchWriteItem' && batchWriters.has(entry)) continue;
        if (action === 'dynamodb:BatchGetItem' && batchReaders.has(entry)) continue;
        expect(action, entry).not.toMatch(/\*|dynamodb:(Scan|Batch|DescribeTable|ConditionCheckItem|.*Stream)|states:SendTask(Failure|Heartbeat)|sqs:GetQueueUrl|secretsmanager:DescribeSecret/);
      }
    }
  });

  it('puts every grant where the function waits for it, but a workflow task’s own answer (which would be a cycle)', () => {
    const template = Template.fromStack(stacks.stateless).toJSON() as { Resources: Record<string, { Type: string; Properties: any; DependsOn?: string[] }> };
    const tasks = new Set(Object.values(stacks.stateless.workflowFunctions));
    for (const fn of stacks.stateless.node.findAll().filter((c): c is ProjectFunction => c instanceof ProjectFunction)) {
      const roleRef = JSON.stringify({ Ref: stacks.stateless.getLogicalId(fn.role!.node.defaultChild as never) });
      const attached = Object.entries(template.Resources)
        .filter(([, r]) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role: unknown) => JSON.stringify(role) === roleRef))
        .map(([id]) => id);
      const dependsOn = template.Resources[stacks.stateless.getLogicalId(fn.node.defaultChild as never)]!.DependsOn ?? [];
      const notAwaited = attached.filter((id) => !dependsOn.includes(id));
      expect(notAwaited, fn.entry).toEqual(tasks.has(fn) && 'workflow' in (functionPermissions[fn.entry as keyof typeof functionPermissions] ?? {}) ? [expect.stringMatching(/WorkflowAccess/)] : []);
    }
  });

  it('gives the queue consumers exactly the consume grant, and only the functions with an event source mapping', () => {
    const template = Template.fromStack(stacks.stateless);
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')) as { Properties: { FunctionName: { Ref: string } } }[];
    const consumers = mappings.map((m) => m.Properties.FunctionName.Ref);
    const logicalId = (fn: ProjectFunction) => stacks.stateless.getLogicalId(fn.node.defaultChild as never);
    expect(consumers.sort()).toEqual([logicalId(stacks.stateless.notifier), logicalId(stacks.stateless.fileJobs)].sort());
    const declaredConsumers = (queue: 'notificationQueue' | 'fileJobQueue') =>
      Object.entries(functionPermissions)
        .filter(([, p]) => ((p as Partial<Record<typeof queue, readonly string[]>>)[queue] ?? []).includes('consume'))
        .map(([entry]) => entry);
    expect(declaredConsumers('notificationQueue')).toEqual([stacks.stateless.notifier.entry]);
    expect(declaredConsumers('fileJobQueue')).toEqual([stacks.stateless.fileJobs.entry]);
    // The poller's grant must exist before the mapping is created: the mapping refers to the function, which
    // depends on its role's default policy, where the consume grant sits.
    const notifier = template.toJSON().Resources[logicalId(stacks.stateless.notifier)];
    expect(JSON.stringify(notifier.DependsOn)).toContain('NotifierRoleDefaultPolicy');
    const fileJobs = template.toJSON().Resources[logicalId(stacks.stateless.fileJobs)];
    expect(JSON.stringify(fileJobs.DependsOn)).toContain('FileJobsRoleDefaultPolicy');
  });
});

describe('least privilege: the notifier with real providers', () => {
  const base = expected['queue/notifier']!;

  const secretContext = { notifyWebhookUrl: 'https://sms.example.cn/hook', notifyWebhookSecretName: 'jianyi/webhook' };

  it('with SES for email and SNS for SMS: ses:SendEmail on the sender’s identities, sns:Publish; a named webhook secret the webhook does not use is not granted; nothing else changes', () => {
    const from = 'noreply@jianyi.example';
    const stacks = synth({ notifyEmailProvider: 'ses', notifyEmailFrom: from, notifySmsProvider: 'sns', ...secretContext });
    const grants = grantsByFunction(stacks, (stack) => ({
      [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: from })]: 'sesSender',
      [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: 'jianyi.example' })]: 'sesDomain',
    }));
    expect(grants['queue/notifier']).toEqual(
      withBase({ ...base, sesSender: ['ses:SendEmail'], sesDomain: ['ses:SendEmail'], '*': [...everyFunction['*']!, 'sns:Publish'].sort() }),
    );
    for (const [entry, actions] of Object.entries(expected).filter(([entry]) => entry !== 'queue/notifier')) {
      expect(grants[entry], entry).toEqual(withBase(actions));
    }
  }, 120_000);

  it('with the webhook for SMS: reads that one secret (GetSecretValue only)', () => {
    const secretArn = (stack: Stack) => `${stack.formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: 'jianyi/webhook', arnFormat: ArnFormat.COLON_RESOURCE_NAME })}-??????`;
    const withWebhook = grantsByFunction(synth({ notifySmsProvider: 'webhook', ...secretContext }), (stack) => ({ [secretArn(stack)]: 'webhookSecret' }));
    expect(withWebhook['queue/notifier']).toEqual(withBase({ ...base, webhookSecret: ['secretsmanager:GetSecretValue'] }));
  }, 120_000);
});
