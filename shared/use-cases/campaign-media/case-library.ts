/**
 * 金点子 / 案例库 (GET /api/case-library?campaign=&category=&cursor=&limit=): the organisation's featured adopted
 * ideas, newest mark first. Primary course:
 *  1. check the query (400 naming the field); a campaign filter must name a public campaign (404: a draft's id
 *     is not confirmed to exist);
 *  2. read one page of featured ideas from the library's index, filtered by campaign and category;
 *  3. show each as the public entry (shared/domain/campaign/case-library.ts): the citizen named only with consent,
 *     a draft campaign never named.
 */
import type { Campaign } from '../../domain/campaign/campaign';
import { caseLibraryEntry, caseLibraryQuerySchema, type CaseLibraryEntry, type CaseLibraryPage } from '../../domain/campaign/case-library';
import { NotFoundError } from '../../domain/errors';
import { parseOrThrow } from '../../domain/validation';
import type { CampaignStore, CaseLibrarySource } from '../../ports';

export interface CaseLibraryDeps {
  library: CaseLibrarySource;
  campaigns: Pick<CampaignStore, 'list'>;
}

export async function listCaseLibrary(deps: CaseLibraryDeps, orgId: string, query: Record<string, string | undefined>): Promise<CaseLibraryPage> {
  const q = parseOrThrow(caseLibraryQuerySchema, withoutEmpty(query));
  const [campaigns, page] = await Promise.all([
    deps.campaigns.list(orgId),
    deps.library.featured(orgId, { ...(q.campaign ? { campaignId: q.campaign } : {}), ...(q.category ? { category: q.category } : {}), ...(q.cursor ? { cursor: q.cursor } : {}), limit: q.limit }),
  ]);
  const byId = new Map<string, Campaign>(campaigns.map((c) => [c.id, c]));
  if (q.campaign && (byId.get(q.campaign)?.state ?? 'draft') === 'draft') throw new NotFoundError('error.campaignNotFound');
  const items = page.items.map((s) => caseLibraryEntry(s, byId)).filter((e): e is CaseLibraryEntry => !!e);
  return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** Every featured idea of one campaign (the close report): a campaign's are tens, read page by page. */
export async function campaignFeaturedIdeas(deps: Pick<CaseLibraryDeps, 'library'>, orgId: string, campaign: Campaign): Promise<CaseLibraryEntry[]> {
  const byId = new Map<string, Campaign>([[campaign.id, campaign]]);
  const out: CaseLibraryEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.library.featured(orgId, { campaignId: campaign.id, limit: 50, ...(cursor ? { cursor } : {}) });
    for (const s of page.items) {
      const entry = caseLibraryEntry(s, byId);
      if (entry) out.push(entry);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** `?campaign=` with nothing after it means no filter. */
function withoutEmpty(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}
