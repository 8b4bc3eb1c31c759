/**
 * Timeouts well inside the functions' own (10 s for the API, 20 s for workflow tasks): a call that hangs fails in
 * seconds as a transient error — a 503 to come back to, or a workflow retry — instead of the function timing out
 * with nothing said. Three attempts of at most 2.5 s each (connecting: 1 s), with the SDK's backoff between.
 * For the table, the queue and the workflow; the other clients keep the SDK's defaults (a secret is read once per
 * container, accounts are changed by an admin, the notifier's messages are retried by the queue).
 */
export const sdkTimeouts = { maxAttempts: 3, requestHandler: { connectionTimeout: 1000, requestTimeout: 2500 } } as const;
