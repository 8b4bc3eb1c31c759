import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigwv1 from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { exportRunLimitMs } from '../shared/domain/exports/export-record';
import type { Construct } from 'constructs';
import type { SiteConfig } from '../shared/http/api-types';
import { originHeader } from '../shared/http/origin-guard';
import { type FunctionName, routeKey, routes } from '../shared/http/routes';
import { providerChoice } from '../shared/aws/notification-providers';
import { ProjectFunction } from './constructs/project-function';
import { securityHeadersPolicy } from './constructs/security-headers-policy';
import { OperatorAlarms } from './constructs/operator-alarms';
import { SuggestionWorkflow } from './constructs/suggestion-workflow';
import { bindPermissions, type PermissionResources } from './function-permissions';
import { notifierTimeout } from './stateful-stack';

export interface StatelessStackProps extends StackProps {
  readonly table: dynamodb.ITable;
  readonly notificationQueue: sqs.IQueue;
  /** Where notifications go after every retry failed (alarmed on). */
  readonly notificationDeadLetterQueue?: sqs.IQueue;
  readonly userPool: cognito.IUserPool;
  readonly webClient: cognito.IUserPoolClient;
  /** The server secret intake derives keyed submissions' PINs from. */
  readonly pinSecret: secretsmanager.ISecret;
  /** The AWS WAF web ACL (scope CLOUDFRONT, in us-east-1: edge-stack.ts) attached to the distribution. */
  readonly webAclArn: string;
  /** The built web app (web/dist). @default - only config.json is deployed to the site bucket */
  readonly webAssetsPath?: string;
  /** Exports and bulletins (issue 10, point 5): the private files bucket and the background jobs' queue. */
  readonly filesBucket: s3.IBucket;
  readonly fileJobQueue: sqs.IQueue;
  /** Where file jobs go after every retry failed (alarmed on). */
  readonly fileJobDeadLetterQueue?: sqs.IQueue;
}

/**
 * Load shedding on AWS. API Gateway throttles before Lambda does — a throttled request is a 429 the web form retries
 * after Retry-After, while a Lambda throttle would come back as a 500 — so each public route's throttle stays well
 * below its function's reserved concurrency (a request takes well under a second: 20/s needs about 10 at once).
 */
export const stageThrottle = { rateLimit: 50, burstLimit: 100 } as const;
export const routeThrottles: Record<string, { rateLimit: number; burstLimit: number }> = {
  'POST /api/suggestions': { rateLimit: 20, burstLimit: 40 },
  'GET /api/suggestions/{trackingCode}': { rateLimit: 30, burstLimit: 60 },
  'POST /api/suggestions/{trackingCode}/info-answer': { rateLimit: 10, burstLimit: 20 },
  'POST /api/suggestions/{trackingCode}/rating': { rateLimit: 10, burstLimit: 20 },
  // Campaigns (issue 11): responses — answered in bursts when a campaign is announced (40/s is 144,000 an hour;
  // a larger city raises the stage's throttle and these together); scans come with them; SMS codes cost money.
  'POST /api/campaigns/{campaignId}/responses': { rateLimit: 40, burstLimit: 40 },
  'POST /api/campaigns/{campaignId}/phone-codes': { rateLimit: 10, burstLimit: 20 },
  'POST /api/campaigns/{campaignId}/scans': { rateLimit: 40, burstLimit: 80 },
  // Campaigns (issue 11): media — posters' QR images, the cover, the case library.
  'GET /api/campaigns/{campaignId}/qr.svg': { rateLimit: 10, burstLimit: 20 },
  'GET /api/campaigns/{campaignId}/qr.png': { rateLimit: 10, burstLimit: 20 },
  'GET /api/campaigns/{campaignId}/cover': { rateLimit: 20, burstLimit: 40 },
  'GET /api/case-library': { rateLimit: 20, burstLimit: 40 },
};
/** Reserved concurrency of the public functions: a flood on them cannot take the staff functions' capacity. */
export const publicConcurrency = {
  intake: 40,
  citizenActions: 20,
  // Campaigns (issue 11): responses — a response takes well under a second: its route's 40/s needs far fewer.
  responses: 40,
  // Campaigns (issue 11): media
  campaignMedia: 20,
} as const;

