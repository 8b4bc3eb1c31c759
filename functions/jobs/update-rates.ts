/**
 * Scheduled (EventBridge, every 5 minutes): brings the rates up to date from what changed since the last run
 * (shared/use-cases/update-rates.ts). Invoked with `{"full": true}` it recomputes them from nothing.
 */
import { orgId, rateStore, supervision, systemClock } from '../../shared/aws/composition';
import { observedTask } from '../../shared/observability/observed-task';
import { updateRates, type RatesRunReport } from '../../shared/use-cases/update-rates';

const deps = { rates: rateStore(), supervision: supervision(), clock: systemClock };
const org = orgId();

export const handler = observedTask(async (event: { full?: boolean } | undefined): Promise<RatesRunReport> => updateRates(deps, org, { full: event?.full === true }));
