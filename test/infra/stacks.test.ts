import { readdirSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectFunction, projectRuntime } from '../../infra/constructs/project-function';
import { resumeWait, timeoutSecondsPath, transientErrors, workflowStates } from '../../infra/constructs/suggestion-workflow';
import { staffAttributes, staffGroups } from '../../infra/stateful-stack';
import { publicConcurrency, routeThrottles, type StatelessStack } from '../../infra/stateless-stack';
import { edgeRateLimits, type EdgeStack } from '../../infra/edge-stack';
import { routeKey, routes } from '../../shared/http/routes';
import { sweepMetrics } from '../../shared/aws/sweep-metrics';
import { securityHeaders } from '../../shared/http/security-headers';
import { tableModel } from '../../shared/model/table';
import { buildTestApp, resolvePlaceholders } from './synth';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, unknown>; DeletionPolicy?: string };

let stateless: StatelessStack;
let edgeStack: EdgeStack;
let statefulTemplate: Template;
let statelessTemplate: Template;

beforeAll(() => {
  const stacks = buildTestApp();
  stateless = stacks.stateless;
  edgeStack = stacks.edge;
  statefulTemplate = Template.fromStack(stacks.stateful);
  statelessTemplate = Template.fromStack(stacks.stateless);
}, 120_000);

