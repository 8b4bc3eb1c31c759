/**
 * POST /api/campaigns/{campaignId}/phone-codes — the SMS code a one-response-per-phone questionnaire asks for.
 * Primary course:
 *  1. validate the phone; the campaign must be public, take responses now (409 naming the window) and use the
 *     `phone` policy (409 otherwise: nothing to verify);
 *  2. count the request against its address and against the phone (429 past either: SMS cost money);
 *  3. draw a 6-digit code, store only its keyed hash with its expiry (a new code replaces the last, tries reset);
 *  4. queue the SMS (never deferred by quiet hours: the person is waiting for it) — 202.
 */
import { requireAccepting } from '../../domain/campaign/lifecycle';
import { phoneCodeHash, phoneCodeRules } from '../../domain/campaign/phone-code';
import { respondentKey } from '../../domain/campaign/respondent';
import { phoneCodeRequestSchema } from '../../domain/campaign/response';
import { ConflictError, RateLimitedError } from '../../domain/errors';
import type { Locale } from '../../domain/i18n/messages';
import { newPin, type RandomBytes } from '../../domain/suggestion/tracking-code';
import { parseOrThrow } from '../../domain/validation';
import type { CampaignStore, Clock, NotificationQueue, PhoneCodeStore, RateLimiter } from '../../ports';
import { publicCampaignOrThrow } from './public-campaign';

export interface PhoneCodeDeps {
  campaigns: Pick<CampaignStore, 'get'>;
  phoneCodes: PhoneCodeStore;
  rateLimiter: RateLimiter;
  notifications: NotificationQueue;
  clock: Clock;
  randomBytes: RandomBytes;
  secret: () => Promise<string>;
}

export interface PhoneCodeSent {
  expiresInSeconds: number;
}

export async function requestPhoneCode(
  deps: PhoneCodeDeps,
  command: { orgId: string; campaignId: string; body: unknown; sourceIp?: string; locale: Locale },
): Promise<PhoneCodeSent> {
  const request = parseOrThrow(phoneCodeRequestSchema, command.body);
  const { orgId, campaignId } = command;
  const campaign = await publicCampaignOrThrow(deps.campaigns, orgId, campaignId);
  const now = deps.clock.now();
  requireAccepting(campaign, now);
  if (campaign.responsePolicy !== 'phone') throw new ConflictError('error.phoneCodeNotNeeded', undefined, 'phone_code_not_needed');

  const secret = await deps.secret();
  const phoneKey = respondentKey(secret, orgId, campaignId, 'phone', request.phone);
  const verdicts = await Promise.all([
    command.sourceIp ? deps.rateLimiter.hitAll(`phoneCode#${orgId}#ip#${command.sourceIp}`, phoneCodeRules.perAddress, now) : { allowed: true, retryAfterSeconds: 0 },
    deps.rateLimiter.hitAll(`phoneCode#${orgId}#${campaignId}#${phoneKey}`, phoneCodeRules.perPhone, now),
  ]);
  const refused = verdicts.filter((v) => !v.allowed);
  if (refused.length) throw new RateLimitedError('error.phoneCodeRateLimited', { seconds: Math.max(...refused.map((v) => v.retryAfterSeconds)) });

  const code = newPin(deps.randomBytes);
  const expiresAt = Math.floor(now.getTime() / 1000) + phoneCodeRules.ttlSeconds;
  await deps.phoneCodes.save(orgId, campaignId, phoneKey, { codeHash: phoneCodeHash(secret, orgId, campaignId, request.phone, code), expiresAt });
  const locale = request.locale ?? command.locale;
  await deps.notifications.enqueue([
    {
      // One request, one SMS: a redelivered queue message is not sent twice; a new request is a new code.
      idempotencyKey: `phoneCode#${orgId}#${campaignId}#${phoneKey}#${now.getTime()}`,
      event: 'phoneCode',
      orgId,
      campaignId,
      channel: 'sms',
      to: request.phone,
      locale,
      params: { code, title: locale === 'en' ? (campaign.titleEn ?? campaign.title) : campaign.title, minutes: phoneCodeRules.ttlSeconds / 60 },
    },
  ]);
  return { expiresInSeconds: phoneCodeRules.ttlSeconds };
}

