/**
 * The workflow with the REAL task functions (the synthesized bundles, no overrides) in the whole local stack: a
 * new submission is planned into screening and its execution parks in AwaitEvent with its task token stored on the
 * suggestion, where the staff actions find it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowStates } from '../../infra/constructs/suggestion-workflow';
import { keys } from '../../shared/model/table';
import { eventually, startTestStack, validSubmission, type TestStack } from '../integration/harness';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ seed: false });
});
afterAll(async () => t?.stop());

describe('the workflow with the real functions', () => {
  it('brings a new submission to AwaitEvent with its task token stored', async () => {
    const r = await t.api('/api/suggestions', { method: 'POST', json: validSubmission });
    expect(r.status).toBe(201);

    const waiting = await eventually(async () => {
      const open = t.stack.stepFunctions.tokens.open().filter((o) => o.stateName === workflowStates.awaitEvent);
      return open.length === 1 ? open[0] : undefined;
    });
    const suggestionId = waiting.executionArn.split(':').pop()!;
    const stored = await eventually(async () => {
      const { Item } = await t.stack.documents.send(
        new GetCommand({ TableName: t.stack.tableName, Key: { pk: keys.suggestion(suggestionId).pk, sk: 'WF' }, ConsistentRead: true }),
      );
      return Item?.taskToken === waiting.token ? Item : undefined;
    });
    expect(stored.taskToken).toBe(waiting.token);

    const { Item: suggestion } = await t.stack.documents.send(
      new GetCommand({ TableName: t.stack.tableName, Key: keys.suggestion(suggestionId), ConsistentRead: true }),
    );
    expect(suggestion?.status).toBe('screening');
    expect((await t.stack.stepFunctions.describeExecution(waiting.executionArn)).status).toBe('RUNNING');
  });
});
