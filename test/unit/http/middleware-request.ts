/** A middy request for calling one API middleware on its own, as middy would. */
import type { Request } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiContext } from '../../../shared/http/api-context';
import { apiEvent } from './api-event';

export type ApiRequestState = Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext>;

export function middlewareRequest(event: APIGatewayProxyEventV2 = apiEvent('GET', '/x'), context: Partial<ApiContext> = {}): ApiRequestState {
  return { event, context: { awsRequestId: 'r1', ...context } as ApiContext, response: null, error: null, internal: {} } as unknown as ApiRequestState;
}
