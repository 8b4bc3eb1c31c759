/**
 * A one-time initial password the admin hands to a new colleague: 16 characters without look-alikes, always with
 * upper case, lower case, a digit and a symbol so it meets the user pool's policy (12+ characters, all four kinds).
 */
import type { RandomBytes } from '../suggestion/tracking-code';

const sets = ['ABCDEFGHJKMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!#%+=?@'] as const;
const all = sets.join('');
const length = 16;

export function newInitialPassword(randomBytes: RandomBytes): string {
  const bytes = randomBytes(length * 2);
  // The first four characters come one from each set, then any; the order is shuffled by the remaining bytes.
  const chars = Array.from({ length }, (_, i) => {
    const from = i < sets.length ? sets[i]! : all;
    return from[bytes[i]! % from.length]!;
  });
  for (let i = chars.length - 1; i > 0; i--) {
    const j = bytes[length + i]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