/** Functions that serve HTTP routes: the route table's functions plus the `$default` fallback. */
type ApiFunctionName = FunctionName | 'fallback';

/**
 * Code and everything that can be replaced at will: functions, the HTTP API, the suggestion workflow, the
 * schedules and the web hosting. Holds no data of its own (logs aside).
 *
 * PUBLIC_BASE_URL: the distribution depends only on the HTTP API resource (its id gives the origin domain),
 * while routes and integrations depend on the functions, so functions can take the distribution's domain
 * without a cycle: Api <- Distribution <- Functions <- Integrations/Routes.
 */
export class StatelessStack extends Stack {
  public readonly httpApi: apigw.HttpApi;
  public readonly stage: apigw.HttpStage;
  public readonly distribution: cloudfront.Distribution;
  public readonly siteBucket: s3.Bucket;
  public readonly logsBucket: s3.Bucket;
  public readonly workflow: SuggestionWorkflow;
  public readonly apiFunctions: Record<ApiFunctionName, ProjectFunction>;
  public readonly workflowFunctions: Record<'plan' | 'awaitEvent' | 'checkpoint' | 'recordFailure', ProjectFunction>;
  public readonly notifier: ProjectFunction;
  public readonly queueStats: ProjectFunction;
  public readonly updateRates: ProjectFunction;
  public readonly updateTopics: ProjectFunction;
  public readonly campaignClock: ProjectFunction;
  public readonly workflowSweep: ProjectFunction;
  /** The background file work (exports, bulletins) and the bulletins' schedule. */
  public readonly fileJobs: ProjectFunction;
  public readonly bulletinSchedule: ProjectFunction;
  public readonly alarms: OperatorAlarms;
  /** Routes by route key (`GET /api/health`), plus `$default`. */
  public readonly routes: Record<string, apigw.HttpRoute> = {};
  public readonly siteDeployment: s3deploy.BucketDeployment;
  /** The header value CloudFront adds to API requests (shared/http/origin-guard.ts). */
  public readonly originSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);

    const orgId: string = this.node.tryGetContext('orgId') ?? 'demo';
    const jwtIssuer = `https://cognito-idp.${this.region}.amazonaws.com/${props.userPool.userPoolId}`;

    // --- HTTP API (routes come last: they need the functions) --------------------------------------------
    // With a domain of its own (-c apiDomainName=api.example.org -c apiCertificateArn=<ACM, this region>), the
    // default execute-api endpoint is switched off and CloudFront reaches the API by that domain alone. Without
    // one, CloudFront must use execute-api; the origin secret below then refuses whatever goes around CloudFront.
    const apiDomainName: string | undefined = this.node.tryGetContext('apiDomainName') || undefined;
    const apiCertificateArn: string | undefined = this.node.tryGetContext('apiCertificateArn') || undefined;
    if (!!apiDomainName !== !!apiCertificateArn) throw new Error('-c apiDomainName and -c apiCertificateArn go together');
    const apiDomain = apiDomainName
      ? new apigw.DomainName(this, 'ApiDomain', {
          domainName: apiDomainName,
          certificate: acm.Certificate.fromCertificateArn(this, 'ApiCertificate', apiCertificateArn!),
          securityPolicy: apigw.SecurityPolicy.TLS_1_2,
        })
      : undefined;
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Jianyi public and staff API',
      createDefaultStage: false,
      disableExecuteApiEndpoint: !!apiDomain,
    });
    const accessLogs = new logs.LogGroup(this, 'HttpApiAccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
    });
    this.stage = new apigw.HttpStage(this, 'HttpApiStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      ...(apiDomain ? { domainMapping: { domainName: apiDomain } } : {}),
      throttle: { rateLimit: stageThrottle.rateLimit, burstLimit: stageThrottle.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: apigwv1.AccessLogFormat.jsonWithStandardFields(),
      },
    });
    // Per-route throttles for the public routes (the HTTP API L2 stage has only the stage-wide one; RouteSettings is
    // untyped JSON to CloudFormation, hence its own casing).
    (this.stage.node.defaultChild as apigw.CfnStage).routeSettings = Object.fromEntries(
      Object.entries(routeThrottles).map(([key, t]) => [key, { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit }]),
    );

    // --- Web hosting: S3 behind CloudFront, /api/* forwarded to the HTTP API -------------------------------
    this.logsBucket = new s3.Bucket(this, 'LogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are delivered with an ACL grant.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    this.siteBucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'site-bucket/',
    });
    // CloudFront adds this secret to every request it sends to the API; the functions refuse any request without
    // it (shared/http/origin-guard.ts). The template holds only a dynamic reference to the secret.
    this.originSecret = new secretsmanager.Secret(this, 'OriginSecret', {
      description: 'Jianyi: header value CloudFront sends to the API origin, so requests around CloudFront are refused',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const apiOrigin = new origins.HttpOrigin(apiDomain ? apiDomainName! : `${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: { [originHeader]: this.originSecret.secretValue.unsafeUnwrap() },
    });
    // What the web app reads at /config.json; the security headers' CSP allows the Cognito endpoint it names.
    const siteConfig: Extract<SiteConfig, { mode: 'aws' }> = {
      mode: 'aws',
      region: this.region,
      userPoolId: props.userPool.userPoolId,
      userPoolClientId: props.webClient.userPoolClientId,
    };
    const responseHeadersPolicy = securityHeadersPolicy(this, 'SecurityHeaders', siteConfig);
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Jianyi web app and API',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy,
      },
      additionalBehaviors: {
        // Issue 12: Open311 GeoReport v2 is served by the API too, uncached like it.
        '/open311/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy,
        },
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Every viewer header but Host, plus CloudFront's own headers — among them CloudFront-Viewer-Address, the
          // real client address per-client limits are keyed by (shared/http/client-address.ts).
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy,
        },
      },
    });
    const publicBaseUrl = `https://${this.distribution.distributionDomainName}`;

    // --- Functions ------------------------------------------------------------------------------------------
    const commonEnvironment = { ORG_ID: orgId };
    const webEnvironment = { ...commonEnvironment, PUBLIC_BASE_URL: publicBaseUrl };
    const staffEnvironment = { ...webEnvironment, JWT_ISSUER: jwtIssuer, JWT_AUDIENCE: props.webClient.userPoolClientId };

    this.apiFunctions = {
      health: new ProjectFunction(this, 'Health', {
        entry: 'api/health',
        description: 'GET /api/health',
        environment: webEnvironment,
      }),
      'public-suggestions': new ProjectFunction(this, 'PublicSuggestions', {
        entry: 'api/public-suggestions',
        description: 'Citizen intake and tracking',
        environment: webEnvironment,
        reservedConcurrentExecutions: publicConcurrency.intake,
      }),
      'staff-suggestions': new ProjectFunction(this, 'StaffSuggestions', {
        entry: 'api/staff-suggestions',
        description: 'Staff inbox and suggestion handling',
        environment: staffEnvironment,
      }),
      'staff-directory': new ProjectFunction(this, 'StaffDirectory', {
        entry: 'api/staff-directory',
        description: 'Staff profile, departments, stats and audit',
        environment: staffEnvironment,
      }),
      'citizen-actions': new ProjectFunction(this, 'CitizenActions', {
        entry: 'api/citizen-actions',
        description: "Citizen's answer to an information request, and rating",
        environment: webEnvironment,
        reservedConcurrentExecutions: publicConcurrency.citizenActions,
      }),
      'staff-actions': new ProjectFunction(this, 'StaffActions', {
        entry: 'api/staff-actions',
        description: 'Staff actions: screen, sign, send back, info request, extension, reply, escalation',
        environment: staffEnvironment,
      }),
      'staff-admin': new ProjectFunction(this, 'StaffAdmin', {
        entry: 'api/staff-admin',
        description: 'Supervisor board, reply templates, failed notifications, calendar overrides, directory',
        environment: staffEnvironment,
      }),
      'staff-topics': new ProjectFunction(this, 'StaffTopics', {
        entry: 'api/staff-topics',
        description: 'Hot topics and barometer of a week',
        environment: staffEnvironment,
      }),
      'staff-files': new ProjectFunction(this, 'StaffFiles', {
        entry: 'api/staff-files',
        description: 'Exports of the queue and bulletins: ask, list, download links',
        environment: staffEnvironment,
      }),
      // Campaigns (issue 11).
      'public-campaigns': new ProjectFunction(this, 'PublicCampaigns', {
        entry: 'api/public-campaigns',
        description: "The portal's campaigns and a campaign's public page",
        environment: webEnvironment,
      }),
      'staff-campaigns': new ProjectFunction(this, 'StaffCampaigns', {
        entry: 'api/staff-campaigns',
        description: "The organizer's campaigns: list, create, edit, schedule, close, publish",
        environment: staffEnvironment,
      }),
      // Campaigns (issue 11): responses
      'campaign-responses': new ProjectFunction(this, 'CampaignResponses', {
        entry: 'api/campaign-responses',
        description: "A campaign questionnaire's responses, SMS codes and poster scans (public)",
        environment: webEnvironment,
        reservedConcurrentExecutions: publicConcurrency.responses,
      }),
      'staff-responses': new ProjectFunction(this, 'StaffResponses', {
        entry: 'api/staff-responses',
        description: "A campaign's figures, text answers and exports of its responses",
        environment: staffEnvironment,
      }),
      // Campaigns (issue 11): media
      'campaign-media': new ProjectFunction(this, 'CampaignMedia', {
        entry: 'api/campaign-media',
        description: "Campaigns' QR codes and cover images, and the case library (public)",
        environment: webEnvironment,
        reservedConcurrentExecutions: publicConcurrency.campaignMedia,
      }),
      'staff-campaign-files': new ProjectFunction(this, 'StaffCampaignFiles', {
        entry: 'api/staff-campaign-files',
        description: "Campaigns' cover upload and close report (staff)",
        environment: staffEnvironment,
      }),
      // Issue 12: staff entry and callbacks
      'staff-entries': new ProjectFunction(this, 'StaffEntries', {
        entry: 'api/staff-entries',
        description: '代录: staff enter a citizen\'s suggestion from the hotline or offline',
        environment: staffEnvironment,
      }),
      // Issue 12: integrations and Open311
      'staff-integrations': new ProjectFunction(this, 'StaffIntegrations', {
        entry: 'api/staff-integrations',
        description: "The admin's integrations: keys created (shown once), edited, revoked",
        environment: staffEnvironment,
      }),
      'integration-suggestions': new ProjectFunction(this, 'IntegrationSuggestions', {
        entry: 'api/integration-suggestions',
        description: 'The integration channel (mini-program, city app): submit and follow suggestions with a key',
        environment: webEnvironment,
      }),
      open311: new ProjectFunction(this, 'Open311', {
        entry: 'api/open311',
        description: 'Open311 GeoReport v2: discovery, services, requests in JSON and XML',
        environment: webEnvironment,
      }),
      // Issue 12: bulk import
      'staff-imports': new ProjectFunction(this, 'StaffImports', {
        entry: 'api/staff-imports',
        description: 'Bulk import (批量导入): upload, mapping, preview, start, progress and report (staff)',
        // An upload of up to 4 MB is parsed whole to count its rows.
        memorySize: 1024,
        timeout: Duration.seconds(29),
        environment: staffEnvironment,
      }),
      fallback: new ProjectFunction(this, 'Fallback', {
        entry: 'api/fallback',
        description: 'Unknown route (404) or method (405), in JSON',
        environment: webEnvironment,
      }),
    };

    const workflowTimeout = Duration.seconds(20); // below the state machine's 30 s task timeout
    this.workflowFunctions = {
      plan: new ProjectFunction(this, 'WorkflowPlan', {
        entry: 'workflow/plan',
        description: 'Workflow task Plan: what to wait for next',
        timeout: workflowTimeout,
        environment: webEnvironment,
      }),
      awaitEvent: new ProjectFunction(this, 'WorkflowAwaitEvent', {
        entry: 'workflow/await-event',
        description: 'Workflow tasks AwaitEvent and AwaitResume: park the task token with the suggestion',
        timeout: workflowTimeout,
        environment: webEnvironment,
      }),
      checkpoint: new ProjectFunction(this, 'WorkflowCheckpoint', {
        entry: 'workflow/checkpoint',
        description: 'Workflow task Checkpoint: reminder, escalation, overdue reminder or auto-close',
        timeout: workflowTimeout,
        environment: webEnvironment,
      }),
      recordFailure: new ProjectFunction(this, 'WorkflowRecordFailure', {
        entry: 'workflow/record-failure',
        description: 'Workflow task RecordFailure: record a task failure on the suggestion and alert',
        timeout: workflowTimeout,
        environment: webEnvironment,
      }),
    };

    // Providers by context (checked here as at cold start): -c notifyProvider=outbox|ses|sns|webhook (default
    // outbox), per channel -c notifySmsProvider / -c notifyEmailProvider; ses needs -c notifyEmailFrom, webhook
    // -c notifyWebhookUrl and -c notifyWebhookSecretName. See shared/aws/notification-providers.ts.
    const notifyContext = (name: string): string | undefined => this.node.tryGetContext(name) || undefined;
    // The webhook's HMAC secret lives in Secrets Manager, created by the operator; the template names it only.
    if (notifyContext('notifyWebhookSecret')) {
      throw new Error('-c notifyWebhookSecret would put the secret in the template: store it in Secrets Manager and pass -c notifyWebhookSecretName=<name>');
    }
    const webhookSecretName = notifyContext('notifyWebhookSecretName');
    const webhookSecret = webhookSecretName ? secretsmanager.Secret.fromSecretNameV2(this, 'NotifyWebhookSecret', webhookSecretName) : undefined;
    const notifyEnvironment = Object.fromEntries(
      Object.entries({
        NOTIFY_PROVIDER: notifyContext('notifyProvider') ?? 'outbox',
        NOTIFY_SMS_PROVIDER: notifyContext('notifySmsProvider'),
        NOTIFY_EMAIL_PROVIDER: notifyContext('notifyEmailProvider'),
        NOTIFY_EMAIL_FROM: notifyContext('notifyEmailFrom'),
        NOTIFY_WEBHOOK_URL: notifyContext('notifyWebhookUrl'),
        NOTIFY_WEBHOOK_SECRET_ARN: webhookSecret?.secretArn,
      }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const notifyChoice = providerChoice(notifyEnvironment);
    const usesWebhook = Object.values(notifyChoice).includes('webhook');
    // The receive on which a failure is the last before the dead-letter queue (the queue's maxReceiveCount).
    const maxReceives = (props.notificationQueue as { deadLetterQueue?: { maxReceiveCount: number } }).deadLetterQueue?.maxReceiveCount ?? 5;
    this.notifier = new ProjectFunction(this, 'Notifier', {
      entry: 'queue/notifier',
      description: 'Sends queued notifications',
      timeout: notifierTimeout,
      // The secret's ARN is set where its read is granted (bindPermissions), as every resource's variable is.
      environment: { ...webEnvironment, ...withoutKey(notifyEnvironment, 'NOTIFY_WEBHOOK_SECRET_ARN'), NOTIFY_MAX_RECEIVES: String(maxReceives) },
    });

    this.workflowSweep = new ProjectFunction(this, 'WorkflowSweep', {
      entry: 'jobs/workflow-sweep',
      description: 'Scheduled: gives every suggestion without a live workflow one',
      timeout: Duration.seconds(60),
      environment: commonEnvironment,
    });

    this.updateRates = new ProjectFunction(this, 'UpdateRates', {
      entry: 'jobs/update-rates',
      description: 'Scheduled: bring the rates up to date from what changed since the last run',
      timeout: Duration.minutes(5),
      environment: commonEnvironment,
    });

    this.updateTopics = new ProjectFunction(this, 'UpdateTopics', {
      entry: 'jobs/update-topics',
      description: 'Scheduled: bring the hot topics up to date, flag spikes and tell dispatchers of new ones',
      timeout: Duration.minutes(5),
      // Segmenting: jieba's WebAssembly and dictionary take ~60 MB besides the counts of a page.
      memorySize: 1024,
      // The notice links to the topics page.
      environment: webEnvironment,
    });

    this.campaignClock = new ProjectFunction(this, 'CampaignClock', {
      entry: 'jobs/campaign-clock',
      description: 'Scheduled: opens and closes campaigns on time',
      timeout: Duration.seconds(60),
      environment: commonEnvironment,
    });

    this.queueStats = new ProjectFunction(this, 'QueueStats', {
      entry: 'jobs/queue-stats',
      description: 'Scheduled: recompute staff queue statistics',
      timeout: Duration.seconds(60),
      environment: commonEnvironment,
    });

    this.fileJobs = new ProjectFunction(this, 'FileJobs', {
      entry: 'queue/file-jobs',
      description: 'Background file work: streams an export of the queue into a file, generates a bulletin',
      timeout: Duration.millis(exportRunLimitMs),
      // exceljs' streaming writer and the upload's parts; an export never holds all its rows.
      memorySize: 1024,
      environment: webEnvironment,
    });
    this.bulletinSchedule = new ProjectFunction(this, 'BulletinSchedule', {
      entry: 'jobs/bulletins',
      description: 'Scheduled: queues the bulletin of the week or month that just ended',
      environment: commonEnvironment,
    });

    // --- Suggestion workflow --------------------------------------------------------------------------------
    this.workflow = new SuggestionWorkflow(this, 'SuggestionWorkflow', { functions: this.workflowFunctions });

    // --- Least privilege: every function gets what infra/function-permissions.ts declares for it, nothing more --
    const permissionResources: PermissionResources = {
      table: props.table,
      notificationQueue: props.notificationQueue,
      stateMachine: this.workflow.stateMachine,
      workflowTasks: Object.values(this.workflowFunctions),
      userPool: props.userPool,
      secrets: {
        // The webhook's key only when the webhook sends a channel (the notifier reads it only then).
        ...(webhookSecret && usesWebhook ? { notifyWebhook: { secret: webhookSecret, variable: 'NOTIFY_WEBHOOK_SECRET_ARN' } } : {}),
        pin: { secret: props.pinSecret, variable: 'PIN_SECRET_ARN' },
        origin: { secret: this.originSecret, variable: 'ORIGIN_SECRET_ARN' },
      },
      delivery: {
        ...(notifyChoice.email === 'ses' ? { sesSender: notifyEnvironment.NOTIFY_EMAIL_FROM! } : {}),
        snsSms: notifyChoice.sms === 'sns',
      },
      filesBucket: props.filesBucket,
      fileJobQueue: props.fileJobQueue,
    };
    // Every project function of the stack, so none can be left out (one without a declaration fails synth).
    for (const fn of this.node.findAll().filter((c): c is ProjectFunction => c instanceof ProjectFunction)) {
      bindPermissions(fn, permissionResources);
    }

    // --- Routes ---------------------------------------------------------------------------------------------
    const staffAuthorizer = new HttpJwtAuthorizer('StaffJwt', jwtIssuer, {
      jwtAudience: [props.webClient.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });
    const integrations = Object.fromEntries(
      Object.entries(this.apiFunctions).map(([name, fn]) => [name, new HttpLambdaIntegration(`${name}-integration`, fn)]),
    ) as Record<ApiFunctionName, HttpLambdaIntegration>;

    for (const route of routes) {
      const key = routeKey(route);
      this.routes[key] = new apigw.HttpRoute(this, `Route ${key}`, {
        httpApi: this.httpApi,
        routeKey: apigw.HttpRouteKey.with(route.path, apigw.HttpMethod[route.method]),
        integration: integrations[route.fn],
        authorizer: route.auth === 'staff' ? staffAuthorizer : undefined,
      });
    }
    this.routes.$default = new apigw.HttpRoute(this, 'Route $default', {
      httpApi: this.httpApi,
      routeKey: apigw.HttpRouteKey.DEFAULT,
      integration: integrations.fallback,
    });

    // --- Queue consumer and schedules -----------------------------------------------------------------------
    // A mapping rather than SqsEventSource, whose grant adds sqs:GetQueueUrl that nothing calls: the poller's
    // receive, delete and attribute reads are the notifier's declared `consume`.
    this.notifier.addEventSourceMapping('NotificationQueueSource', {
      eventSourceArn: props.notificationQueue.queueArn,
      batchSize: 10,
      reportBatchItemFailures: true,
    });
    // One job per invocation: an export may run for minutes, and a failure is retried alone.
    this.fileJobs.addEventSourceMapping('FileJobQueueSource', {
      eventSourceArn: props.fileJobQueue.queueArn,
      batchSize: 1,
      reportBatchItemFailures: true,
    });
    // Office time is UTC+8: 00:00 UTC is 08:00 in the office.
    new events.Rule(this, 'WeeklyBulletinSchedule', {
      description: 'Mondays 08:00 office time: the bulletin of the previous ISO week',
      schedule: events.Schedule.expression('cron(0 0 ? * MON *)'),
      targets: [new targets.LambdaFunction(this.bulletinSchedule, { retryAttempts: 2, event: events.RuleTargetInput.fromObject({ kind: 'week' }) })],
    });
    new events.Rule(this, 'MonthlyBulletinSchedule', {
      description: 'The 1st, 08:00 office time: the bulletin of the previous month',
      schedule: events.Schedule.expression('cron(0 0 1 * ? *)'),
      targets: [new targets.LambdaFunction(this.bulletinSchedule, { retryAttempts: 2, event: events.RuleTargetInput.fromObject({ kind: 'month' }) })],
    });
    new events.Rule(this, 'WorkflowSweepSchedule', {
      description: 'Give every suggestion without a live workflow one (never started, or its execution ended)',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(this.workflowSweep, { retryAttempts: 0 })],
    });
    new events.Rule(this, 'CampaignClockSchedule', {
      description: 'Open and close campaigns on time (idempotent: a repeated run finds nothing due)',
      // Every minute: a campaign opens or closes within a minute of its time, and submissions are checked against
      // the window itself, so nothing slips in meanwhile.
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(this.campaignClock, { retryAttempts: 2 })],
    });
    new events.Rule(this, 'QueueStatsSchedule', {
      description: 'Recompute staff queue statistics',
      schedule: events.Schedule.rate(Duration.minutes(15)),
      targets: [new targets.LambdaFunction(this.queueStats, { retryAttempts: 2 })],
    });
    new events.Rule(this, 'UpdateRatesSchedule', {
      description: 'Bring the rates up to date (idempotent: a retried or overlapping run gives the same figures)',
      // Every 5 minutes: a run with nothing changed costs two reads, and an admin's full recompute waits at most this.
      schedule: events.Schedule.rate(Duration.minutes(5)),
      targets: [new targets.LambdaFunction(this.updateRates, { retryAttempts: 2 })],
    });
    new events.Rule(this, 'UpdateTopicsSchedule', {
      description: 'Bring the hot topics up to date and flag spikes (idempotent: the same counts, one notice per spike)',
      schedule: events.Schedule.rate(Duration.minutes(15)),
      targets: [new targets.LambdaFunction(this.updateTopics, { retryAttempts: 2 })],
    });

    // --- What the operator is told about (one SNS topic; -c alarmEmail=… subscribes an address) ---------------
    this.alarms = new OperatorAlarms(this, 'OperatorAlarms', {
      stateMachine: this.workflow.stateMachine,
      workflowSweep: this.workflowSweep,
      publicFunctions: [this.apiFunctions['public-suggestions'], this.apiFunctions['citizen-actions'], this.apiFunctions['campaign-responses']],
      notificationDeadLetterQueue: props.notificationDeadLetterQueue,
      fileJobDeadLetterQueue: props.fileJobDeadLetterQueue,
      email: this.node.tryGetContext('alarmEmail') || undefined,
    });

    // --- Site content: the built web app (when present) and the runtime config it reads (siteConfig above) --
    const webConfig = s3deploy.Source.jsonData('config.json', siteConfig);
    this.siteDeployment = new s3deploy.BucketDeployment(this, 'SiteDeployment', {
      destinationBucket: this.siteBucket,
      sources: props.webAssetsPath ? [s3deploy.Source.asset(props.webAssetsPath), webConfig] : [webConfig],
      // Without the built app, deploy config.json alone and leave whatever else is in the bucket.
      prune: Boolean(props.webAssetsPath),
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });

    // --- Outputs --------------------------------------------------------------------------------------------
    new CfnOutput(this, 'ApiUrl', {
      value: apiDomain ? `https://${apiDomainName}/` : this.stage.url,
      description: 'HTTP API origin (answers only requests that come through CloudFront)',
    });
    if (apiDomain) {
      new CfnOutput(this, 'ApiDomainTarget', {
        value: apiDomain.regionalDomainName,
        description: `Point ${apiDomainName} at this (CNAME or alias record)`,
      });
    }
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'Operator alarms (subscribe to it, or deploy with -c alarmEmail=…)' });
    new CfnOutput(this, 'SiteUrl', { value: publicBaseUrl, description: 'Web app; /api/* is the API' });
    new CfnOutput(this, 'UserPoolId', { value: props.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: props.webClient.userPoolClientId });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'TableName', { value: props.table.tableName });
  }
}

/** The record without one key (an environment variable set elsewhere). */
function withoutKey(record: Record<string, string>, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}
