/**
 * Typed domain errors. Handlers map them to HTTP statuses in one place (shared/http/errors.ts);
 * the message key is looked up in the caller's language, never a stack trace.
 */
import type { MessageKey, MessageParams } from './i18n/messages';

/** One broken rule on one input field: which rule, with the numbers the message needs. */
export interface FieldProblem {
  rule: string;
  params?: MessageParams;
}
export type FieldProblems = Record<string, FieldProblem>;

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    /** A message key, localised at the edge in the caller's language. */
    readonly messageKey: MessageKey,
    readonly fields?: FieldProblems,
    readonly params?: MessageParams,
    options?: { cause?: unknown },
  ) {
    super(messageKey, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(fields: FieldProblems) {
    super('validation_failed', 400, 'error.validation', fields);
  }
}

export class NotFoundError extends DomainError {
  constructor(messageKey: MessageKey, params?: MessageParams) {
    super('not_found', 404, messageKey, undefined, params);
  }
}

export class ConflictError extends DomainError {
  constructor(messageKey: MessageKey, params?: MessageParams, code = 'conflict') {
    super(code, 409, messageKey, undefined, params);
  }
}

export class IllegalTransitionError extends ConflictError {
  constructor(messageKey: MessageKey, params?: MessageParams) {
    super(messageKey, params, 'illegal_transition');
  }
}

export class UnauthorizedError extends DomainError {
  constructor(messageKey: MessageKey, params?: MessageParams) {
    super('unauthorized', 401, messageKey, undefined, params);
  }
}

export class ForbiddenError extends DomainError {
  constructor(messageKey: MessageKey, params?: MessageParams) {
    super('forbidden', 403, messageKey, undefined, params);
  }
}

/**
 * The system is too busy to answer this one now (shed early, or a dependency timed out): come back in a few
 * seconds with the same Idempotency-Key — what was already received is kept, and a retry never files it twice.
 */
export class BusyError extends DomainError {
  constructor(seconds = 2, options?: { cause?: unknown }) {
    super('busy', 503, 'error.busy', undefined, { seconds }, options);
  }
}

export class RateLimitedError extends DomainError {
  constructor(messageKey: MessageKey, params?: MessageParams) {
    super('rate_limited', 429, messageKey, undefined, params);
  }
}
