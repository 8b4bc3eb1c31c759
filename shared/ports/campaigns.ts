/**
 * The ports of campaigns (专题征集): the campaign records, and where their figures are read from. Responses to a
 * questionnaire and the sharded counters they add to have their own port (shared/ports/responses.ts).
 */
import type { Campaign } from '../domain/campaign/campaign';
import type { CampaignFigures } from '../domain/campaign/figures';
import type { AuditRecord } from '../domain/staff/audit-record';

export interface CampaignStore {
  get(orgId: string, campaignId: string): Promise<Campaign | undefined>;
  /** Every campaign of the organisation (tens a year: one query). */
  list(orgId: string): Promise<Campaign[]>;
  /** Creates it with its audit record in one transaction; ConflictError `error.campaignIdTaken` when the slug exists. */
  create(campaign: Campaign, audit: AuditRecord): Promise<void>;
  /**
   * Saves it if the stored version is still `expectedVersion` (ConflictError `error.concurrentCampaignUpdate`
   * otherwise), with the audit record of a staff change in the same transaction. The campaign's time limits
   * (another attribute of the same item) are left as they are.
   */
  save(campaign: Campaign, expectedVersion: number, audit: AuditRecord): Promise<void>;
  /** The scheduled clock's save (no one to audit: the campaign's history says `system`), on the version read. */
  saveScheduled(campaign: Campaign, expectedVersion: number): Promise<void>;
}

/** The campaign's live figures, summed from its counters. */
export interface CampaignFiguresSource {
  figures(orgId: string, campaignId: string): Promise<CampaignFigures>;
}
