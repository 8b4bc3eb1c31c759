/** Builds API Gateway HTTP API (v2) events for handler tests. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export function apiEvent(
  method: string,
  path: string,
  options: { routeKey?: string; body?: string; headers?: Record<string, string>; pathParameters?: Record<string, string>; query?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: options.routeKey ?? `${method} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: options.routeKey ?? `${method} ${path}`,
      stage: '$default',
      time: '',
      timeEpoch: Date.now(),
    },
  };
}
