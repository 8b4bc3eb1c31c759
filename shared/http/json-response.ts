/** Every API answer is JSON, never cached, never sniffed. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function respond(result: ApiResult): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: result.status,
    headers: { ...baseHeaders, ...result.headers },
    ...(result.body === undefined ? {} : { body: JSON.stringify(result.body) }),
  };
}
