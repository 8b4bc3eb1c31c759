/**
 * The CloudFront response headers policy carrying shared/http/security-headers.ts: the values come from there
 * (the local origin sends the same), this file only maps them to CloudFront's settings. `override: true`
 * everywhere, so no origin — S3 or the API — can weaken them.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import {
  contentSecurityPolicy,
  frameOptions,
  referrerPolicy,
  strictTransportSecurity,
  type SecurityHeadersSite,
} from '../../shared/http/security-headers';

function cloudFrontValue<T extends string>(values: Record<string, T>, value: string): T {
  const found = Object.values(values).find((known) => known === value);
  if (!found) throw new Error(`CloudFront has no setting for "${value}"`);
  return found;
}

export function securityHeadersPolicy(scope: Construct, id: string, site: SecurityHeadersSite): cloudfront.ResponseHeadersPolicy {
  return new cloudfront.ResponseHeadersPolicy(scope, id, {
    comment: 'Jianyi security headers (shared/http/security-headers.ts)',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(site), override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(strictTransportSecurity.maxAgeSeconds),
        includeSubdomains: strictTransportSecurity.includeSubdomains,
        override: true,
      },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: cloudFrontValue(cloudfront.HeadersReferrerPolicy, referrerPolicy), override: true },
      frameOptions: { frameOption: cloudFrontValue(cloudfront.HeadersFrameOption, frameOptions), override: true },
    },
  });
}
