import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';
import { routeKey, routes } from '../shared/http/routes';
import { ProjectFunction } from './constructs/project-function';
import { executionsArn } from './function-permissions';
import type { StatefulStack } from './stateful-stack';
import type { StatelessStack } from './stateless-stack';

/**
 * Every cdk-nag (AwsSolutions) finding this app accepts, each on the narrowest construct that raises it and
 * each with the reason it is accepted. Anything not listed here fails `cdk synth`.
 *
 * cdk-nag 3 acknowledges findings one by one (`AwsSolutions-IAM5[Resource::<arn>]`); the ARNs are computed
 * from the same tokens the policies use, so renaming a construct cannot silently widen or break a suppression.
 */

export interface NagSuppression {
  readonly id: string;
  readonly reason: string;
}

const reasons = {
  xray:
    'X-Ray PutTraceSegments/PutTelemetryRecords (added by tracing: ACTIVE) support no resource-level permissions; the resource must be *.',
  smsPublish:
    'The notifier, when SNS sends SMS (-c notifyProvider=sns), publishes to phone numbers: sns:Publish to a phone number has no resource ARN, so its resource must be *; it is granted only then, and only sns:Publish.',
  workflowRole:
    'Step Functions log delivery (logs:CreateLogDelivery etc.) and X-Ray tracing APIs support no resource-level permissions; the resource must be *.',
  lambdaVersions:
    "LambdaInvoke grants invoke on the function ARN and its qualified ARNs (':*', versions/aliases) so a task can call a published version; scoped to one function.",
  publicRoute:
    'Citizen-facing route by design: citizens submit and track suggestions without an account (tracking codes are unguessable, input is validated and the stage is throttled).',
  fallbackRoute:
    'The $default route only answers unknown paths with a JSON 404/405 and touches no data; it must be reachable without a token to say so.',
  pinSecretRotation:
    'The PIN secret only derives the PIN of a submission retried with the same Idempotency-Key within 24 h; it protects no credential, and rotating it would give a retry a PIN that no longer matches the stored hash. Rotate by hand, if ever, when no intake is in flight.',
  originSecretRotation:
    'The origin secret is a header value CloudFront sends to the API; CloudFront takes it at deploy time, so an automatic rotation would refuse every request until the next deploy. Rotate it by redeploying after changing it.',
  sweepExecutions:
    'The workflow sweep looks up executions of the suggestion workflow by name (DescribeExecution), which IAM scopes to the execution ARN: one machine, any execution name (suggestion ids are not known at deploy time).',
  cognitoMfa:
    'MFA is optional (TOTP) so a small office can onboard staff without phones set up; admins can require it per user, and threat protection (Plus plan) blocks risky sign-ins.',
  geoRestriction:
    'Citizens of the organisation may submit from anywhere, including abroad; no country is excluded by default. Add a geo restriction per deployment if policy demands it.',
  defaultCertificate:
    'Served on the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; a custom domain with an ACM certificate and TLSv1.2_2021 is a deploy-time choice.',
  deploymentManagedPolicy:
    "CDK's BucketDeployment provider function is created by aws-cdk-lib with AWSLambdaBasicExecutionRole; its role is not configurable for that policy.",
  deploymentWildcards:
    "CDK's BucketDeployment provider copies the web assets from the CDK asset bucket into the site bucket and invalidates the distribution: object-level wildcards on those two buckets, and CreateInvalidation has no resource-level scope.",
  filesObjects:
    'Exports, bulletins and campaign covers are objects under keys made at run time (an export id, a bulletin revision, an upload id): object actions (PutObject and AbortMultipartUpload to write, GetObject to sign a download link or read a cover) need the bucket\'s objects as resource; granted on this one private bucket only, never on the bucket itself (no listing, no policy).',
  deploymentRuntime:
    "CDK's BucketDeployment provider is a Python function whose runtime aws-cdk-lib pins; it runs only during deployments.",
} as const;

function acknowledge(scope: IConstruct, ...suppressions: NagSuppression[]): void {
  Validations.of(scope).acknowledge(...suppressions);
}

