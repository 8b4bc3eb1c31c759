/**
 * The HTTP API's route table: defined once, used by the CDK stack to create the API Gateway routes and by the
 * fallback handler to tell an unknown path (404) from a wrong method (405). Each route names the function
 * (functions/api/<fn>.ts) that serves it and whether it needs a staff token.
 */
import { staffActionNames, type StaffActionName } from '../use-cases/staff-actions/names';

/** The route of a staff action: its name as the last segment. */
export function staffActionPath(name: StaffActionName): string {
  return `/api/staff/suggestions/{id}/${name}`;
}

export type FunctionName =
  | 'health'
  | 'public-suggestions'
  | 'citizen-actions'
  | 'staff-suggestions'
  | 'staff-directory'
  | 'staff-actions'
  | 'staff-admin'
  // Hot topics and barometer.
  | 'staff-topics'
  | 'staff-files'
  // Campaigns (专题征集): the public pages, responses to questionnaires, QR codes, posters and the case library,
  // the organizer's campaigns, their responses, figures and files.
  | 'public-campaigns'
  | 'staff-campaigns'
  // Campaigns (issue 11): responses
  | 'campaign-responses'
  | 'staff-responses'
  // Campaigns (issue 11): media
  | 'campaign-media'
  | 'staff-campaign-files'
  // Issue 12: staff entry and callbacks
  | 'staff-entries'
  // Issue 12: integrations and Open311
  | 'staff-integrations'
  | 'integration-suggestions'
  | 'open311'
  // Issue 12: bulk import
  | 'staff-imports';

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path syntax: {name} is one path segment. */
  path: string;
  fn: FunctionName;
  auth: 'public' | 'staff';
}

