/**
 * Middleware: the request's JSON object body. Our own rather than @middy/http-json-body-parser, which answers
 * malformed JSON with 415 (here: 400 malformed_json), checks the media type of requests without a body, and
 * matches it case-sensitively. The checks run in this order: size (413), media type (415), syntax (400
 * malformed_json), shape (400 body_not_object).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '../domain/errors';
import type { ApiMiddleware } from './api-context';

/** JSON bodies here are small (a suggestion is ≤ 5,000 characters); anything far larger is refused early. */
export const maxBodyBytes = 64 * 1024;

function parseBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > maxBodyBytes) {
    throw new DomainError('payload_too_large', 413, 'error.payloadTooLarge', undefined, { limit: maxBodyBytes });
  }
  if (!/^application\/(.+\+)?json\b/i.test(event.headers?.['content-type'] ?? '')) {
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

/**
 * Routes whose body is a file, not JSON (a campaign's cover image), by route key: the bytes as sent (API Gateway
 * hands a binary body over base64-encoded), up to the route's own limit (413 past it), whatever the media type —
 * the use case tells the file's type by its content.
 */
export type BinaryBodyRoutes = Readonly<Record<string, { readonly maxBytes: number }>>;

function binaryBody(event: APIGatewayProxyEventV2, maxBytes: number): Buffer | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > maxBytes) throw new DomainError('payload_too_large', 413, 'error.payloadTooLarge', undefined, { limit: maxBytes });
  return raw;
}

/** After @middy/http-header-normalizer: it reads the lower-case content-type. */
export function jsonBody(binaryRoutes: BinaryBodyRoutes = {}): ApiMiddleware {
  return {
    before: ({ event, context }) => {
      const binary = Object.hasOwn(binaryRoutes, event.routeKey) ? binaryRoutes[event.routeKey] : undefined;
      if (binary) context.binaryBody = binaryBody(event, binary.maxBytes);
      else context.jsonBody = parseBody(event);
    },
  };
}
