/**
 * The security headers on every response, defined once for both origins: CloudFront adds them with a
 * ResponseHeadersPolicy (infra/constructs/security-headers-policy.ts) and the local origin sets them itself
 * (infra/local/http.ts), so what a browser enforces locally is what it enforces on AWS.
 *
 * The Content-Security-Policy allows only what the web app does: its own scripts, stylesheets and images
 * (vite emits nothing inline, see vite.config.ts), fetches to its own origin (/config.json, /api/*, locally /idp)
 * and, on AWS, the Cognito endpoint the sign-in page calls. Preact writes styles through the DOM (element.style),
 * which style-src does not govern, so style-src needs no 'unsafe-inline' either.
 */
import type { SiteConfig } from './api-types';
import { cognitoIdpOrigin } from './cognito-endpoint';

/** What the CSP depends on: the site's mode, and on AWS the Cognito region (the same object /config.json serves). */
export type SecurityHeadersSite = { mode: 'local' } | Pick<Extract<SiteConfig, { mode: 'aws' }>, 'mode' | 'region'>;

/** Two years, the value HSTS preload lists ask for; subdomains too, so no sibling host is reachable over plain http. */
export const strictTransportSecurity = { maxAgeSeconds: 63_072_000, includeSubdomains: true } as const;
/** Other origins learn only our origin, never a path (a tracking code lives in the hash, which is never sent). */
export const referrerPolicy = 'strict-origin-when-cross-origin';
/** For browsers older than CSP's frame-ancestors. */
export const frameOptions = 'DENY';
export const contentTypeOptions = 'nosniff';

export function contentSecurityPolicy(site: SecurityHeadersSite): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'"],
    ['connect-src', "'self'", ...(site.mode === 'aws' ? [cognitoIdpOrigin(site.region)] : [])],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The headers as sent, by lower-case name. */
export function securityHeaders(site: SecurityHeadersSite): Record<string, string> {
  const hsts = `max-age=${strictTransportSecurity.maxAgeSeconds}${strictTransportSecurity.includeSubdomains ? '; includeSubDomains' : ''}`;
  return {
    'content-security-policy': contentSecurityPolicy(site),
    'strict-transport-security': hsts,
    'x-content-type-options': contentTypeOptions,
    'referrer-policy': referrerPolicy,
    'x-frame-options': frameOptions,
  };
}
