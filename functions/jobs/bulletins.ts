/**
 * Scheduled (EventBridge): `{"kind": "week"}` on Mondays, `{"kind": "month"}` on the 1st — queues the bulletin of
 * the period that just ended (shared/use-cases/bulletins/schedule-bulletins.ts); the worker generates it once.
 */
import { orgId, systemClock } from '../../shared/aws/system-config';
import { fileJobQueue } from '../../shared/aws/composition-file-jobs';
import { observedTask } from '../../shared/observability/observed-task';
import { scheduleBulletin } from '../../shared/use-cases/bulletins/schedule-bulletins';

const deps = { jobs: fileJobQueue(), clock: systemClock };
const org = orgId();

export const handler = observedTask(async (event: { kind?: string } | undefined) => scheduleBulletin(deps, org, event?.kind === 'month' ? 'month' : 'week'));
