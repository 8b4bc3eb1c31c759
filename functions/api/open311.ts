/**
 * Open311 GeoReport v2 at /open311/v2/: discovery, services, service definitions, requests (POST with an
 * integration key as api_key, GET with the spec's filters) and one request, each in JSON and XML by its extension.
 * Errors are the spec's [{code, description}] in the format asked for, never our JSON error shape.
 */
import { directory, orgId as configuredOrgId, publicBaseUrl, rateLimiter as dynamoRateLimiter, suggestionStore, supervision as supervisionStore, systemClock, systemRandomBytes } from '../../shared/aws/composition';
import { campaignStore } from '../../shared/aws/composition-campaigns';
import { integrationStore, open311Requests } from '../../shared/aws/composition-integrations';
import { responseStore } from '../../shared/aws/composition-responses';
import { workflowEngine } from '../../shared/aws/composition-sfn';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import { secretFromEnvironment } from '../../shared/aws/server-secret';
import { DomainError } from '../../shared/domain/errors';
import { contentTypes, serialise, serialiseErrors, type Open311Format } from '../../shared/domain/open311/georeport';
import { screeningDueAt } from '../../shared/domain/suggestion/phase-deadlines';
import { apiHandler, byRoute, type ApiRequest, type ApiResult } from '../../shared/http/api-handler';
import { log } from '../../shared/observability/log';
import { authenticateIntegration } from '../../shared/use-cases/integrations/authenticate-integration';
import { discovery, getRequest, getRequests, Open311Error, postRequest, serviceDefinition, services } from '../../shared/use-cases/integrations/open311';
import { deadlinePolicy } from '../../shared/use-cases/org-calendar';

const orgId = configuredOrgId();
const store = suggestionStore();
const supervision = supervisionStore();
const rateLimiter = dynamoRateLimiter();
const staffDirectory = directory();
const pinSecret = secretFromEnvironment('PIN_SECRET');
if (!pinSecret) throw new Error('PIN_SECRET_ARN (on AWS) or PIN_SECRET_FILE (locally) must be set');
const authDeps = { integrations: integrationStore(), rateLimiter, clock: systemClock, serverSecret: pinSecret };
const submitDeps = {
  store,
  campaigns: campaignStore(),
  rateLimiter,
  workflow: workflowEngine(),
  notifications: notificationQueue(),
  clock: systemClock,
  randomBytes: systemRandomBytes,
  pinSecret,
  screeningDueAt: async (submittedAt: Date, campaignId?: string) => {
    const { calendar, limits } = await deadlinePolicy(supervision, orgId, campaignId);
    return screeningDueAt(submittedAt, limits, calendar);
  },
  publicBaseUrl: publicBaseUrl(),
  log,
  campaignParticipants: responseStore(),
};
const readDeps = {
  store,
  recent: open311Requests(),
  departmentName: async (id: string) => (await staffDirectory.departments(orgId)).find((d) => d.id === id)?.name,
  now: () => systemClock.now(),
};

function answer(format: Open311Format, status: number, root: string, value: unknown, headers: Record<string, string> = {}): ApiResult {
  return { status, headers, file: { contentType: contentTypes[format], body: serialise(format, root, value) } };
}

/** Our errors in the spec's shape: a bad or revoked key is 403 as the spec has it, a busy key 429. */
function specError(format: Open311Format, error: unknown): ApiResult {
  let e: Open311Error;
  if (error instanceof Open311Error) e = error;
  else if (error instanceof DomainError && error.status === 429) e = new Open311Error(429, 'rate limit exceeded for this api_key', Number(error.params?.seconds ?? 60));
  else if (error instanceof DomainError && (error.status === 401 || error.status === 403)) e = new Open311Error(403, 'api_key is missing, invalid, revoked or lacks the submit scope');
  else if (error instanceof DomainError && error.status === 404) e = new Open311Error(404, 'not found');
  else if (error instanceof DomainError && error.status < 500) e = new Open311Error(400, error.messageKey);
  else throw error;
  const headers: Record<string, string> = e.retryAfterSeconds ? { 'retry-after': String(e.retryAfterSeconds) } : {};
  return { status: e.status, headers, file: { contentType: contentTypes[format], body: serialiseErrors(format, [{ code: e.status, description: e.description }]) } };
}

const query = (r: ApiRequest) => new URLSearchParams(r.event.rawQueryString ?? '');

/** {name}.json or {name}.xml: the name and the format, or a 404 in JSON when the extension is neither. */
function named(value: string | undefined): { name: string; format: Open311Format } {
  const match = /^(.+)\.(json|xml)$/.exec(value ?? '');
  if (!match) throw new Open311Error(404, 'unknown format: use .json or .xml');
  return { name: decodeURIComponent(match[1]!), format: match[2] as Open311Format };
}

function both(path: string, handle: (r: ApiRequest, format: Open311Format) => Promise<ApiResult>): Record<string, (r: ApiRequest) => Promise<ApiResult>> {
  const table: Record<string, (r: ApiRequest) => Promise<ApiResult>> = {};
  for (const format of ['json', 'xml'] as const) {
    table[path.replace('{format}', format)] = (r) => handle(r, format).catch((error) => specError(format, error));
  }
  return table;
}

function byName(route: string, handle: (r: ApiRequest, name: string, format: Open311Format) => Promise<ApiResult>) {
  return async (r: ApiRequest): Promise<ApiResult> => {
    let parsed: { name: string; format: Open311Format };
    try {
      parsed = named(r.event.pathParameters?.[route]);
    } catch (error) {
      return specError('json', error);
    }
    return handle(r, parsed.name, parsed.format).catch((error) => specError(parsed.format, error));
  };
}

export const handler = apiHandler(
  byRoute({
    ...both('GET /open311/v2/discovery.{format}', async (_r, f) => answer(f, 200, 'discovery', discovery(publicBaseUrl()))),
    ...both('GET /open311/v2/services.{format}', async (r, f) => answer(f, 200, 'services', services(r.locale))),
    'GET /open311/v2/services/{serviceFile}': byName('serviceFile', async (_r, code, f) => answer(f, 200, 'service_definition', serviceDefinition(code))),
    ...both('POST /open311/v2/requests.{format}', async (r, f) => {
      const form = new URLSearchParams(r.binaryBody?.toString('utf8') ?? '');
      const integration = await authenticateIntegration(authDeps, form.get('api_key') ?? undefined, 'submit');
      return answer(f, 201, 'service_requests', await postRequest(submitDeps, integration, form, r.locale));
    }),
    ...both('GET /open311/v2/requests.{format}', async (r, f) => answer(f, 200, 'service_requests', await getRequests(readDeps, orgId, query(r)))),
    'GET /open311/v2/requests/{requestFile}': byName('requestFile', async (_r, id, f) => answer(f, 200, 'service_requests', await getRequest(readDeps, orgId, id))),
  }),
  {
    binaryBodies: {
      'POST /open311/v2/requests.json': { maxBytes: 64 * 1024 },
      'POST /open311/v2/requests.xml': { maxBytes: 64 * 1024 },
    },
  },
);
