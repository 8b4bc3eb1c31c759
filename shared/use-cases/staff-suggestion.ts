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
import type { AuditLog, Clock, SuggestionStore } from '../ports';
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

async function loadVisible(deps: Deps, principal: StaffPrincipal, id: string) {
  const suggestion = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? await deps.store.get(id) : undefined;
  if (!suggestion || suggestion.orgId !== principal.orgId) throw new NotFoundError('error.staffSuggestionNotFound');
  requireSuggestionAccess(principal, suggestion);
  return suggestion;
}

export async function getSuggestionForStaff(deps: Deps, principal: StaffPrincipal, id: string): Promise<StaffSuggestionDetail> {
  const suggestion = await loadVisible(deps, principal, id);
  const [timeline] = await Promise.all([
    deps.store.timeline(id),
    deps.audit.record(auditRecord(principal, deps.clock.now().toISOString(), 'viewSuggestion', id)),
  ]);
  return { ...staffDetail(suggestion, timeline, deps.clock.now()), availableActions: availableActions(principal, suggestion) };
}

export async function revealContact(deps: Deps, principal: StaffPrincipal, id: string): Promise<ContactRevealResponse> {
  requireRevealContact(principal);
  const suggestion = await loadVisible(deps, principal, id);
  await deps.audit.record(auditRecord(principal, deps.clock.now().toISOString(), 'revealContact', id));
  return { contact: suggestion.contact ?? { consent: false } };
}
