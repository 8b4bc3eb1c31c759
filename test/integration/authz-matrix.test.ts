/**
 * The authorization matrix: every staff route of the route table × every role × a person of the target's own
 * department or another × of the target's own organisation or another → the status the product promises.
 *
 * The expectations below are the specification, written out by hand (not derived from the code they check). Each
 * route names which roles may use it and whether the department and organisation of the target matter. A route
 * in shared/http/routes.ts without an entry here fails the test, so a new route cannot ship without saying who
 * may use it.
 *
 * Writes are sent with a body no route accepts ({"matrixProbe": true}): where the person may act the answer is a
 * 400 naming the field (or a 409 when the target's state does not allow the action) — authorization is checked
 * before the body — so the matrix changes nothing it probes.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffProfileItems } from '../../shared/aws/dynamo-directory';
import { hashPassword } from '../../shared/aws/dev-password';
import { staffRoles } from '../../shared/domain/staff/staff';
import type { StaffRole } from '../../shared/http/api-types';
import { routeKey, routes } from '../../shared/http/routes';
import { keys } from '../../shared/model/table';
import { startTestStack, submitForScreening, type TestStack } from './harness';

type Role = StaffRole;
interface Who {
  role: Role;
  /** The target suggestion is led by the transport department of the demo organisation. */
  sameDepartment: boolean;
  sameOrganisation: boolean;
}
/** 'ok': the person may use the route (2xx, or 400/409 for a probe body / a state that does not allow it). */
type Expected = 'ok' | 403 | 404;

const everyone: readonly Role[] = staffRoles;
const roles = (...allowed: Role[]) => (who: Who): Expected => (allowed.includes(who.role) ? 'ok' : 403);

/** Org-level routes: what a person of another organisation gets is their own organisation's (checked for leaks). */
const orgLevel = (...allowed: Role[]) => roles(...allowed);

/** A route on one suggestion: another organisation's is not found; a handler sees only its department's. */
function onSuggestion(...allowed: Role[]) {
  return (who: Who): Expected => {
    if (!who.sameOrganisation) return 404;
    if (who.role === 'handler' && !who.sameDepartment) return 403;
    return allowed.includes(who.role) ? 'ok' : 403;
  };
}

/** A handling action only the lead department's handler takes. */
const leadHandler = onSuggestion('handler');

