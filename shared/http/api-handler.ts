/**
 * The middy stack every API function uses, in two layers:
 *   outer: tracing and log context (shared/observability/observed.ts), header normalisation
 *          (@middy/http-header-normalizer), the caller's language (locale.ts), and the error answer
 *          (error-response.ts) — with the deadline, middy's own early timeout;
 *   inner: the request's own work, all of it inside the deadline: the origin check (origin-guard.ts), the staff
 *          token on staff routes (require-staff.ts), the JSON body (json-body.ts), and the route last.
 * The inner stack is the outer one's handler because middy races only its handler against the deadline: the
 * origin secret's first read and the token's account check wait on AWS as much as the route does.
 * Handlers stay thin: they read the request and call one use case.
 */
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { secretFromEnvironment } from '../aws/server-secret';
import { BusyError, DomainError } from '../domain/errors';
import type { Locale } from '../domain/i18n/messages';
import type { StaffPrincipal } from '../domain/staff/principal';
import { log } from '../observability/log';
import { observed } from '../observability/observed';
import type { ApiContext } from './api-context';
import { clientAddress, viewerAddressHeader } from './client-address';
import { errorResponse } from './error-response';
import { jsonBody, type BinaryBodyRoutes } from './json-body';
import { respond, type ApiResult } from './json-response';
import { locale } from './locale';
import { originGuard } from './origin-guard';
import { requireStaff, type Authenticate } from './require-staff';

export { maxBodyBytes } from './json-body';
export type { ApiResult } from './json-response';

export interface ApiRequest {
  event: APIGatewayProxyEventV2;
  locale: Locale;
  /** The parsed JSON object body (undefined when the request had none). */
  body: unknown;
  /** On a route of `binaryBodies`: the bytes received (undefined when none). */
  binaryBody?: Buffer;
  /** The real client's address (the viewer's, behind CloudFront): what per-client limits are keyed by. */
  sourceIp: string;
  header(name: string): string | undefined;
  principal?: StaffPrincipal;
}

export type RouteHandler = (request: ApiRequest) => Promise<ApiResult>;

export interface ApiHandlerOptions {
  /** Verifies the Authorization header and returns the staff member; set for staff routes. */
  authenticate?: Authenticate;
  /** The secret CloudFront adds to every request. @default the container's ORIGIN_SECRET, when configured */
  originSecret?: () => Promise<string>;
  /** Routes that take a file as their body instead of JSON, with their size limits. @default none */
  binaryBodies?: BinaryBodyRoutes;
}

/**
 * How long before the function's own timeout a request still waiting is answered 503 instead. A function that
 * times out is a 500 with nothing said — and, if its write committed meanwhile, a citizen told "error" whose
 * suggestion exists. A 503 says "come back with the same key", and the retry finds the receipt if it was stored.
 */
export const answerMarginMs = 1500;

function answerBusy(): never {
  log.warn('still working near the function timeout; answered 503');
  throw new BusyError(2);
}

/** The suggestion a staff route acts on ({id} under /api/staff/suggestions), for the log and the trace. */
function suggestionIdOf(event: APIGatewayProxyEventV2): string | undefined {
  return event.routeKey?.includes('/api/staff/suggestions/{id}') ? event.pathParameters?.id : undefined;
}

/** The route, given what the middlewares learnt; its result becomes the JSON answer. */
function routeAdapter(route: RouteHandler) {
  return async (event: APIGatewayProxyEventV2, context: ApiContext): Promise<APIGatewayProxyStructuredResultV2> => {
    // Header names are lower case here (http-header-normalizer).
    const header = (name: string) => event.headers?.[name.toLowerCase()];
    const request: ApiRequest = {
      event,
      locale: context.locale!,
      body: context.jsonBody,
      ...(context.binaryBody ? { binaryBody: context.binaryBody } : {}),
      sourceIp: clientAddress(header(viewerAddressHeader), event.requestContext?.http?.sourceIp),
      header,
      ...(context.principal ? { principal: context.principal } : {}),
    };
    return respond(await route(request));
  };
}

export function apiHandler(route: RouteHandler, options: ApiHandlerOptions = {}) {
  // The deadline is the outer stack's alone (0 turns middy's early timeout off here).
  const guarded = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext>({ timeoutEarlyInMillis: 0 })
    .use(originGuard(options.originSecret ?? secretFromEnvironment('ORIGIN_SECRET')))
    .use(options.authenticate ? [requireStaff(options.authenticate)] : [])
    .use(jsonBody(options.binaryBodies))
    .handler(routeAdapter(route));

  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext>({
    timeoutEarlyInMillis: answerMarginMs,
    timeoutEarlyResponse: answerBusy,
  })
    .use(
      observed<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, ApiContext>({
        correlationId: (event) => event.requestContext?.requestId,
        suggestionId: suggestionIdOf,
      }),
    )
    .use(httpHeaderNormalizer())
    .use(locale())
    .use(errorResponse())
    .handler(guarded);
}

/** Dispatches on API Gateway's routeKey ("POST /api/suggestions"); the route table lives in routes.ts. */
export function byRoute(table: Record<string, RouteHandler>): RouteHandler {
  return async (request) => {
    const handler = table[request.event.routeKey];
    if (!handler) throw new DomainError('route_not_found', 404, 'error.routeNotFound', undefined, { path: request.event.rawPath });
    return handler(request);
  };
}
