/**
 * 批量导入 (issue 12): the intake's dependencies as the import worker builds them (the same as the
 * public intake's: shared/use-cases/submit-suggestion.ts), so an imported row is taken in exactly like any other.
 */
import { orgId as configuredOrgId, publicBaseUrl, rateLimiter, suggestionStore, supervision, systemClock, systemRandomBytes } from './composition';
import { campaignStore } from './composition-campaigns';
import { workflowEngine } from './composition-sfn';
import { notificationQueue } from './composition-sqs';
import { secretFromEnvironment } from './server-secret';
import { screeningDueAt } from '../domain/suggestion/phase-deadlines';
import { log } from '../observability/log';
import { deadlinePolicy } from '../use-cases/org-calendar';
import type { SubmitDeps } from '../use-cases/submit-suggestion';

export function importSubmitDeps(): SubmitDeps {
  const policies = supervision();
  const pinSecret = secretFromEnvironment('PIN_SECRET');
  return {
    store: suggestionStore(),
    campaigns: campaignStore(),
    rateLimiter: rateLimiter(),
    workflow: workflowEngine(),
    notifications: notificationQueue(),
    clock: systemClock,
    randomBytes: systemRandomBytes,
    // Checked when a chunk runs (this worker also runs exports, which need no PIN).
    pinSecret: pinSecret ?? (() => Promise.reject(new Error('PIN_SECRET_ARN (on AWS) or PIN_SECRET_FILE (locally) must be set'))),
    screeningDueAt: async (submittedAt: Date, campaignId?: string) => {
      const { calendar, limits } = await deadlinePolicy(policies, configuredOrgId(), campaignId);
      return screeningDueAt(submittedAt, limits, calendar);
    },
    publicBaseUrl: publicBaseUrl(),
    log,
  };
}