const expectations: Record<string, (who: Who) => Expected> = {
  'GET /api/staff/me': orgLevel(...everyone),
  'GET /api/staff/departments': orgLevel(...everyone),
  'GET /api/staff/stats': orgLevel(...everyone),
  'GET /api/staff/audit': orgLevel('admin', 'supervisor'),
  // The dashboard: the office's roles read the organisation's, a handler their own department's (never 403 for
  // another department: the scope follows from the profile, not from the target).
  // Issue 12: staff entry and callbacks — the hotline's operator enters calls and reads no rates.
  'GET /api/staff/dashboard': orgLevel(...everyone.filter((r) => r !== 'operator')),
  'PUT /api/staff/rates/ranking-settings': orgLevel('admin'),
  'POST /api/staff/rates/recompute': orgLevel('admin'),
  // The queue filtered to the target's department: a handler of another department may not ask for it.
  'GET /api/staff/suggestions': (who) => (who.role === 'handler' && !who.sameDepartment ? 403 : 'ok'),
  'GET /api/staff/suggestions/{id}': onSuggestion(...everyone),
  // Only roles that need to reach citizens may reveal; the role is checked before the suggestion is looked up.
  'POST /api/staff/suggestions/{id}/contact-reveal': (who) => (['admin', 'dispatcher', 'handler'].includes(who.role) ? onSuggestion(...everyone)(who) : 403),
  'POST /api/staff/suggestions/{id}/screen': onSuggestion('admin', 'dispatcher'),
  'POST /api/staff/suggestions/{id}/sign': leadHandler,
  'POST /api/staff/suggestions/{id}/sendBack': leadHandler,
  'POST /api/staff/suggestions/{id}/requestInfo': leadHandler,
  'POST /api/staff/suggestions/{id}/requestExtension': leadHandler,
  'POST /api/staff/suggestions/{id}/decideExtension': onSuggestion('admin', 'dispatcher'),
  // A co-handling department's opinion: the lead department may not give one, and the target has no co-handler.
  'POST /api/staff/suggestions/{id}/cohandlerOpinion': (who) => (who.sameOrganisation ? 403 : 404),
  'POST /api/staff/suggestions/{id}/reply': leadHandler,
  'POST /api/staff/suggestions/{id}/progressNote': leadHandler,
  'POST /api/staff/suggestions/{id}/instruct': onSuggestion('admin', 'supervisor'),
  'POST /api/staff/suggestions/{id}/resumeWorkflow': onSuggestion('admin'),
  'GET /api/staff/workflows/parked': orgLevel('admin'),
  'POST /api/staff/workflows/resume-parked': orgLevel('admin'),
  'GET /api/staff/escalations': orgLevel('admin', 'supervisor', 'dispatcher'),
  'GET /api/staff/reply-templates': orgLevel('admin', 'dispatcher', 'handler', 'supervisor'),
  'POST /api/staff/reply-templates': orgLevel('admin', 'dispatcher', 'handler'),
  'GET /api/staff/notifications/failed': orgLevel('admin'),
  // No such failed notification: an admin is told so (404), anyone else may not ask (403).
  'POST /api/staff/notifications/failed/{id}/retry': (who) => (who.role === 'admin' ? 404 : 403),
  'POST /api/staff/notifications/failed/{id}/recipient-reveal': (who) => (who.role === 'admin' ? 404 : 403),
  'GET /api/staff/calendar-overrides': orgLevel('admin', 'dispatcher', 'supervisor'),
  'PUT /api/staff/calendar-overrides': orgLevel('admin'),
  'POST /api/staff/calendar-overrides/preview': orgLevel('admin'),
  'POST /api/staff/calendar-overrides/import': orgLevel('admin'),
  'GET /api/staff/people': orgLevel('admin'),
  'PUT /api/staff/people/{username}': orgLevel('admin'),
  'PUT /api/staff/departments/{departmentId}': orgLevel('admin'),
  'GET /api/staff/time-limits': orgLevel('admin', 'dispatcher', 'supervisor', 'organizer'),
  'PUT /api/staff/time-limits': orgLevel('admin'),
  'GET /api/staff/campaigns/{campaignId}/time-limits': orgLevel('admin', 'organizer', 'dispatcher', 'supervisor'),
  'PUT /api/staff/campaigns/{campaignId}/time-limits': orgLevel('admin', 'organizer'),
  // Adoption records (issue 10, point 4): the office, the supervisor and the lead department record and keep up an
  // adoption; only the office and the supervisor mark the case library. (The signed target answers 409 to them.)
  'POST /api/staff/suggestions/{id}/adopt': onSuggestion('admin', 'dispatcher', 'supervisor', 'handler'),
  'POST /api/staff/suggestions/{id}/adoptionProgress': onSuggestion('admin', 'dispatcher', 'supervisor', 'handler'),
  'POST /api/staff/suggestions/{id}/correctAdoption': onSuggestion('admin', 'dispatcher', 'supervisor', 'handler'),
  'POST /api/staff/suggestions/{id}/featureIdea': onSuggestion('admin', 'dispatcher', 'supervisor'),
  'POST /api/staff/suggestions/{id}/unfeatureIdea': onSuggestion('admin', 'dispatcher', 'supervisor'),
  // Hot topics and barometer: the organisation's counts; a handler (one department) and an organiser get 403.
  'GET /api/staff/topics': orgLevel('admin', 'dispatcher', 'supervisor', 'viewer'),
  // Exports and bulletins (issue 10, point 5). Anyone who sees the queue may export it (scoped as the queue is);
  // an export is its owner's alone: the probe's id is nobody's export (404 for all). Every role reads bulletins;
  // only admins and supervisors generate one (the role is checked before the body).
  'POST /api/staff/exports': orgLevel(...everyone),
  'GET /api/staff/exports': orgLevel(...everyone),
  'GET /api/staff/exports/{id}/download': () => 404,
  'GET /api/staff/bulletins': orgLevel(...everyone),
  'POST /api/staff/bulletins': orgLevel('admin', 'supervisor'),
  // Without ?format= every role gets the 400 naming it (the bulletin is looked up after).
  'GET /api/staff/bulletins/{id}/download': orgLevel(...everyone),
  // Campaigns (issue 11): media. The role is checked before the campaign is looked up: the probe's campaign does
  // not exist, so whoever may use the route is told so (404); the poster and the close report are the office's
  // (not a department's handler), the cover is the organizer's and the admin's.
  // Issue 12: staff entry and callbacks — nor the hotline's operator.
  'GET /api/staff/campaigns/{campaignId}/poster': (who) => (who.role === 'handler' || who.role === 'operator' ? 403 : 404),
  'PUT /api/staff/campaigns/{campaignId}/cover': (who) => (['admin', 'organizer'].includes(who.role) ? 404 : 403),
  'POST /api/staff/campaigns/{campaignId}/report': (who) => (who.role === 'handler' || who.role === 'operator' ? 403 : 404),
  // Campaigns (issue 11): every staff member reads them (a handler too: its department may be a target); only
  // organizers and admins write, checked before the body (whose probe field is named) and before the lookup.
  'GET /api/staff/campaigns': orgLevel(...everyone),
  'POST /api/staff/campaigns': orgLevel('admin', 'organizer'),
  'GET /api/staff/campaigns/{campaignId}': () => 404,
  'PUT /api/staff/campaigns/{campaignId}': orgLevel('admin', 'organizer'),
  'POST /api/staff/campaigns/{campaignId}/state': orgLevel('admin', 'organizer'),
  // Campaigns (issue 11): responses. The office's roles that read results (not a dispatcher, not a department's
  // handler); the probe's campaign does not exist.
  'GET /api/staff/campaigns/{campaignId}/figures': (who) => (['admin', 'organizer', 'supervisor', 'viewer'].includes(who.role) ? 404 : 403),
  'GET /api/staff/campaigns/{campaignId}/responses': (who) => (['admin', 'organizer', 'supervisor', 'viewer'].includes(who.role) ? 404 : 403),
  'POST /api/staff/campaigns/{campaignId}/exports': (who) => (['admin', 'organizer', 'supervisor', 'viewer'].includes(who.role) ? 404 : 403),
  // Issue 12: staff entry and callbacks — 代录 by the hotline's operators and the office (the probe body is a 400).
  'POST /api/staff/entries': orgLevel('operator', 'dispatcher', 'admin'),
  // Issue 12: integrations and Open311. Admins only, the role checked before the body and the lookup (the probe's
  // id is a suggestion's, no integration's: 404 to an admin).
  'GET /api/staff/integrations': orgLevel('admin'),
  'POST /api/staff/integrations': orgLevel('admin'),
  'PUT /api/staff/integrations/{id}': orgLevel('admin'),
  'POST /api/staff/integrations/{id}/revoke': (who) => (who.role === 'admin' ? 404 : 403),
  // Issue 12: bulk import — the admin and the dispatchers; the role is checked before the import is looked up
  // (the probe's id is a suggestion's: no such import, 404) and before the body.
  'POST /api/staff/imports': orgLevel('admin', 'dispatcher'),
  'GET /api/staff/imports': orgLevel('admin', 'dispatcher'),
  'GET /api/staff/imports/{id}': (who) => (['admin', 'dispatcher'].includes(who.role) ? 404 : 403),
  'POST /api/staff/imports/{id}/preview': (who) => (['admin', 'dispatcher'].includes(who.role) ? 404 : 403),
  'POST /api/staff/imports/{id}/start': (who) => (['admin', 'dispatcher'].includes(who.role) ? 404 : 403),
  'POST /api/staff/imports/{id}/resume': (who) => (['admin', 'dispatcher'].includes(who.role) ? 404 : 403),
  'GET /api/staff/imports/{id}/report': (who) => (['admin', 'dispatcher'].includes(who.role) ? 404 : 403),
  'GET /api/staff/import-mappings': orgLevel('admin', 'dispatcher'),
  'PUT /api/staff/import-mappings': orgLevel('admin', 'dispatcher'),
};
// Issue 12: bulk import — routes whose body is a file, not JSON: their 400 names the file's problem, not the probe.
const fileBodyRoutes = new Set(['POST /api/staff/imports']);

