import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../shared/domain/suggestion/suggestion';
import { startGraceMs, sweepWorkflows, type WorkflowSweepDeps } from '../../../shared/use-cases/workflow-sweep';

const now = new Date('2026-12-01T04:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const suggestion = (id: string, over: Partial<Suggestion> = {}): Suggestion => ({
  id, orgId: 'demo', trackingCode: `CODE${id}`, pinHash: 'x$y', title: 't', content: 'c', category: 'traffic', channel: 'web',
  status: 'submitted', dueAt: ago(-86_400_000), submittedAt: ago(startGraceMs * 2), updatedAt: ago(startGraceMs * 2),
  phaseStartedAt: ago(startGraceMs * 2), version: 1, tier: 'deadline', ...over,
});

function harness(stored: Suggestion[], ended: string[], running: string[] = []) {
  const started: string[] = [];
  const warnings: string[] = [];
  const live = new Set(running);
  const deps: WorkflowSweepDeps = {
    store: {
      get: async (id) => stored.find((s) => s.id === id),
      // Two pages, so the sweep must follow the cursor.
      queue: async ({ status, cursor }) => {
        const matching = stored.filter((s) => s.status === status);
        return cursor ? { items: matching.slice(1) } : { items: matching.slice(0, 1), ...(matching.length > 1 ? { nextCursor: 'next' } : {}) };
      },
      parked: async (_orgId, limit) => stored.filter((s) => s.workflowError).slice(0, limit),
    },
    workflow: {
      ensureRunning: async (id) => {
        if (id === 'broken') throw new Error('ThrottlingException');
        if (live.has(id)) return 'running';
        live.add(id);
        started.push(id);
        return 'started';
      },
      endedAbnormally: async () => ended,
    },
    clock: { now: () => now },
    log: { warn: (message) => void warnings.push(message) },
  };
  return { deps, started, warnings };
}

describe('the workflow sweep', () => {
  it('starts a workflow for a suggestion still submitted after the grace, not for one just submitted', async () => {
    const h = harness([suggestion('old'), suggestion('new', { submittedAt: ago(startGraceMs / 2) }), suggestion('older')], []);
    const report = await sweepWorkflows(h.deps, 'demo');
    expect(h.started.sort()).toEqual(['old', 'older']);
    expect(report).toEqual({ checked: 2, started: 2, failed: 0, parked: 0 });
  });

  it('gives a new execution to an open or parked suggestion whose execution ended, but not to a finished one or another organisation’s', async () => {
    const parked = suggestion('parked', { status: 'screening', workflowError: { at: ago(1000), error: 'StoreError' } });
    const h = harness(
      [suggestion('open', { status: 'signed' }), parked, suggestion('done', { status: 'closed' }), suggestion('theirs', { status: 'signed', orgId: 'other' })],
      ['open', 'parked', 'done', 'theirs', 'gone'],
    );
    const report = await sweepWorkflows(h.deps, 'demo');
    expect(h.started.sort()).toEqual(['open', 'parked']);
    // The parked one is counted for the operator's alarm.
    expect(report).toEqual({ checked: 2, started: 2, failed: 0, parked: 1 });
  });

  it('is idempotent: a second sweep starts nothing, and one that fails for a suggestion goes on with the others', async () => {
    const h = harness([suggestion('a'), suggestion('broken'), suggestion('b')], [], ['b']);
    expect(await sweepWorkflows(h.deps, 'demo')).toEqual({ checked: 3, started: 1, failed: 1, parked: 0 });
    expect(h.warnings).toHaveLength(1);
    expect(await sweepWorkflows(h.deps, 'demo')).toMatchObject({ started: 0, failed: 1 });
    expect(h.started).toEqual(['a']);
  });
});
