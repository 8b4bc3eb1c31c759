/**
 * Saved column mappings (GET/PUT /api/staff/import-mappings): a mapping made once ("12345 热线") is offered for
 * the next file and picked by itself when the file's header row is the one it was made for.
 */
import * as z from 'zod';
import { categories } from '../../domain/intake/categories';
import { importFields, type ImportMapping } from '../../domain/imports/bulk-import';
import { auditRecord } from '../../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import type { StaffRole } from '../../domain/staff/staff';
import { parseOrThrow } from '../../domain/validation';
import type { Clock } from '../../ports';
import type { ImportStore } from '../../ports/imports';

/** Who imports (issue 12): the admin and the dispatchers, who take in every channel. */
export const importRoles: readonly StaffRole[] = ['admin', 'dispatcher'];

const column = z.string().trim().min(1).max(100);
export const mappingSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  columns: z.partialRecord(z.enum(importFields), column),
  categories: z.record(z.string().max(100), z.enum(categories)).default({}),
  defaultCategory: z.enum(categories),
  header: z.array(z.string().max(200)).max(200).optional(),
});

export function parseMapping(body: unknown): ImportMapping {
  return parseOrThrow(mappingSchema, body) as ImportMapping;
}

/** The saved mapping made for this header, if any. */
export function mappingFor(mappings: readonly ImportMapping[], header: readonly string[]): ImportMapping | undefined {
  return mappings.find((m) => m.header && m.header.length === header.length && m.header.every((h, i) => h === header[i]));
}

export async function listMappings(deps: { imports: ImportStore }, principal: StaffPrincipal): Promise<{ items: ImportMapping[] }> {
  requireRole(principal, importRoles);
  return { items: await deps.imports.mappings(principal.orgId) };
}

export async function saveMapping(deps: { imports: ImportStore; clock: Clock }, principal: StaffPrincipal, body: unknown): Promise<ImportMapping> {
  requireRole(principal, importRoles);
  const mapping = parseMapping(body);
  await deps.imports.saveMapping(principal.orgId, mapping, auditRecord(principal, deps.clock.now().toISOString(), 'saveImportMapping', mapping.name));
  return mapping;
}
