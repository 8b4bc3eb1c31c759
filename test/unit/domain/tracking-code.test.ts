import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../shared/domain/suggestion/pin-hash';
import {
  isPinFormat,
  newPin,
  newTrackingCode,
  normaliseTrackingCode,
  trackingAlphabet,
} from '../../../shared/domain/suggestion/tracking-code';

const random = (n: number) => new Uint8Array(randomBytes(n));

describe('tracking codes and PINs', () => {
  it('uses only unambiguous characters', () => {
    for (const ch of '01OIL') expect(trackingAlphabet).not.toContain(ch);
    for (let i = 0; i < 200; i++) {
      const code = newTrackingCode(random);
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      expect(normaliseTrackingCode(code)).toBe(code);
    }
  });

  it('accepts what people type: lower case, spaces, hyphens', () => {
    expect(normaliseTrackingCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normaliseTrackingCode('ABCD EFG')).toBeUndefined();
    expect(normaliseTrackingCode('ABCDEFG0')).toBeUndefined();
  });

  it('draws every character from any byte stream', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes) => {
        let offset = 0;
        // A stream that repeats the given bytes: rejection sampling must still finish.
        const stream = (n: number) => Uint8Array.from({ length: n }, () => bytes[offset++ % bytes.length]! % 248);
        expect(newTrackingCode(stream)).toHaveLength(8);
        expect(isPinFormat(newPin(stream))).toBe(true);
      }),
    );
  });

  it('stores PINs only as salted hashes and verifies them', () => {
    const stored = hashPin('123456');
    expect(stored).not.toContain('123456');
    expect(verifyPin('123456', stored)).toBe(true);
    expect(verifyPin('123457', stored)).toBe(false);
    expect(hashPin('123456')).not.toBe(stored);
    expect(verifyPin('123456', 'garbage')).toBe(false);
  });
});
