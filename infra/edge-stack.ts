import { Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/**
 * Rate limits at the edge, per client address over a sliding window (AWS WAF evaluates them at CloudFront, before
 * a request costs a Lambda invocation). They sit above the API's own per-client limits
 * (shared/domain/intake/intake-limits.ts: 20 submissions a minute per address), so a citizen never meets them and
 * a script meets them first.
 */
export const edgeRateLimits = {
  /** POST /api/suggestions per address per minute. */
  intake: { limit: 60, windowSeconds: 60 },
  /** Every /api/* request per address per 5 minutes (tracking, staff work, everything). */
  api: { limit: 3000, windowSeconds: 300 },
} as const;

/** The body WAF answers a blocked request with: the API's own error shape, in both languages. */
const rateLimitedBody = JSON.stringify({
  error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试 / Too many requests; try again in a minute' },
});

/**
 * The AWS WAF web ACL in front of the CloudFront distribution. CloudFront's web ACLs must live in us-east-1 whatever
 * region the rest is in, so this is a stack of its own there; the stateless stack takes its ARN through CDK's
 * cross-region references (an SSM parameter written here and read there at deploy time).
 *
 * Rules, in order: AWS's IP reputation list and known-bad-inputs rule group (both cheap and low in false
 * positives), then the rate-based rules above, each answering 429 with the API's JSON error and a Retry-After.
 * AWS's common rule set is left out on purpose: its 8 KB body limit would block a long suggestion in Chinese
 * (5,000 characters are up to 15 KB of UTF-8).
 */
export class EdgeStack extends Stack {
  public readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { account: props.env?.account, region: 'us-east-1' }, crossRegionReferences: true });

    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    const managed = (priority: number, name: string): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: visibility(name),
    });
    const tooMany: wafv2.CfnWebACL.RuleActionProperty = {
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: 'rateLimited',
          responseHeaders: [{ name: 'retry-after', value: '60' }],
        },
      },
    };
    const pathStartsWith = (path: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: path,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `${id}-web-acl`,
      description: 'Jianyi: IP reputation, known bad inputs and per-client rate limits in front of the site and API',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('jianyi-web-acl'),
      customResponseBodies: { rateLimited: { contentType: 'APPLICATION_JSON', content: rateLimitedBody } },
      rules: [
        managed(0, 'AWSManagedRulesAmazonIpReputationList'),
        managed(1, 'AWSManagedRulesKnownBadInputsRuleSet'),
        {
          name: 'IntakePerClient',
          priority: 2,
          action: tooMany,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: edgeRateLimits.intake.limit,
              evaluationWindowSec: edgeRateLimits.intake.windowSeconds,
              scopeDownStatement: {
                andStatement: {
                  statements: [
                    pathStartsWith('/api/suggestions'),
                    {
                      byteMatchStatement: {
                        fieldToMatch: { method: {} },
                        positionalConstraint: 'EXACTLY',
                        searchString: 'POST',
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                  ],
                },
              },
            },
          },
          visibilityConfig: visibility('intake-per-client'),
        },
        {
          name: 'ApiPerClient',
          priority: 3,
          action: tooMany,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: edgeRateLimits.api.limit,
              evaluationWindowSec: edgeRateLimits.api.windowSeconds,
              scopeDownStatement: pathStartsWith('/api/'),
            },
          },
          visibilityConfig: visibility('api-per-client'),
        },
      ],
    });
  }
}
