/**
 * What an organizer may write into a campaign: the editor (web) and the API check the same schema. The window and
 * the lifecycle's rules on what may change once it is open are in lifecycle.ts.
 */
import * as z from 'zod';
import { categories } from '../intake/categories';
import { questionnaireSchema } from '../questionnaire/questionnaire';
import { campaignIdPattern, responsePolicies, stationIdPattern } from './campaign';

export const campaignLimits = {
  titleMax: 100,
  themeMax: 5000,
  stations: 200,
  stationNameMax: 60,
  targetDepartments: 50,
  summaryMax: 10000,
} as const;

const instant = z.iso.datetime({ offset: true, message: 'instant' });

export const stationSchema = z.strictObject({
  id: z.string().regex(stationIdPattern, { message: 'stationIdFormat' }),
  name: z.string().trim().min(1).max(campaignLimits.stationNameMax),
});

const campaignFields = {
  title: z.string().trim().min(1).max(campaignLimits.titleMax),
  titleEn: z.string().trim().max(campaignLimits.titleMax).optional(),
  theme: z.string().trim().min(1).max(campaignLimits.themeMax),
  themeEn: z.string().trim().max(campaignLimits.themeMax).optional(),
  categories: z.array(z.enum(categories)).min(1).max(categories.length),
  opensAt: instant,
  closesAt: instant,
  targetDepartmentIds: z.array(z.string().min(1).max(64)).max(campaignLimits.targetDepartments),
  questionnaire: questionnaireSchema.optional(),
  responsePolicy: z.enum(responsePolicies),
  stations: z.array(stationSchema).max(campaignLimits.stations),
};

function checkCampaign(c: { opensAt: string; closesAt: string; stations: { id: string }[]; categories: string[] }, ctx: z.RefinementCtx): void {
  if (Date.parse(c.closesAt) <= Date.parse(c.opensAt)) ctx.addIssue({ code: 'custom', message: 'closesBeforeOpens', path: ['closesAt'] });
  const stationIds = c.stations.map((s) => s.id);
  if (new Set(stationIds).size !== stationIds.length) ctx.addIssue({ code: 'custom', message: 'duplicateId', path: ['stations'] });
  if (new Set(c.categories).size !== c.categories.length) ctx.addIssue({ code: 'custom', message: 'duplicateId', path: ['categories'] });
}

/** The fields an organizer edits (an update). */
export const campaignDraftSchema = z.strictObject(campaignFields).superRefine(checkCampaign);
export type CampaignDraft = z.output<typeof campaignDraftSchema>;

/** A new campaign: the fields and its slug, fixed from then on. */
export const newCampaignSchema = z
  .strictObject({ id: z.string().regex(campaignIdPattern, { message: 'campaignIdFormat' }), ...campaignFields })
  .superRefine(checkCampaign);

/** Publishing the results: the organizer's summary (zh-CN, optional English). */
export const campaignResultsSchema = z.strictObject({
  summary: z.string().trim().min(1).max(campaignLimits.summaryMax),
  summaryEn: z.string().trim().max(campaignLimits.summaryMax).optional(),
});
