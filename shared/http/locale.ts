/**
 * Middleware: the caller's language from Accept-Language, by the domain's rule (negotiateLocale: RFC 9110 quality
 * values, the local origin and identity provider use it too), rather than @middy/http-content-negotiation, which
 * throws on a language it cannot serve where this answers in the default one, and would be a second rule.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { negotiateLocale, type Locale } from '../domain/i18n/messages';
import type { ApiMiddleware } from './api-context';

/** Also for an error raised before the headers were normalised: the header is found in any case. */
export function localeOf(event: APIGatewayProxyEventV2): Locale {
  const header = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'accept-language');
  return negotiateLocale(header?.[1]);
}

export function locale(): ApiMiddleware {
  return {
    before: ({ event, context }) => {
      context.locale = localeOf(event);
    },
  };
}
