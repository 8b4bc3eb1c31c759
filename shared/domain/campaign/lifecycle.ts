/**
 * The campaign lifecycle: draft -> scheduled -> open -> closed -> published. The organizer schedules (and may
 * unschedule before it opens), may close early, and publishes the results; the scheduled job opens and closes on
 * time (no one presses a button at midnight). Every change goes through `changeCampaignState`, which checks it is
 * allowed and records it in the campaign's history.
 */
import { ConflictError, IllegalTransitionError, ValidationError } from '../errors';
import type { Campaign, CampaignResults, CampaignState } from './campaign';
import type { CampaignDraft } from './campaign-schema';
import type { Questionnaire } from '../questionnaire/questionnaire';

export const campaignActions = ['schedule', 'unschedule', 'open', 'close', 'publish'] as const;
export type CampaignAction = (typeof campaignActions)[number];

const allowedFrom: Record<CampaignAction, { from: readonly CampaignState[]; to: CampaignState }> = {
  schedule: { from: ['draft'], to: 'scheduled' },
  unschedule: { from: ['scheduled'], to: 'draft' },
  open: { from: ['scheduled'], to: 'open' },
  close: { from: ['open', 'scheduled'], to: 'closed' },
  publish: { from: ['closed'], to: 'published' },
};

export interface StateChangeInput {
  action: CampaignAction;
  at: Date;
  /** A staff member's name, or `system` for the scheduled job. */
  by: string;
  reason?: string;
  results?: Omit<CampaignResults, 'publishedAt' | 'publishedBy'>;
}

/** The campaign after the change, with its history extended; throws when the change is not allowed now. */
export function changeCampaignState(c: Campaign, input: StateChangeInput): Campaign {
  const rule = allowedFrom[input.action];
  if (!rule.from.includes(c.state)) throw new IllegalTransitionError('error.illegalTransition', { from: c.state, action: input.action });
  const now = input.at.getTime();
  if (input.action === 'schedule' && Date.parse(c.closesAt) <= now) throw new ValidationError({ closesAt: { rule: 'closesInPast' } });
  if (input.action === 'open' && Date.parse(c.opensAt) > now) throw new ConflictError('error.campaignNotYet', { opensAt: c.opensAt });
  if (input.action === 'publish' && !input.results) throw new ValidationError({ summary: { rule: 'required' } });
  const at = input.at.toISOString();
  return {
    ...c,
    state: rule.to,
    ...(input.action === 'close' && Date.parse(c.closesAt) > now ? { closesAt: at } : {}),
    ...(input.action === 'publish' && input.results ? { results: { ...input.results, publishedAt: at, publishedBy: input.by } } : {}),
    history: [...c.history, { at, from: c.state, to: rule.to, by: input.by, ...(input.reason ? { reason: input.reason } : {}) }],
    updatedAt: at,
  };
}

/**
 * What the scheduled job should do to this campaign now: open a scheduled one whose window began, close an open
 * (or still scheduled) one whose window ended. A campaign whose whole window passed between two runs is closed
 * directly: its history still says it was scheduled for that window.
 */
export function dueCampaignAction(c: Pick<Campaign, 'state' | 'opensAt' | 'closesAt'>, now: Date): 'open' | 'close' | undefined {
  const t = now.getTime();
  if ((c.state === 'open' || c.state === 'scheduled') && t >= Date.parse(c.closesAt)) return 'close';
  if (c.state === 'scheduled' && t >= Date.parse(c.opensAt)) return 'open';
  return undefined;
}

/**
 * Whether the campaign takes submissions and responses at this instant: scheduled or open, and inside its window.
 * The window decides, not the stored state alone, so between a deadline and the job's next run nothing slips in.
 */
export function isAccepting(c: Pick<Campaign, 'state' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  const t = now.getTime();
  return (c.state === 'scheduled' || c.state === 'open') && Date.parse(c.opensAt) <= t && t < Date.parse(c.closesAt);
}

/** Throws 409 naming the window when the campaign does not take submissions or responses now. */
export function requireAccepting(c: Pick<Campaign, 'state' | 'opensAt' | 'closesAt' | 'title'>, now: Date): void {
  if (isAccepting(c, now)) return;
  const key = c.state === 'draft' || Date.parse(c.opensAt) > now.getTime() ? 'error.campaignNotYet' : 'error.campaignClosed';
  throw new ConflictError(key, { title: c.title, opensAt: officeMinute(c.opensAt), closesAt: officeMinute(c.closesAt) }, 'campaign_window');
}

/** An instant as the office reads it: `2026-12-01 09:00` in China Standard Time. */
export function officeMinute(at: string): string {
  return new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Applies an organizer's edit. Before it opens anything may change. Once open, the window may only end later or
 * sooner (not before now) and the opening stays; the questionnaire may gain questions and options and reword them,
 * but no question or option that responses may already hold is removed or changes type, so every stored answer
 * still reads. Closed and published campaigns change only through publishing.
 */
export function editCampaign(c: Campaign, draft: CampaignDraft, at: Date): Campaign {
  if (c.state === 'closed' || c.state === 'published') throw new IllegalTransitionError('error.illegalTransition', { from: c.state, action: 'edit' });
  if (c.state === 'open') {
    if (draft.opensAt !== c.opensAt && Date.parse(draft.opensAt) !== Date.parse(c.opensAt)) throw new ValidationError({ opensAt: { rule: 'fixedWhenOpen' } });
    if (Date.parse(draft.closesAt) <= at.getTime()) throw new ValidationError({ closesAt: { rule: 'closesInPast' } });
    const problem = questionnaireKeeps(c.questionnaire, draft.questionnaire);
    if (problem) throw new ValidationError({ [problem]: { rule: 'keptWhenOpen' } });
  }
  if (c.state === 'scheduled' && Date.parse(draft.closesAt) <= at.getTime()) throw new ValidationError({ closesAt: { rule: 'closesInPast' } });
  const { titleEn, themeEn, questionnaire, ...rest } = draft;
  const { titleEn: _t, themeEn: _th, questionnaire: _q, ...kept } = c;
  return {
    ...kept,
    ...rest,
    ...(titleEn ? { titleEn } : {}),
    ...(themeEn ? { themeEn } : {}),
    ...(questionnaire ? { questionnaire } : {}),
    updatedAt: at.toISOString(),
  };
}

/** The field path of the first thing an open campaign's edit would lose from its questionnaire, if any. */
function questionnaireKeeps(before: Questionnaire | undefined, after: Questionnaire | undefined): string | undefined {
  if (!before) return undefined;
  if (!after) return 'questionnaire';
  for (const question of before.questions) {
    const index = after.questions.findIndex((q) => q.id === question.id);
    const next = after.questions[index];
    if (!next) return 'questionnaire.questions';
    if (next.type !== question.type) return `questionnaire.questions.${index}.type`;
    const ids = (list: { id: string }[] | undefined) => (list ?? []).map((o) => o.id);
    const lists = (q: typeof question): Array<[string, string[]]> => [
      ['options', ids('options' in q ? q.options : undefined)],
      ['rows', ids(q.type === 'matrix' ? q.rows : undefined)],
      ['columns', ids(q.type === 'matrix' ? q.columns : undefined)],
    ];
    for (const [name, kept] of lists(question)) {
      const now = new Map(lists(next)).get(name) ?? [];
      if (!kept.every((id) => now.includes(id))) return `questionnaire.questions.${index}.${name}`;
    }
  }
  return undefined;
}
