import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from '../../../infra/local/concurrency';

describe('the local in-flight limit', () => {
  it('runs up to the limit, lets a few wait for a slot, and sheds the rest at once', async () => {
    const limiter = createConcurrencyLimiter({ perFunction: 2, queue: 1, maxWaitMs: 1000 });
    const a = await limiter.acquire('intake');
    const b = await limiter.acquire('intake');
    expect(a && b).toBeTruthy();
    const waiting = limiter.acquire('intake'); // queued
    expect(await limiter.acquire('intake')).toBeUndefined(); // queue full: shed
    expect(limiter.shedCount()).toBe(1);
    // Another function has slots of its own.
    expect(await limiter.acquire('tracking')).toBeTruthy();
    a!.release();
    const c = await waiting;
    expect(c).toBeTruthy();
    b!.release();
    c!.release();
    expect(await limiter.acquire('intake')).toBeTruthy();
  });

  it('sheds one that waited too long for a slot', async () => {
    const limiter = createConcurrencyLimiter({ perFunction: 1, queue: 5, maxWaitMs: 50 });
    const held = await limiter.acquire('intake');
    const started = Date.now();
    expect(await limiter.acquire('intake')).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    held!.release();
    expect(await limiter.acquire('intake')).toBeTruthy();
  });
});
