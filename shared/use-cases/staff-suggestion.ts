/**
 * Staff open one suggestion, and may reveal the citizen's contact details.
 * Primary course (detail): load it, check organisation and department, audit the view, return it with the full
 * timeline and masked contact details.
 * Primary course (reveal): same checks plus the role's need to reach the citizen; audit the reveal BEFORE
 * answering, so no contact detail is ever shown without a record of who saw it.
 */
import { NotFoundError } from '../domain/errors';
import { auditRecord } from '../domain/staff/audit-record';
import { requireRevealContact, requireSuggestionAccess, type StaffPrincipal } from '../domain/staff/principal';
import { staffDetail } from '../domain/suggestion/views';
import type { MaskedContact, StaffSuggestionDetail } from '../domain/suggestion/view-types';
import type { AuditLog, CampaignStore, Clock, SuggestionStore } from '../ports';
import type { Suggestion } from '../domain/suggestion/suggestion';
import { availableActions } from './staff-actions/perform';

/** POST /api/staff/suggestions/{id}/contact-reveal → the full contact, and an audit record. */
export interface ContactRevealResponse {
  contact: MaskedContact;
}

interface Deps {
  store: SuggestionStore;
  audit: AuditLog;
  clock: Clock;
}

/** The campaign's part of the detail, when the suggestion came in through one that still exists. */
async function campaignOf(campaigns: Pick<CampaignStore, 'get'>, s: Suggestion): Promise<StaffSuggestionDetail['campaign']> {
  if (!s.campaignId) return undefined;
  const campaign = await campaigns.get(s.orgId, s.campaignId);
  if (!campaign) return undefined;
  const station = s.stationId ? campaign.stations.find((st) => st.id === s.stationId) : undefined;
  return { id: campaign.id, title: campaign.title, ...(station ? { station } : {}), targetDepartmentIds: campaign.targetDepartmentIds };
}

async function loadVisible(deps: Deps, principal: StaffPrincipal, id: string) {
  const suggestion = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? await deps.store.get(id) : undefined;
  if (!suggestion || suggestion.orgId !== principal.orgId) throw new NotFoundError('error.staffSuggestionNotFound');
  requireSuggestionAccess(principal, suggestion);
  return suggestion;
}

export async function getSuggestionForStaff(deps: Deps & { campaigns: Pick<CampaignStore, 'get'> }, principal: StaffPrincipal, id: string): Promise<StaffSuggestionDetail> {
  const suggestion = await loadVisible(deps, principal, id);
  const [timeline, campaign] = await Promise.all([
    deps.store.timeline(id),
    campaignOf(deps.campaigns, suggestion),
    deps.audit.record(auditRecord(principal, deps.clock.now().toISOString(), 'viewSuggestion', id)),
  ]);
  return { ...staffDetail(suggestion, timeline, deps.clock.now()), availableActions: availableActions(principal, suggestion), ...(campaign ? { campaign } : {}) };
}

export async function revealContact(deps: Deps, principal: StaffPrincipal, id: string): Promise<ContactRevealResponse> {
  requireRevealContact(principal);
  const suggestion = await loadVisible(deps, principal, id);
  await deps.audit.record(auditRecord(principal, deps.clock.now().toISOString(), 'revealContact', id));
  return { contact: suggestion.contact ?? { consent: false } };
}
