/**
 * The table of staff actions on one suggestion. Each is one record (its file): the body it takes, who may take it
 * and when, and what it decides. Its name here is its name everywhere: the route
 * (POST /api/staff/suggestions/{id}/<name>, made from this table in shared/http/routes.ts), the detail view's
 * `availableActions`, the web console's form and messages. Adding an action: its file, a line here, its form and
 * its messages in the web app.
 */
import type { z } from 'zod';
import { cohandlerOpinion } from './cohandler-opinion';
import { decideExtension } from './decide-extension';
import { instruct } from './instruct';
import { progressNote } from './progress-note';
import { reply } from './reply';
import { requestExtension } from './request-extension';
import { requestInfo } from './request-info';
import { resumeWorkflow } from './resume-workflow';
import { screen } from './screen';
import { sendBack } from './send-back';
import { sign } from './sign';

/** In the order the console offers them. */
export const staffActions = {
  screen,
  sign,
  sendBack,
  requestInfo,
  requestExtension,
  decideExtension,
  cohandlerOpinion,
  progressNote,
  reply,
  instruct,
  resumeWorkflow,
};

export type StaffActionName = keyof typeof staffActions;
export const staffActionNames = Object.keys(staffActions) as StaffActionName[];

/** The body a client sends for an action. */
export type StaffActionRequest<N extends StaffActionName> = z.input<(typeof staffActions)[N]['schema']>;

export function isStaffActionName(name: string): name is StaffActionName {
  return Object.hasOwn(staffActions, name);
}
