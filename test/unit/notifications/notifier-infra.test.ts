/** The notifier's CDK block with real providers chosen by context: environment, least-privilege grants, cdk-nag clean. */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { addNagChecks, buildJianyi } from '../../../infra/app';
import { cdkJsonContext } from '../../infra/synth';

function synth(context: Record<string, string>) {
  // cdk.json's feature flags, as `cdk synth` has them (e.g. S3 access logs by bucket policy, not ACL).
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context } });
  const stacks = buildJianyi(app);
  addNagChecks(app);
  app.synth(); // cdk-nag throws on any finding not acknowledged
  return { stacks, template: Template.fromStack(stacks.stateless) };
}

// Each test synthesizes the app with cdk-nag: ~10 s alone, several times that on a loaded 2-core machine.
describe('notifier infrastructure by context', { timeout: 120_000 }, () => {
  it('with SNS for SMS and SES for email: their env, sns:Publish and ses:SendEmail from the sender only', () => {
    const { stacks, template } = synth({ notifyProvider: 'sns', notifyEmailProvider: 'ses', notifyEmailFrom: 'noreply@jianyi.example' });
    const id = stacks.stateless.getLogicalId(stacks.stateless.notifier.node.defaultChild as never);
    const fn = template.toJSON().Resources[id];
    expect(fn.Properties.Environment.Variables).toMatchObject({
      NOTIFY_PROVIDER: 'sns',
      NOTIFY_EMAIL_PROVIDER: 'ses',
      NOTIFY_EMAIL_FROM: 'noreply@jianyi.example',
      NOTIFY_MAX_RECEIVES: '5',
    });
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => (p as { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } }).Properties.PolicyDocument.Statement,
    );
    // cdk.json minimises policies: an action may share its statement with others.
    const allows = (s: Record<string, unknown>, action: string) => ([] as unknown[]).concat(s.Action).includes(action);
    const ses = statements.find((s) => allows(s, 'ses:SendEmail'))!;
    expect(JSON.stringify(ses.Resource)).toContain('identity/noreply@jianyi.example');
    expect(JSON.stringify(ses.Resource)).toContain('identity/jianyi.example');
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'noreply@jianyi.example' } });
    expect(statements.filter((s) => allows(s, 'sns:Publish'))).toHaveLength(1);
  });

  it('with the outbox (the default): no SES or SNS permission at all', () => {
    const { template } = synth({});
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).not.toContain('ses:SendEmail');
    expect(policies).not.toContain('sns:Publish');
  });

  it('with the webhook: names its Secrets Manager secret and may read only that one; the secret is never in the template', () => {
    const { stacks, template } = synth({ notifyProvider: 'webhook', notifyWebhookUrl: 'https://sms.example.cn/hook', notifyWebhookSecretName: 'jianyi/webhook' });
    const id = stacks.stateless.getLogicalId(stacks.stateless.notifier.node.defaultChild as never);
    const env = template.toJSON().Resources[id].Properties.Environment.Variables;
    expect(env.NOTIFY_WEBHOOK_URL).toBe('https://sms.example.cn/hook');
    expect(env).not.toHaveProperty('NOTIFY_WEBHOOK_SECRET');
    expect(JSON.stringify(env.NOTIFY_WEBHOOK_SECRET_ARN)).toContain('secret:jianyi/webhook');
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => (p as { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } }).Properties.PolicyDocument.Statement,
    );
    // The webhook secret is read by one statement (other secrets — PIN, origin — have readers of their own).
    const read = statements.filter((s) => JSON.stringify(s.Action).includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource).includes('jianyi/webhook'));
    expect(read).toHaveLength(1);
    expect(JSON.stringify(read[0]!.Resource)).toContain('secret:jianyi/webhook-??????');
  });

  it('refuses a webhook secret given in clear on the command line', () => {
    expect(() => synth({ notifyProvider: 'webhook', notifyWebhookUrl: 'https://sms.example.cn/hook', notifyWebhookSecret: 'a-long-enough-secret' })).toThrow(
      /notifyWebhookSecretName/,
    );
  });

  it('refuses at synth a provider without its configuration', () => {
    expect(() => synth({ notifyProvider: 'webhook' })).toThrow(/NOTIFY_WEBHOOK_URL/);
    expect(() => synth({ notifyProvider: 'ses' })).toThrow(/cannot send sms/);
  });
});
