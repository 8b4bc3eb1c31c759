import { describe, expect, it } from 'vitest';
import { webhookSecret } from '../../../shared/aws/webhook-secret';

function fakeSecrets(value: string | undefined) {
  const asked: unknown[] = [];
  return {
    asked,
    client: () => ({
      send: async (command: { input: unknown }) => {
        asked.push(command.input);
        return { SecretString: value };
      },
    }) as never,
  };
}

describe('webhook secret', () => {
  it('reads it from Secrets Manager when an ARN is configured', async () => {
    const secrets = fakeSecrets('a-long-enough-secret-from-sm');
    expect(await webhookSecret({ NOTIFY_WEBHOOK_SECRET_ARN: 'arn:aws:secretsmanager:cn-north-1:1:secret:jianyi/webhook' }, secrets.client)).toBe('a-long-enough-secret-from-sm');
    expect(secrets.asked).toEqual([{ SecretId: 'arn:aws:secretsmanager:cn-north-1:1:secret:jianyi/webhook' }]);
  });

  it('takes NOTIFY_WEBHOOK_SECRET locally, without asking Secrets Manager', async () => {
    const secrets = fakeSecrets(undefined);
    expect(await webhookSecret({ NOTIFY_WEBHOOK_SECRET: 'a-long-enough-secret' }, secrets.client)).toBe('a-long-enough-secret');
    expect(secrets.asked).toEqual([]);
  });

  it('fails at cold start on a secret that is empty or too short, naming where it came from', async () => {
    await expect(webhookSecret({ NOTIFY_WEBHOOK_SECRET_ARN: 'arn:x' }, fakeSecrets('short').client)).rejects.toThrow(/\(secret arn:x\) must have at least 16/);
    await expect(webhookSecret({}, fakeSecrets(undefined).client)).rejects.toThrow(/\(NOTIFY_WEBHOOK_SECRET\) must have at least 16/);
  });
});