export const routes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/api/health', fn: 'health', auth: 'public' },
  { method: 'POST', path: '/api/suggestions', fn: 'public-suggestions', auth: 'public' },
  { method: 'GET', path: '/api/suggestions/{trackingCode}', fn: 'public-suggestions', auth: 'public' },
  { method: 'GET', path: '/api/staff/me', fn: 'staff-directory', auth: 'staff' },
  { method: 'GET', path: '/api/staff/departments', fn: 'staff-directory', auth: 'staff' },
  { method: 'GET', path: '/api/staff/stats', fn: 'staff-directory', auth: 'staff' },
  { method: 'GET', path: '/api/staff/audit', fn: 'staff-directory', auth: 'staff' },
  { method: 'GET', path: '/api/staff/suggestions', fn: 'staff-suggestions', auth: 'staff' },
  { method: 'GET', path: '/api/staff/suggestions/{id}', fn: 'staff-suggestions', auth: 'staff' },
  { method: 'POST', path: '/api/staff/suggestions/{id}/contact-reveal', fn: 'staff-suggestions', auth: 'staff' },
  // The rates: the dashboard (its drill-down is the queue route with a measure), the admin's ranking settings and
  // full recompute.
  { method: 'GET', path: '/api/staff/dashboard', fn: 'staff-suggestions', auth: 'staff' },
  { method: 'PUT', path: '/api/staff/rates/ranking-settings', fn: 'staff-admin', auth: 'staff' },
  { method: 'POST', path: '/api/staff/rates/recompute', fn: 'staff-admin', auth: 'staff' },
  // Citizen actions, authorised by tracking code + PIN (header x-tracking-pin).
  { method: 'POST', path: '/api/suggestions/{trackingCode}/info-answer', fn: 'citizen-actions', auth: 'public' },
  { method: 'POST', path: '/api/suggestions/{trackingCode}/rating', fn: 'citizen-actions', auth: 'public' },
  // Staff actions on one suggestion, one route each, from the action table: each checks role, department and
  // current state (409 when it moved on).
  ...staffActionNames.map((name) => ({ method: 'POST' as const, path: staffActionPath(name), fn: 'staff-actions' as const, auth: 'staff' as const })),
  // Workflows parked after an error: the admin's list, and resuming them all in one action.
  { method: 'GET', path: '/api/staff/workflows/parked', fn: 'staff-actions', auth: 'staff' },
  { method: 'POST', path: '/api/staff/workflows/resume-parked', fn: 'staff-actions', auth: 'staff' },
  // Supervisor's board, reply templates, failed notifications, calendar and time limits, the directory (admin).
  { method: 'GET', path: '/api/staff/escalations', fn: 'staff-admin', auth: 'staff' },
  { method: 'GET', path: '/api/staff/reply-templates', fn: 'staff-admin', auth: 'staff' },
  { method: 'POST', path: '/api/staff/reply-templates', fn: 'staff-admin', auth: 'staff' },
  { method: 'GET', path: '/api/staff/notifications/failed', fn: 'staff-admin', auth: 'staff' },
  { method: 'POST', path: '/api/staff/notifications/failed/{id}/retry', fn: 'staff-admin', auth: 'staff' },
  { method: 'POST', path: '/api/staff/notifications/failed/{id}/recipient-reveal', fn: 'staff-admin', auth: 'staff' },
  { method: 'GET', path: '/api/staff/calendar-overrides', fn: 'staff-admin', auth: 'staff' },
  { method: 'PUT', path: '/api/staff/calendar-overrides', fn: 'staff-admin', auth: 'staff' },
  { method: 'POST', path: '/api/staff/calendar-overrides/preview', fn: 'staff-admin', auth: 'staff' },
  { method: 'POST', path: '/api/staff/calendar-overrides/import', fn: 'staff-admin', auth: 'staff' },
  { method: 'GET', path: '/api/staff/people', fn: 'staff-admin', auth: 'staff' },
  { method: 'PUT', path: '/api/staff/people/{username}', fn: 'staff-admin', auth: 'staff' },
  { method: 'PUT', path: '/api/staff/departments/{departmentId}', fn: 'staff-admin', auth: 'staff' },
  { method: 'GET', path: '/api/staff/time-limits', fn: 'staff-admin', auth: 'staff' },
  { method: 'PUT', path: '/api/staff/time-limits', fn: 'staff-admin', auth: 'staff' },
  { method: 'GET', path: '/api/staff/campaigns/{campaignId}/time-limits', fn: 'staff-admin', auth: 'staff' },
  { method: 'PUT', path: '/api/staff/campaigns/{campaignId}/time-limits', fn: 'staff-admin', auth: 'staff' },
  // Hot topics (热度表) and barometer (晴雨表) of a week.
  { method: 'GET', path: '/api/staff/topics', fn: 'staff-topics', auth: 'staff' },
  // Kept files (issue 10, point 5): exports of the queue, written in the background, and bulletins (通报).
  { method: 'POST', path: '/api/staff/exports', fn: 'staff-files', auth: 'staff' },
  { method: 'GET', path: '/api/staff/exports', fn: 'staff-files', auth: 'staff' },
  { method: 'GET', path: '/api/staff/exports/{id}/download', fn: 'staff-files', auth: 'staff' },
  { method: 'GET', path: '/api/staff/bulletins', fn: 'staff-files', auth: 'staff' },
  { method: 'POST', path: '/api/staff/bulletins', fn: 'staff-files', auth: 'staff' },
  { method: 'GET', path: '/api/staff/bulletins/{id}/download', fn: 'staff-files', auth: 'staff' },
  // Campaigns (issue 11). Public: the portal's list and a campaign's page.
  { method: 'GET', path: '/api/campaigns', fn: 'public-campaigns', auth: 'public' },
  { method: 'GET', path: '/api/campaigns/{campaignId}', fn: 'public-campaigns', auth: 'public' },
  // Organizers: campaigns and their lifecycle.
  { method: 'GET', path: '/api/staff/campaigns', fn: 'staff-campaigns', auth: 'staff' },
  { method: 'POST', path: '/api/staff/campaigns', fn: 'staff-campaigns', auth: 'staff' },
  { method: 'GET', path: '/api/staff/campaigns/{campaignId}', fn: 'staff-campaigns', auth: 'staff' },
  { method: 'PUT', path: '/api/staff/campaigns/{campaignId}', fn: 'staff-campaigns', auth: 'staff' },
  { method: 'POST', path: '/api/staff/campaigns/{campaignId}/state', fn: 'staff-campaigns', auth: 'staff' },
  // Campaigns (issue 11): responses — a questionnaire's responses, its SMS codes and poster scans (public); the
  // campaign's figures, its text answers and exports of its responses (staff).
  { method: 'POST', path: '/api/campaigns/{campaignId}/responses', fn: 'campaign-responses', auth: 'public' },
  { method: 'POST', path: '/api/campaigns/{campaignId}/phone-codes', fn: 'campaign-responses', auth: 'public' },
  { method: 'POST', path: '/api/campaigns/{campaignId}/scans', fn: 'campaign-responses', auth: 'public' },
  { method: 'GET', path: '/api/staff/campaigns/{campaignId}/figures', fn: 'staff-responses', auth: 'staff' },
  { method: 'GET', path: '/api/staff/campaigns/{campaignId}/responses', fn: 'staff-responses', auth: 'staff' },
  { method: 'POST', path: '/api/staff/campaigns/{campaignId}/exports', fn: 'staff-responses', auth: 'staff' },
  // Campaigns (issue 11): media — QR codes, cover image, case library (public); cover upload, close report (staff).
  { method: 'GET', path: '/api/campaigns/{campaignId}/qr.svg', fn: 'campaign-media', auth: 'public' },
  { method: 'GET', path: '/api/campaigns/{campaignId}/qr.png', fn: 'campaign-media', auth: 'public' },
  { method: 'GET', path: '/api/campaigns/{campaignId}/cover', fn: 'campaign-media', auth: 'public' },
  { method: 'GET', path: '/api/case-library', fn: 'campaign-media', auth: 'public' },
  { method: 'GET', path: '/api/staff/campaigns/{campaignId}/poster', fn: 'staff-campaign-files', auth: 'staff' },
  { method: 'PUT', path: '/api/staff/campaigns/{campaignId}/cover', fn: 'staff-campaign-files', auth: 'staff' },
  { method: 'POST', path: '/api/staff/campaigns/{campaignId}/report', fn: 'staff-campaign-files', auth: 'staff' },
  // Issue 12: staff entry and callbacks — 代录 on a citizen's behalf.
  { method: 'POST', path: '/api/staff/entries', fn: 'staff-entries', auth: 'staff' },
  // Issue 12: integrations and Open311. The admin's integrations (接入方) and their keys; the integration channel
  // itself is public at the gateway: its handler checks the integration key (scope, state, rate) on each request.
  { method: 'GET', path: '/api/staff/integrations', fn: 'staff-integrations', auth: 'staff' },
  { method: 'POST', path: '/api/staff/integrations', fn: 'staff-integrations', auth: 'staff' },
  { method: 'PUT', path: '/api/staff/integrations/{id}', fn: 'staff-integrations', auth: 'staff' },
  { method: 'POST', path: '/api/staff/integrations/{id}/revoke', fn: 'staff-integrations', auth: 'staff' },
  { method: 'POST', path: '/api/integrations/v1/suggestions', fn: 'integration-suggestions', auth: 'public' },
  { method: 'GET', path: '/api/integrations/v1/suggestions/{trackingCode}', fn: 'integration-suggestions', auth: 'public' },
  // Open311 GeoReport v2, each endpoint in .json and .xml (a path parameter is a whole segment at API Gateway, so the
  // fixed names are one route per format; a service's or request's file name carries its own extension).
  ...(['json', 'xml'] as const).flatMap((format) => [
    { method: 'GET' as const, path: `/open311/v2/discovery.${format}`, fn: 'open311' as const, auth: 'public' as const },
    { method: 'GET' as const, path: `/open311/v2/services.${format}`, fn: 'open311' as const, auth: 'public' as const },
    { method: 'POST' as const, path: `/open311/v2/requests.${format}`, fn: 'open311' as const, auth: 'public' as const },
    { method: 'GET' as const, path: `/open311/v2/requests.${format}`, fn: 'open311' as const, auth: 'public' as const },
  ]),
  { method: 'GET', path: '/open311/v2/services/{serviceFile}', fn: 'open311', auth: 'public' },
  { method: 'GET', path: '/open311/v2/requests/{requestFile}', fn: 'open311', auth: 'public' },
  // Issue 12: bulk import — upload, map, preview, start, resume, progress and the per-row report; saved mappings.
  { method: 'POST', path: '/api/staff/imports', fn: 'staff-imports', auth: 'staff' },
  { method: 'GET', path: '/api/staff/imports', fn: 'staff-imports', auth: 'staff' },
  { method: 'GET', path: '/api/staff/imports/{id}', fn: 'staff-imports', auth: 'staff' },
  { method: 'POST', path: '/api/staff/imports/{id}/preview', fn: 'staff-imports', auth: 'staff' },
  { method: 'POST', path: '/api/staff/imports/{id}/start', fn: 'staff-imports', auth: 'staff' },
  { method: 'POST', path: '/api/staff/imports/{id}/resume', fn: 'staff-imports', auth: 'staff' },
  { method: 'GET', path: '/api/staff/imports/{id}/report', fn: 'staff-imports', auth: 'staff' },
  { method: 'GET', path: '/api/staff/import-mappings', fn: 'staff-imports', auth: 'staff' },
  { method: 'PUT', path: '/api/staff/import-mappings', fn: 'staff-imports', auth: 'staff' },
];

export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

function pathPattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}

const compiled = routes.map((route) => ({ route, pattern: pathPattern(route.path) }));

/** The routes whose path matches, whatever their method: empty means 404, non-empty without the method 405. */
export function routesForPath(path: string): RouteDefinition[] {
  return compiled.filter((c) => c.pattern.test(path)).map((c) => c.route);
}
