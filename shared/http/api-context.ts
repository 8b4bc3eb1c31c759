/**
 * What the API middlewares learn about a request, handed on in the Lambda context as middy's own middlewares
 * do (http-content-negotiation's preferredLanguage, the parameter middlewares' values): each sets its field
 * on every request it sees, and the route adapter (api-handler.ts) reads them into the ApiRequest.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { MiddlewareObj } from '@middy/core';
import type { Locale } from '../domain/i18n/messages';
import type { StaffPrincipal } from '../domain/staff/principal';

export interface ApiContext extends Context {
  /** The caller's language (locale.ts); every answer, errors included, is in it. */
  locale?: Locale;
  /** The staff member the token names (require-staff.ts), on staff routes. */
  principal?: StaffPrincipal;
  /** The parsed JSON object body (json-body.ts); undefined when the request had none. */
  jsonBody?: unknown;
  /** The file a binary route received (json-body.ts BinaryBodyRoutes), as bytes. */
  binaryBody?: Buffer;
}

export type ApiMiddleware = MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext>;
