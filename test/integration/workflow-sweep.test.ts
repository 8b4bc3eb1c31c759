/**
 * No suggestion is left without a live workflow, and an admin resumes every parked one in one action — with the real
 * functions on the synthesized definition. The sweep (the scheduled function, invoked here as EventBridge would)
 * starts the workflow of a suggestion that never got one, gives a new execution to one whose execution ended
 * without finishing, and does nothing the second time.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoSuggestionStore } from '../../shared/aws/dynamo-suggestion-store';
import { submitted } from '../../shared/domain/suggestion/lifecycle';
import { hashPin } from '../../shared/domain/suggestion/pin-hash';
import { keys } from '../../shared/model/table';
import { eventually, startTestStack, submitForScreening, type TestStack } from './harness';

let t: TestStack;
let tokens: Record<string, string>;
beforeAll(async () => {
  t = await startTestStack({ seed: true });
  tokens = Object.fromEntries(await Promise.all(['dispatcher', 'admin', 'supervisor'].map(async (u) => [u, await t.token(u)])));
});
afterAll(async () => t?.stop());

const waitingToken = async (id: string) =>
  (await t.stack.documents.send(new GetCommand({ TableName: t.stack.tableName, Key: { pk: keys.suggestion(id).pk, sk: 'WF' }, ConsistentRead: true }))).Item
    ?.taskToken as string | undefined;
const status = async (id: string) => (await new DynamoSuggestionStore(t.stack.documents, t.stack.tableName).get(id))?.status;
const executions = async (id: string) =>
  (await t.stack.stepFunctions.listExecutions({ stateMachineArn: t.stack.stateMachineArn! })).filter((e) => e.name === id || e.name.startsWith(`${id}-r`));

async function sweep(): Promise<{ checked: number; started: number; failed: number }> {
  const fn = t.stack.app.functions.find((f) => f.logicalId.startsWith('WorkflowSweep'))!;
  const outcome = await t.stack.invoke(fn.id, { source: 'aws.events', 'detail-type': 'Scheduled Event' });
  if (!outcome.ok) throw new Error(`the sweep failed: ${outcome.error.errorMessage}`);
  return outcome.result as { checked: number; started: number; failed: number };
}

describe('the workflow sweep', () => {
  it('starts the workflow of a suggestion that never got one, and a new one where the last ended; then nothing', async () => {
    // Stored, but its workflow never started (the process died between the commit and the start).
    const at = new Date(Date.now() - 5 * 60_000).toISOString();
    const { suggestion, entry } = submitted(
      { id: ulid(), orgId: 'demo', trackingCode: 'SWEEPXY2', pinHash: hashPin('123456'), title: '从未启动流程的建议', content: '测试', category: 'traffic', channel: 'web', dueAt: at, submittedAt: at },
      { type: 'citizen', id: 'anonymous' },
    );
    await new DynamoSuggestionStore(t.stack.documents, t.stack.tableName).create(suggestion, entry);

    // One whose execution ended without finishing (aborted).
    const { id: ended } = await submitForScreening(t, tokens.dispatcher!);
    await eventually(() => waitingToken(ended));
    const [running] = await executions(ended);
    await t.stack.stepFunctions.stopExecution(running!.executionArn, 'Local.Test', 'aborted by the test');

    const first = await sweep();
    expect(first.started).toBeGreaterThanOrEqual(2);
    expect(first.failed).toBe(0);
    expect(await eventually(async () => ((await status(suggestion.id)) === 'screening' ? true : undefined))).toBe(true);
    const restarted = await eventually(async () => {
      const list = await executions(ended);
      return list.find((e) => e.name === `${ended}-r1` && e.status === 'RUNNING');
    });
    expect(restarted).toBeDefined();
    // The new execution parked a new token: an action answers it as before.
    await eventually(async () => ((await waitingToken(ended)) ? true : undefined));

    // Everything has a live workflow now: the next sweep starts nothing.
    const second = await sweep();
    expect(second.started).toBe(0);
  });
});

describe('resuming every parked workflow in one action', () => {
  it('lists the parked ones for the admin, resumes them all (each audited), and the list is empty after', async () => {
    const parked: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { id } = await submitForScreening(t, tokens.dispatcher!);
      const token = await eventually(() => waitingToken(id));
      // A bug, not a transient failure: the workflow records it and parks.
      t.stack.stepFunctions.sendTaskFailure(token, 'TypeError', 'the handler crashed');
      parked.push(id);
    }
    const listed = await eventually(async () => {
      const r = await t.api('/api/staff/workflows/parked', { token: tokens.admin });
      return parked.every((id) => r.body.items?.some((i: { id: string }) => i.id === id)) ? r : undefined;
    });
    expect(listed.body.items.find((i: { id: string }) => i.id === parked[0])).toMatchObject({ workflowError: { error: 'TypeError' } });
    expect((await t.api('/api/staff/workflows/parked', { token: tokens.supervisor })).status).toBe(403);

    // Give the workflows a moment to park in AwaitResume, where the resume's answer finds them.
    await t.settle(800);
    const resumed = await t.api('/api/staff/workflows/resume-parked', { method: 'POST', token: tokens.admin });
    expect(resumed.status).toBe(200);
    expect(resumed.body.failed).toEqual([]);
    expect(resumed.body.resumed).toBeGreaterThanOrEqual(2);

    const after = await t.api('/api/staff/workflows/parked', { token: tokens.admin });
    expect(after.body.items.filter((i: { id: string }) => parked.includes(i.id))).toEqual([]);
    for (const id of parked) {
      const detail = (await t.api(`/api/staff/suggestions/${id}`, { token: tokens.admin })).body;
      expect(detail.workflowError).toBeUndefined();
      expect(detail.timeline.map((e: { action: string }) => e.action)).toContain('resumeWorkflow');
    }
    const audit = await t.api('/api/staff/audit?limit=200', { token: tokens.admin });
    for (const id of parked) expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: 'resumeWorkflow', target: id }));
    // And the workflows go on: each parks its next wait.
    for (const id of parked) await eventually(async () => ((await status(id)) === 'screening' && (await waitingToken(id)) ? true : undefined));
  });
});
