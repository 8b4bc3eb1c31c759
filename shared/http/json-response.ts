/**
 * Every API answer is JSON, never cached, never sniffed — but for the few that are a file (a QR image, a cover):
 * those set `file` with its content type and their own cache headers, and binary bytes travel base64-encoded as
 * API Gateway's payload format 2.0 wants (isBase64Encoded).
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The answer is this file instead of JSON: text as is, bytes base64-encoded. */
  file?: { contentType: string; body: string | Buffer };
}

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function respond(result: ApiResult): APIGatewayProxyStructuredResultV2 {
  if (result.file) {
    const binary = Buffer.isBuffer(result.file.body);
    return {
      statusCode: result.status,
      headers: { ...baseHeaders, ...result.headers, 'content-type': result.file.contentType },
      body: binary ? (result.file.body as Buffer).toString('base64') : (result.file.body as string),
      isBase64Encoded: binary,
    };
  }
  return {
    statusCode: result.status,
    headers: { ...baseHeaders, ...result.headers },
    ...(result.body === undefined ? {} : { body: JSON.stringify(result.body) }),
  };
}
