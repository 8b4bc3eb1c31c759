/**
 * POST /api/campaigns/{campaignId}/responses — a person answers a campaign's questionnaire (答卷).
 * Primary course:
 *  1. validate the request (the page's response id: a ULID or a UUID);
 *  2. the campaign must be public and take responses now (409 `campaign_window` naming the window — unless this id
 *     was stored before it closed: a retry gets its receipt), and have a questionnaire;
 *  3. the station must be one of the campaign's, and the answers must satisfy the questionnaire (400 naming each
 *     `answers.<questionId>`);
 *  4. count the request against its address (429 past the limit);
 *  5. the response policy: `phone` needs the SMS code sent to that phone (phone-codes.ts), `browser` the id the page
 *     keeps; either becomes a guard key hashed under the server secret, never stored readable;
 *  6. record the response and its counters in one conditional transaction (with the guard under a policy): a retry
 *     with the same id answers 200 with the first receipt and counts nothing; another response from the same phone
 *     or browser is 409 `already_responded`;
 *  7. count the person among the participants — on every request, retries too, so a crash between 6 and 7 is healed
 *     by the retry (the count moves once per person whatever happens).
 */
import { responseContributions } from '../../domain/campaign/aggregate';
import { isAccepting, requireAccepting } from '../../domain/campaign/lifecycle';
import { judgePhoneCode, phoneCodeHash, type PhoneCodeVerdict } from '../../domain/campaign/phone-code';
import { respondentKey } from '../../domain/campaign/respondent';
import { responseRequestSchema, type CampaignResponse } from '../../domain/campaign/response';
import { responseLimits } from '../../domain/campaign/response-limits';
import { NotFoundError, RateLimitedError, ValidationError, type FieldProblems } from '../../domain/errors';
import type { Locale } from '../../domain/i18n/messages';
import { officeDay } from '../../domain/office-day';
import { checkAnswers } from '../../domain/questionnaire/answers';
import type { Answers } from '../../domain/questionnaire/questionnaire';
import { parseOrThrow } from '../../domain/validation';
import type { CampaignStore, Clock, PhoneCodeStore, RateLimiter, ResponseStore } from '../../ports';
import { publicCampaignOrThrow } from './public-campaign';

/** 201 (or 200 for a retry of a stored response). */
export interface ResponseReceipt {
  responseId: string;
  receivedAt: string;
}

export interface SubmitResponseDeps {
  campaigns: Pick<CampaignStore, 'get'>;
  responses: ResponseStore;
  phoneCodes: PhoneCodeStore;
  rateLimiter: RateLimiter;
  clock: Clock;
  /** The server secret respondents are hashed under (respondent.ts). */
  secret: () => Promise<string>;
}

export interface SubmitResponseCommand {
  orgId: string;
  campaignId: string;
  body: unknown;
  /** The client's address (the viewer's, behind CloudFront). */
  sourceIp?: string;
  locale: Locale;
}

const verdictRules: Record<Exclude<PhoneCodeVerdict, 'ok'>, string> = {
  missing: 'phoneCodeExpired',
  expired: 'phoneCodeExpired',
  tooManyAttempts: 'phoneCodeAttempts',
  wrong: 'phoneCodeWrong',
};

export async function submitResponse(deps: SubmitResponseDeps, command: SubmitResponseCommand): Promise<{ status: 201 | 200; body: ResponseReceipt }> {
  const request = parseOrThrow(responseRequestSchema, command.body);
  const { orgId, campaignId } = command;
  const campaign = await publicCampaignOrThrow(deps.campaigns, orgId, campaignId);
  const now = deps.clock.now();
  // A retry of what was stored in time gets its receipt even after the window closed.
  const stored = async () => {
    const found = await deps.responses.get(orgId, campaignId, request.responseId);
    return found ? { status: 200 as const, body: receipt(found) } : undefined;
  };
  if (!isAccepting(campaign, now)) {
    const retry = await stored();
    if (retry) return retry;
    requireAccepting(campaign, now);
  }
  const questionnaire = campaign.questionnaire;
  if (!questionnaire) throw new NotFoundError('error.noQuestionnaire');

  const problems: FieldProblems = {};
  if (request.stationId && !campaign.stations.some((s) => s.id === request.stationId)) problems.stationId = { rule: 'unknownStation' };
  let answers: Answers = {};
  try {
    answers = checkAnswers(questionnaire, request.answers);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(problems, error.fields);
  }
  if (campaign.responsePolicy === 'phone') {
    if (!request.phone) problems.phone = { rule: 'required' };
    if (!request.phoneCode) problems.phoneCode = { rule: 'required' };
  }
  if (campaign.responsePolicy === 'browser' && !request.browserId) problems.browserId = { rule: 'required' };
  if (Object.keys(problems).length) throw new ValidationError(problems);

  if (command.sourceIp) {
    const verdict = await deps.rateLimiter.hitAll(`response#${orgId}#ip#${command.sourceIp}`, responseLimits.perAddress, now);
    if (!verdict.allowed) throw new RateLimitedError('error.responsesRateLimited', { seconds: verdict.retryAfterSeconds });
  }

  const secret = await deps.secret();
  const phoneKey = request.phone ? respondentKey(secret, orgId, campaignId, 'phone', request.phone) : undefined;
  const browserKey = request.browserId ? respondentKey(secret, orgId, campaignId, 'browser', request.browserId) : undefined;
  let guardKey: string | undefined;
  if (campaign.responsePolicy === 'phone') {
    const code = await deps.phoneCodes.get(orgId, campaignId, phoneKey!);
    const verdict = judgePhoneCode(code, phoneCodeHash(secret, orgId, campaignId, request.phone!, request.phoneCode!), now);
    if (verdict !== 'ok') {
      // The code of a response stored already may have expired by the time the page retries.
      const retry = await stored();
      if (retry) return retry;
      if (verdict === 'wrong') await deps.phoneCodes.countAttempt(orgId, campaignId, phoneKey!);
      throw new ValidationError({ phoneCode: { rule: verdictRules[verdict] } });
    }
    guardKey = phoneKey;
  } else if (campaign.responsePolicy === 'browser') {
    guardKey = browserKey;
  }

  const response: CampaignResponse = {
    orgId,
    campaignId,
    id: request.responseId,
    receivedAt: now.toISOString(),
    answers,
    ...(request.stationId ? { stationId: request.stationId } : {}),
    locale: request.locale ?? command.locale,
  };
  const contributions = responseContributions(questionnaire, answers, { day: officeDay(now), ...(request.stationId ? { stationId: request.stationId } : {}) });
  const outcome = await deps.responses.record({ response, contributions, ...(guardKey ? { guardKey } : {}) });
  // A person by the verified phone, else by the browser; an anonymous respondent (no browser id) is one per response.
  const participantKey = (campaign.responsePolicy === 'phone' ? phoneKey : undefined) ?? browserKey ?? `response-${request.responseId}`;
  await deps.responses.countParticipant(orgId, campaignId, participantKey);
  return outcome.outcome === 'recorded' ? { status: 201, body: receipt(response) } : { status: 200, body: receipt(outcome.stored) };
}

function receipt(r: CampaignResponse): ResponseReceipt {
  return { responseId: r.id, receivedAt: r.receivedAt };
}
