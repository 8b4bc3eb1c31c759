/**
 * Middleware: the caller's language from Accept-Language, by the domain's rule (negotiateLocale, which the local
 * origin and identity provider use too), rather than @middy/http-content-negotiation: that one weighs q-values,
 * so `zh;q=0.1, en;q=0.9` would turn an answer that is Chinese today into English.
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
