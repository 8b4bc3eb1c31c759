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

import type { AuditLog, Clock, QueueQuery, RateStore, SuggestionStore } from '../ports';
import type { RateGroup } from '../domain/rates/buckets';
import { contributes, measures, type Measure } from '../domain/rates/drill-down';
import { isPeriod, periodRange, summaryKinds, type SummaryKind } from '../domain/rates/periods';
import { mayReadGroup, rateScope } from '../domain/rates/scope';
import { ValidationError, type FieldProblems } from '../domain/errors';
import type { QueueItem } from '../domain/suggestion/view-types';

/**
 * GET /api/staff/suggestions?status=&departmentId=&category=&from=YYYY-MM-DD&to=YYYY-MM-DD&limit=&cursor=
 * Ordered by dueAt ascending; pass nextCursor back as cursor for the next page.
 */
export interface QueueResponse {
  items: QueueItem[];
  nextCursor?: string;
  /** A drill-down's whole count (the number on the dashboard it came from). */
  total?: number;
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
  /** Only those past their deadline now (the overdue board's list). */
  overdue: z.enum(['true']).optional(),
  // Drill-down from a dashboard figure: the suggestions behind count `measure` of `group` in the period.
  measure: z.enum(measures).optional(),
  group: z.string().regex(/^(org|(department|cohandler|campaign|category|channel):[A-Za-z0-9_-]{1,64})$/, { message: 'rateGroup' }).optional(),
  kind: z.enum(summaryKinds).optional(),
  period: z.string().max(10).optional(),
});

const drillDownFields = ['measure', 'group', 'kind', 'period'] as const;
const queueOnlyFields = ['status', 'departmentId', 'category', 'from', 'to', 'overdue'] as const;

function checkDrillDown(filters: z.output<typeof queueFilterSchema>): void {
  if (!drillDownFields.some((f) => filters[f] !== undefined)) return;
  const problems: FieldProblems = {};
  for (const f of drillDownFields) if (filters[f] === undefined) problems[f] = { rule: 'required' };
  if (filters.kind && filters.period && !isPeriod(filters.kind, filters.period)) problems.period = { rule: 'periodFormat' };
  // A figure's list is exactly the figure's: other filters would make it a different number.
  for (const f of queueOnlyFields) if (filters[f] !== undefined) problems[f] = { rule: 'notWithDrillDown' };
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

/** Dates are office days (Asia/Shanghai); `to` is inclusive. */
function startOfOfficeDay(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
function endOfOfficeDay(date: string): string {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
}

type QueueDeps = { store: SuggestionStore; clock: Clock; audit: AuditLog; rates: Pick<RateStore, 'membersIn'> };
type DrillDownFilters = z.output<typeof queueFilterSchema> & { measure: Measure; group: RateGroup; kind: SummaryKind; period: string };

/**
 * The suggestions behind one dashboard figure, newest first: the group's members in the period whose own
 * contribution to the count is not zero (drill-down.ts), so the list's length is the figure. Paged by position.
 */
async function drillDown(deps: QueueDeps, principal: StaffPrincipal, filters: DrillDownFilters): Promise<QueueResponse> {
  if (!mayReadGroup(rateScope(principal), filters.group)) throw new ForbiddenError('error.departmentForbidden');
  const { from, to } = periodRange(filters.kind, filters.period);
  const behind = (await deps.rates.membersIn(principal.orgId, filters.group, from, to))
    .filter((f) => contributes(f, filters.group, filters.measure, from, to))
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id));
  const offset = filters.cursor ? Number.parseInt(filters.cursor, 10) : 0;
  if (!Number.isInteger(offset) || offset < 0 || String(offset) !== filters.cursor && filters.cursor !== undefined) {
    throw new ValidationError({ cursor: { rule: 'badCursor' } });
  }
  const page = behind.slice(offset, offset + filters.limit);
  const suggestions = await Promise.all(page.map((f) => deps.store.get(f.id)));
  const now = deps.clock.now();
  await deps.audit.record(
    auditRecord(principal, now.toISOString(), 'viewQueue', undefined, `measure=${filters.measure} group=${filters.group} ${filters.kind}=${filters.period}${offset ? ' cursor=next' : ''}`),
  );
  return {
    items: suggestions.filter((s) => s !== undefined).map((s) => queueItem(s, now)),
    total: behind.length,
    ...(offset + filters.limit < behind.length ? { nextCursor: String(offset + filters.limit) } : {}),
  };
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
  deps: QueueDeps,
  principal: StaffPrincipal,
  query: Record<string, string | undefined>,
): Promise<QueueResponse> {
  const parsed = parseOrThrow(queueFilterSchema, query);
  checkDrillDown(parsed);
  if (parsed.measure) return drillDown(deps, principal, parsed as DrillDownFilters);
  const filters = scopedFilters(principal, parsed);
  const { departmentId } = filters;
  const page = await deps.store.queue({
    ...queueQueryOf(principal.orgId, filters),
    ...(filters.overdue ? { overdueAt: deps.clock.now().toISOString() } : {}),
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
