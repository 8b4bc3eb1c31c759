/**
 * Which provider sends which channel, from the environment, checked at cold start:
 *   NOTIFY_PROVIDER        default for both channels: outbox | ses | sns | webhook   (default outbox)
 *   NOTIFY_SMS_PROVIDER    SMS only (outbox | sns | webhook), overrides the default
 *   NOTIFY_EMAIL_PROVIDER  email only (outbox | ses | webhook), overrides the default
 *   NOTIFY_EMAIL_FROM      the verified SES sender (required with ses)
 *   NOTIFY_SES_CONFIGURATION_SET  optional SES configuration set
 *   NOTIFY_WEBHOOK_URL     required with webhook; NOTIFY_WEBHOOK_TIMEOUT_MS (default 5000)
 *   NOTIFY_WEBHOOK_SECRET_ARN  the HMAC secret in Secrets Manager (on AWS), or NOTIFY_WEBHOOK_SECRET itself (locally)
 * A default that cannot send a channel (ses for SMS, sns for email) must be overridden for that channel.
 */
import type { NotificationProvider, NotificationRequest, RenderedNotification } from '../ports';
import { validateWebhookUrl } from './webhook-provider';

export const providerNames = ['outbox', 'ses', 'sns', 'webhook'] as const;
export type ProviderName = (typeof providerNames)[number];
type Channel = RenderedNotification['channel'];

const canSend: Record<ProviderName, readonly Channel[]> = { outbox: ['sms', 'email'], ses: ['email'], sns: ['sms'], webhook: ['sms', 'email'] };

export interface ProviderChoice {
  sms: ProviderName;
  email: ProviderName;
}

function providerName(env: Record<string, string | undefined>, name: string, fallback: ProviderName): ProviderName {
  const value = env[name] || fallback;
  if (!(providerNames as readonly string[]).includes(value)) throw new Error(`${name}=${value} is not one of: ${providerNames.join(', ')}`);
  return value as ProviderName;
}

/** Reads and checks the choice and the configuration it needs; throws naming the variable at fault. */
export function providerChoice(env: Record<string, string | undefined>): ProviderChoice {
  const fallback = providerName(env, 'NOTIFY_PROVIDER', 'outbox');
  const choice: ProviderChoice = {
    sms: providerName(env, 'NOTIFY_SMS_PROVIDER', fallback),
    email: providerName(env, 'NOTIFY_EMAIL_PROVIDER', fallback),
  };
  for (const channel of ['sms', 'email'] as const) {
    if (!canSend[choice[channel]].includes(channel)) {
      throw new Error(`${choice[channel]} cannot send ${channel}: set NOTIFY_${channel.toUpperCase()}_PROVIDER`);
    }
  }
  const used = new Set(Object.values(choice));
  if (used.has('ses') && !/^[^@\s]+@[^@\s]+$/.test(env.NOTIFY_EMAIL_FROM ?? '')) throw new Error('NOTIFY_EMAIL_FROM (an email address) is required with ses');
  if (used.has('webhook')) {
    validateWebhookUrl(env.NOTIFY_WEBHOOK_URL ?? '');
    if (!env.NOTIFY_WEBHOOK_SECRET_ARN && (env.NOTIFY_WEBHOOK_SECRET ?? '').length < 16) {
      throw new Error('NOTIFY_WEBHOOK_SECRET_ARN (a Secrets Manager secret) or NOTIFY_WEBHOOK_SECRET (at least 16 characters) is required with webhook');
    }
  }
  return choice;
}

/** Sends each message through its channel's provider. */
export class ChannelProvider implements NotificationProvider {
  constructor(private readonly byChannel: Record<Channel, NotificationProvider>) {}

  send(message: RenderedNotification, request: NotificationRequest): Promise<void> {
    return this.byChannel[message.channel].send(message, request);
  }
}

/** Builds each chosen provider once (a provider used for both channels is one instance). */
export function buildProviders(choice: ProviderChoice, factories: Record<ProviderName, () => NotificationProvider>): ChannelProvider {
  const built = new Map<ProviderName, NotificationProvider>();
  const get = (name: ProviderName) => {
    if (!built.has(name)) built.set(name, factories[name]());
    return built.get(name)!;
  };
  return new ChannelProvider({ sms: get(choice.sms), email: get(choice.email) });
}
