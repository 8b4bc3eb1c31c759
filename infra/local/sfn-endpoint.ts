/**
 * The Step Functions API (AWS JSON 1.0: POST /, `X-Amz-Target: AWSStepFunctions.<Operation>`) over the local
 * engine, on its own loopback port. Handlers use the real @aws-sdk/client-sfn with AWS_ENDPOINT_URL_SFN aimed
 * here, so the code that starts executions and answers task tokens is the code that runs on AWS.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ExecutionRecord, ExecutionStatus } from './execution-store';
import { type LocalStepFunctions, StepFunctionsError } from './step-functions';
import { TaskTokenError } from './task-tokens';

const epochSeconds = (iso: string | undefined): number | undefined => (iso ? Date.parse(iso) / 1000 : undefined);

function summary(record: ExecutionRecord): Record<string, unknown> {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startDate),
    stopDate: epochSeconds(record.stopDate),
  };
}

/** DescribeExecution: the ListExecutions summary plus input, output and error. */
function describe(record: ExecutionRecord): Record<string, unknown> {
  return {
    ...summary(record),
    input: record.input,
    inputDetails: { included: true },
    output: record.output,
    outputDetails: record.output === undefined ? undefined : { included: true },
    error: record.error,
    cause: record.cause,
    redriveCount: 0,
    redriveStatus: 'NOT_REDRIVABLE',
  };
}

function required(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw new StepFunctionsError('ValidationException', `1 validation error detected: '${field}' must not be null`);
  return value;
}

type Operation = (body: Record<string, unknown>) => Promise<unknown>;

export function sfnOperations(engine: LocalStepFunctions): Record<string, Operation> {
  return {
    StartExecution: async (body) =>
      engine
        .startExecution({
          stateMachineArn: required(body, 'stateMachineArn'),
          name: typeof body.name === 'string' ? body.name : undefined,
          input: typeof body.input === 'string' ? body.input : undefined,
        })
        .then(({ executionArn, startDate }) => ({ executionArn, startDate: epochSeconds(startDate) })),
    SendTaskSuccess: async (body) => {
      engine.sendTaskSuccess(required(body, 'taskToken'), required(body, 'output'));
      return {};
    },
    SendTaskFailure: async (body) => {
      engine.sendTaskFailure(
        required(body, 'taskToken'),
        typeof body.error === 'string' ? body.error : undefined,
        typeof body.cause === 'string' ? body.cause : undefined,
      );
      return {};
    },
    SendTaskHeartbeat: async (body) => {
      engine.sendTaskHeartbeat(required(body, 'taskToken'));
      return {};
    },
    DescribeExecution: async (body) => describe(await engine.describeExecution(required(body, 'executionArn'))),
    StopExecution: async (body) => {
      const { stopDate } = await engine.stopExecution(
        required(body, 'executionArn'),
        typeof body.error === 'string' ? body.error : undefined,
        typeof body.cause === 'string' ? body.cause : undefined,
      );
      return { stopDate: epochSeconds(stopDate) };
    },
    ListExecutions: async (body) => {
      const records = await engine.listExecutions({
        stateMachineArn: required(body, 'stateMachineArn'),
        status: typeof body.statusFilter === 'string' ? (body.statusFilter as ExecutionStatus) : undefined,
      });
      // nextToken is the offset into the newest-first list: good enough for a store that does not change much.
      const start = typeof body.nextToken === 'string' ? Number.parseInt(body.nextToken, 10) || 0 : 0;
      const max = typeof body.maxResults === 'number' && body.maxResults > 0 ? Math.min(body.maxResults, 1000) : 100;
      const page = records.slice(start, start + max);
      return {
        executions: page.map(summary),
        nextToken: start + max < records.length ? String(start + max) : undefined,
      };
    },
    ListStateMachines: async () => ({
      stateMachines: engine.stateMachines.map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.name,
        type: 'STANDARD',
        creationDate: 0,
      })),
    }),
    DescribeStateMachine: async (body) => {
      const arn = required(body, 'stateMachineArn');
      const machine = engine.stateMachines.find((candidate) => candidate.arn === arn);
      if (!machine) throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
      return {
        stateMachineArn: machine.arn,
        name: machine.name,
        status: 'ACTIVE',
        definition: JSON.stringify(machine.definition),
        roleArn: 'arn:aws:iam::000000000000:role/local-step-functions',
        type: 'STANDARD',
        creationDate: 0,
      };
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body, (_, value: unknown) => (value === undefined ? undefined : value));
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1024 * 1024) throw new StepFunctionsError('ValidationException', 'Request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function handleSfnRequest(operations: Record<string, Operation>, req: IncomingMessage, res: ServerResponse, log?: (m: string) => void): Promise<void> {
  const target = String(req.headers['x-amz-target'] ?? '');
  const operation = target.startsWith('AWSStepFunctions.') ? operations[target.slice('AWSStepFunctions.'.length)] : undefined;
  try {
    if (req.method !== 'POST' || !operation) {
      throw new StepFunctionsError('UnknownOperationException', `Operation ${target || '(none)'} is not supported locally`);
    }
    const text = await readBody(req);
    let body: Record<string, unknown>;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      throw new StepFunctionsError('SerializationException', 'The request body is not valid JSON');
    }
    send(res, 200, await operation(body));
  } catch (error) {
    if (error instanceof StepFunctionsError || error instanceof TaskTokenError) {
      send(res, 400, { __type: error.name, message: error.message }, error.name);
    } else {
      log?.(`SFN endpoint: ${target} failed: ${(error as Error).stack ?? String(error)}`);
      send(res, 500, { __type: 'InternalServerError', message: 'Internal error in the local Step Functions' }, 'InternalServerError');
    }
  }
}

/** Serves the SFN API on 127.0.0.1; returns the endpoint to put in AWS_ENDPOINT_URL_SFN. */
export async function startSfnEndpoint(engine: LocalStepFunctions, options: { port?: number; log?: (m: string) => void } = {}): Promise<{ endpoint: string; server: Server; stop(): Promise<void> }> {
  const operations = sfnOperations(engine);
  const server = createServer((req, res) => void handleSfnRequest(operations, req, res, options.log));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
