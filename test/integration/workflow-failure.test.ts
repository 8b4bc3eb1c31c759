/**
 * A workflow that fails, with the real functions on the synthesized definition: the failure is recorded on the
 * suggestion and the admins are told; the workflow parks; staff actions meanwhile keep it parked (they do not
 * quietly restart it); an admin's resume clears the error and the workflow goes on from where the suggestion stands.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionEvent } from '../../infra/local/step-functions';
import { keys } from '../../shared/model/table';
import { eventually, startTestStack, submitForScreening, type TestStack } from './harness';

let t: TestStack;
let tokens: Record<string, string>;
const events: ExecutionEvent[] = [];

beforeAll(async () => {
  t = await startTestStack({ seed: true, stepFunctions: { onExecutionEvent: (event) => events.push(event) } });
  tokens = Object.fromEntries(await Promise.all(['dispatcher', 'admin'].map(async (u) => [u, await t.token(u)])));
});
afterAll(async () => t?.stop());

const entered = (id: string) => events.filter((e) => e.executionName === id && e.type === 'StateEntered').map((e) => e.stateName);
const waitingToken = async (id: string) =>
  (await t.stack.documents.send(new GetCommand({ TableName: t.stack.tableName, Key: { pk: keys.suggestion(id).pk, sk: 'WF' }, ConsistentRead: true }))).Item
    ?.taskToken as string | undefined;
const detail = async (id: string, who = 'admin') => (await t.api(`/api/staff/suggestions/${id}`, { token: tokens[who] })).body;

describe('a workflow that fails', () => {
  it('records the failure, tells the admins, parks; actions keep it parked; the admin resumes it', async () => {
    const { id } = await submitForScreening(t, tokens.dispatcher!);
    const firstToken = await eventually(() => waitingToken(id));

    // The wait fails with a bug (not a transient failure, which would be retried): RecordFailure, then AwaitResume.
    t.stack.stepFunctions.sendTaskFailure(firstToken, 'TypeError', 'the handler crashed');
    const failed = await eventually(async () => {
      const d = await detail(id);
      return d.workflowError && (await waitingToken(id)) !== firstToken ? d : undefined;
    });
    expect(failed.workflowError).toMatchObject({ error: 'TypeError' });
    expect(failed.availableActions).toContain('resumeWorkflow');
    expect(failed.timeline.map((e: { action: string }) => e.action)).toContain('workflowFailed');
    const alert = await eventually(async () => {
      const o = await t.api('/api/local/outbox');
      return o.body.messages.find((m: { suggestionId: string; event: string; to: string }) => m.suggestionId === id && m.event === 'workflowFailure' && m.to === 'admin@demo.jianyi.local');
    });
    expect(alert.body).toContain('TypeError');
    await eventually(async () => (entered(id).at(-1) === 'AwaitResume' ? true : undefined));

    // A dispatcher screens it meanwhile: the answer says "still parked", so the workflow waits for the admin.
    const parkedToken = await waitingToken(id);
    const screened = await t.api(`/api/staff/suggestions/${id}/screen`, {
      method: 'POST',
      token: tokens.dispatcher,
      json: { decision: 'assign', category: 'traffic', tier: 'deadline', leadDepartmentId: 'transport' },
    });
    expect(screened.status).toBe(200);
    await eventually(async () => ((await waitingToken(id)) !== parkedToken && entered(id).at(-1) === 'AwaitResume' ? true : undefined));
    expect(entered(id).filter((s) => s === 'AwaitEvent')).toHaveLength(1); // only the first wait, before the failure
    expect((await t.api(`/api/staff/suggestions/${id}/resumeWorkflow`, { method: 'POST', token: tokens.dispatcher, json: {} })).status).toBe(403);

    // The admin resumes: the error is cleared and the workflow waits for the handler's signature.
    const resumed = await t.api(`/api/staff/suggestions/${id}/resumeWorkflow`, { method: 'POST', token: tokens.admin, json: {} });
    expect(resumed.status).toBe(200);
    expect(resumed.body.workflowError).toBeUndefined();
    expect(resumed.body.availableActions).not.toContain('resumeWorkflow');
    expect(resumed.body.timeline.at(-1)).toMatchObject({ action: 'resumeWorkflow', visibility: 'internal' });
    await eventually(async () => (entered(id).at(-1) === 'AwaitEvent' ? true : undefined));
    expect((await t.api(`/api/staff/suggestions/${id}/resumeWorkflow`, { method: 'POST', token: tokens.admin, json: {} })).status).toBe(409);
  });
});
