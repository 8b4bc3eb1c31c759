import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildJianyi, type JianyiStacks } from '../../infra/app';
import { projectRoot } from '../../infra/constructs/project-function';

/**
 * The context of cdk.json (feature flags, orgId) plus the asset metadata the CLI turns on, so the tests
 * synthesize what `cdk synth` does.
 */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(projectRoot, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return { ...cdkJson.context, 'aws:cdk:enable-asset-metadata': true };
}

/**
 * A fresh app with both stacks, environment-agnostic (as with no AWS credentials) and, by default, without
 * bundling the functions: the assertions read the template, not the code.
 */
export function buildTestApp(options: { bundle?: boolean; outdir?: string; context?: Record<string, unknown> } = {}): JianyiStacks & { app: App } {
  const context: Record<string, unknown> = { ...cdkJsonContext(), ...options.context };
  if (!options.bundle) context['aws:cdk:bundling-stacks'] = [];
  const app = new App({ context, outdir: options.outdir });
  return { app, ...buildJianyi(app) };
}

type CfnValue = unknown;

/**
 * Resolves the intrinsics a definition string contains into placeholder values: `Ref AWS::Partition` -> aws,
 * `Fn::GetAtt [X, Arn]` -> a fake Lambda ARN named after X. Good for the state machine's DefinitionString.
 */
export function resolvePlaceholders(value: CfnValue): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, CfnValue>;
  if ('Fn::Join' in node) {
    const [delimiter, parts] = node['Fn::Join'] as [string, CfnValue[]];
    return parts.map(resolvePlaceholders).join(delimiter);
  }
  if ('Ref' in node) {
    const ref = node.Ref as string;
    if (ref === 'AWS::Partition') return 'aws';
    if (ref === 'AWS::Region') return 'us-east-1';
    if (ref === 'AWS::AccountId') return '123456789012';
    return `ref-${ref}`;
  }
  if ('Fn::GetAtt' in node) {
    const [logicalId] = node['Fn::GetAtt'] as [string, string];
    return `arn:aws:lambda:us-east-1:123456789012:function:${logicalId}`;
  }
  throw new Error(`unexpected intrinsic in definition: ${JSON.stringify(value)}`);
}
