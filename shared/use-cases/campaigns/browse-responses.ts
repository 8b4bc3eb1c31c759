/**
 * GET /api/staff/campaigns/{campaignId}/responses?question=&q=&cursor=&limit= — the text answers of a campaign's
 * responses, newest first, with a substring search.
 * Primary course:
 *  1. organizer, admin, supervisor or viewer of the campaign's organisation; the question, when named, must be one
 *     of its text questions (every text question otherwise);
 *  2. read the responses newest first from the listing's shards, merged, keeping those whose text answers contain
 *     `q` (case-insensitive), until the page is full or this request's reading budget is spent;
 *  3. audit the view with what was searched, and answer the page with the cursor to go on from.
 *
 * The search is a bounded scan: each request reads at most `scanBudget` responses, so a search that matches little
 * answers a short page with a cursor (and says how many it read) rather than a slow one. Fine for a campaign's
 * thousands to a few hundred thousand responses; at millions, or for ranked full-text search, the responses would
 * be streamed (DynamoDB Streams) into a search index (OpenSearch Serverless) and this would query it instead.
 */
import * as z from 'zod';
import { ValidationError } from '../../domain/errors';
import { questionIdPattern, type Question } from '../../domain/questionnaire/questionnaire';
import { auditRecord } from '../../domain/staff/audit-record';
import type { StaffPrincipal } from '../../domain/staff/principal';
import { parseOrThrow } from '../../domain/validation';
import type { AuditLog, CampaignStore, Clock, ResponseStore } from '../../ports';
import type { CampaignResponse } from '../../domain/campaign/response';
import { readableCampaign } from './staff-campaign-access';

/** Responses read per request at most (over the rounds below). */
export const scanBudget = 2_000;
const perShardRead = 50;

export const browseQuerySchema = z.strictObject({
  question: z.string().regex(questionIdPattern, { message: 'questionIdFormat' }).optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** One text answer of one response. */
export interface TextAnswerItem {
  responseId: string;
  receivedAt: string;
  stationId?: string;
  questionId: string;
  text: string;
}

export interface ResponsesBrowseResponse {
  items: TextAnswerItem[];
  nextCursor?: string;
  /** Responses read for this page (a search that matches little reads its budget and says so). */
  scanned: number;
}

export interface BrowseResponsesDeps {
  campaigns: Pick<CampaignStore, 'get'>;
  responses: Pick<ResponseStore, 'page'>;
  audit: AuditLog;
  clock: Clock;
}

const isText = (q: Question) => q.type === 'shortText' || q.type === 'longText';

export async function browseResponses(
  deps: BrowseResponsesDeps,
  principal: StaffPrincipal,
  campaignId: string,
  query: Record<string, string | undefined>,
): Promise<ResponsesBrowseResponse> {
  const campaign = await readableCampaign(deps.campaigns, principal, campaignId);
  const params = parseOrThrow(browseQuerySchema, query);
  const textQuestions = (campaign.questionnaire?.questions ?? []).filter(isText).map((q) => q.id);
  if (params.question && !textQuestions.includes(params.question)) throw new ValidationError({ question: { rule: 'notTextQuestion' } });
  const asked = params.question ? [params.question] : textQuestions;
  const needle = params.q ? params.q.toLowerCase() : undefined;
  const answersOf = (r: CampaignResponse) =>
    asked.flatMap((questionId) => {
      const text = r.answers[questionId];
      return typeof text === 'string' && (!needle || text.toLowerCase().includes(needle)) ? [{ questionId, text }] : [];
    });

  const found: CampaignResponse[] = [];
  let cursor = params.cursor;
  let scanned = 0;
  // Without a search every response with a text answer matches: one round fills the page.
  while (found.length < params.limit && scanned < scanBudget) {
    let read = 0;
    const page = await deps.responses.page(principal.orgId, campaign.id, {
      order: 'newest',
      ...(cursor ? { cursor } : {}),
      perShard: perShardRead,
      limit: params.limit - found.length,
      where: (r) => {
        read++;
        return answersOf(r).length > 0;
      },
    });
    scanned += read;
    found.push(...page.responses);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  const now = deps.clock.now();
  const detail = [params.question ? `question=${params.question}` : '', params.q ? `q=${params.q}` : ''].filter(Boolean).join(' ');
  await deps.audit.record(auditRecord(principal, now.toISOString(), 'viewCampaignResponses', campaign.id, detail || undefined));
  return {
    items: found.flatMap((r) =>
      answersOf(r).map((a) => ({ responseId: r.id, receivedAt: r.receivedAt, ...(r.stationId ? { stationId: r.stationId } : {}), ...a })),
    ),
    ...(cursor ? { nextCursor: cursor } : {}),
    scanned,
  };
}
