/**
 * Tracking codes are read aloud on the phone and typed from SMS, so they use only characters that cannot be
 * confused (no 0/O, 1/I/L) and are case-insensitive on input. 31^8 ≈ 8.5e11 codes: guessing one is hopeless,
 * and a code alone shows nothing without its PIN.
 */
export const trackingAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const trackingCodeLength = 8;
export const pinLength = 6;

/** Random bytes are injected so the domain stays pure and tests are deterministic. */
export type RandomBytes = (size: number) => Uint8Array;

function pick(alphabet: string, randomBytes: RandomBytes, length: number): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 31 or 10).
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export function newTrackingCode(randomBytes: RandomBytes): string {
  return pick(trackingAlphabet, randomBytes, trackingCodeLength);
}

export function newPin(randomBytes: RandomBytes): string {
  return pick('0123456789', randomBytes, pinLength);
}

/** Normalises what a person typed: case, spaces and hyphens; returns undefined if it cannot be a code. */
export function normaliseTrackingCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== trackingCodeLength) return undefined;
  for (const ch of code) if (!trackingAlphabet.includes(ch)) return undefined;
  return code;
}

export function isPinFormat(pin: string): boolean {
  return new RegExp(`^\\d{${pinLength}}$`).test(pin);
}
