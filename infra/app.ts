import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { projectRoot } from './constructs/project-function';
import { applyNagSuppressions } from './nag-suppressions';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface JianyiStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/** The built web app, deployed to the site bucket when it exists (synth works before the web is built). */
export const webDistPath = path.join(projectRoot, 'web', 'dist');

/**
 * Adds the two Jianyi stacks to an app. Region and account come from the CLI's environment when set;
 * otherwise the stacks are environment-agnostic, so synth needs no AWS credentials.
 */
export function buildJianyi(app: App): JianyiStacks {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, 'JianyiStateful', {
    env,
    description: 'Jianyi (建议): table, notification queues, staff user pool',
  });
  const stateless = new StatelessStack(app, 'JianyiStateless', {
    env,
    description: 'Jianyi (建议): functions, HTTP API, suggestion workflow, schedules, web hosting',
    table: stateful.table,
    notificationQueue: stateful.notificationQueue,
    userPool: stateful.userPool,
    webClient: stateful.webClient,
    pinSecret: stateful.pinSecret,
    webAssetsPath: fs.existsSync(webDistPath) ? webDistPath : undefined,
  });
  applyNagSuppressions({ stateful, stateless });
  return { stateful, stateless };
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
