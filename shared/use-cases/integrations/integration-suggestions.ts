/**
 * The mini-program / city-app channel: another system submits and follows suggestions with its integration key.
 * Primary course (submit): the key is checked for scope submit (authenticate-integration.ts); the body goes to the
 * one intake (submitSuggestion) with the integration's channel forced, its id as the source, and the caller's own
 * record id (if any) keying the intake for good. Status: scope status, and only for a suggestion this integration
 * submitted (any other is 404, as an unknown code: a key never learns of another system's suggestions).
 */
import { NotFoundError } from '../../domain/errors';
import type { Integration } from '../../domain/integration/integration';
import type { Locale } from '../../domain/i18n/messages';
import type { CitizenView } from '../../domain/suggestion/view-types';
import { citizenView } from '../../domain/suggestion/views';
import { normaliseTrackingCode } from '../../domain/suggestion/tracking-code';
import type { SuggestionStore } from '../../ports';
import { submitSuggestion, type SubmitDeps } from '../submit-suggestion';

type SubmitResult = Awaited<ReturnType<typeof submitSuggestion>>;

/** The system name a caller's record ids are scoped under: one namespace per integration. */
export const integrationSystem = (integration: Pick<Integration, 'id'>) => `integration:${integration.id}`;

export async function submitThroughIntegration(
  deps: SubmitDeps,
  integration: Integration,
  input: { body: unknown; locale: Locale; idempotencyKey?: string; note?: string },
): Promise<SubmitResult> {
  const body = input.body && typeof input.body === 'object' && !Array.isArray(input.body) ? { ...(input.body as Record<string, unknown>) } : {};
  const recordId = typeof body.recordId === 'string' && body.recordId.trim() ? body.recordId.trim().slice(0, 128) : undefined;
  delete body.recordId;
  body.channel = integration.channel;
  return submitSuggestion(deps, {
    orgId: integration.orgId,
    body,
    locale: input.locale,
    allowedChannels: [integration.channel],
    source: { integrationId: integration.id, ...(recordId ? { system: integrationSystem(integration), recordId } : {}) },
    ...(recordId ? { sourceRecord: { system: integrationSystem(integration), recordId } } : {}),
    ...(input.idempotencyKey !== undefined ? { idempotencyKey: input.idempotencyKey } : {}),
    ...(input.note ? { note: input.note } : {}),
  });
}

/** The suggestion this integration submitted under the tracking code, or 404. */
export async function integrationSuggestion(store: Pick<SuggestionStore, 'getByTrackingCode'>, integration: Integration, trackingCode: string) {
  const code = normaliseTrackingCode(trackingCode);
  const suggestion = code ? await store.getByTrackingCode(code) : undefined;
  if (!suggestion || suggestion.orgId !== integration.orgId || suggestion.source?.integrationId !== integration.id) throw new NotFoundError('error.staffSuggestionNotFound');
  return suggestion;
}

export async function integrationSuggestionStatus(store: Pick<SuggestionStore, 'getByTrackingCode' | 'timeline'>, integration: Integration, trackingCode: string): Promise<CitizenView> {
  const suggestion = await integrationSuggestion(store, integration, trackingCode);
  return citizenView(suggestion, await store.timeline(suggestion.id));
}
