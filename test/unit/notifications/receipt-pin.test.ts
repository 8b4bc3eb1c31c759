/** A staff entry's receipt (issue 12): the PIN is derived from the request's key at render time, and kept nowhere. */
import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../../shared/domain/notifications/render';
import { keyedPin } from '../../../shared/domain/suggestion/keyed-pin';
import { handleNotificationMessage } from '../../../shared/use-cases/deliver-notification';
import { notifierDeps, received, request } from './fakes';

const secret = 'a-test-pin-secret-of-at-least-32-characters';
const withKey = request({ params: { ...request().params, pinKey: 'receipt#s1' } });
const pin = keyedPin(secret, 'demo', 'receipt#s1');

describe('the receipt of a staff entry', () => {
  it('is rendered with the PIN derived from its key, in zh-CN and en', async () => {
    const { deps, provider } = notifierDeps({ pinSecret: async () => secret });
    expect((await handleNotificationMessage(deps, received(withKey))).outcome).toBe('sent');
    expect(provider.sent[0]!.message.body).toContain(`查询码 JY-ABCD，查询密码 ${pin}`);
    expect(provider.sent[0]!.message.body).not.toContain('receipt#s1');
    expect(renderNotification({ ...withKey, locale: 'en' }, { pin }).body).toContain(`Tracking code JY-ABCD, PIN ${pin}`);
  });

  it('keeps the ordinary receipt for a request without a key (the citizen saw the PIN on screen)', () => {
    expect(renderNotification(request()).body).toContain('请妥善保存查询密码');
  });

  it('is never sent without its PIN, and its failure record holds the key, not the PIN', async () => {
    const { deps, provider, failed } = notifierDeps({ pinSecret: async () => secret });
    provider.down = true;
    expect((await handleNotificationMessage(deps, received(withKey, 5))).outcome).toBe('failed');
    const record = JSON.stringify([...failed.records.values()]);
    expect(record).toContain('receipt#s1');
    expect(record).not.toContain(pin);

    const withoutSecret = notifierDeps();
    expect((await handleNotificationMessage(withoutSecret.deps, received(withKey))).outcome).toBe('retry');
    expect(withoutSecret.provider.sent).toHaveLength(0);
    expect(() => renderNotification(withKey)).toThrow(/no PIN/);
  });
});
