/**
 * The campaign editor's form, as plain state: what the organizer types (times as Beijing wall-clock text, the
 * questionnaire as a builder draft) and the body the API takes, checked by the shared newCampaignSchema (a new
 * campaign) or campaignDraftSchema (an edit) before it is sent.
 */
import type { Campaign, ResponsePolicy } from '../../../shared/domain/campaign/campaign';
import type { Category } from '../../../shared/domain/intake/categories';
import { beijingInputToIso, isoToBeijingInput } from './beijing-time';
import { emptyQuestionnaireDraft, questionnaireDraft, questionnaireInput, type QuestionnaireDraft } from './questionnaire-builder';

export interface StationDraft {
  key: string;
  id: string;
  name: string;
}

export interface CampaignFormDraft {
  /** The slug: typed for a new campaign only. */
  id: string;
  title: string;
  titleEn: string;
  theme: string;
  themeEn: string;
  categories: Category[];
  /** Beijing wall-clock times as a datetime-local input holds them ('2026-12-01T09:00'). */
  opensAt: string;
  closesAt: string;
  targetDepartmentIds: string[];
  responsePolicy: ResponsePolicy;
  stations: StationDraft[];
  questionnaire: QuestionnaireDraft;
}

export function emptyCampaignForm(): CampaignFormDraft {
  return {
    id: '',
    title: '',
    titleEn: '',
    theme: '',
    themeEn: '',
    categories: [],
    opensAt: '',
    closesAt: '',
    targetDepartmentIds: [],
    responsePolicy: 'any',
    stations: [],
    questionnaire: emptyQuestionnaireDraft(),
  };
}

let stationKeys = 0;
export function newStation(taken: readonly StationDraft[]): StationDraft {
  stationKeys += 1;
  let n = taken.length + 1;
  while (taken.some((s) => s.id === `station-${n}`)) n++;
  return { key: `s${stationKeys}`, id: `station-${n}`, name: '' };
}

export function campaignForm(c: Omit<Campaign, 'orgId'>): CampaignFormDraft {
  return {
    id: c.id,
    title: c.title,
    titleEn: c.titleEn ?? '',
    theme: c.theme,
    themeEn: c.themeEn ?? '',
    categories: [...c.categories],
    opensAt: isoToBeijingInput(c.opensAt),
    closesAt: isoToBeijingInput(c.closesAt),
    targetDepartmentIds: [...c.targetDepartmentIds],
    responsePolicy: c.responsePolicy,
    stations: c.stations.map((s) => {
      stationKeys += 1;
      return { key: `s${stationKeys}`, id: s.id, name: s.name };
    }),
    questionnaire: questionnaireDraft(c.questionnaire),
  };
}

/** A typed time as an instant; blank is missing, and anything else is passed on for the schema to refuse. */
function instant(value: string): string | undefined {
  if (!value.trim()) return undefined;
  return beijingInputToIso(value) ?? value;
}

const optional = (value: string) => (value.trim() ? value : undefined);

/**
 * The body to check and send: the fields of campaignDraftSchema, and the slug too for a new campaign. Blank
 * optional texts are left out; a questionnaire without questions is no questionnaire.
 */
export function campaignInput(draft: CampaignFormDraft, isNew: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    ...(isNew ? { id: draft.id.trim() } : {}),
    title: draft.title,
    titleEn: optional(draft.titleEn),
    theme: draft.theme,
    themeEn: optional(draft.themeEn),
    categories: draft.categories,
    opensAt: instant(draft.opensAt),
    closesAt: instant(draft.closesAt),
    targetDepartmentIds: draft.targetDepartmentIds,
    questionnaire: questionnaireInput(draft.questionnaire),
    responsePolicy: draft.responsePolicy,
    stations: draft.stations.map((s) => ({ id: s.id.trim(), name: s.name })),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** The id of the control that shows a field path's error ('questionnaire.questions.0.label.zh-CN' -> 'cf-questionnaire-questions-0-label-zh-CN'). */
export function controlId(path: string): string {
  return `cf-${path.replace(/\./g, '-')}`;
}

/**
 * The control to focus for an error at `path`: the path's own control if the page has it, else the nearest
 * enclosing one (an error on a whole list goes to the list), found with `exists`.
 */
export function nearestControl(path: string, exists: (id: string) => boolean): string | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const id = controlId(parts.slice(0, n).join('.'));
    if (exists(id)) return id;
  }
  return undefined;
}
