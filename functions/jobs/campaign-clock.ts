/** Scheduled (every minute): opens and closes the organisation's campaigns on time. */
import { orgId as configuredOrgId, systemClock } from '../../shared/aws/composition';
import { campaignStore } from '../../shared/aws/composition-campaigns';
import { log } from '../../shared/observability/log';
import { observedTask } from '../../shared/observability/observed-task';
import { runCampaignClock } from '../../shared/use-cases/campaigns/campaign-clock';

const orgId = configuredOrgId();
const deps = { campaigns: campaignStore(), clock: systemClock, log };

export const handler = observedTask(async () => runCampaignClock(deps, orgId));
