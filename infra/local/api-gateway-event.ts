/**
 * API Gateway HTTP API, payload format 2.0, as the functions see it: route selection, the event built from an
 * HTTP request, and the function's result turned back into an HTTP response. Pure functions, so the mapping is
 * unit-tested without a server.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { LocalRoute } from './cdk-template';

export interface IncomingHttpRequest {
  readonly method: string;
  /** Path and query as received (`/api/x?y=1`). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  readonly sourceIp: string;
}

export interface RouteMatch {
  readonly route: LocalRoute;
  readonly pathParameters?: Record<string, string>;
}

interface CompiledRoute {
  readonly route: LocalRoute;
  readonly method: string;
  readonly segments: readonly string[];
  /** API Gateway prefers exact methods over ANY, literal segments over variables, variables over {proxy+}. */
  readonly score: number;
}

function compile(route: LocalRoute): CompiledRoute | undefined {
  if (route.routeKey === '$default') return undefined;
  const [method = '', path = ''] = route.routeKey.split(' ');
  const segments = path.split('/').slice(1);
  const greedy = segments.some((segment) => /^\{\w+\+\}$/.test(segment));
  const literals = segments.filter((segment) => !segment.startsWith('{')).length;
  return { route, method, segments, score: (greedy ? 0 : 1_000_000) + literals * 1000 + segments.length * 10 + (method === 'ANY' ? 0 : 1) };
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const segment = pattern[i]!;
    const greedy = /^\{(\w+)\+\}$/.exec(segment);
    if (greedy) {
      const rest = parts.slice(i);
      if (rest.length === 0 || rest.join('/') === '') return undefined;
      parameters[greedy[1]!] = rest.map(safeDecode).join('/');
      return parameters;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    const variable = /^\{(\w+)\}$/.exec(segment);
    if (variable) {
      if (part === '') return undefined;
      parameters[variable[1]!] = safeDecode(part);
    } else if (segment !== part) return undefined;
  }
  return pattern.length === parts.length ? parameters : undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Builds the route selector for a set of routes; unmatched requests go to `$default` when there is one. */
export function createRouter(routes: readonly LocalRoute[]): (method: string, path: string) => RouteMatch | undefined {
  const compiled = routes
    .map(compile)
    .filter((route): route is CompiledRoute => route !== undefined)
    .sort((a, b) => b.score - a.score);
  const fallback = routes.find((route) => route.routeKey === '$default');
  return (method, path) => {
    const parts = path.split('/').slice(1);
    for (const candidate of compiled) {
      if (candidate.method !== 'ANY' && candidate.method !== method) continue;
      const parameters = matchSegments(candidate.segments, parts);
      if (parameters) return { route: candidate.route, pathParameters: Object.keys(parameters).length ? parameters : undefined };
    }
    return fallback ? { route: fallback } : undefined;
  };
}

const textualContentType = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|[\w.+-]+\+(json|xml))|multipart\/form-data)/i;

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/** `12/Mar/2020:19:03:58 +0000`, the requestContext.time format. */
function requestTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** The v2.0 event API Gateway would send for this request and route. */
export function toHttpApiEvent(
  request: IncomingHttpRequest,
  match: RouteMatch,
  options: { authorizer?: APIGatewayProxyEventV2['requestContext']['authentication'] | Record<string, unknown>; now?: Date } = {},
): APIGatewayProxyEventV2 {
  const now = options.now ?? new Date();
  const questionMark = request.url.indexOf('?');
  const rawPath = questionMark === -1 ? request.url : request.url.slice(0, questionMark);
  const rawQueryString = questionMark === -1 ? '' : request.url.slice(questionMark + 1);

  // Header names are lowercased; repeated headers are joined with commas; cookies move to their own list.
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    const joined = headerValue(value);
    if (joined === undefined) continue;
    if (lower === 'cookie') {
      cookies = joined.split(/;\s*/).filter(Boolean);
      continue;
    }
    headers[lower] = joined;
  }

  let queryStringParameters: Record<string, string> | undefined;
  if (rawQueryString) {
    queryStringParameters = {};
    for (const pair of rawQueryString.split('&')) {
      if (!pair) continue;
      const equals = pair.indexOf('=');
      const key = safeDecode((equals === -1 ? pair : pair.slice(0, equals)).replace(/\+/g, ' '));
      const value = equals === -1 ? '' : safeDecode(pair.slice(equals + 1).replace(/\+/g, ' '));
      queryStringParameters[key] = key in queryStringParameters ? `${queryStringParameters[key]},${value}` : value;
    }
  }

  const hasBody = request.body.length > 0;
  const isText = textualContentType.test(headers['content-type'] ?? '');
  const requestId = randomUUID();
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: match.route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host?.split(':')[0] ?? '127.0.0.1',
      domainPrefix: (headers.host ?? '127').split('.')[0]!,
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: match.route.routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
    },
    ...(match.pathParameters ? { pathParameters: match.pathParameters } : {}),
    ...(hasBody ? { body: isText ? request.body.toString('utf8') : request.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !isText,
  };
  if (options.authorizer) (event.requestContext as unknown as Record<string, unknown>).authorizer = options.authorizer;
  return event;
}

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

function jsonResponse(statusCode: number, body: unknown): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/** What API Gateway answers when the integration fails or returns something it cannot map. */
export const internalServerError = (): HttpResponse => jsonResponse(500, { message: 'Internal Server Error' });

/**
 * Maps a function's result by the v2.0 rules: an object with `statusCode` is a structured response; anything
 * else (an object without statusCode, a string, a number) is a 200 with the value as a JSON body.
 */
export function fromHttpApiResult(result: unknown): HttpResponse {
  const structured =
    result !== null && typeof result === 'object' && !Array.isArray(result) && 'statusCode' in result
      ? (result as APIGatewayProxyStructuredResultV2)
      : undefined;
  if (!structured) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  }
  const statusCode = Number(structured.statusCode);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) return internalServerError();
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
  }
  if (Array.isArray(structured.cookies) && structured.cookies.length) headers['set-cookie'] = structured.cookies.map(String);
  const raw = structured.body === undefined || structured.body === null ? '' : String(structured.body);
  const body = structured.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (body.length > 0 && !headers['content-type']) headers['content-type'] = 'application/json';
  return { statusCode, headers, body };
}
