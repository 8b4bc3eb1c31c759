/**
 * Who on the staff may read a campaign's responses and figures: those who run it and those who look across the
 * organisation — organizer, admin, supervisor, viewer. A handler works for one department and gets 403 (the
 * responses are the whole campaign's); the campaign must be their organisation's (404 otherwise).
 */
import type { Campaign } from '../../domain/campaign/campaign';
import { campaignIdPattern } from '../../domain/campaign/campaign';
import { NotFoundError } from '../../domain/errors';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import type { StaffRole } from '../../domain/staff/staff';
import type { CampaignStore } from '../../ports';

export const campaignReadRoles: readonly StaffRole[] = ['organizer', 'admin', 'supervisor', 'viewer'];

export async function readableCampaign(campaigns: Pick<CampaignStore, 'get'>, principal: StaffPrincipal, campaignId: string): Promise<Campaign> {
  requireRole(principal, campaignReadRoles);
  // The organisation is the principal's (their stored profile's), never one the request names.
  const campaign = campaignIdPattern.test(campaignId) ? await campaigns.get(principal.orgId, campaignId) : undefined;
  if (!campaign) throw new NotFoundError('error.campaignNotFound');
  return campaign;
}
