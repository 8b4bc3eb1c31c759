/**
 * A campaign's cover image: the organizer uploads it (PUT /api/staff/campaigns/{id}/cover, the image's bytes as
 * the body, `?version=` the campaign's version) and the public page shows it (GET /api/campaigns/{id}/cover).
 * Primary course of an upload:
 *  1. only an organizer or an admin (403 otherwise); the campaign in their organisation (404);
 *  2. check the request: the campaign version the page edited (400 `version`), an image (400 `cover`: required,
 *     at most 1 MB, JPEG, PNG or WebP by its own first bytes — whatever the Content-Type says);
 *  3. keep the file under a new key (never over the previous cover: a cached page keeps a consistent image);
 *  4. save the campaign with its `cover` if its version is still the one edited (409 otherwise), with the
 *     audit record, in one transaction; the previous file stays (a cover is small; nothing links to it).
 */
import { Readable } from 'node:stream';
import { ulid } from 'ulid';
import type { Campaign } from '../../domain/campaign/campaign';
import { campaignIdPattern } from '../../domain/campaign/campaign';
import { campaignCoverUrl } from '../../domain/campaign/campaign-links';
import { coverKey, coverLimits, coverTypes, sniffCoverType } from '../../domain/campaign/cover-image';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { auditRecord } from '../../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import type { StaffRole } from '../../domain/staff/staff';
import type { CampaignStore, Clock, FileReader, FileWriter } from '../../ports';
import { publicCampaignOrThrow } from '../campaigns/public-campaign';

/** Who edits a campaign (docs/campaigns.md): its organizers and the admin. */
export const campaignEditRoles: readonly StaffRole[] = ['admin', 'organizer'];

export interface CoverUploadDeps {
  campaigns: Pick<CampaignStore, 'get' | 'save'>;
  files: FileWriter;
  clock: Clock;
}

export interface CoverUploaded {
  id: string;
  version: number;
  cover: { contentType: string };
  coverUrl: string;
}

function versionOf(value: string | undefined): number {
  if (value === undefined || value === '') throw new ValidationError({ version: { rule: 'required' } });
  if (!/^\d{1,9}$/.test(value)) throw new ValidationError({ version: { rule: 'type', params: { expected: 'integer' } } });
  return Number(value);
}

export async function uploadCover(
  deps: CoverUploadDeps,
  principal: StaffPrincipal,
  campaignId: string,
  request: { body: Buffer | undefined; query: Record<string, string | undefined> },
): Promise<CoverUploaded> {
  requireRole(principal, campaignEditRoles);
  const campaign = campaignIdPattern.test(campaignId) ? await deps.campaigns.get(principal.orgId, campaignId) : undefined;
  if (!campaign) throw new NotFoundError('error.campaignNotFound');
  const version = versionOf(request.query.version);
  const body = request.body;
  if (!body || body.byteLength === 0) throw new ValidationError({ cover: { rule: 'required' } });
  if (body.byteLength > coverLimits.maxBytes) throw new ValidationError({ cover: { rule: 'fileTooLarge', params: { max: '1 MB' } } });
  const contentType = sniffCoverType(body);
  if (!contentType) throw new ValidationError({ cover: { rule: 'imageType', params: { options: coverTypes.map((t) => t.replace('image/', '').toUpperCase()).join(', ') } } });

  const now = deps.clock.now();
  const at = now.toISOString();
  const key = coverKey(principal.orgId, campaign.id, ulid(now.getTime()), contentType);
  await deps.files.write(key, Readable.from([body]), contentType);
  const next: Campaign = { ...campaign, cover: { key, contentType }, updatedAt: at, version: version + 1 };
  // The stored version decides (409 when someone saved meanwhile), not the one read above.
  await deps.campaigns.save(next, version, auditRecord(principal, at, 'campaignCover', campaign.id, `type=${contentType} bytes=${body.byteLength}`));
  return { id: campaign.id, version: next.version, cover: { contentType }, coverUrl: campaignCoverUrl(next)! };
}

/** The public cover of a public campaign (404 when it has none, or the campaign is unknown or a draft). */
export async function coverImage(
  deps: { campaigns: Pick<CampaignStore, 'get'>; files: FileReader },
  orgId: string,
  campaignId: string,
): Promise<{ contentType: string; body: Buffer }> {
  const campaign = await publicCampaignOrThrow(deps.campaigns, orgId, campaignId);
  const file = campaign.cover ? await deps.files.read(campaign.cover.key) : undefined;
  if (!campaign.cover || !file) throw new NotFoundError('error.coverNotFound');
  return { contentType: campaign.cover.contentType, body: file.body };
}
