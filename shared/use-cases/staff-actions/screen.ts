/** 筛查: the dispatcher assigns a suggestion in screening (lead and co-handling departments), rejects it, or merges it. */
import * as z from 'zod';
import { ValidationError } from '../../domain/errors';
import { categories } from '../../domain/intake/categories';
import { signDueAt } from '../../domain/suggestion/phase-deadlines';
import { tiers } from '../../domain/suggestion/suggestion';
import { normaliseTrackingCode } from '../../domain/suggestion/tracking-code';
import { commonParams, staffRecipients } from '../notify';
import { departmentNames } from './department-names';
import { departmentId, text } from './fields';
import { staffAction } from './staff-action';

export const screen = staffAction({
  schema: z.discriminatedUnion('decision', [
    z.strictObject({
      decision: z.literal('assign'),
      category: z.enum(categories),
      tier: z.enum(tiers),
      leadDepartmentId: departmentId,
      cohandlerDepartmentIds: z.array(departmentId).max(10).optional(),
      note: text(500).optional(),
    }),
    z.strictObject({ decision: z.literal('reject'), reason: text(500) }),
    z.strictObject({ decision: z.literal('merge'), masterTrackingCode: z.string().max(20), note: text(500).optional() }),
  ]),
  roles: ['admin', 'dispatcher'],
  records: ['assign', 'reject', 'merge'],
  async decide(input, { deps, suggestion: s, now, at, policy: { calendar, limits } }) {
    if (input.decision === 'reject') return { action: 'reject', note: input.reason };
    if (input.decision === 'merge') {
      const code = normaliseTrackingCode(input.masterTrackingCode);
      const master = code ? await deps.store.getByTrackingCode(code) : undefined;
      if (!master || master.orgId !== s.orgId || master.id === s.id || ['rejected', 'merged'].includes(master.status)) {
        throw new ValidationError({ masterTrackingCode: { rule: 'mergeTarget' } });
      }
      return { action: 'merge', note: input.note ?? `→ ${master.trackingCode}`, changes: { mergedInto: master.id } };
    }
    const departments = await deps.directory.departments(s.orgId);
    const known = new Set(departments.map((d) => d.id));
    const unknown = [input.leadDepartmentId, ...(input.cohandlerDepartmentIds ?? [])].find((d) => !known.has(d));
    if (unknown) throw new ValidationError({ [unknown === input.leadDepartmentId ? 'leadDepartmentId' : 'cohandlerDepartmentIds']: { rule: 'unknownDepartment' } });
    return {
      action: 'assign',
      ...(input.note ? { note: input.note } : {}),
      changes: {
        category: input.category,
        tier: input.tier,
        leadDepartmentId: input.leadDepartmentId,
        cohandlerDepartmentIds: (input.cohandlerDepartmentIds ?? []).filter((d) => d !== input.leadDepartmentId),
        dueAt: signDueAt(now, limits, calendar).toISOString(),
        phaseStartedAt: at,
      },
      notify: async (next) => {
        const params = commonParams(next, deps.publicBaseUrl);
        const lead = departmentNames(departments, input.leadDepartmentId);
        return [
          ...(await staffRecipients(deps.directory, next, 'assigned', 'assign', { roles: ['handler'], departmentId: input.leadDepartmentId }, params)),
          ...(next.cohandlerDepartmentIds?.length
            ? await staffRecipients(deps.directory, next, 'cohandlingAssigned', 'assign', { roles: ['handler'], departmentIds: next.cohandlerDepartmentIds }, {
                ...params,
                leadDepartmentName: lead.name,
                leadDepartmentNameEn: lead.en,
              })
            : []),
        ];
      },
    };
  },
});
