/**
 * The table of staff actions on one suggestion. Each is one record (its file): the body it takes, who may take it
 * and when, and what it decides. Its name here is its name everywhere: the route
 * (POST /api/staff/suggestions/{id}/<name>, made in shared/http/routes.ts from the names), the detail view's
 * `availableActions`, the web console's form and messages. Adding an action: its file, its name in names.ts and a
 * line here (the compiler refuses one without the other), and its form and messages in the web app.
 */
import type { z } from 'zod';
import type { StaffActionName } from './names';
import type { StaffActionDefinition } from './staff-action';
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
// Adoption records (issue 10, point 4).
import { adopt } from './adopt';
import { adoptionProgress } from './adoption-progress';
import { correctAdoption } from './correct-adoption';
import { featureIdea } from './feature-idea';
import { unfeatureIdea } from './unfeature-idea';

export { staffActionNames, type StaffActionName } from './names';

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
  adopt,
  adoptionProgress,
  correctAdoption,
  featureIdea,
  unfeatureIdea,
  // Any schema: each record's decision is typed by its own.
} satisfies { [N in StaffActionName]: StaffActionDefinition<any> };

/** The body a client sends for an action. */
export type StaffActionRequest<N extends StaffActionName> = z.input<(typeof staffActions)[N]['schema']>;
