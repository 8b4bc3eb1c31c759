/**
 * What a staff action on one suggestion is, in one record: the body it takes (its schema), who may take it (roles,
 * and for handlers whether their department must lead or co-handle it), when (the lifecycle actions it may record,
 * and any further condition on the suggestion), and its decision — what it records and changes, whom it tells.
 * perform.ts runs every action the same way; the table of them is index.ts.
 */
import type { z } from 'zod';
import type { MessageKey } from '../../domain/i18n/messages';
import type { DeadlinePolicy } from '../org-calendar';
import type { StaffPrincipal } from '../../domain/staff/principal';
import type { StaffRole } from '../../domain/staff/staff';
import type { Action } from '../../domain/suggestion/lifecycle';
import type { Suggestion } from '../../domain/suggestion/suggestion';
import type { Escalation } from '../../domain/supervision/escalation';
import type { Clock, Directory, Log, NotificationQueue, NotificationRequest, SuggestionStore, SupervisionStore, WorkflowEngine } from '../../ports';

export interface HandlingDeps {
  store: SuggestionStore;
  directory: Directory;
  supervision: SupervisionStore;
  notifications: NotificationQueue;
  workflow: WorkflowEngine;
  clock: Clock;
  publicBaseUrl: string;
  log: Pick<Log, 'warn'>;
}

/** What an action's decision sees: who acts, on what, when, under which time limits. */
export interface ActionContext {
  deps: HandlingDeps;
  principal: StaffPrincipal;
  suggestion: Suggestion;
  now: Date;
  /** `now` as recorded (ISO). */
  at: string;
  policy: DeadlinePolicy;
}

/** What an action decided: the lifecycle action it records, with its note and changes, and what follows. */
export interface Outcome {
  action: Action;
  note?: string;
  changes?: Partial<Suggestion>;
  notify?: (next: Suggestion) => Promise<NotificationRequest[]>;
  /** The 督办 record as the action leaves it, saved with the transition. */
  escalation?: Escalation;
  /** Changes neither status nor deadline: the waiting workflow's plan still holds, so it is not woken. */
  keepsPlan?: boolean;
  /** Said in its audit record beside who did what (a correction's reason). */
  auditDetail?: string;
}

export interface StaffActionDefinition<S extends z.ZodType = z.ZodType> {
  /** The request body (strict: an unknown field is refused by name). */
  schema: S;
  roles: readonly StaffRole[];
  /**
   * A handler may take it only on suggestions their department leads, or (cohandler) co-handles but does not lead;
   * the other roles listed act on any suggestion of their organisation.
   */
  department?: 'lead' | 'cohandler';
  /** The lifecycle actions it may record: it is open while one of them is allowed from the current status. */
  records: readonly Action[];
  /** A further condition on the suggestion (an extension pending to decide, a 督办 record to instruct on). */
  when?: (s: Suggestion) => boolean;
  /** The 409's words when the status allows the action but `when` does not (e.g. adopted already); else the status. */
  refusal?: (s: Suggestion) => MessageKey;
  decide(input: z.output<S>, ctx: ActionContext): Outcome | Promise<Outcome>;
}

/** Declares one action (the identity function: it only lets TypeScript tie the decision's input to the schema). */
export function staffAction<S extends z.ZodType>(definition: StaffActionDefinition<S>): StaffActionDefinition<S> {
  return definition;
}
