/**
 * Demo time in the whole local stack (`npm start --time-scale=1440`): the real functions read the scaled clock,
 * so a submission made a second or more after start is stamped at least 24 minutes ahead of the wall clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowStates } from '../../infra/constructs/suggestion-workflow';
import { eventually, startTestStack, validSubmission, type TestStack } from '../integration/harness';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ seed: false, timeScale: 1440 });
});
afterAll(async () => t?.stop());

describe('demo time', () => {
  it('runs the functions on the demo clock and shortens the workflow’s waits', async () => {
    expect(t.stack.clock.scale).toBe(1440);
    expect(process.env.JIANYI_TIME_SCALE).toBe('1440');
    expect(Number(process.env.JIANYI_CLOCK_ORIGIN)).toBe(t.stack.clock.origin);

    await new Promise((resolve) => setTimeout(resolve, 1000)); // 24 demo minutes at least
    const r = await t.api('/api/suggestions', { method: 'POST', json: validSubmission });
    expect(r.status).toBe(201);
    const view = await eventually(async () => {
      const v = await t.api(`/api/suggestions/${r.body.trackingCode}`, { headers: { 'x-tracking-pin': r.body.pin } });
      return v.body.status === 'screening' ? v : undefined;
    });
    const submittedAt = new Date(view.body.timeline[0].at).getTime();
    expect(submittedAt - Date.now()).toBeGreaterThan(20 * 60_000);
    expect(Math.abs(submittedAt - t.stack.clock.now().getTime())).toBeLessThan(60 * 60_000);

    // The workflow planned the screening wait on the same clock and parks in AwaitEvent (waits are divided by 1440).
    const waiting = await eventually(async () => t.stack.stepFunctions.tokens.open().find((o) => o.stateName === workflowStates.awaitEvent));
    expect(waiting).toBeDefined();
  });
});
