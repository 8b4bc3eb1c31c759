/**
 * Reads the synthesized cloud assembly (cdk.out) and turns its CloudFormation templates into the local model:
 * functions with their bundles and environment, HTTP routes, the state machine definition, queues, event
 * source mappings and schedules. The local runtime reads the template rather than keeping a second copy of
 * the architecture, so what runs locally is what deploys.
 *
 * Intrinsic functions are resolved against local stand-ins: a table's Ref is the local table name, a queue's
 * Ref is its fauxqs URL, a function's Arn is a fake ARN the state machine's tasks dispatch on. Values the local
 * world decides by itself (the JWT issuer, the public URL) are overridden by environment variable name.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const localAccountId = '000000000000';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface CfnResource {
  Type: string;
  Properties?: JsonObject;
  Metadata?: JsonObject;
}

interface CfnTemplate {
  Resources?: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: Json; Export?: { Name: Json } }>;
  Parameters?: Record<string, { Default?: Json }>;
}

interface StackTemplate {
  stackName: string;
  template: CfnTemplate;
}

export interface LocalFunction {
  /** `<stack>/<logicalId>`: logical ids are unique per stack only. */
  readonly id: string;
  readonly logicalId: string;
  readonly stackName: string;
  /** The local function name (also inside its fake ARN). */
  readonly functionName: string;
  readonly arn: string;
  /** The esbuild output directory (cdk.out/asset.<hash>). */
  readonly assetDir: string;
  /** `index.handler` -> file `index`, export `handler`. */
  readonly handler: string;
  readonly runtime: string;
  /** Seconds (CloudFormation default 3). */
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly environment: Record<string, string>;
}

export interface LocalRoute {
  /** `GET /api/health`, `ANY /x/{proxy+}` or `$default`. */
  readonly routeKey: string;
  readonly functionId: string;
  /** Present when API Gateway checks a JWT before the function runs. */
  readonly jwtAuthorizer?: { readonly issuer: string; readonly audience: readonly string[]; readonly identitySource: readonly string[] };
  readonly authorizationScopes?: readonly string[];
}

export interface LocalQueue {
  readonly id: string;
  readonly logicalId: string;
  readonly queueName: string;
  readonly url: string;
  readonly arn: string;
  /** CreateQueue attributes (strings, as the SQS API wants them), RedrivePolicy included. */
  readonly attributes: Record<string, string>;
  readonly deadLetterQueueArn?: string;
  readonly maxReceiveCount?: number;
}

export interface LocalEventSourceMapping {
  readonly id: string;
  readonly queueArn: string;
  readonly functionId: string;
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds: number;
  readonly reportBatchItemFailures: boolean;
  readonly enabled: boolean;
}

export interface LocalSchedule {
  readonly id: string;
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly scheduleExpression: string;
  readonly enabled: boolean;
  readonly targets: ReadonlyArray<{ readonly functionId: string; readonly input?: string }>;
}

export interface LocalStateMachine {
  readonly id: string;
  readonly name: string;
  readonly arn: string;
  /** The Amazon States Language definition, every token resolved. */
  readonly definition: JsonObject;
  /** Fake Lambda ARN (as the definition's FunctionName carries it) -> function id. */
  readonly functionsByArn: Readonly<Record<string, string>>;
}

export interface LocalTable {
  readonly id: string;
  readonly tableName: string;
}

export interface LocalApp {
  readonly cdkOutDir: string;
  readonly region: string;
  readonly functions: readonly LocalFunction[];
  readonly routes: readonly LocalRoute[];
  readonly queues: readonly LocalQueue[];
  readonly eventSourceMappings: readonly LocalEventSourceMapping[];
  readonly schedules: readonly LocalSchedule[];
  readonly stateMachines: readonly LocalStateMachine[];
  readonly tables: readonly LocalTable[];
  /** Every stack output, resolved: `<stack>.<outputName>` -> value. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Finds a function by id, logical id, local name or (fake) ARN. */
  findFunction(ref: string): LocalFunction | undefined;
}

