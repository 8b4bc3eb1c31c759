/**
 * 批量导入 for staff (issue 12): upload (POST /api/staff/imports?system=&fileName=, the file's bytes as the body),
 * the list, an import's state and progress, its preview, start and resume, its report's download link; the saved
 * column mappings (GET/PUT /api/staff/import-mappings). The rows themselves are worked by the file-jobs worker.
 */
import { systemClock } from '../../shared/aws/composition';
import { fileReader } from '../../shared/aws/composition-campaign-media';
import { fileJobQueue } from '../../shared/aws/composition-file-jobs';
import { fileLinks } from '../../shared/aws/composition-file-links';
import { fileWriter } from '../../shared/aws/composition-files';
import { importStore } from '../../shared/aws/composition-imports';
import { importLimits } from '../../shared/domain/imports/bulk-import';
import { apiHandler, byRoute, type ApiRequest } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { listMappings, saveMapping } from '../../shared/use-cases/imports/import-mappings';
import { importReport, importStatus, listImports, previewImport, resumeImport, startImport, uploadImport, type StaffImportDeps } from '../../shared/use-cases/imports/staff-imports';

const deps: StaffImportDeps = { imports: importStore(), files: fileWriter(), reader: fileReader(), links: fileLinks(), jobs: fileJobQueue(), clock: systemClock };
const importId = (request: ApiRequest) => request.event.pathParameters?.id ?? '';

export const handler = apiHandler(
  byRoute({
    'POST /api/staff/imports': async (request) => ({
      status: 201,
      body: await uploadImport(deps, request.principal!, { body: request.binaryBody, query: request.event.queryStringParameters ?? {} }),
    }),
    'GET /api/staff/imports': async (request) => ({ status: 200, body: await listImports(deps, request.principal!) }),
    'GET /api/staff/imports/{id}': async (request) => ({ status: 200, body: await importStatus(deps, request.principal!, importId(request)) }),
    'POST /api/staff/imports/{id}/preview': async (request) => ({ status: 200, body: await previewImport(deps, request.principal!, importId(request), request.body, request.locale) }),
    'POST /api/staff/imports/{id}/start': async (request) => ({ status: 202, body: await startImport(deps, request.principal!, importId(request), request.body) }),
    'POST /api/staff/imports/{id}/resume': async (request) => ({ status: 202, body: await resumeImport(deps, request.principal!, importId(request)) }),
    'GET /api/staff/imports/{id}/report': async (request) => ({ status: 200, body: await importReport(deps, request.principal!, importId(request)) }),
    'GET /api/staff/import-mappings': async (request) => ({ status: 200, body: await listMappings(deps, request.principal!) }),
    'PUT /api/staff/import-mappings': async (request) => ({ status: 200, body: await saveMapping(deps, request.principal!, request.body) }),
  }),
  {
    authenticate: staffAuthenticator(),
    // Past the file's own limit the body is still read and answered 400 naming `file`; past twice that, 413.
    binaryBodies: { 'POST /api/staff/imports': { maxBytes: 2 * importLimits.maxBytes } },
  },
);
