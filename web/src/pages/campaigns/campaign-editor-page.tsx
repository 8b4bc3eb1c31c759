/**
 * The campaign editor (#/staff/campaigns/new and #/staff/campaigns/{id}).
 * Primary course:
 * 1. A new campaign starts empty; an existing one loads (GET …/{id}) into the form, times shown in Beijing time.
 * 2. The organizer edits the fields, the stations and the questionnaire (the builder).
 * 3. On save the body is checked with the shared schema the API uses (newCampaignSchema / campaignDraftSchema);
 *    problems are listed in a summary linking to each control, and shown at it.
 * 4. It is sent (POST, or PUT with the version the page holds); the server's field errors are shown the same way,
 *    a 409 says someone else changed it. A new campaign then opens at its own address.
 * 5. Beside the form: the lifecycle (schedule, unschedule, close early, publish) and its history, and the links to
 *    its results, time limits, poster, close report and public page.
 * Closed and published campaigns are read-only, as they are for staff who are neither organizers nor admins.
 */
import { CoverUpload } from './cover-upload';
import '../../zod-without-eval';
import { useState } from 'preact/hooks';
import { campaignLimits, campaignDraftSchema, newCampaignSchema } from '../../../../shared/domain/campaign/campaign-schema';
import { responsePolicies } from '../../../../shared/domain/campaign/campaign';
import type { FieldProblem } from '../../../../shared/domain/errors';
import { ruleText } from '../../../../shared/domain/i18n/messages';
import { categories } from '../../../../shared/domain/intake/categories';
import { toFieldProblems } from '../../../../shared/domain/validation';
import { RequestError, failureMessage } from '../../api';
import { campaignForm, campaignInput, controlId, emptyCampaignForm, nearestControl, newStation, type CampaignFormDraft } from '../../campaigns/campaign-form';
import { fieldLabel } from '../../campaigns/field-labels';
import type { StaffCampaign } from '../../campaign-types';
import { ErrorAlert } from '../../components/error-alert';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary';
import { Field } from '../../components/field';
import { StaffPage } from '../../components/staff-page';
import { categoryName } from '../../format';
import { useI18n, type UiKey } from '../../i18n';
import { navigate } from '../../router';
import { createCampaign, getCampaign, saveCampaign } from '../../staff-api';
import { departmentName, useStaffBasics } from '../../staff-data';
import { useLoad } from '../../use-load';
import { CampaignLinks, StateBadge, canEditCampaigns } from './campaign-common';
import { CampaignLifecycle } from './campaign-lifecycle';
import { QuestionnaireBuilder } from './questionnaire-builder-view';
import './campaigns.css';

/** Set when a campaign was just created, so its own page (a new route) says so once. */
let justCreated: string | undefined;

function check(draft: CampaignFormDraft, isNew: boolean): { body?: Record<string, unknown>; problems: Record<string, FieldProblem> } {
  const input = campaignInput(draft, isNew);
  const result = (isNew ? newCampaignSchema : campaignDraftSchema).safeParse(input, { reportInput: true });
  if (result.success) return { body: result.data as Record<string, unknown>, problems: {} };
  const problems = toFieldProblems(result.error.issues);
  // An empty list or slug is simply missing, whatever rule it broke.
  if (problems.categories && !draft.categories.length) problems.categories = { rule: 'required' };
  if (problems.id && !draft.id.trim()) problems.id = { rule: 'required' };
  return { problems };
}