export interface LocalBindings {
  /** @default 'local' */
  readonly region?: string;
  /** Base URL of the local SQS endpoint; queue URLs become `<sqsEndpoint>/<account>/<name>`. */
  readonly sqsEndpoint: string;
  /** Physical names to use instead of the derived ones, by logical id (e.g. the table name a test picked). */
  readonly physicalNames?: Readonly<Record<string, string>>;
  /** Environment variables whose values the local world decides (JWT_ISSUER, PUBLIC_BASE_URL, ...). */
  readonly environmentOverrides?: Readonly<Record<string, string>>;
  /** What JWT authorizers check locally instead of the template's (Cognito) issuer and audience. */
  readonly jwt?: { readonly issuer: string; readonly audience: string };
}

/** Reads the stack templates named by cdk.out/manifest.json. */
export function readCloudAssembly(cdkOutDir: string): StackTemplate[] {
  const manifestPath = path.join(cdkOutDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No cloud assembly at ${cdkOutDir}: run \`npx cdk synth\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    artifacts?: Record<string, { type: string; properties?: { templateFile?: string }; displayName?: string }>;
  };
  const stacks: StackTemplate[] = [];
  for (const [artifactId, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) continue;
    const template = JSON.parse(readFileSync(path.join(cdkOutDir, artifact.properties.templateFile), 'utf8')) as CfnTemplate;
    stacks.push({ stackName: artifactId, template });
  }
  if (stacks.length === 0) throw new Error(`The cloud assembly at ${cdkOutDir} holds no stack`);
  return stacks;
}

/** CDK appends an 8-hex hash to logical ids; the local physical name drops it for readability. */
function baseName(logicalId: string): string {
  return logicalId.replace(/[0-9A-F]{8}$/, '') || logicalId;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: Json | undefined, what: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`${what}: expected a string after resolution, got ${JSON.stringify(value)}`);
}

/**
 * Resolves intrinsic functions of all stacks. Each resource has a local "physical" identity: what Ref returns
 * and what its attributes are, chosen per resource type to match what AWS would hand the code.
 */
class TemplateResolver {
  private readonly stacks = new Map<string, StackTemplate>();
  private readonly exports = new Map<string, { stack: string; value: Json }>();
  private readonly resolvingExports = new Set<string>();

  constructor(
    stacks: StackTemplate[],
    private readonly bindings: Required<Pick<LocalBindings, 'region' | 'sqsEndpoint'>> & LocalBindings,
  ) {
    for (const stack of stacks) this.stacks.set(stack.stackName, stack);
    for (const stack of stacks) {
      for (const output of Object.values(stack.template.Outputs ?? {})) {
        if (!output.Export) continue;
        const name = asString(this.resolve(stack.stackName, output.Export.Name), 'Export name');
        this.exports.set(name, { stack: stack.stackName, value: output.Value });
      }
    }
  }

  resource(stackName: string, logicalId: string): CfnResource | undefined {
    return this.stacks.get(stackName)?.template.Resources?.[logicalId];
  }

  physicalName(stackName: string, logicalId: string): string {
    const override = this.bindings.physicalNames?.[logicalId];
    if (override) return override;
    const resource = this.resource(stackName, logicalId);
    const props = resource?.Properties ?? {};
    const explicit =
      resource?.Type === 'AWS::DynamoDB::Table'
        ? props.TableName
        : resource?.Type === 'AWS::SQS::Queue'
          ? props.QueueName
          : resource?.Type === 'AWS::Lambda::Function'
            ? props.FunctionName
            : resource?.Type === 'AWS::StepFunctions::StateMachine'
              ? props.StateMachineName
              : resource?.Type === 'AWS::Events::Rule'
                ? props.Name
                : undefined;
    if (explicit !== undefined) return asString(this.resolve(stackName, explicit), `${logicalId} name`);
    const name = `${stackName}-${baseName(logicalId)}`;
    const fifo = resource?.Type === 'AWS::SQS::Queue' && String(props.FifoQueue) === 'true';
    return fifo ? `${name}.fifo` : name;
  }

  private arn(service: string, resource: string): string {
    return `arn:aws:${service}:${this.bindings.region}:${localAccountId}:${resource}`;
  }

  ref(stackName: string, name: string): Json {
    switch (name) {
      case 'AWS::Region':
        return this.bindings.region;
      case 'AWS::AccountId':
        return localAccountId;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return stackName;
      case 'AWS::StackId':
        return this.arn('cloudformation', `stack/${stackName}/local`);
      case 'AWS::NoValue':
        return null;
    }
    const parameter = this.stacks.get(stackName)?.template.Parameters?.[name];
    if (parameter) return parameter.Default ?? '';
    const resource = this.resource(stackName, name);
    if (!resource) throw new Error(`Ref to unknown resource ${stackName}/${name}`);
    const physical = this.physicalName(stackName, name);
    switch (resource.Type) {
      case 'AWS::SQS::Queue':
        return `${this.bindings.sqsEndpoint}/${localAccountId}/${physical}`;
      case 'AWS::StepFunctions::StateMachine':
        return this.arn('states', `stateMachine:${physical}`);
      case 'AWS::DynamoDB::Table':
      case 'AWS::Lambda::Function':
      case 'AWS::Events::Rule':
        return physical;
      default:
        // Ids of things with no local counterpart (user pools, APIs, buckets): stable, obviously local.
        return `local-${baseName(name)}`;
    }
  }

  getAtt(stackName: string, logicalId: string, attribute: string): Json {
    const resource = this.resource(stackName, logicalId);
    if (!resource) throw new Error(`Fn::GetAtt on unknown resource ${stackName}/${logicalId}`);
    const physical = this.physicalName(stackName, logicalId);
    const key = `${resource.Type}.${attribute}`;
    switch (key) {
      case 'AWS::Lambda::Function.Arn':
        return this.arn('lambda', `function:${physical}`);
      case 'AWS::SQS::Queue.Arn':
        return this.arn('sqs', physical);
      case 'AWS::SQS::Queue.QueueName':
        return physical;
      case 'AWS::SQS::Queue.QueueUrl':
        return this.ref(stackName, logicalId);
      case 'AWS::DynamoDB::Table.Arn':
        return this.arn('dynamodb', `table/${physical}`);
      case 'AWS::DynamoDB::Table.StreamArn':
        return this.arn('dynamodb', `table/${physical}/stream/local`);
      case 'AWS::StepFunctions::StateMachine.Arn':
        return this.ref(stackName, logicalId);
      case 'AWS::StepFunctions::StateMachine.Name':
        return physical;
      case 'AWS::Events::Rule.Arn':
        return this.arn('events', `rule/${physical}`);
      case 'AWS::CloudFront::Distribution.DomainName':
        return 'localhost';
      default:
        if (attribute === 'Arn') return this.arn(resource.Type.split('::')[1]?.toLowerCase() ?? 'local', baseName(logicalId));
        return `local-${baseName(logicalId)}-${attribute}`;
    }
  }

  private importValue(name: string): Json {
    const found = this.exports.get(name);
    if (!found) throw new Error(`Fn::ImportValue of an export no stack declares: ${name}`);
    if (this.resolvingExports.has(name)) throw new Error(`Circular Fn::ImportValue: ${name}`);
    this.resolvingExports.add(name);
    try {
      return this.resolve(found.stack, found.value);
    } finally {
      this.resolvingExports.delete(name);
    }
  }

  private sub(stackName: string, args: Json): string {
    const [template, variables] = Array.isArray(args) ? [args[0], args[1]] : [args, {}];
    const vars = isObject(variables ?? null) ? (variables as JsonObject) : {};
    return asString(template, 'Fn::Sub template').replace(/\$\{([^}!]+)\}/g, (_, expr: string) => {
      const name = expr.trim();
      if (name in vars) return asString(this.resolve(stackName, vars[name]!), `Fn::Sub ${name}`);
      const dot = name.indexOf('.');
      if (dot > 0 && !name.startsWith('AWS::')) {
        return asString(this.getAtt(stackName, name.slice(0, dot), name.slice(dot + 1)), `Fn::Sub ${name}`);
      }
      return asString(this.ref(stackName, name), `Fn::Sub ${name}`);
    });
  }

  /** Resolves every intrinsic function inside `value`. */
  resolve(stackName: string, value: Json): Json {
    if (Array.isArray(value)) return value.map((item) => this.resolve(stackName, item));
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const fn = keys[0]!;
      const args = value[fn]!;
      switch (fn) {
        case 'Ref':
          return this.ref(stackName, asString(args, 'Ref'));
        case 'Fn::GetAtt': {
          const [logicalId, attribute] = Array.isArray(args) ? args : asString(args, 'Fn::GetAtt').split(/\.(.+)/);
          return this.getAtt(stackName, asString(logicalId, 'GetAtt'), asString(this.resolve(stackName, attribute ?? ''), 'GetAtt'));
        }
        case 'Fn::Join': {
          const [separator, parts] = args as [string, Json];
          const list = this.resolve(stackName, parts);
          if (!Array.isArray(list)) throw new Error('Fn::Join expects a list');
          return list.filter((part) => part !== null).map((part) => asString(part, 'Fn::Join part')).join(separator);
        }
        case 'Fn::ImportValue':
          return this.importValue(asString(this.resolve(stackName, args), 'Fn::ImportValue'));
        case 'Fn::Sub':
          return this.sub(stackName, args);
        case 'Fn::Select': {
          const [index, list] = args as [Json, Json];
          const items = this.resolve(stackName, list);
          if (!Array.isArray(items)) throw new Error('Fn::Select expects a list');
          return items[Number(this.resolve(stackName, index))] ?? null;
        }
        case 'Fn::Split': {
          const [separator, source] = args as [string, Json];
          return asString(this.resolve(stackName, source), 'Fn::Split').split(separator);
        }
        case 'Fn::GetAZs':
          return [`${this.bindings.region}a`, `${this.bindings.region}b`];
        case 'Fn::Base64':
          return Buffer.from(asString(this.resolve(stackName, args), 'Fn::Base64')).toString('base64');
        default:
          if (fn.startsWith('Fn::')) throw new Error(`Intrinsic function ${fn} is not supported locally`);
      }
    }
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = this.resolve(stackName, item);
    return out;
  }
}

function parseHandler(handler: string): void {
  if (!/^[\w./-]+\.\w+$/.test(handler)) throw new Error(`Unsupported Lambda handler string: ${handler}`);
}

/** Reads the cloud assembly and resolves it against the local bindings. */
export function loadLocalApp(cdkOutDir: string, bindings: LocalBindings): LocalApp {
  const stacks = readCloudAssembly(cdkOutDir);
  const region = bindings.region ?? 'local';
  const resolver = new TemplateResolver(stacks, { ...bindings, region });
  const resolve = (stack: string, value: Json | undefined): Json => (value === undefined ? null : resolver.resolve(stack, value));

  const functions: LocalFunction[] = [];
  const queues: LocalQueue[] = [];
  const tables: LocalTable[] = [];
  const integrations = new Map<string, string>(); // `<stack>/<integration ref>` -> function ARN
  const authorizers = new Map<string, LocalRoute['jwtAuthorizer']>();
  const rawRoutes: Array<{ stack: string; props: JsonObject }> = [];
  const rawMappings: Array<{ id: string; stack: string; props: JsonObject }> = [];
  const rawRules: Array<{ id: string; stack: string; logicalId: string; props: JsonObject }> = [];
  const rawMachines: Array<{ id: string; stack: string; logicalId: string; props: JsonObject }> = [];

  for (const { stackName, template } of stacks) {
    for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
      const id = `${stackName}/${logicalId}`;
      const props = resource.Properties ?? {};
      switch (resource.Type) {
        case 'AWS::Lambda::Function': {
          const runtime = String(props.Runtime ?? '');
          const assetPath = resource.Metadata?.['aws:asset:path'];
          // Only Node.js functions bundled into cdk.out run locally (CDK's own Python providers do not).
          if (!runtime.startsWith('nodejs') || typeof assetPath !== 'string') continue;
          const handler = String(props.Handler ?? 'index.handler');
          parseHandler(handler);
          const environment: Record<string, string> = {};
          const variables = resolve(stackName, (props.Environment as JsonObject | undefined)?.Variables);
          for (const [name, value] of Object.entries(isObject(variables) ? variables : {})) {
            environment[name] = bindings.environmentOverrides?.[name] ?? asString(value, `${id} env ${name}`);
          }
          const functionName = resolver.physicalName(stackName, logicalId);
          functions.push({
            id,
            logicalId,
            stackName,
            functionName,
            arn: asString(resolver.getAtt(stackName, logicalId, 'Arn'), 'function arn'),
            assetDir: path.resolve(cdkOutDir, assetPath),
            handler,
            runtime,
            timeoutSeconds: Number(resolve(stackName, props.Timeout) ?? 3),
            memoryMb: Number(resolve(stackName, props.MemorySize) ?? 128),
            environment,
          });
          break;
        }
        case 'AWS::DynamoDB::Table':
          tables.push({ id, tableName: resolver.physicalName(stackName, logicalId) });
          break;
        case 'AWS::SQS::Queue': {
          const resolved = resolve(stackName, props) as JsonObject;
          const attributes: Record<string, string> = {};
          for (const name of [
            'VisibilityTimeout',
            'MessageRetentionPeriod',
            'DelaySeconds',
            'MaximumMessageSize',
            'ReceiveMessageWaitTimeSeconds',
            'FifoQueue',
            'ContentBasedDeduplication',
          ]) {
            if (resolved[name] !== undefined && resolved[name] !== null) attributes[name] = String(resolved[name]);
          }
          const redrive = resolved.RedrivePolicy;
          let deadLetterQueueArn: string | undefined;
          let maxReceiveCount: number | undefined;
          if (isObject(redrive)) {
            deadLetterQueueArn = asString(redrive.deadLetterTargetArn, `${id} deadLetterTargetArn`);
            maxReceiveCount = Number(redrive.maxReceiveCount);
            attributes.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: deadLetterQueueArn, maxReceiveCount });
          }
          queues.push({
            id,
            logicalId,
            queueName: resolver.physicalName(stackName, logicalId),
            url: asString(resolver.ref(stackName, logicalId), 'queue url'),
            arn: asString(resolver.getAtt(stackName, logicalId, 'Arn'), 'queue arn'),
            attributes,
            deadLetterQueueArn,
            maxReceiveCount,
          });
          break;
        }
        case 'AWS::ApiGatewayV2::Integration':
          // Keyed by what a route's Target refers to: the integration's Ref.
          integrations.set(`${stackName}/${String(resolver.ref(stackName, logicalId))}`, asString(resolve(stackName, props.IntegrationUri), `${id} IntegrationUri`));
          break;
        case 'AWS::ApiGatewayV2::Authorizer':
          if (props.AuthorizerType === 'JWT') {
            const config = resolve(stackName, props.JwtConfiguration) as JsonObject;
            authorizers.set(`${stackName}/${logicalId}`, {
              // Cognito is not here: the local issuer (the dev identity provider) takes its place.
              issuer: bindings.jwt?.issuer ?? asString(config.Issuer, 'Issuer'),
              audience: bindings.jwt ? [bindings.jwt.audience] : ((config.Audience as string[] | undefined) ?? []),
              identitySource: ((resolve(stackName, props.IdentitySource) as string[] | null) ?? ['$request.header.Authorization']),
            });
          }
          break;
        case 'AWS::ApiGatewayV2::Route':
          rawRoutes.push({ stack: stackName, props });
          break;
        case 'AWS::Lambda::EventSourceMapping':
          rawMappings.push({ id, stack: stackName, props });
          break;
        case 'AWS::Events::Rule':
          rawRules.push({ id, stack: stackName, logicalId, props });
          break;
        case 'AWS::StepFunctions::StateMachine':
          rawMachines.push({ id, stack: stackName, logicalId, props });
          break;
      }
    }
  }

  const byArn = new Map(functions.map((fn) => [fn.arn, fn]));
  const findFunction = (ref: string): LocalFunction | undefined => {
    // Qualified ARNs (`...:function:name:$LATEST`) name the same function.
    const unqualified = ref.replace(/^(arn:aws:lambda:[^:]*:[^:]*:function:[^:]+):.+$/, '$1');
    return (
      byArn.get(unqualified) ??
      functions.find((fn) => fn.id === ref || fn.logicalId === ref || fn.functionName === ref || fn.functionName === unqualified)
    );
  };
  const requireFunction = (ref: string, what: string): LocalFunction => {
    const fn = findFunction(ref);
    if (!fn) throw new Error(`${what} targets ${ref}, which is not a local Node.js function`);
    return fn;
  };

  const routes: LocalRoute[] = rawRoutes.map(({ stack, props }) => {
    const routeKey = asString(props.RouteKey, 'RouteKey');
    const target = asString(resolve(stack, props.Target), `${routeKey} Target`);
    const integrationId = target.replace(/^integrations\//, '');
    const functionArn = integrations.get(`${stack}/${integrationId}`);
    if (!functionArn) throw new Error(`Route ${routeKey} targets ${target}, not a Lambda integration of this template`);
    const authorizerRef = props.AuthorizerId;
    const authorizerId = isObject(authorizerRef) && typeof authorizerRef.Ref === 'string' ? authorizerRef.Ref : undefined;
    const jwtAuthorizer = props.AuthorizationType === 'JWT' && authorizerId ? authorizers.get(`${stack}/${authorizerId}`) : undefined;
    if (props.AuthorizationType === 'JWT' && !jwtAuthorizer) throw new Error(`Route ${routeKey}: JWT authorizer not found`);
    if (props.AuthorizationType && !['NONE', 'JWT'].includes(String(props.AuthorizationType))) {
      throw new Error(`Route ${routeKey}: authorization ${String(props.AuthorizationType)} is not emulated locally`);
    }
    return {
      routeKey,
      functionId: requireFunction(functionArn, `Route ${routeKey}`).id,
      jwtAuthorizer,
      authorizationScopes: (resolve(stack, props.AuthorizationScopes) as string[] | null) ?? undefined,
    };
  });

  const eventSourceMappings: LocalEventSourceMapping[] = rawMappings.map(({ id, stack, props }) => {
    const resolved = resolve(stack, props) as JsonObject;
    const queueArn = asString(resolved.EventSourceArn, `${id} EventSourceArn`);
    if (!queueArns(queues).has(queueArn)) throw new Error(`${id}: only SQS event sources run locally (${queueArn})`);
    return {
      id,
      queueArn,
      functionId: requireFunction(asString(resolved.FunctionName, `${id} FunctionName`), id).id,
      batchSize: Number(resolved.BatchSize ?? 10),
      maximumBatchingWindowSeconds: Number(resolved.MaximumBatchingWindowInSeconds ?? 0),
      reportBatchItemFailures: Array.isArray(resolved.FunctionResponseTypes) && resolved.FunctionResponseTypes.includes('ReportBatchItemFailures'),
      enabled: resolved.Enabled !== false && resolved.Enabled !== 'false',
    };
  });

  const schedules: LocalSchedule[] = rawRules
    .filter(({ props }) => props.ScheduleExpression !== undefined)
    .map(({ id, stack, logicalId, props }) => {
      const targets = (resolve(stack, props.Targets) as JsonObject[] | null) ?? [];
      return {
        id,
        ruleName: resolver.physicalName(stack, logicalId),
        ruleArn: asString(resolver.getAtt(stack, logicalId, 'Arn'), 'rule arn'),
        scheduleExpression: asString(resolve(stack, props.ScheduleExpression), `${id} ScheduleExpression`),
        enabled: (props.State ?? 'ENABLED') === 'ENABLED',
        targets: targets.map((target) => ({
          functionId: requireFunction(asString(target.Arn, `${id} target`), id).id,
          input: typeof target.Input === 'string' ? target.Input : undefined,
        })),
      };
    });

  const stateMachines: LocalStateMachine[] = rawMachines.map(({ id, stack, logicalId, props }) => {
    let definition: JsonObject;
    if (props.DefinitionString !== undefined) {
      definition = JSON.parse(asString(resolve(stack, props.DefinitionString), `${id} DefinitionString`)) as JsonObject;
    } else if (props.Definition !== undefined) {
      definition = resolve(stack, props.Definition) as JsonObject;
    } else {
      throw new Error(`${id}: only inline state machine definitions run locally`);
    }
    const substitutions = resolve(stack, props.DefinitionSubstitutions);
    if (isObject(substitutions)) {
      let text = JSON.stringify(definition);
      for (const [name, value] of Object.entries(substitutions)) text = text.split(`\${${name}}`).join(asString(value, name));
      definition = JSON.parse(text) as JsonObject;
    }
    const functionsByArn: Record<string, string> = {};
    for (const fn of functions) if (JSON.stringify(definition).includes(fn.arn)) functionsByArn[fn.arn] = fn.id;
    return {
      id,
      name: resolver.physicalName(stack, logicalId),
      arn: asString(resolver.ref(stack, logicalId), 'state machine arn'),
      definition,
      functionsByArn,
    };
  });

  const outputs: Record<string, string> = {};
  for (const { stackName, template } of stacks) {
    for (const [name, output] of Object.entries(template.Outputs ?? {})) {
      if (name.startsWith('ExportsOutput')) continue;
      const value = resolve(stackName, output.Value);
      outputs[`${stackName}.${name}`] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }

  return {
    cdkOutDir,
    region,
    functions,
    routes,
    queues,
    eventSourceMappings,
    schedules,
    stateMachines,
    tables,
    outputs,
    findFunction,
  };
}

function queueArns(queues: readonly LocalQueue[]): Set<string> {
  return new Set(queues.map((queue) => queue.arn));
}

/**
 * Environment variables that configure the Node.js process itself (the Lambda sandbox sets them per function);
 * one shared local process must not take them from a function's configuration.
 */
const processLevelVariables = new Set(['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'AWS_CA_BUNDLE', 'TZ']);

/**
 * All functions share one process locally, so they share one environment: the union of theirs. Two functions
 * that want different values for one name cannot both be right, and running one of them wrong would be a
 * silent lie, hence the error.
 */
export function unionEnvironment(functions: readonly LocalFunction[]): Record<string, string> {
  const union: Record<string, string> = {};
  const owner: Record<string, string> = {};
  for (const fn of functions) {
    for (const [name, value] of Object.entries(fn.environment)) {
      if (processLevelVariables.has(name)) continue;
      if (name in union && union[name] !== value) {
        throw new Error(
          `Functions ${owner[name]} and ${fn.id} want different values for ${name} ` +
            `(${JSON.stringify(union[name])} vs ${JSON.stringify(value)}); they cannot share one local process`,
        );
      }
      union[name] = value;
      owner[name] = fn.id;
    }
  }
  return union;
}
