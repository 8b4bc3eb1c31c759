/**
 * X-Ray tracing (Powertools): every SDK client is captured (shared/aws/clients/), so a trace shows each
 * DynamoDB, SQS, Step Functions, Secrets Manager, Cognito, SES and SNS call under the invocation; the functions
 * have active tracing (infra/constructs/project-function.ts).
 *
 * Off outside Lambda (no AWS_EXECUTION_ENV) and with POWERTOOLS_TRACE_ENABLED=false, which the local runtime sets
 * (infra/local/local-stack.ts): captureAWSv3Client then hands the client back untouched and nothing is recorded,
 * so the one process running every function locally neither needs an X-Ray daemon nor warns about a missing one.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { serviceName } from './log';

export const tracer = new Tracer({ serviceName });

/** The SDK client, traced where tracing is on. */
export function traced<Client>(client: Client): Client {
  return tracer.captureAWSv3Client(client);
}

/**
 * Marks the invocation's segment by what the caller was answered, as X-Ray reads the flags: a fault (with the
 * error) for 5xx, an error for 4xx, throttle too for 429. An answered error is not thrown, so the handler
 * middleware (observed.ts) does not see it.
 */
export function recordAnswer(status: number, error: unknown): void {
  if (!tracer.isTracingEnabled() || status < 400) return;
  if (status >= 500) {
    tracer.addErrorAsMetadata(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  const segment = tracer.getSegment();
  segment?.addErrorFlag();
  if (status === 429) segment?.addThrottleFlag();
}
