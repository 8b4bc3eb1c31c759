/**
 * Where the local Step Functions keeps its executions: name, input, status, times, output or error. Kept in a
 * DynamoDB Local table of its own (not the application table: this is the emulator's state, not the app's) so
 * that after a restart every execution still RUNNING is started again with its original input.
 */
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ensureKeyValueTable } from './dynamodb';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  /** The input as given to StartExecution (JSON text). */
  readonly input: string;
  /** ISO 8601. */
  readonly startDate: string;
  readonly stopDate?: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  /** How many times the local engine has (re)started it: 1, plus one per resume after a restart. */
  readonly runs: number;
}

export interface ExecutionCompletion {
  readonly status: Exclude<ExecutionStatus, 'RUNNING'>;
  readonly stopDate: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

export interface ExecutionStore {
  get(executionArn: string): Promise<ExecutionRecord | undefined>;
  /** Stores a new execution; returns the existing one instead if the ARN (i.e. the name) is taken. */
  create(record: ExecutionRecord): Promise<{ created: true } | { created: false; existing: ExecutionRecord }>;
  /** Records the end of a RUNNING execution (no-op if it already ended: the first ending wins). */
  complete(executionArn: string, completion: ExecutionCompletion): Promise<void>;
  markResumed(executionArn: string): Promise<void>;
  list(filter?: { stateMachineArn?: string; status?: ExecutionStatus }): Promise<ExecutionRecord[]>;
}

function newestFirst(a: ExecutionRecord, b: ExecutionRecord): number {
  return b.startDate.localeCompare(a.startDate) || b.executionArn.localeCompare(a.executionArn);
}

/** In memory: for unit tests and `--in-memory` runs, where nothing survives the process anyway. */
export class MemoryExecutionStore implements ExecutionStore {
  private readonly records = new Map<string, ExecutionRecord>();

  async get(executionArn: string): Promise<ExecutionRecord | undefined> {
    return this.records.get(executionArn);
  }

  async create(record: ExecutionRecord): Promise<{ created: true } | { created: false; existing: ExecutionRecord }> {
    const existing = this.records.get(record.executionArn);
    if (existing) return { created: false, existing };
    this.records.set(record.executionArn, record);
    return { created: true };
  }

  async complete(executionArn: string, completion: ExecutionCompletion): Promise<void> {
    const record = this.records.get(executionArn);
    if (record?.status === 'RUNNING') this.records.set(executionArn, { ...record, ...completion });
  }

  async markResumed(executionArn: string): Promise<void> {
    const record = this.records.get(executionArn);
    if (record) this.records.set(executionArn, { ...record, runs: record.runs + 1 });
  }

  async list(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): Promise<ExecutionRecord[]> {
    return [...this.records.values()]
      .filter((r) => (!filter.stateMachineArn || r.stateMachineArn === filter.stateMachineArn) && (!filter.status || r.status === filter.status))
      .sort(newestFirst);
  }
}

export const defaultExecutionsTable = 'local-sfn-executions';

/** In DynamoDB Local: survives restarts of `npm start` when the database persists to disk. */
export class DynamoDbExecutionStore implements ExecutionStore {
  private readonly documents: DynamoDBDocumentClient;

  private constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  static async open(client: DynamoDBClient, tableName = defaultExecutionsTable): Promise<DynamoDbExecutionStore> {
    await ensureKeyValueTable(client, tableName, 'executionArn');
    return new DynamoDbExecutionStore(client, tableName);
  }

  async get(executionArn: string): Promise<ExecutionRecord | undefined> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: { executionArn }, ConsistentRead: true }));
    return Item as ExecutionRecord | undefined;
  }

  async create(record: ExecutionRecord): Promise<{ created: true } | { created: false; existing: ExecutionRecord }> {
    try {
      await this.documents.send(
        new PutCommand({ TableName: this.tableName, Item: record, ConditionExpression: 'attribute_not_exists(executionArn)' }),
      );
      return { created: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.get(record.executionArn);
      if (!existing) throw error;
      return { created: false, existing };
    }
  }

  async complete(executionArn: string, completion: ExecutionCompletion): Promise<void> {
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':running': 'RUNNING' };
    const sets: string[] = [];
    for (const [key, value] of Object.entries(completion)) {
      if (value === undefined) continue;
      names[`#${key}`] = key;
      values[`:${key}`] = value;
      sets.push(`#${key} = :${key}`);
    }
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { executionArn },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async markResumed(executionArn: string): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { executionArn },
        UpdateExpression: 'ADD #runs :one',
        ExpressionAttributeNames: { '#runs': 'runs' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }

  async list(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): Promise<ExecutionRecord[]> {
    // A scan: a developer's machine holds thousands of executions at most.
    const records: ExecutionRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(new ScanCommand({ TableName: this.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
      records.push(...((page.Items ?? []) as ExecutionRecord[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return records
      .filter((r) => (!filter.stateMachineArn || r.stateMachineArn === filter.stateMachineArn) && (!filter.status || r.status === filter.status))
      .sort(newestFirst);
  }
}
