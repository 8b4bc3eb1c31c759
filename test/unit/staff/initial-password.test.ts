import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newInitialPassword } from '../../../shared/domain/staff/initial-password';

describe('initial password', () => {
  it('always meets the user pool policy (16 characters: upper, lower, digit, symbol) and has no look-alikes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const password = newInitialPassword(() => bytes);
        expect(password).toHaveLength(16);
        expect(password).toMatch(/[A-Z]/);
        expect(password).toMatch(/[a-z]/);
        expect(password).toMatch(/\d/);
        expect(password).toMatch(/[^A-Za-z\d]/);
        expect(password).not.toMatch(/[0O1lIo]/);
      }),
    );
  });

  it('differs from one call to the next with real randomness', async () => {
    const { randomBytes } = await import('node:crypto');
    const passwords = new Set(Array.from({ length: 50 }, () => newInitialPassword((n) => new Uint8Array(randomBytes(n)))));
    expect(passwords.size).toBe(50);
  });
});