function resourcesOf(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

function only<T>(record: Record<string, T>): [string, T] {
  const entries = Object.entries(record);
  expect(entries).toHaveLength(1);
  return entries[0]!;
}

function logicalId(construct: ProjectFunction): string {
  return stateless.getLogicalId(construct.node.defaultChild as lambda.CfnFunction);
}

describe('stateful stack', () => {
  it('builds the table from the table model: keys, TTL and every index', () => {
    const [, table] = only(resourcesOf(statefulTemplate, 'AWS::DynamoDB::Table'));
    const p = table.Properties;
    expect(p.KeySchema).toEqual([
      { AttributeName: tableModel.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableModel.sortKey, KeyType: 'RANGE' },
    ]);
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: tableModel.timeToLiveAttribute, Enabled: true });
    expect(p.GlobalSecondaryIndexes).toEqual(
      tableModel.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    for (const attribute of p.AttributeDefinitions as { AttributeType: string }[]) {
      expect(attribute.AttributeType).toBe('S');
    }
  });

  it('keeps the table safe: on-demand, PITR, encryption, deletion protection, retained', () => {
    const [, table] = only(resourcesOf(statefulTemplate, 'AWS::DynamoDB::Table'));
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('gives the notification queue a dead-letter queue, SQS-managed encryption and TLS only', () => {
    const all = resourcesOf(statefulTemplate, 'AWS::SQS::Queue');
    // Two queues, each with its dead-letter queue: notifications, and the background file jobs (exports, bulletins).
    expect(Object.keys(all)).toHaveLength(4);
    // The notification queue: its dead-letter queue takes 5 receives (the file jobs' takes 3).
    const [queueId, queue] = Object.entries(all).find(([, q]) => q.Properties.RedrivePolicy?.maxReceiveCount === 5)!;
    const dlqId = (queue.Properties.RedrivePolicy.deadLetterTargetArn as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
    const queues = { [queueId]: queue, [dlqId]: all[dlqId]! };
    expect(queue.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
      maxReceiveCount: 5,
    });
    expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * 30);
    for (const q of Object.values(queues)) expect(q.Properties.SqsManagedSseEnabled).toBe(true);

    const policies = Object.values(resourcesOf(statefulTemplate, 'AWS::SQS::QueuePolicy'));
    for (const id of [queueId, dlqId]) {
      const policy = policies.find((p) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: id }]));
      expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('creates the staff user pool: admin-created accounts, username or email sign-in, strong passwords, optional TOTP', () => {
    const [, pool] = only(resourcesOf(statefulTemplate, 'AWS::Cognito::UserPool'));
    const p = pool.Properties;
    expect(p.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    // The username is the profile's key and the token's cognito:username; the email is an alias for signing in.
    expect(p.UsernameAttributes).toBeUndefined();
    expect(p.AliasAttributes).toEqual(['email']);
    expect(p.MfaConfiguration).toBe('OPTIONAL');
    expect(p.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(p.Policies.PasswordPolicy).toMatchObject({
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(p.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(p.UserPoolTier).toBe('PLUS');
    expect(pool.DeletionPolicy).toBe('Retain');
    for (const name of staffAttributes) {
      expect(p.Schema).toContainEqual(expect.objectContaining({ Name: name, AttributeDataType: 'String', Mutable: true }));
    }
  });

  it('creates one group per staff role', () => {
    const groups = Object.values(resourcesOf(statefulTemplate, 'AWS::Cognito::UserPoolGroup'));
    expect(groups.map((g) => g.Properties.GroupName).sort()).toEqual([...staffGroups].sort());
    expect(staffGroups).toEqual(['admin', 'dispatcher', 'handler', 'supervisor', 'organizer', 'viewer']);
  });

  it('gives the web a public client: no secret, no OAuth, password + SRP auth, 1 h id tokens', () => {
    const [, client] = only(resourcesOf(statefulTemplate, 'AWS::Cognito::UserPoolClient'));
    const p = client.Properties;
    expect(p.GenerateSecret).toBe(false);
    expect(p.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']));
    expect(p.AllowedOAuthFlows).toBeUndefined();
    expect({ validity: p.IdTokenValidity, unit: p.TokenValidityUnits.IdToken }).toEqual({ validity: 60, unit: 'minutes' });
  });

  it('lets users write only their locale and time zone: no custom attribute, no email', () => {
    const [, client] = only(resourcesOf(statefulTemplate, 'AWS::Cognito::UserPoolClient'));
    const writable: string[] = client.Properties.WriteAttributes;
    expect([...writable].sort()).toEqual(['locale', 'zoneinfo']);
    expect(writable.some((a) => a.startsWith('custom:'))).toBe(false);
    // Read attributes are explicit too, so a new attribute is not readable by default either.
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:department', 'custom:org', 'email', 'name']));
  });
});

describe('stateless stack: functions', () => {
  const newestNode = lambda.Runtime.ALL.filter((r) => /^nodejs\d+\.x$/.test(r.name))
    .map((r) => r.name)
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
    .pop();

  /** The project's own functions (not CDK's custom resource providers, such as the cross-region export reader). */
  function projectFunctions(): [string, Resource][] {
    const ours = new Set(stateless.node.findAll().filter((c): c is ProjectFunction => c instanceof ProjectFunction).map(logicalId));
    return Object.entries(resourcesOf(statelessTemplate, 'AWS::Lambda::Function')).filter(([id]) => ours.has(id));
  }

  it('runs every handler file as one project function', () => {
    // One function per handler file under functions/ (api, workflow, queue, jobs).
    const handlerFiles = readdirSync(new URL('../../functions/', import.meta.url), { recursive: true }).filter((f) => String(f).endsWith('.ts'));
    expect(projectFunctions()).toHaveLength(handlerFiles.length);
  });

  it('uses arm64, the newest Node runtime, active tracing and a log group with retention for every function', () => {
    expect(projectRuntime.name).toBe(newestNode);
    const logGroups = resourcesOf(statelessTemplate, 'AWS::Logs::LogGroup');
    for (const [id, fn] of projectFunctions()) {
      const p = fn.Properties;
      expect(p.Architectures, id).toEqual(['arm64']);
      expect(p.Runtime, id).toBe(newestNode);
      expect(p.Handler, id).toBe('index.handler');
      expect(p.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(p.MemorySize, id).toBeGreaterThanOrEqual(512);
      expect(p.Environment.Variables.NODE_OPTIONS, id).toBe('--enable-source-maps');
      const logGroup = logGroups[p.LoggingConfig.LogGroup.Ref as string];
      expect(logGroup?.Properties.RetentionInDays, id).toBeGreaterThan(0);
    }
  });

  it('sets each function’s environment as documented, without a dependency cycle', () => {
    const env = (fn: ProjectFunction) =>
      Object.keys(resourcesOf(statelessTemplate, 'AWS::Lambda::Function')[logicalId(fn)]!.Properties.Environment.Variables).sort();
    const api = stateless.apiFunctions;
    const wf = stateless.workflowFunctions;
    const base = ['NODE_OPTIONS', 'ORG_ID', 'TABLE_NAME'];
    const web = [...base, 'PUBLIC_BASE_URL'];
    // Every API function checks the origin secret CloudFront adds (shared/http/origin-guard.ts); health and the
    // fallback touch no table, so they have no TABLE_NAME.
    const edge = [...web, 'ORIGIN_SECRET_ARN'];
    expect(env(api.health)).toEqual(['NODE_OPTIONS', 'ORG_ID', 'ORIGIN_SECRET_ARN', 'PUBLIC_BASE_URL']);
    expect(env(api.fallback)).toEqual(['NODE_OPTIONS', 'ORG_ID', 'ORIGIN_SECRET_ARN', 'PUBLIC_BASE_URL']);
    expect(env(api['public-suggestions'])).toEqual([...edge, 'NOTIFY_QUEUE_URL', 'PIN_SECRET_ARN', 'STATE_MACHINE_ARN'].sort());
    expect(env(api['staff-suggestions'])).toEqual([...edge, 'JWT_ISSUER', 'JWT_AUDIENCE'].sort());
    expect(env(api['staff-directory'])).toEqual([...edge, 'JWT_ISSUER', 'JWT_AUDIENCE'].sort());
    expect(env(api['staff-admin'])).toEqual([...edge, 'JWT_ISSUER', 'JWT_AUDIENCE', 'NOTIFY_QUEUE_URL', 'STAFF_ACCOUNTS', 'USER_POOL_ID'].sort());
    expect(env(wf.plan)).toEqual(web.sort());
    expect(env(wf.awaitEvent)).toEqual(web.sort());
    expect(env(wf.checkpoint)).toEqual([...web, 'NOTIFY_QUEUE_URL'].sort());
    expect(env(wf.recordFailure)).toEqual([...web, 'NOTIFY_QUEUE_URL'].sort());
    // Issue 12: staff entry and callbacks — PIN_SECRET_ARN: a staff entry's receipt carries its derived PIN.
    expect(env(stateless.notifier)).toEqual([...web, 'NOTIFY_MAX_RECEIVES', 'NOTIFY_PROVIDER', 'NOTIFY_QUEUE_URL', 'PIN_SECRET_ARN'].sort());
    expect(env(stateless.queueStats)).toEqual(base.sort());
    // Hot topics: the job's notice links to the topics page; the page's API is a staff one.
    expect(env(stateless.updateTopics)).toEqual([...web, 'NOTIFY_QUEUE_URL'].sort());
    expect(env(api['staff-topics'])).toEqual([...edge, 'JWT_ISSUER', 'JWT_AUDIENCE'].sort());

    const notifier = resourcesOf(statelessTemplate, 'AWS::Lambda::Function')[logicalId(stateless.notifier)]!;
    expect(notifier.Properties.Environment.Variables.NOTIFY_PROVIDER).toBe('outbox');
    expect(notifier.Properties.Environment.Variables.NOTIFY_MAX_RECEIVES).toBe('5');
    const staff = resourcesOf(statelessTemplate, 'AWS::Lambda::Function')[logicalId(api['staff-suggestions'])]!;
    expect(JSON.stringify(staff.Properties.Environment.Variables.JWT_ISSUER)).toContain('https://cognito-idp.');
  });

  it('gives only intake, campaign responses, staff entry, the notifier, the integrations and the import worker the PIN secret, read-only', () => {
    const readers = Object.entries(resourcesOf(statelessTemplate, 'AWS::IAM::Policy')).filter(([, p]) => JSON.stringify(p).includes('secretsmanager:GetSecretValue') && JSON.stringify(p).includes('PinSecret'));
    // Campaigns (issue 11): responses — respondents and SMS codes are hashed under it.
    // Issue 12: staff entry and callbacks — 代录 derives the receipt's PIN, the notifier derives it again to render.
    expect(JSON.stringify(readers.map(([, p]) => p.Properties.Roles))).toContain('StaffEntries');
    expect(JSON.stringify(readers.map(([, p]) => p.Properties.Roles))).toContain('Notifier');
    // Issue 12: integrations and Open311 — integration keys are hashed under it (admin, channel, Open311).
    // Issue 12: bulk import — the file-jobs worker takes imported rows in through the intake.
    expect(readers).toHaveLength(8);
    expect(JSON.stringify(readers.map(([, p]) => p.Properties.Roles))).toContain('FileJobs');
    expect(JSON.stringify(readers.map(([, p]) => p.Properties.Roles))).toContain('PublicSuggestions');
    expect(JSON.stringify(readers.map(([, p]) => p.Properties.Roles))).toContain('CampaignResponses');
    for (const fn of ['StaffIntegrations', 'IntegrationSuggestions', 'Open311']) expect(JSON.stringify(readers.map(([, p]) => p.Properties.Roles))).toContain(fn);
    const [, secret] = only(resourcesOf(statefulTemplate, 'AWS::SecretsManager::Secret'));
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
  });

  it('grants table access on the table and each model index by name, never index/*', () => {
    const policies = JSON.stringify(resourcesOf(statelessTemplate, 'AWS::IAM::Policy'));
    expect(policies).not.toContain('/index/*');
    for (const index of tableModel.indexes) expect(policies).toContain(`/index/${index.name}`);
  });

  it('consumes the notification queue in batches of 10 with partial batch responses', () => {
    const mapping = Object.values(resourcesOf(statelessTemplate, 'AWS::Lambda::EventSourceMapping')).find(
      (m) => JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: logicalId(stateless.notifier) }),
    )!;
    expect(mapping.Properties).toMatchObject({
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FunctionName: { Ref: logicalId(stateless.notifier) },
    });
  });

  it('runs the queue statistics and topics jobs every 15 minutes, the rates job every 5, the workflow sweep and the campaign clock every minute', () => {
    const rules = Object.values(resourcesOf(statelessTemplate, 'AWS::Events::Rule'));
    const target = (fn: ProjectFunction) => rules.find((r) => JSON.stringify(r.Properties.Targets[0].Arn) === JSON.stringify({ 'Fn::GetAtt': [logicalId(fn), 'Arn'] }));
    // …and the bulletins' two (weekly and monthly).
    expect(rules).toHaveLength(7);
    expect(target(stateless.campaignClock)?.Properties.ScheduleExpression).toBe('rate(1 minute)');
    expect(target(stateless.updateTopics)?.Properties.ScheduleExpression).toBe('rate(15 minutes)');
    expect(target(stateless.queueStats)?.Properties.ScheduleExpression).toBe('rate(15 minutes)');
    expect(target(stateless.updateRates)?.Properties.ScheduleExpression).toBe('rate(5 minutes)');
    expect(target(stateless.workflowSweep)?.Properties.ScheduleExpression).toBe('rate(1 minute)');
  });
});

describe('stateless stack: HTTP API', () => {
  const routesByKey = () =>
    Object.fromEntries(
      Object.values(resourcesOf(statelessTemplate, 'AWS::ApiGatewayV2::Route')).map((r) => [r.Properties.RouteKey, r]),
    );
  const functionBehind = (route: Resource): string => {
    const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
    const integration = resourcesOf(statelessTemplate, 'AWS::ApiGatewayV2::Integration')[integrationId]!;
    return integration.Properties.IntegrationUri['Fn::GetAtt'][0] as string;
  };

  it('creates every route of shared/http/routes.ts, served by its function, JWT exactly on staff routes', () => {
    const byKey = routesByKey();
    const [authorizerId] = only(resourcesOf(statelessTemplate, 'AWS::ApiGatewayV2::Authorizer'));
    for (const route of routes) {
      const resource = byKey[routeKey(route)];
      expect(resource, routeKey(route)).toBeDefined();
      expect(functionBehind(resource!), routeKey(route)).toBe(logicalId(stateless.apiFunctions[route.fn]));
      if (route.auth === 'staff') {
        expect(resource!.Properties.AuthorizationType).toBe('JWT');
        expect(resource!.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect(resource!.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
        expect(resource!.Properties.AuthorizerId).toBeUndefined();
      }
    }
    expect(Object.keys(byKey)).toHaveLength(routes.length + 1);
  });

  it('sends every other request ($default) to the fallback function', () => {
    const fallback = routesByKey().$default;
    expect(fallback).toBeDefined();
    expect(functionBehind(fallback!)).toBe(logicalId(stateless.apiFunctions.fallback));
  });

  it('checks staff tokens against the user pool issuer and the web client audience', () => {
    const [, authorizer] = only(resourcesOf(statelessTemplate, 'AWS::ApiGatewayV2::Authorizer'));
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('https://cognito-idp.');
    expect(authorizer.Properties.JwtConfiguration.Audience).toHaveLength(1);
  });

  it('logs access and throttles the stage', () => {
    const [, stage] = only(resourcesOf(statelessTemplate, 'AWS::ApiGatewayV2::Stage'));
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][1]).toBe('Arn');
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
  });
});

describe('stateless stack: load shedding', () => {
  it('throttles the public routes at API Gateway below the reserved concurrency of their functions', () => {
    const [, stage] = only(resourcesOf(statelessTemplate, 'AWS::ApiGatewayV2::Stage'));
    const settings = stage.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    expect(Object.keys(settings).sort()).toEqual(Object.keys(routeThrottles).sort());
    const keys = routes.map(routeKey);
    for (const [key, t] of Object.entries(settings)) {
      expect(keys, key).toContain(key);
      expect(t.ThrottlingRateLimit, key).toBeLessThan(stage.Properties.DefaultRouteSettings.ThrottlingRateLimit);
    }
    const reserved = (fn: ProjectFunction) => resourcesOf(statelessTemplate, 'AWS::Lambda::Function')[logicalId(fn)]!.Properties.ReservedConcurrentExecutions;
    expect(reserved(stateless.apiFunctions['public-suggestions'])).toBe(publicConcurrency.intake);
    expect(reserved(stateless.apiFunctions['citizen-actions'])).toBe(publicConcurrency.citizenActions);
    // A second of intake at its rate needs fewer concurrent invocations than are reserved, so API Gateway's 429
    // comes before Lambda's throttle (which API Gateway would turn into a 500).
    expect(settings['POST /api/suggestions']!.ThrottlingBurstLimit).toBeLessThanOrEqual(publicConcurrency.intake);
  });
});

describe('stateless stack: operator alarms', () => {
  const alarms = () => Object.values(resourcesOf(statelessTemplate, 'AWS::CloudWatch::Alarm'));
  const topicRef = () => ({ Ref: stateless.getLogicalId(stateless.alarms.topic.node.defaultChild as any) });

  it('alarms on failed, timed-out and aborted executions, on parked workflows and on a silent sweep, to one encrypted topic', () => {
    const failed = alarms().find((a) => a.Properties.Metrics?.some((m: any) => m.Expression?.includes('failed')))!;
    expect(failed, 'executions alarm').toBeDefined();
    const names = failed.Properties.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.MetricName).sort();
    expect(names).toEqual(['ExecutionsAborted', 'ExecutionsFailed', 'ExecutionsTimedOut']);
    expect(failed.Properties.Threshold).toBe(1);

    const parked = alarms().find((a) => a.Properties.MetricName === sweepMetrics.parked)!;
    expect(parked.Properties).toMatchObject({
      Namespace: sweepMetrics.namespace,
      Dimensions: [{ Name: 'service', Value: sweepMetrics.service }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      // The sweep publishes every minute: silence means it stopped, which is as bad.
      TreatMissingData: 'breaching',
    });
    for (const a of alarms()) {
      expect(a.Properties.AlarmActions).toEqual([topicRef()]);
      expect(a.Properties.AlarmDescription).toBeTruthy();
    }
    const throttled = alarms().filter((a) => a.Properties.MetricName === 'Throttles');
    // Intake, citizen actions and (Campaigns, issue 11) campaign responses.
    expect(throttled).toHaveLength(3);
    expect(alarms().some((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')).toBe(true);

    const [, topic] = only(resourcesOf(statelessTemplate, 'AWS::SNS::Topic'));
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const [, key] = only(resourcesOf(statelessTemplate, 'AWS::KMS::Key'));
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(JSON.stringify(key.Properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
  });

  it('subscribes an email address when one is given', () => {
    const withEmail = buildTestApp({ context: { alarmEmail: 'ops@example.org' } });
    Template.fromStack(withEmail.stateless).hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    expect(Object.keys(statelessTemplate.findResources('AWS::SNS::Subscription'))).toHaveLength(0);
  }, 120_000);
});

describe('stateless stack: suggestion workflow', () => {
  type State = Record<string, any>;
  let definition: { StartAt: string; States: Record<string, State> };

  beforeAll(() => {
    const [, machine] = only(resourcesOf(statelessTemplate, 'AWS::StepFunctions::StateMachine'));
    definition = JSON.parse(resolvePlaceholders(machine.Properties.DefinitionString));
  });

  it('is a Standard state machine, logged (ALL, no execution data) and traced', () => {
    const [, machine] = only(resourcesOf(statelessTemplate, 'AWS::StepFunctions::StateMachine'));
    expect(machine.Properties.StateMachineType).toBe('STANDARD');
    expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
    expect(machine.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
  });

  it('is valid Amazon States Language', () => {
    // The validator writes defaults (QueryLanguage) into what it is given: hand it a copy.
    const { isValid, errorsText } = aslValidator(structuredClone(definition));
    expect(isValid, errorsText('\n')).toBe(true);
  });

  it('has exactly the documented states, JSONPath only', () => {
    expect(definition.StartAt).toBe(workflowStates.plan);
    expect(Object.keys(definition.States).sort()).toEqual(Object.values(workflowStates).sort());
    expect(JSON.stringify(definition)).not.toMatch(/JSONata|"Assign"|"QueryLanguage"/);
  });

  const s = workflowStates;
  const transient = { IntervalSeconds: 1, MaxAttempts: 12, BackoffRate: 2, MaxDelaySeconds: 60, JitterStrategy: 'FULL' };
  // Transient failures (the task's own timeout too) retried for minutes with full jitter; anything else 3 times.
  const serviceAndTaskRetry = [
    { ErrorEquals: [...transientErrors, 'States.Timeout'], ...transient },
    { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 },
  ];
  const serviceRetry = [{ ErrorEquals: transientErrors, ...transient }];
  const toRecordFailure = { ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: s.recordFailure };

  it('plans and runs checkpoints with $.Payload, keeps the plan at $.Payload, retries with backoff, then records the failure', () => {
    for (const name of [s.plan, s.checkpoint]) {
      const state = definition.States[name]!;
      expect(state.Resource, name).toMatch(/:states:::lambda:invoke$/);
      expect(state.Parameters['Payload.$'], name).toBe('$.Payload');
      expect(state.ResultSelector, name).toEqual({ 'Payload.$': '$.Payload' });
      expect(state.ResultPath, name).toBe('$');
      expect(state.TimeoutSeconds, name).toBe(30);
      expect(state.Retry, name).toEqual(serviceAndTaskRetry);
      expect(state.Catch, name).toEqual([toRecordFailure]);
      expect(state.Next, name).toBe(s.isOpen);
    }
  });

  it('waits for an event only while the plan is open, for an admin while it is parked, and finishes otherwise', () => {
    const choice = definition.States[s.isOpen]!;
    expect(choice.Type).toBe('Choice');
    expect(choice.Choices).toEqual([
      { Variable: '$.Payload.phase', StringEquals: 'open', Next: s.awaitEvent },
      { Variable: '$.Payload.phase', StringEquals: 'parked', Next: s.awaitResume },
    ]);
    expect(choice.Default).toBe(s.finished);
    expect(definition.States[s.finished]!.Type).toBe('Succeed');
  });

  it('waits for a task token with the plan’s timeout: the answer becomes the plan, a timeout runs the Checkpoint', () => {
    const wait = definition.States[s.awaitEvent]!;
    expect(wait.Resource).toMatch(/:states:::lambda:invoke\.waitForTaskToken$/);
    expect(wait.TimeoutSecondsPath).toBe(timeoutSecondsPath);
    expect(timeoutSecondsPath).toBe('$.Payload.timeout');
    expect(wait.Parameters.Payload).toEqual({
      'suggestionId.$': '$.Payload.suggestionId',
      'timeout.$': '$.Payload.timeout',
      'plan.$': '$.Payload',
      'taskToken.$': '$$.Task.Token',
    });
    expect(wait.ResultSelector).toEqual({ 'Payload.$': '$.Payload' });
    expect(wait.ResultPath).toBe('$');
    expect(wait.Retry).toEqual(serviceRetry);
    expect(wait.Catch).toEqual([{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeoutError', Next: s.checkpoint }, toRecordFailure]);
    expect(wait.Next).toBe(s.isOpen);
  });

  it('records a failure and parks until an admin resumes, re-parking every 20 days', () => {
    const record = definition.States[s.recordFailure]!;
    expect(record.Parameters.Payload).toEqual({ 'suggestionId.$': '$.Payload.suggestionId', 'failure.$': '$.failure' });
    expect(record.ResultPath).toBeNull();
    expect(record.TimeoutSeconds).toBe(30);
    expect(record.Retry).toEqual(serviceAndTaskRetry);
    expect(record.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: s.awaitResume }]);
    expect(record.Next).toBe(s.awaitResume);

    const resume = definition.States[s.awaitResume]!;
    expect(resume.Resource).toMatch(/:states:::lambda:invoke\.waitForTaskToken$/);
    expect(resume.Parameters.Payload).toEqual({ 'suggestionId.$': '$.Payload.suggestionId', 'taskToken.$': '$$.Task.Token' });
    expect(resume.TimeoutSeconds).toBe(resumeWait.toSeconds());
    expect(resume.TimeoutSeconds).toBeLessThan(24 * 24 * 3600);
    expect(resume.ResultSelector).toEqual({ 'Payload.$': '$.Payload' });
    expect(resume.ResultPath).toBe('$');
    expect(resume.Catch).toEqual([{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: s.awaitResume }]);
    // Parking itself retries transient failures, so a burst cannot fail a parked execution outright.
    expect(resume.Retry).toEqual(serviceRetry);
    expect(resume.Next).toBe(s.isOpen);
  });

  it('gives every task an explicit timeout', () => {
    for (const [name, state] of Object.entries(definition.States).filter(([, st]) => st.Type === 'Task')) {
      expect(state.TimeoutSeconds ?? state.TimeoutSecondsPath, name).toBeDefined();
    }
  });

  it('invokes the workflow functions by name', () => {
    const fnOf = (state: string) => String(definition.States[state]!.Parameters.FunctionName).split(':').pop();
    const fns = stateless.workflowFunctions;
    expect(fnOf(s.plan)).toBe(logicalId(fns.plan));
    expect(fnOf(s.awaitEvent)).toBe(logicalId(fns.awaitEvent));
    expect(fnOf(s.awaitResume)).toBe(logicalId(fns.awaitEvent));
    expect(fnOf(s.checkpoint)).toBe(logicalId(fns.checkpoint));
    expect(fnOf(s.recordFailure)).toBe(logicalId(fns.recordFailure));
  });
});

describe('stateless stack: web hosting', () => {
  it('serves the private site bucket through CloudFront with origin access control', () => {
    const [oacId] = only(resourcesOf(statelessTemplate, 'AWS::CloudFront::OriginAccessControl'));
    const [, distribution] = only(resourcesOf(statelessTemplate, 'AWS::CloudFront::Distribution'));
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Origins).toContainEqual(
      expect.objectContaining({ OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] } }),
    );
    statelessTemplate.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
  });

  it('forwards /api/* to the HTTP API uncached, with all viewer headers but Host and every method', () => {
    const [, distribution] = only(resourcesOf(statelessTemplate, 'AWS::CloudFront::Distribution'));
    const config = distribution.Properties.DistributionConfig;
    const api = (config.CacheBehaviors as Record<string, any>[]).find((b) => b.PathPattern === '/api/*');
    expect(api).toBeDefined();
    expect(api!.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // Managed-CachingDisabled
    expect(api!.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // AllViewerExceptHostHeader
    expect(api!.AllowedMethods).toHaveLength(7);
    const origin = (config.Origins as Record<string, any>[]).find((o) => o.Id === api!.TargetOriginId)!;
    const [, httpApi] = only(resourcesOf(statelessTemplate, 'AWS::ApiGatewayV2::Api'));
    expect(httpApi.Properties.ProtocolType).toBe('HTTP');
    expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.');
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
  });

  it('sends CloudFront\'s origin secret with every API request, from a generated secret, never in clear in the template', () => {
    const [, distribution] = only(resourcesOf(statelessTemplate, 'AWS::CloudFront::Distribution'));
    const config = distribution.Properties.DistributionConfig;
    const api = (config.CacheBehaviors as Record<string, any>[]).find((b) => b.PathPattern === '/api/*')!;
    const origin = (config.Origins as Record<string, any>[]).find((o) => o.Id === api.TargetOriginId)!;
    const header = (origin.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[]).find((h) => h.HeaderName === 'x-jianyi-origin')!;
    expect(JSON.stringify(header.HeaderValue)).toMatch(/\{\{resolve:secretsmanager:/);
    const [secretId] = only(resourcesOf(statelessTemplate, 'AWS::SecretsManager::Secret'));
    expect(JSON.stringify(header.HeaderValue)).toContain(secretId);
  });

  it('attaches a WAF web ACL (us-east-1) with per-client rate-based rules to the distribution', () => {
    const edge = Template.fromStack(edgeStack);
    expect(edgeStack.region).toBe('us-east-1');
    const [, acl] = only(resourcesOf(edge, 'AWS::WAFv2::WebACL'));
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl.Properties.Rules as Record<string, any>[];
    const intake = rules.find((r) => r.Name === 'IntakePerClient')!;
    expect(intake.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: edgeRateLimits.intake.limit, EvaluationWindowSec: 60 });
    expect(JSON.stringify(intake.Statement.RateBasedStatement.ScopeDownStatement)).toContain('/api/suggestions');
    expect(intake.Action.Block.CustomResponse.ResponseCode).toBe(429);
    expect(rules.find((r) => r.Name === 'ApiPerClient')!.Statement.RateBasedStatement.AggregateKeyType).toBe('IP');
    const [, distribution] = only(resourcesOf(statelessTemplate, 'AWS::CloudFront::Distribution'));
    // The ARN crosses regions through CDK's export reader (an SSM parameter in us-east-1).
    expect(JSON.stringify(distribution.Properties.DistributionConfig.WebACLId)).toContain('ExportsReader');
  });

  it('switches the execute-api endpoint off when the API has a domain of its own, and points CloudFront at it', () => {
    const stacks = buildTestApp({ context: { apiDomainName: 'api.example.org', apiCertificateArn: 'arn:aws:acm:ap-east-1:123456789012:certificate/abc' } });
    const template = Template.fromStack(stacks.stateless);
    const [, httpApi] = only(resourcesOf(template, 'AWS::ApiGatewayV2::Api'));
    expect(httpApi.Properties.DisableExecuteApiEndpoint).toBe(true);
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'api.example.org' });
    template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    const [, distribution] = only(resourcesOf(template, 'AWS::CloudFront::Distribution'));
    const origins = distribution.Properties.DistributionConfig.Origins as Record<string, any>[];
    expect(JSON.stringify(origins)).not.toContain('execute-api');
    expect(JSON.stringify(origins)).toContain('api.example.org');
  });

  it('adds the security headers of shared/http/security-headers.ts to the site and the API, overriding the origins', () => {
    const [policyId, policy] = only(resourcesOf(statelessTemplate, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const [, distribution] = only(resourcesOf(statelessTemplate, 'AWS::CloudFront::Distribution'));
    const config = distribution.Properties.DistributionConfig;
    const behaviours = [config.DefaultCacheBehavior, ...(config.CacheBehaviors as Record<string, any>[])];
    expect(behaviours.map((b) => b.PathPattern ?? '(default)')).toEqual(['(default)', '/open311/*', '/api/*']);
    for (const behaviour of behaviours) expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });

    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const hsts = headers.StrictTransportSecurity;
    // What CloudFront will send, rendered from its settings; the region is the deployment's.
    expect(JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy)).toContain(`cognito-idp.${stateless.region}.amazonaws.com`);
    expect({
      'content-security-policy': resolvePlaceholders(headers.ContentSecurityPolicy.ContentSecurityPolicy),
      'strict-transport-security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`,
      'x-content-type-options': headers.ContentTypeOptions ? 'nosniff' : undefined,
      'referrer-policy': headers.ReferrerPolicy.ReferrerPolicy,
      'x-frame-options': headers.FrameOptions.FrameOption,
    }).toEqual(securityHeaders({ mode: 'aws', region: stateless.region }));
    expect(resolvePlaceholders(headers.ContentSecurityPolicy.ContentSecurityPolicy)).toContain(
      `connect-src 'self' https://cognito-idp.${stateless.region}.amazonaws.com;`,
    );
    for (const name of ['ContentSecurityPolicy', 'StrictTransportSecurity', 'ContentTypeOptions', 'ReferrerPolicy', 'FrameOptions']) {
      expect(headers[name].Override, name).toBe(true);
    }
  });

  it('deploys the runtime config.json for the web app, with the user pool and client ids filled in at deploy time', () => {
    const [, deployment] = only(resourcesOf(statelessTemplate, 'Custom::CDKBucketDeployment'));
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    expect(markers).toMatch(/ImportValue.*StaffUserPool/);
    expect(markers).toMatch(/ImportValue.*WebClient/);
    expect(deployment.Properties.DistributionPaths).toEqual(['/*']);
  });

  it('outputs what a deployer needs', () => {
    expect(Object.keys(statelessTemplate.toJSON().Outputs).sort()).toEqual(
      ['AlarmTopicArn', 'ApiUrl', 'SiteUrl', 'UserPoolId', 'UserPoolClientId', 'StateMachineArn', 'TableName'].sort(),
    );
  });
});
