/**
 * The ports of questionnaire responses (答卷): the responses themselves, the campaign's sharded counters they add to
 * (shared/domain/campaign/aggregate.ts), the people counted as participants, the scans of posters, and the SMS codes
 * of the one-response-per-phone policy. DynamoDB: shared/aws/dynamo-response-store.ts, dynamo-phone-code-store.ts.
 */
import type { Counters } from '../domain/campaign/aggregate';
import type { StoredPhoneCode } from '../domain/campaign/phone-code';
import type { CampaignResponse } from '../domain/campaign/response';

export interface RecordResponseInput {
  response: CampaignResponse;
  /** What it adds to the campaign's counters, in the same transaction as the response itself. */
  contributions: Counters;
  /** Under a one-per-person policy: the hashed phone or browser, which may have answered once. */
  guardKey?: string;
}

/**
 * `recorded`: stored now. `duplicate`: a response with this id was stored before (a retry): the stored one, and
 * nothing counted again. Under a policy, a different response from the same person is a ConflictError
 * `already_responded`.
 */
export type RecordResponseOutcome = { outcome: 'recorded' } | { outcome: 'duplicate'; stored: CampaignResponse };

export interface ResponsePage {
  responses: CampaignResponse[];
  /** Where the next page starts; absent on the last. */
  nextCursor?: string;
}

export interface ResponsePageQuery {
  order: 'newest' | 'oldest';
  cursor?: string;
  /** At most this many responses read from each shard of the listing (the page's cost is bounded by it). */
  perShard: number;
  /** At most this many in the page (the next page starts after the last). */
  limit?: number;
  /** Only those it holds for (a search): the others are read, and skipped. */
  where?: (response: CampaignResponse) => boolean;
}

/** Counts people once per campaign (idempotent: a repeat for the same key changes nothing). */
export interface CampaignParticipants {
  countParticipant(orgId: string, campaignId: string, participantKey: string): Promise<void>;
}

export interface ResponseStore extends CampaignParticipants {
  record(input: RecordResponseInput): Promise<RecordResponseOutcome>;
  get(orgId: string, campaignId: string, responseId: string): Promise<CampaignResponse | undefined>;
  /** Counts one opening of the page from a QR code, once per visit id; false when that visit was counted already. */
  recordScan(orgId: string, campaignId: string, visitId: string, contributions: Counters): Promise<boolean>;
  /** A page of the campaign's responses in time order (eventually consistent: the listing is an index). */
  page(orgId: string, campaignId: string, query: ResponsePageQuery): Promise<ResponsePage>;
}

export interface PhoneCodeStore {
  /** The new code replaces any earlier one (its attempts start again). */
  save(orgId: string, campaignId: string, phoneKey: string, code: { codeHash: string; expiresAt: number }): Promise<void>;
  get(orgId: string, campaignId: string, phoneKey: string): Promise<StoredPhoneCode | undefined>;
  /** One more wrong try on the code. */
  countAttempt(orgId: string, campaignId: string, phoneKey: string): Promise<void>;
}

/** What a campaign's suggestion adds to the campaign's counters, in the suggestion's create transaction. */
export interface CampaignContribution {
  campaignId: string;
  /** The id the shard is chosen by (the suggestion's: its retry lands on the same shard). */
  shardKey: string;
  counters: Counters;
}
