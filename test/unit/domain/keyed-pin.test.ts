import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedPin } from '../../../shared/domain/suggestion/keyed-pin';

const secret = 'a'.repeat(48);

describe('the PIN of a keyed submission', () => {
  it('is six digits, the same for the same organisation and key, and depends on the secret and the organisation', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{8,128}$/), (key) => {
        const pin = keyedPin(secret, 'demo', key);
        expect(pin).toMatch(/^\d{6}$/);
        expect(keyedPin(secret, 'demo', key)).toBe(pin);
      }),
    );
    const key = 'retry-0123456789';
    const pins = new Set([keyedPin(secret, 'demo', key), keyedPin(secret, 'other', key), keyedPin('b'.repeat(48), 'demo', key)]);
    expect(pins.size).toBe(3);
  });

  it('spreads over the whole range (no digit position is stuck)', () => {
    const firstDigits = new Set<string>();
    for (let i = 0; i < 400; i++) firstDigits.add(keyedPin(secret, 'demo', `key-${i}-abcdef`)[0]!);
    expect(firstDigits.size).toBe(10);
  });
});
