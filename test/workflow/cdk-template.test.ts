/**
 * The template resolver on a fixture trimmed from a real synth (fixtures/assembly): what the local runtime
 * reads out of the cloud assembly, and how intrinsic functions resolve to local stand-ins.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLocalApp, unionEnvironment, type LocalFunction } from '../../infra/local/cdk-template';

const assembly = fileURLToPath(new URL('./fixtures/assembly', import.meta.url));
const bindings = {
  region: 'local',
  sqsEndpoint: 'http://127.0.0.1:4566',
  environmentOverrides: { JWT_ISSUER: 'http://127.0.0.1:3000/idp', JWT_AUDIENCE: 'jianyi-local', PUBLIC_BASE_URL: 'http://127.0.0.1:3000' },
  jwt: { issuer: 'http://127.0.0.1:3000/idp', audience: 'jianyi-local' },
};
const app = loadLocalApp(assembly, bindings);
const fn = (logicalPrefix: string): LocalFunction => {
  const found = app.functions.find((f) => f.logicalId.startsWith(logicalPrefix));
  if (!found) throw new Error(`no function ${logicalPrefix}`);
  return found;
};

describe('loadLocalApp', () => {
  it('finds the Node.js functions with their bundles and skips CDK’s Python provider', () => {
    expect(app.functions.map((f) => f.logicalId.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(
      ['AwaitScreening', 'BeginScreening', 'Fallback', 'Health', 'Notifier', 'PublicSuggestions', 'QueueStats', 'ScreeningOverdue', 'StaffDirectory', 'StaffSuggestions'].sort(),
    );
    const health = fn('Health');
    expect(health.assetDir).toBe(`${assembly}/asset.health`);
    expect(health.handler).toBe('index.handler');
    expect(health.timeoutSeconds).toBe(10);
    expect(health.functionName).toBe('JianyiStateless-Health');
    expect(health.arn).toBe('arn:aws:lambda:local:000000000000:function:JianyiStateless-Health');
  });

  it('resolves Fn::ImportValue, Ref and GetAtt in the environment, and applies local overrides by name', () => {
    const intake = fn('PublicSuggestions').environment;
    expect(intake.TABLE_NAME).toBe('JianyiStateful-Table');
    expect(intake.NOTIFY_QUEUE_URL).toBe('http://127.0.0.1:4566/000000000000/JianyiStateful-NotificationQueue');
    expect(intake.STATE_MACHINE_ARN).toBe('arn:aws:states:local:000000000000:stateMachine:JianyiStateless-SuggestionWorkflowStateMachine');
    expect(intake.PUBLIC_BASE_URL).toBe('http://127.0.0.1:3000');
    expect(fn('StaffSuggestions').environment.JWT_ISSUER).toBe('http://127.0.0.1:3000/idp');
    expect(fn('StaffSuggestions').environment.JWT_AUDIENCE).toBe('jianyi-local');
  });

  it('maps every route key to its function, with the JWT authorizer pointed at the local issuer', () => {
    const routes = Object.fromEntries(app.routes.map((r) => [r.routeKey, r]));
    expect(routes['GET /api/health']?.functionId).toBe(fn('Health').id);
    expect(routes['GET /api/suggestions/{trackingCode}']?.functionId).toBe(fn('PublicSuggestions').id);
    expect(routes['$default']?.functionId).toBe(fn('Fallback').id);
    expect(routes['GET /api/health']?.jwtAuthorizer).toBeUndefined();
    expect(routes['GET /api/staff/me']?.jwtAuthorizer).toEqual({
      issuer: 'http://127.0.0.1:3000/idp',
      audience: ['jianyi-local'],
      identitySource: ['$request.header.Authorization'],
    });
  });

  it('declares the queues with their redrive policy, and the event source mapping of the notifier', () => {
    const queue = app.queues.find((q) => q.queueName === 'JianyiStateful-NotificationQueue');
    const deadLetter = app.queues.find((q) => q.queueName === 'JianyiStateful-NotificationDeadLetterQueue');
    expect(queue?.attributes.VisibilityTimeout).toBe('180');
    expect(queue?.maxReceiveCount).toBe(5);
    expect(queue?.deadLetterQueueArn).toBe(deadLetter?.arn);
    expect(JSON.parse(queue?.attributes.RedrivePolicy ?? '{}')).toEqual({ deadLetterTargetArn: deadLetter?.arn, maxReceiveCount: 5 });
    expect(app.eventSourceMappings).toEqual([
      expect.objectContaining({ queueArn: queue?.arn, functionId: fn('Notifier').id, batchSize: 10, reportBatchItemFailures: true, enabled: true }),
    ]);
  });

  it('reads the schedule and its target', () => {
    expect(app.schedules).toEqual([
      expect.objectContaining({ scheduleExpression: 'rate(15 minutes)', enabled: true, targets: [{ functionId: fn('QueueStats').id, input: undefined }] }),
    ]);
  });

  it('resolves the state machine definition, with fake function ARNs that map back to the functions', () => {
    const [machine] = app.stateMachines;
    expect(machine?.arn).toBe('arn:aws:states:local:000000000000:stateMachine:JianyiStateless-SuggestionWorkflowStateMachine');
    const states = machine?.definition.States as Record<string, { Resource?: string; Parameters?: { FunctionName?: string } }>;
    expect(states.BeginScreening?.Resource).toBe('arn:aws:states:::lambda:invoke');
    expect(states.AwaitScreening?.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    const awaitArn = states.AwaitScreening?.Parameters?.FunctionName ?? '';
    expect(machine?.functionsByArn[awaitArn]).toBe(fn('AwaitScreening').id);
    expect(app.findFunction(`${awaitArn}:$LATEST`)?.id).toBe(fn('AwaitScreening').id);
  });

  it('honours physical name overrides (a test may pick its own table name)', () => {
    const custom = loadLocalApp(assembly, { ...bindings, physicalNames: { TableCD117FA1: 'my-table' } });
    expect(custom.tables[0]?.tableName).toBe('my-table');
    expect(custom.functions.find((f) => f.logicalId.startsWith('Health'))?.environment.TABLE_NAME).toBe('my-table');
  });
});

describe('unionEnvironment', () => {
  it('merges the functions’ variables and leaves process-level ones (NODE_OPTIONS) out', () => {
    const union = unionEnvironment(app.functions);
    expect(union).toMatchObject({ TABLE_NAME: 'JianyiStateful-Table', ORG_ID: 'demo', NOTIFY_PROVIDER: 'outbox' });
    expect(union).not.toHaveProperty('NODE_OPTIONS');
  });

  it('refuses two functions that want different values for one variable', () => {
    const [a, b] = app.functions;
    expect(() =>
      unionEnvironment([
        { ...a!, environment: { ORG_ID: 'demo' } },
        { ...b!, environment: { ORG_ID: 'other' } },
      ]),
    ).toThrow(/different values for ORG_ID/);
  });
});
