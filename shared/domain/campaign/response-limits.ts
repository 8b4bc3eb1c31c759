/**
 * How many responses and scans one address may send: a community centre's Wi-Fi on a campaign day puts many phones
 * behind one address (a QR rush), so the limits are well above what a room of people answers, far below a script.
 * Retries count too: a page retries a few times, not hundreds.
 */
export const responseLimits = {
  perAddress: [
    { limit: 60, windowSeconds: 60 },
    { limit: 2_000, windowSeconds: 86_400 },
  ],
  scansPerAddress: [
    { limit: 120, windowSeconds: 60 },
    { limit: 5_000, windowSeconds: 86_400 },
  ],
} as const;
