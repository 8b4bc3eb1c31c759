/**
 * A fresh Idempotency-Key. crypto.randomUUID exists only in secure contexts; a phone testing against a LAN
 * address over http still gets a random key from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
