/**
 * Workflows parked after an error that retries could not clear, for the admin: the list, and resuming all of them
 * in one action — after an outage, say, once its cause is fixed. Each is resumed exactly as by its own
 * resume-workflow action (checked, saved with its audit record, the waiting workflow answered), so resuming all is
 * never a way around the rules of resuming one.
 */
import { DomainError, ValidationError } from '../domain/errors';
import { requireRole, type StaffPrincipal } from '../domain/staff/principal';
import { queueItem } from '../domain/suggestion/views';

import { performStaffAction, type HandlingDeps } from './staff-actions/perform';
import type { QueueItem } from '../domain/suggestion/view-types';

/** GET /api/staff/workflows/parked: suggestions whose workflow is parked after an error, for the admin. */
export interface ParkedWorkflowsResponse {
  items: (QueueItem & { workflowError: { at: string; error: string } })[];
}

/** POST /api/staff/workflows/resume-parked: each parked workflow resumed as by its own resume action (audited). */
export interface ResumeParkedResponse {
  resumed: number;
  /** Those that could not be resumed now (another action was faster, say), with the reason's code. */
  failed: { id: string; trackingCode: string; code: string }[];
}

/** One action resumes at most this many; the answer says how many are left (call again). */
const batchLimit = 200;

export async function listParkedWorkflows(deps: Pick<HandlingDeps, 'store' | 'clock'>, p: StaffPrincipal): Promise<ParkedWorkflowsResponse> {
  requireRole(p, ['admin']);
  const now = deps.clock.now();
  const parked = await deps.store.parked(p.orgId, batchLimit);
  return {
    items: parked
      .filter((s) => s.workflowError)
      .map((s) => ({ ...queueItem(s, now), workflowError: { at: s.workflowError!.at, error: s.workflowError!.error } })),
  };
}

export async function resumeAllParked(deps: HandlingDeps, p: StaffPrincipal, body: unknown): Promise<ResumeParkedResponse> {
  requireRole(p, ['admin']);
  if (body !== undefined && body !== null && typeof body !== 'object') throw new ValidationError({ body: { rule: 'unknownField' } });
  // The action takes no fields: each one sent is named, as for any other request.
  const unknown = Object.keys(body ?? {});
  if (unknown.length) throw new ValidationError(Object.fromEntries(unknown.map((key) => [key, { rule: 'unknownField' }])));
  const parked = await deps.store.parked(p.orgId, batchLimit);
  const failed: ResumeParkedResponse['failed'] = [];
  let resumed = 0;
  // A few at a time: each answers its workflow's token; a burst of them would itself be a burst.
  const queue = [...parked];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        try {
          await performStaffAction(deps, p, s.id, 'resumeWorkflow', {});
          resumed++;
        } catch (error) {
          failed.push({ id: s.id, trackingCode: s.trackingCode, code: error instanceof DomainError ? error.code : 'internal' });
        }
      }
    }),
  );
  return { resumed, failed };
}