const otherOrg = 'matrix-other';
const staffRoutes = routes.filter((r) => r.auth === 'staff');
const people: (Who & { username: string })[] = [];
for (const role of staffRoles) {
  for (const sameDepartment of [true, false]) {
    for (const sameOrganisation of [true, false]) {
      people.push({ role, sameDepartment, sameOrganisation, username: `mx-${role}-${sameDepartment ? 'own' : 'oth'}-${sameOrganisation ? 'org' : 'xorg'}` });
    }
  }
}

let t: TestStack;
const tokens = new Map<string, string>();
let target: { id: string; code: string };

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  const db = t.stack.documents;
  const put = (Item: Record<string, unknown>) => db.send(new PutCommand({ TableName: t.stack.tableName, Item }));
  // The other organisation, with departments of the same ids as the demo's (ids are per organisation).
  for (const d of [{ id: 'transport', name: '邻区交通局' }, { id: 'urban-mgmt', name: '邻区城管局' }]) {
    await put({ ...keys.department(otherOrg, d.id), type: 'department', ...d, en: d.id });
  }
  for (const p of people) {
    const orgId = p.sameOrganisation ? 'demo' : otherOrg;
    const profile = { username: p.username, name: p.username, role: p.role, orgId, email: `${p.username}@example.org`, departmentId: p.sameDepartment ? 'transport' : 'urban-mgmt' };
    for (const item of staffProfileItems(profile)) await put(item);
    await put({ ...keys.devLogin(p.username), type: 'devLogin', orgId, passwordHash: hashPassword('not-used-here') });
    tokens.set(p.username, await t.token(p.username));
  }
  // The target: a suggestion of the demo organisation led by its transport department, signed for.
  const dispatcher = await t.token('dispatcher');
  const submitted = await submitForScreening(t, dispatcher);
  const assign = await t.api(`/api/staff/suggestions/${submitted.id}/screen`, {
    method: 'POST',
    token: dispatcher,
    json: { decision: 'assign', category: 'traffic', tier: 'deadline', leadDepartmentId: 'transport' },
  });
  expect(assign.status).toBe(200);
  const sign = await t.api(`/api/staff/suggestions/${submitted.id}/sign`, { method: 'POST', token: await t.token('handler-transport'), json: {} });
  expect(sign.status).toBe(200);
  target = { id: submitted.id, code: submitted.code };
}, 180_000);
afterAll(async () => t?.stop());

