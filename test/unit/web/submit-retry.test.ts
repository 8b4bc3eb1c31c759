import { describe, expect, it } from 'vitest';
import { RequestError } from '../../../web/src/api';
import { sendWithRetry } from '../../../web/src/submit-retry';

describe('sending a suggestion while the system is busy', () => {
  it('waits at least what the server asks, backs off more each time, and returns the receipt once accepted', async () => {
    const outcomes = [new RequestError(503, 'busy', '繁忙', undefined, 3), new RequestError(0, 'network', '断网'), new RequestError(429, 'rate_limited', '太快', undefined, 1)];
    const waits: number[] = [];
    const told: { attempt: number; seconds: number; status: number }[] = [];
    let sent = 0;
    const receipt = await sendWithRetry(
      async () => {
        sent++;
        const next = outcomes.shift();
        if (next) throw next;
        return { trackingCode: 'ABCDEFGH' };
      },
      { sleep: async (ms) => void waits.push(ms), random: () => 0, onWaiting: (n) => told.push(n) },
    );
    expect(receipt).toEqual({ trackingCode: 'ABCDEFGH' });
    expect(sent).toBe(4);
    // The server's 3 s first; then the backoff (2 s, 4 s at most, here half of it), never under Retry-After.
    expect(told).toEqual([
      { attempt: 2, seconds: 3, status: 503 },
      { attempt: 3, seconds: 1, status: 0 },
      { attempt: 4, seconds: 2, status: 429 },
    ]);
    expect(waits).toEqual([3000, 1000, 2000]);
  });

  it('does not retry what a retry cannot fix (a 400 naming a field), and gives up after the attempts', async () => {
    const invalid = new RequestError(400, 'validation_failed', '有误', { title: '必填' });
    await expect(sendWithRetry(async () => Promise.reject(invalid), { sleep: async () => undefined })).rejects.toBe(invalid);
    let sent = 0;
    const busy = new RequestError(503, 'busy', '繁忙', undefined, 2);
    await expect(
      sendWithRetry(
        async () => {
          sent++;
          throw busy;
        },
        { maxAttempts: 5, sleep: async () => undefined },
      ),
    ).rejects.toBe(busy);
    expect(sent).toBe(5);
  });

  it('spreads the waits of a crowd (jitter) and caps each', async () => {
    const waits: number[] = [];
    await expect(
      sendWithRetry(async () => Promise.reject(new RequestError(0, 'network', '断网')), { maxAttempts: 9, sleep: async (ms) => void waits.push(ms), random: () => 0.999 }),
    ).rejects.toBeInstanceOf(RequestError);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
