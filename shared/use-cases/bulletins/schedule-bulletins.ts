/**
 * The schedule's part (EventBridge: Mondays for the previous ISO week, the 1st for the previous month): queue the
 * generation of the period that just ended. The worker makes it only if the period has none yet, so a retried or
 * doubled schedule, or a restart of the local runtime, generates nothing twice.
 */
import { previousPeriod, type BulletinKind } from '../../domain/bulletins/bulletin';
import type { Clock, FileJobQueue } from '../../ports';

export async function scheduleBulletin(deps: { jobs: FileJobQueue; clock: Clock }, orgId: string, kind: BulletinKind): Promise<{ kind: BulletinKind; period: string }> {
  const period = previousPeriod(kind, deps.clock.now());
  await deps.jobs.enqueue({ type: 'bulletin', orgId, kind, period });
  return { kind, period };
}
