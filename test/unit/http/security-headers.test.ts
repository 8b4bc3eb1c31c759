import { describe, expect, it } from 'vitest';
import { cognitoIdpOrigin } from '../../../shared/http/cognito-endpoint';
import { contentSecurityPolicy, securityHeaders } from '../../../shared/http/security-headers';

const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('security headers', () => {
  it('allow the Cognito endpoint the sign-in page calls on AWS, and only there', () => {
    expect(directives(contentSecurityPolicy({ mode: 'aws', region: 'cn-north-1' }))['connect-src']).toEqual(["'self'", cognitoIdpOrigin('cn-north-1')]);
    expect(directives(contentSecurityPolicy({ mode: 'local' }))['connect-src']).toEqual(["'self'"]);
  });

  it('allow nothing inline, no eval, no framing, and nothing the app does not load', () => {
    const csp = directives(contentSecurityPolicy({ mode: 'aws', region: 'us-east-1' }));
    expect(csp).toMatchObject({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    expect(JSON.stringify(csp)).not.toMatch(/unsafe|data:|\*/);
  });

  it('send HSTS for two years with subdomains, nosniff, a strict referrer policy and DENY framing', () => {
    expect(securityHeaders({ mode: 'local' })).toEqual({
      'content-security-policy': contentSecurityPolicy({ mode: 'local' }),
      'strict-transport-security': 'max-age=63072000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
    });
  });
});
