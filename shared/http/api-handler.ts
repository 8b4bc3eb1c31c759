/**
 * The middy stack every API function uses: locale negotiation and JSON body parsing first, staff token
 * verification for staff routes, the route handler last, and one error mapper so every failure is a JSON
 * error in the caller's language. Handlers stay thin: they read the request and call one use case.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { BusyError, DomainError } from '../domain/errors';
import { negotiateLocale, type Locale } from '../domain/i18n/messages';
import type { StaffPrincipal } from '../domain/staff/principal';
import { secretFromEnvironment } from '../aws/server-secret';
import { clientAddress, viewerAddressHeader } from './client-address';
import { toErrorResponse } from './errors';
import { createOriginGuard, originHeader } from './origin-guard';

/** JSON bodies here are small (a suggestion is ≤ 5,000 characters); anything far larger is refused early. */
export const maxBodyBytes = 64 * 1024;

export interface ApiRequest {
  event: APIGatewayProxyEventV2;
  locale: Locale;
  /** The parsed JSON object body (undefined when the request had none). */
  body: unknown;
  /** The real client's address (the viewer's, behind CloudFront): what per-client limits are keyed by. */
  sourceIp: string;
  header(name: string): string | undefined;
  principal?: StaffPrincipal;
}

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: ApiRequest) => Promise<ApiResult>;

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

function respond(result: ApiResult): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: result.status,
    headers: { ...baseHeaders, ...result.headers },
    ...(result.body === undefined ? {} : { body: JSON.stringify(result.body) }),
  };
}

function headerOf(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function parseBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > maxBodyBytes) {
    throw new DomainError('payload_too_large', 413, 'error.payloadTooLarge', undefined, { limit: maxBodyBytes });
  }
  const contentType = headerOf(event, 'content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new DomainError('unsupported_media_type', 415, 'error.unsupportedMediaType');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new DomainError('malformed_json', 400, 'error.malformedJson');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DomainError('body_not_object', 400, 'error.bodyNotObject');
  }
  return parsed;
}

export interface ApiHandlerOptions {
  /** Verifies the Authorization header and returns the staff member; set for staff routes. */
  authenticate?: (authorization: string | undefined) => Promise<StaffPrincipal>;
  /** The secret CloudFront adds to every request. @default the container's ORIGIN_SECRET, when configured */
  originSecret?: () => Promise<string>;
}

/**
 * How long before the function's own timeout a request still waiting is answered 503 instead. A function that
 * times out is a 500 with nothing said — and, if its write committed meanwhile, a citizen told "error" whose
 * suggestion exists. A 503 says "come back with the same key", and the retry finds the receipt if it was stored.
 */
export const answerMarginMs = 1500;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BusyError(2)), Math.max(0, ms));
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export function apiHandler(route: RouteHandler, options: ApiHandlerOptions = {}) {
  const requireEdge = createOriginGuard(options.originSecret ?? secretFromEnvironment('ORIGIN_SECRET'));
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>().handler(async (event, context) => {
    const locale = negotiateLocale(headerOf(event, 'accept-language'));
    const remaining = typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : undefined;
    try {
      const work = handle(event, locale);
      return await (remaining ? withDeadline(work, remaining - answerMarginMs) : work);
    } catch (error) {
      const mapped = toErrorResponse(locale, error, context?.awsRequestId);
      return respond({ status: mapped.status, body: mapped.body, headers: { ...mapped.headers, 'content-language': locale } });
    }
  });

  async function handle(event: APIGatewayProxyEventV2, locale: Locale): Promise<APIGatewayProxyStructuredResultV2> {
    // A request that went around CloudFront is refused before anything else.
    await requireEdge(headerOf(event, originHeader));
    // Authenticate before reading the body: an anonymous caller learns nothing about body rules.
    const principal = options.authenticate ? await options.authenticate(headerOf(event, 'authorization')) : undefined;
    const request: ApiRequest = {
      event,
      locale,
      body: parseBody(event),
      sourceIp: clientAddress(headerOf(event, viewerAddressHeader), event.requestContext?.http?.sourceIp),
      header: (name) => headerOf(event, name),
      ...(principal ? { principal } : {}),
    };
    return respond(await route(request));
  }
}

/** Dispatches on API Gateway's routeKey ("POST /api/suggestions"); the route table lives in routes.ts. */
export function byRoute(table: Record<string, RouteHandler>): RouteHandler {
  return async (request) => {
    const handler = table[request.event.routeKey];
    if (!handler) throw new DomainError('route_not_found', 404, 'error.routeNotFound', undefined, { path: request.event.rawPath });
    return handler(request);
  };
}
