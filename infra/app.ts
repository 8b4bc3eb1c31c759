import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { projectRoot } from './constructs/project-function';
import { EdgeStack } from './edge-stack';
import { applyNagSuppressions } from './nag-suppressions';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface JianyiStacks {
  readonly edge: EdgeStack;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/** The built web app, deployed to the site bucket when it exists (synth works before the web is built). */
export const webDistPath = path.join(projectRoot, 'web', 'dist');

/**
 * Adds the Jianyi stacks to an app. The account comes from the CLI's environment when set (synth needs no AWS
 * credentials); the region too, else the `region` context of cdk.json. The region is always explicit because the
 * web ACL CloudFront needs lives in us-east-1 (edge-stack.ts) and reaches the stateless stack by a cross-region
 * reference, which CDK builds only between stacks whose regions it knows.
 */
export function buildJianyi(app: App): JianyiStacks {
  const region: string = process.env.CDK_DEFAULT_REGION ?? app.node.tryGetContext('region') ?? 'ap-east-1';
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region };
  const edge = new EdgeStack(app, 'JianyiEdge', {
    env,
    description: 'Jianyi (建议): AWS WAF web ACL for the CloudFront distribution (us-east-1)',
  });
  const stateful = new StatefulStack(app, 'JianyiStateful', {
    env,
    description: 'Jianyi (建议): table, notification queues, staff user pool',
  });
  const stateless = new StatelessStack(app, 'JianyiStateless', {
    env,
    crossRegionReferences: true,
    webAclArn: edge.webAcl.attrArn,
    description: 'Jianyi (建议): functions, HTTP API, suggestion workflow, schedules, web hosting',
    table: stateful.table,
    notificationQueue: stateful.notificationQueue,
    notificationDeadLetterQueue: stateful.notificationDeadLetterQueue,
    userPool: stateful.userPool,
    webClient: stateful.webClient,
    pinSecret: stateful.pinSecret,
    filesBucket: stateful.filesBucket,
    fileJobQueue: stateful.fileJobQueue,
    fileJobDeadLetterQueue: stateful.fileJobDeadLetterQueue,
    webAssetsPath: fs.existsSync(webDistPath) ? webDistPath : undefined,
  });
  applyNagSuppressions({ stateful, stateless });
  return { edge, stateful, stateless };
}

/** cdk-nag's AWS Solutions pack; any unacknowledged finding fails synth. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const app = new App();
  buildJianyi(app);
  addNagChecks(app);
  app.synth();
}
