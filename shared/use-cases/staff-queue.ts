/**
 * Staff work an inbox ordered by deadline.
 * Primary course:
 *  1. validate the filters (status, department, category, date range, page size, cursor);
 *  2. narrow by the principal: a handler always sees only their own department's queue — the suggestions it leads,
 *     or with role=cohandler those it co-handles;
 *  3. read one page from the store (index chosen by the filters) and map rows to queue items;
 *  4. audit the listing with its filters (who looked at which part of the inbox; items are masked).
 */
import * as z from 'zod';
import { ForbiddenError } from '../domain/errors';
import { auditRecord } from '../domain/staff/audit-record';
import { categories } from '../domain/intake/categories';
import type { StaffPrincipal } from '../domain/staff/principal';
import { statuses, type SuggestionStatus } from '../domain/suggestion/suggestion';
import { queueItem } from '../domain/suggestion/views';
import { parseOrThrow } from '../domain/validation';

import type { AuditLog, Clock, QueueQuery, SuggestionStore } from '../ports';
import type { QueueItem } from '../domain/suggestion/view-types';

/**
 * GET /api/staff/suggestions?status=&departmentId=&category=&from=YYYY-MM-DD&to=YYYY-MM-DD&limit=&cursor=
 * Ordered by dueAt ascending; pass nextCursor back as cursor for the next page.
 */
export interface QueueResponse {
  items: QueueItem[];
  nextCursor?: string;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' });

export const queueFilterSchema = z.strictObject({
  status: z.enum(statuses).optional(),
  departmentId: z.string().regex(/^[a-z0-9-]{1,64}$/, { message: 'type' }).optional(),
  /** `lead` (default): suggestions the department leads; `cohandler`: those it co-handles (协办). */
  role: z.enum(['lead', 'cohandler']).default('lead'),
  category: z.enum(categories).optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

/** Dates are office days (Asia/Shanghai); `to` is inclusive. */
function startOfOfficeDay(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
function endOfOfficeDay(date: string): string {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
}

/**
 * The filters a person may apply, narrowed by who they are: a handler always gets their own department (and is
 * refused another's). Shared by the queue and its exports, so an export shows exactly what the queue would.
 */
export function scopedFilters<F extends { departmentId?: string | undefined }>(principal: StaffPrincipal, filters: F): F {
  if (principal.role !== 'handler') return filters;
  if (!principal.departmentId) throw new ForbiddenError('error.departmentForbidden');
  if (filters.departmentId && filters.departmentId !== principal.departmentId) throw new ForbiddenError('error.departmentForbidden');
  return { ...filters, departmentId: principal.departmentId };
}

/** The store's query for (scoped) queue filters: which index follows from these; office days become instants. */
export function queueQueryOf(
  orgId: string,
  filters: { status?: string | undefined; departmentId?: string | undefined; role?: 'lead' | 'cohandler' | undefined; category?: string | undefined; from?: string | undefined; to?: string | undefined },
): Omit<QueueQuery, 'limit' | 'cursor'> {
  const { departmentId } = filters;
  return {
    orgId,
    ...(filters.status ? { status: filters.status as SuggestionStatus } : {}),
    ...(departmentId ? (filters.role === 'cohandler' ? { cohandlerDepartmentId: departmentId } : { departmentId }) : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.from ? { from: startOfOfficeDay(filters.from) } : {}),
    ...(filters.to ? { to: endOfOfficeDay(filters.to) } : {}),
  };
}

export async function listQueue(
  deps: { store: SuggestionStore; clock: Clock; audit: AuditLog },
  principal: StaffPrincipal,
  query: Record<string, string | undefined>,
): Promise<QueueResponse> {
  const filters = scopedFilters(principal, parseOrThrow(queueFilterSchema, query));
  const { departmentId } = filters;
  const page = await deps.store.queue({
    ...queueQueryOf(principal.orgId, filters),
    limit: filters.limit,
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  });
  const now = deps.clock.now();
  const filtersText = Object.entries({ ...filters, departmentId, cursor: filters.cursor ? 'next' : undefined })
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  await deps.audit.record(auditRecord(principal, now.toISOString(), 'viewQueue', undefined, filtersText));
  return { items: page.items.map((s) => queueItem(s, now)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
