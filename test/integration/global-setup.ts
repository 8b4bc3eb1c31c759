/**
 * Once per test run: synthesize the CDK app if it is stale (the local stack runs the synthesized bundles and
 * state machine), and start one DynamoDB Local (in memory) that every integration test file shares, each with
 * a table of its own.
 */
import type { TestProject } from 'vitest/node';
import { ensureSynthesized } from '../../infra/local/build-steps';
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { projectRoot } from '../../infra/local/local-stack';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // JIANYI_UNIT=1 npx vitest run test/unit/...: pure tests need neither the synthesized app nor a database.
  if (process.env.JIANYI_UNIT === '1') return async () => undefined;
  await ensureSynthesized(projectRoot, () => undefined);
  const database = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', database.endpoint);
  return () => database.stop();
}