export function CampaignEditorPage({ id }: { id?: string }) {
  const { t, locale } = useI18n();
  const isNew = !id;
  const { me, departments } = useStaffBasics();
  const [draft, setDraftState] = useState<CampaignFormDraft>(emptyCampaignForm);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string | undefined>(() => (id && justCreated === id ? t('camp.created') : undefined));
  if (id && justCreated === id) justCreated = undefined;

  const load = useLoad<StaffCampaign | undefined>(() => (id ? getCampaign(id) : Promise.resolve(undefined)), [id], {
    onLoaded: (c) => {
      if (!c) return;
      setDraftState(campaignForm(c));
      setDirty(false);
    },
  });
  const campaign = load.data;
  const mayEdit = canEditCampaigns(me?.role);
  const frozen = campaign?.state === 'closed' || campaign?.state === 'published';
  const editable = mayEdit && !frozen && (isNew || !!campaign);

  function setDraft(next: CampaignFormDraft): void {
    setDraftState(next);
    setDirty(true);
    setStatus(undefined);
    // After a failed save, what is shown follows the edits: a fixed field's error goes at once.
    if (attempt) setProblems(check(next, isNew).problems);
  }

  function errorFor(path: string): string | undefined {
    const problem = problems[path];
    return problem ? ruleText(locale, problem) : serverFields[path];
  }

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    if (saving || !editable) return;
    setFormError(undefined);
    setStatus(undefined);
    const checked = check(draft, isNew);
    setProblems(checked.problems);
    setServerFields({});
    if (!checked.body) {
      setAttempt((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      if (isNew) {
        const created = await createCampaign(checked.body);
        justCreated = created.id;
        navigate(`/staff/campaigns/${encodeURIComponent(created.id)}`, {}, { replace: true });
        return;
      }
      const saved = await saveCampaign(id, checked.body, campaign!.version);
      load.setData(saved);
      setDraftState(campaignForm(saved));
      setDirty(false);
      setAttempt(0);
      setStatus(t('camp.saved'));
    } catch (caught) {
      if (caught instanceof RequestError && caught.fields) {
        setServerFields(caught.fields);
        setAttempt((n) => n + 1);
      } else {
        setFormError(failureMessage(caught));
      }
    } finally {
      setSaving(false);
    }
  }

  const shownFields = [...new Set([...Object.keys(problems), ...Object.keys(serverFields)])];
  const summary: SummaryItem[] = attempt
    ? shownFields.map((path) => ({
        key: path,
        label: fieldLabel(path, t),
        message: errorFor(path) ?? '',
        targetId: nearestControl(path, (candidate) => typeof document !== 'undefined' && !!document.getElementById(candidate)),
      }))
    : [];

  const heading = isNew ? t('camp.newHeading') : campaign ? t('camp.editHeading', { title: campaign.title }) : t('camp.heading');
  const set = <K extends keyof CampaignFormDraft>(key: K, value: CampaignFormDraft[K]) => setDraft({ ...draft, [key]: value });
  const toggle = <V extends string>(list: V[], value: V, on: boolean): V[] => (on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value));

  if (id && load.error && !campaign) {
    return (
      <StaffPage me={me} heading={t('camp.heading')}>
        <ErrorAlert message={load.error} />
      </StaffPage>
    );
  }
  if (id && !campaign) {
    return (
      <StaffPage me={me} heading={t('camp.heading')}>
        <p role="status">{t('common.loading')}</p>
      </StaffPage>
    );
  }

  return (
    <StaffPage me={me} heading={heading} class="campaign-editor">
      <p>
        <a href="#/staff/campaigns">{t('camp.back')}</a>
      </p>
      {campaign && (
        <>
          <p>
            <span class="mono">{campaign.id}</span> <StateBadge state={campaign.state} />
          </p>
          <CampaignLinks id={campaign.id} current="edit" />
        </>
      )}
      {!mayEdit && me && <p class="alert alert-info">{t('camp.readOnly')}</p>}
      {mayEdit && frozen && <p class="alert alert-info">{t('camp.frozen')}</p>}
      {mayEdit && campaign?.state === 'open' && <p class="alert alert-warning">{t('camp.openRules')}</p>}
      <p role="status" class={status ? 'alert alert-info' : 'visually-hidden'} data-testid="campaign-status">
        {status ?? ''}
      </p>

      <div class="editor-columns">
        <form class="form campaign-form" noValidate onSubmit={save} aria-labelledby="page-heading">
          <ErrorSummary items={summary} attempt={attempt} />
          <fieldset class="plain" disabled={!editable}>
            <h2>{t('camp.section.basics')}</h2>
            {isNew && (
              <Field id={controlId('id')} label={t('camp.f.id')} hint={t('camp.f.idHint')} error={errorFor('id')}>
                {(control) => <input {...control} type="text" class="mono" autoComplete="off" spellcheck={false} value={draft.id} onInput={(e) => set('id', e.currentTarget.value)} />}
              </Field>
            )}
            <Field id={controlId('title')} label={t('camp.f.title')} hint={t('camp.f.titleHint', { max: campaignLimits.titleMax })} error={errorFor('title')}>
              {(control) => <input {...control} type="text" value={draft.title} onInput={(e) => set('title', e.currentTarget.value)} />}
            </Field>
            <Field id={controlId('titleEn')} label={t('camp.f.titleEn')} optional error={errorFor('titleEn')}>
              {(control) => <input {...control} type="text" lang="en" value={draft.titleEn} onInput={(e) => set('titleEn', e.currentTarget.value)} />}
            </Field>
            <Field id={controlId('theme')} label={t('camp.f.theme')} hint={t('camp.f.themeHint')} error={errorFor('theme')}>
              {(control) => <textarea {...control} rows={6} value={draft.theme} onInput={(e) => set('theme', e.currentTarget.value)} />}
            </Field>
            <Field id={controlId('themeEn')} label={t('camp.f.themeEn')} optional error={errorFor('themeEn')}>
              {(control) => <textarea {...control} rows={4} lang="en" value={draft.themeEn} onInput={(e) => set('themeEn', e.currentTarget.value)} />}
            </Field>

            <fieldset class={errorFor('categories') ? 'choices field-invalid' : 'choices'} id={controlId('categories')} tabIndex={-1}>
              <legend>{t('camp.f.categories')}</legend>
              <p class="hint">{t('camp.f.categoriesHint')}</p>
              {errorFor('categories') && <p class="field-error">{errorFor('categories')}</p>}
              <div class="check-grid">
                {categories.map((category) => (
                  <div class="choice" key={category}>
                    <input
                      type="checkbox"
                      id={`cf-category-${category}`}
                      checked={draft.categories.includes(category)}
                      onChange={(e) => set('categories', toggle(draft.categories, category, e.currentTarget.checked))}
                    />
                    <label for={`cf-category-${category}`}>{categoryName(category, locale)}</label>
                  </div>
                ))}
              </div>
            </fieldset>

            <h2>{t('camp.section.window')}</h2>
            <p class="hint">{t('camp.f.windowHint')}</p>
            <div class="inline-fields">
              <Field id={controlId('opensAt')} label={t('camp.f.opensAt')} error={errorFor('opensAt')}>
                {(control) => <input {...control} type="datetime-local" value={draft.opensAt} onInput={(e) => set('opensAt', e.currentTarget.value)} />}
              </Field>
              <Field id={controlId('closesAt')} label={t('camp.f.closesAt')} error={errorFor('closesAt')}>
                {(control) => <input {...control} type="datetime-local" value={draft.closesAt} onInput={(e) => set('closesAt', e.currentTarget.value)} />}
              </Field>
            </div>

            <h2>{t('camp.section.handling')}</h2>
            <fieldset class={errorFor('targetDepartmentIds') ? 'choices field-invalid' : 'choices'} id={controlId('targetDepartmentIds')} tabIndex={-1}>
              <legend>{t('camp.f.departments')}</legend>
              <p class="hint">{t('camp.f.departmentsHint')}</p>
              {errorFor('targetDepartmentIds') && <p class="field-error">{errorFor('targetDepartmentIds')}</p>}
              {departments.length ? (
                <div class="check-grid">
                  {departments.map((department) => (
                    <div class="choice" key={department.id}>
                      <input
                        type="checkbox"
                        id={`cf-department-${department.id}`}
                        checked={draft.targetDepartmentIds.includes(department.id)}
                        onChange={(e) => set('targetDepartmentIds', toggle(draft.targetDepartmentIds, department.id, e.currentTarget.checked))}
                      />
                      <label for={`cf-department-${department.id}`}>{departmentName(departments, department.id, locale)}</label>
                    </div>
                  ))}
                </div>
              ) : (
                <p class="hint">{t('common.loading')}</p>
              )}
            </fieldset>

            <fieldset class={errorFor('responsePolicy') ? 'choices field-invalid' : 'choices'} id={controlId('responsePolicy')} tabIndex={-1}>
              <legend>{t('camp.f.policy')}</legend>
              {errorFor('responsePolicy') && <p class="field-error">{errorFor('responsePolicy')}</p>}
              {responsePolicies.map((policy) => (
                <div class="policy-choice" key={policy}>
                  <div class="choice">
                    <input
                      type="radio"
                      name="responsePolicy"
                      id={`cf-policy-${policy}`}
                      value={policy}
                      checked={draft.responsePolicy === policy}
                      aria-describedby={`cf-policy-${policy}-hint`}
                      onChange={() => set('responsePolicy', policy)}
                    />
                    <label for={`cf-policy-${policy}`}>{t(`camp.policy.${policy}` as UiKey)}</label>
                  </div>
                  <p class="hint" id={`cf-policy-${policy}-hint`}>
                    {t(`camp.policy.${policy}.help` as UiKey)}
                  </p>
                </div>
              ))}
            </fieldset>

            <section aria-labelledby="stations-heading" id={controlId('stations')} tabIndex={-1}>
              <h2 id="stations-heading">{t('camp.f.stations')}</h2>
              <p class="hint">{t('camp.f.stationsHint')}</p>
              {errorFor('stations') && <p class="field-error">{errorFor('stations')}</p>}
              {draft.stations.length > 0 && (
                <ol class="station-rows">
                  {draft.stations.map((station, index) => {
                    const name = t('camp.stationN', { n: index + 1 });
                    const edit = (patch: Partial<typeof station>) => set('stations', draft.stations.map((s, i) => (i === index ? { ...s, ...patch } : s)));
                    return (
                      <li key={station.key} class="station-row" data-testid="station-row">
                        <Field id={controlId(`stations.${index}.id`)} label={t('camp.f.stationIdOf', { station: name })} error={errorFor(`stations.${index}.id`)}>
                          {(control) => <input {...control} type="text" class="mono" autoComplete="off" value={station.id} onInput={(e) => edit({ id: e.currentTarget.value })} />}
                        </Field>
                        <Field id={controlId(`stations.${index}.name`)} label={t('camp.f.stationNameOf', { station: name })} error={errorFor(`stations.${index}.name`)}>
                          {(control) => <input {...control} type="text" value={station.name} onInput={(e) => edit({ name: e.currentTarget.value })} />}
                        </Field>
                        <button type="button" class="button button-small" onClick={() => set('stations', draft.stations.filter((_, i) => i !== index))} aria-label={t('camp.removeLabel', { what: name })}>
                          {t('camp.remove')}
                        </button>
                      </li>
                    );
                  })}
                </ol>
              )}
              <button type="button" class="button button-small" onClick={() => set('stations', [...draft.stations, newStation(draft.stations)])}>
                {t('camp.addStation')}
              </button>
            </section>

            <QuestionnaireBuilder draft={draft.questionnaire} errorFor={errorFor} onChange={(questionnaire) => set('questionnaire', questionnaire)} />
          </fieldset>

          {/* Beside the button that was pressed: a 409 (someone else saved) or a network failure. */}
          <ErrorAlert message={formError} />
          {editable && (
            <div class="actions save-bar">
              <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
                {saving ? t('camp.saving') : isNew ? t('camp.create') : t('camp.save')}
              </button>
              {dirty && <span class="hint">{t('camp.unsaved')}</span>}
            </div>
          )}
        </form>

        {campaign && mayEdit && !frozen && (
          <CoverUpload
            campaign={campaign}
            onUploaded={async () => {
              const fresh = await getCampaign(campaign.id);
              load.setData(fresh);
              if (!dirty) setDraftState(campaignForm(fresh));
            }}
          />
        )}
        {campaign && (
          <CampaignLifecycle
            campaign={campaign}
            canEdit={mayEdit}
            dirty={dirty}
            onChanged={(changed) => {
              load.setData(changed);
              if (!dirty) setDraftState(campaignForm(changed));
              setStatus(t('camp.stateChanged', { state: t(`camp.state.${changed.state}` as UiKey) }));
            }}
          />
        )}
      </div>
    </StaffPage>
  );
}