function pathFor(path: string): string {
  return path
    .replace('{id}', path.includes('/notifications/failed/') ? '0123456789abcdef0123456789abcdef' : target.id)
    .replace('{username}', 'matrix-probe')
    .replace('{departmentId}', 'matrix-probe')
    .replace('{campaignId}', 'matrix-probe');
}

describe('the authorization matrix', () => {
  it('has an expectation for every staff route, and none for a route that does not exist', () => {
    const keysOfRoutes = staffRoutes.map(routeKey).sort();
    expect(Object.keys(expectations).sort()).toEqual(keysOfRoutes);
  });

  it('answers every route × role × department × organisation as specified, and never leaks another organisation\'s data', async () => {
    const failures: string[] = [];
    let probes = 0;
    const cells = staffRoutes.flatMap((route) => people.map((who) => ({ route, who })));
    const work = [...cells];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let cell = work.shift(); cell; cell = work.shift()) {
          const { route, who } = cell;
          const key = routeKey(route);
          const expected = expectations[key]?.(who);
          if (expected === undefined) continue;
          const suffix = key === 'GET /api/staff/suggestions' ? '?departmentId=transport' : '';
          const r = await t.api(`${pathFor(route.path)}${suffix}`, {
            method: route.method,
            token: tokens.get(who.username)!,
            ...(route.method === 'GET' ? {} : { json: { matrixProbe: true } }),
          });
          probes++;
          const ok = expected === 'ok' ? r.status === 200 || r.status === 201 || r.status === 400 || r.status === 409 : r.status === expected;
          const cellName = `${key} as ${who.username}: expected ${expected}, got ${r.status} ${JSON.stringify(r.body?.error ?? '')}`;
          if (!ok) failures.push(cellName);
          if (r.status >= 500) failures.push(`${cellName} (server error)`);
          if (r.status === 400 && r.body?.error?.fields && !('matrixProbe' in r.body.error.fields) && route.method !== 'GET' && !fileBodyRoutes.has(key)) {
            // A 400 must be about the probe body, i.e. the person got past authorization to validation.
            failures.push(`${cellName}: 400 not about the probe body`);
          }
          if (!who.sameOrganisation && r.status === 200) {
            const text = JSON.stringify(r.body);
            if (text.includes(target.id) || text.includes(target.code) || text.includes('交通运输局') || text.includes('handler-transport')) {
              failures.push(`${cellName}: another organisation's data leaked`);
            }
          }
        }
      }),
    );
    console.log(`authorization matrix: ${staffRoutes.length} staff routes × ${staffRoles.length} roles × 2 departments × 2 organisations = ${probes} probes`);
    expect(failures).toEqual([]);
    expect(probes).toBe(staffRoutes.length * people.length);
  }, 180_000);
});
