/**
 * Kept files for staff: exports of the queue (ask, list, download) and bulletins (list, download, generate on
 * demand). The files are written in the background by queue/file-jobs; here only records, jobs and links.
 */
import { auditLog, bulletinStore, exportStore, systemClock } from '../../shared/aws/composition';
import { fileJobQueue } from '../../shared/aws/composition-file-jobs';
import { fileLinks } from '../../shared/aws/composition-file-links';
import { apiHandler, byRoute, type ApiRequest } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { bulletinDownload, listBulletins, requestBulletin } from '../../shared/use-cases/bulletins/staff-bulletins';
import { exportDownload, listExports, requestExport } from '../../shared/use-cases/exports/staff-exports';

const deps = { exports: exportStore(), bulletins: bulletinStore(), jobs: fileJobQueue(), links: fileLinks(), audit: auditLog(), clock: systemClock };
const id = (request: ApiRequest) => request.event.pathParameters?.id ?? '';

export const handler = apiHandler(
  byRoute({
    'POST /api/staff/exports': async (request) => ({ status: 202, body: await requestExport(deps, request.principal!, request.body, request.locale) }),
    'GET /api/staff/exports': async (request) => ({ status: 200, body: await listExports(deps, request.principal!) }),
    'GET /api/staff/exports/{id}/download': async (request) => ({ status: 200, body: await exportDownload(deps, request.principal!, id(request)) }),
    'GET /api/staff/bulletins': async (request) => ({ status: 200, body: await listBulletins(deps, request.principal!) }),
    'POST /api/staff/bulletins': async (request) => ({ status: 202, body: await requestBulletin(deps, request.principal!, request.body) }),
    'GET /api/staff/bulletins/{id}/download': async (request) => ({
      status: 200,
      body: await bulletinDownload(deps, request.principal!, id(request), request.event.queryStringParameters ?? {}, request.locale),
    }),
  }),
  { authenticate: staffAuthenticator() },
);
