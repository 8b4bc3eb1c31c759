/**
 * A citizen looks up their suggestion with tracking code and PIN.
 * Primary course:
 *  1. check the code's and PIN's format (a malformed one is a 400 naming the field);
 *  2. count the lookup against the caller's address and against the code — PINs are short, so guessing must
 *     be slow — and answer 429 past the limit;
 *  3. find the suggestion and check the PIN; an unknown code and a wrong PIN give the SAME 404, so a
 *     lookup never tells whether a code exists;
 *  4. return the citizen's view: status, public timeline, reply.
 */
import { NotFoundError, RateLimitedError, ValidationError } from '../domain/errors';
import { verifyPin } from '../domain/suggestion/pin-hash';
import { isPinFormat, normaliseTrackingCode } from '../domain/suggestion/tracking-code';
import { citizenView } from '../domain/suggestion/views';
import type { Suggestion } from '../domain/suggestion/suggestion';
import type { CitizenView } from '../domain/suggestion/view-types';
import type { Clock, RateLimiter, SuggestionStore } from '../ports';

export const lookupLimits = {
  perAddress: { limit: 30, windowSeconds: 60 },
  perCode: { limit: 10, windowSeconds: 900 },
};

export interface TrackDeps {
  store: SuggestionStore;
  rateLimiter: RateLimiter;
  clock: Clock;
}

/** Checks code, PIN and the lookup limits; returns the suggestion or throws the same 404 for any mismatch. */
export async function authenticateCitizen(
  deps: TrackDeps,
  input: { trackingCode: string; pin: string | undefined; sourceIp: string },
): Promise<Suggestion> {
  const code = normaliseTrackingCode(input.trackingCode);
  const fields: Record<string, { rule: string }> = {};
  if (!code) fields.trackingCode = { rule: 'trackingCodeFormat' };
  if (!input.pin) fields.pin = { rule: 'required' };
  else if (!isPinFormat(input.pin)) fields.pin = { rule: 'pinFormat' };
  if (Object.keys(fields).length || !code || !input.pin) throw new ValidationError(fields);

  const now = deps.clock.now();
  const [byAddress, byCode] = await Promise.all([
    deps.rateLimiter.hit(`track#ip#${input.sourceIp}`, lookupLimits.perAddress.limit, lookupLimits.perAddress.windowSeconds, now),
    deps.rateLimiter.hit(`track#code#${code}`, lookupLimits.perCode.limit, lookupLimits.perCode.windowSeconds, now),
  ]);
  for (const verdict of [byAddress, byCode]) {
    if (!verdict.allowed) throw new RateLimitedError('error.rateLimited', { seconds: verdict.retryAfterSeconds });
  }

  const suggestion = await deps.store.getByTrackingCode(code);
  if (!suggestion || !verifyPin(input.pin, suggestion.pinHash)) throw new NotFoundError('error.suggestionNotFound');
  return suggestion;
}

export async function trackSuggestion(
  deps: TrackDeps,
  input: { trackingCode: string; pin: string | undefined; sourceIp: string },
): Promise<CitizenView> {
  const suggestion = await authenticateCitizen(deps, input);
  return citizenView(suggestion, await deps.store.timeline(suggestion.id));
}