/** The finding id cdk-nag gives a wildcard resource of an IAM policy, computed from the token that makes it. */
function wildcardResource(scope: IConstruct, arn: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(arn))}]`;
}

/** Resources with a wildcard in the inline default policy of a role, flattened the way cdk-nag reports them. */
function wildcardResourcesOf(role: iam.IRole): string[] {
  const policy = role.node.tryFindChild('DefaultPolicy');
  if (!(policy instanceof iam.Policy)) return [];
  const document = Stack.of(role).resolve(policy.document) as { Statement?: { Resource?: unknown }[] };
  const resources = (document.Statement ?? []).flatMap((statement) =>
    Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource],
  );
  return [...new Set(resources.map((resource) => flattenCfnReference(resource)))].filter(
    (flat) => flat.includes('*') && flat !== '*',
  );
}

export function applyNagSuppressions({ stateful, stateless }: { stateful: StatefulStack; stateless: StatelessStack }): void {
  // --- Staff user pool: MFA optional by product decision ---------------------------------------------------
  acknowledge(stateful.userPool, { id: 'AwsSolutions-COG2', reason: reasons.cognitoMfa });
  acknowledge(stateful.pinSecret, { id: 'AwsSolutions-SMG4', reason: reasons.pinSecretRotation });

  // --- Project functions: X-Ray needs Resource * ----------------------------------------------------------
  for (const fn of stateless.node.findAll().filter((c): c is ProjectFunction => c instanceof ProjectFunction)) {
    const reason = fn === stateless.notifier ? `${reasons.xray} ${reasons.smsPublish}` : reasons.xray;
    acknowledge(fn.role!, { id: 'AwsSolutions-IAM5[Resource::*]', reason });
  }

  // --- Suggestion workflow role ---------------------------------------------------------------------------
  const workflowRole = stateless.workflow.stateMachine.role;
  acknowledge(workflowRole, { id: 'AwsSolutions-IAM5[Resource::*]', reason: reasons.workflowRole });
  for (const fn of Object.values(stateless.workflowFunctions)) {
    acknowledge(workflowRole, { id: wildcardResource(fn, `${fn.functionArn}:*`), reason: reasons.lambdaVersions });
  }

  // --- The workflow sweep: DescribeExecution on the machine's executions ------------------------------------
  acknowledge(stateless.workflowSweep.role!, {
    id: wildcardResource(stateless.workflowSweep, executionsArn(stateless.workflow.stateMachine)),
    reason: reasons.sweepExecutions,
  });

  // --- Routes without a staff token: the citizen routes and the fallback ------------------------------------
  for (const route of routes.filter((r) => r.auth === 'public')) {
    acknowledge(stateless.routes[routeKey(route)]!, { id: 'AwsSolutions-APIG4', reason: reasons.publicRoute });
  }
  acknowledge(stateless.routes.$default!, { id: 'AwsSolutions-APIG4', reason: reasons.fallbackRoute });

  acknowledge(stateless.originSecret, { id: 'AwsSolutions-SMG4', reason: reasons.originSecretRotation });

  // --- Web distribution -----------------------------------------------------------------------------------
  acknowledge(
    stateless.distribution,
    { id: 'AwsSolutions-CFR1', reason: reasons.geoRestriction },
    { id: 'AwsSolutions-CFR4', reason: reasons.defaultCertificate },
  );

  // --- CDK's BucketDeployment provider (a singleton function at the stack root) ---------------------------
  const deploymentRole = stateless.siteDeployment.handlerRole;
  acknowledge(
    deploymentRole,
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: reasons.deploymentManagedPolicy,
    },
    ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: reasons.deploymentWildcards,
    })),
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: reasons.deploymentWildcards },
    ...wildcardResourcesOf(deploymentRole).map((resource) => ({
      id: `AwsSolutions-IAM5[Resource::${resource}]`,
      reason: reasons.deploymentWildcards,
    })),
  );
  // --- Exports and bulletins: object actions on the private files bucket (issue 10, point 5) -----------------
  // The bucket is the stateful stack's: the grant names it by the export CDK makes for the reference, which
  // exportValue gives now, by the same name (resolving the bucket's own token here would name the other stack).
  const filesObjects = `${stateful.exportValue(stateful.filesBucket.bucketArn)}/*`;
  for (const fn of [stateless.apiFunctions['staff-files'], stateless.fileJobs]) {
    acknowledge(fn.role!, { id: wildcardResource(fn, filesObjects), reason: reasons.filesObjects });
  }
  // Campaigns (issue 11): media — a campaign's cover image (written by the staff function, read whole by the public
  // one under its key), under keys made at run time as the exports' are.
  for (const fn of [stateless.apiFunctions['staff-campaign-files'], stateless.apiFunctions['campaign-media']]) {
    acknowledge(fn.role!, { id: wildcardResource(fn, filesObjects), reason: reasons.filesObjects });
  }

  // Issue 12: bulk import — the uploaded export and its reports, under keys made at run time.
  acknowledge(stateless.apiFunctions['staff-imports'].role!, { id: wildcardResource(stateless.apiFunctions['staff-imports'], filesObjects), reason: reasons.filesObjects });

  const provider = stateless.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (provider) acknowledge(provider, { id: 'AwsSolutions-L1', reason: reasons.deploymentRuntime });
}
