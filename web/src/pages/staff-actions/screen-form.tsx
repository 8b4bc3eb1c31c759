/**
 * 筛查 (screen): the dispatcher's decision on a new suggestion — valid and assigned (category, tier, lead and
 * co-handling departments), not accepted (with a reason the citizen is told), or a duplicate merged into its
 * master (by tracking code).
 */
import { useState } from 'preact/hooks';
import type { Category } from '../../../../shared/domain/intake/categories';
import { tiers, type Tier } from '../../../../shared/domain/suggestion/suggestion';
import { normaliseTrackingCode } from '../../../../shared/domain/suggestion/tracking-code';
import type { Department } from '../../../../shared/http/api-types';
import { CategoryOptions } from '../../components/category-options';
import { Field } from '../../components/field';
import { RadioChoices } from '../../components/radio-choices';
import { t as translateUi, useI18n } from '../../i18n';
import type { StaffActionBodies } from '../../staff-api';
import { required, useActionSender, type ActionContext, type Problems } from './action-sender';
import { FormFrame } from './form-frame';
import { TextArea } from './text-area';

const decisions = ['assign', 'reject', 'merge'] as const;
type Decision = (typeof decisions)[number];

/** Every field of the request, so a server message on any of them shows at its control. */
const screenFields = ['decision', 'category', 'tier', 'leadDepartmentId', 'cohandlerDepartmentIds', 'note', 'reason', 'masterTrackingCode'];

export function ScreenForm({ context }: { context: ActionContext }) {
  const { t, locale } = useI18n();
  const { detail, departments } = context;
  const sender = useActionSender(context, 'screen');
  const [decision, setDecision] = useState<Decision>('assign');
  const [category, setCategory] = useState(detail.category);
  const [tier, setTier] = useState<Tier | ''>(detail.tier ?? '');
  const [lead, setLead] = useState(detail.leadDepartmentId ?? '');
  const [cohandlers, setCohandlers] = useState<string[]>(detail.cohandlerDepartmentIds ?? []);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [master, setMaster] = useState('');
  const [problems, setProblems] = useState<Problems>({});

  const fields = sender.outcome.fields;
  const error = (name: string) => problems[name] ?? fields[name];
  const departmentLabel = (d: Department) => (locale === 'en' ? d.en : d.name);
  const targets = departments.filter((d) => detail.campaign?.targetDepartmentIds.includes(d.id));

  async function submit(): Promise<void> {
    const found: Problems = {};
    let body: StaffActionBodies['screen'];
    if (decision === 'assign') {
      if (!category) found.category = required();
      if (!tier) found.tier = required();
      if (!lead) found.leadDepartmentId = required();
      body = {
        decision,
        category: category as Category,
        tier: tier as Tier,
        leadDepartmentId: lead,
        ...(cohandlers.length ? { cohandlerDepartmentIds: cohandlers.filter((id) => id !== lead) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      };
    } else if (decision === 'reject') {
      if (!reason.trim()) found.reason = required();
      body = { decision, reason: reason.trim() };
    } else {
      const code = normaliseTrackingCode(master);
      if (!code) found.masterTrackingCode = translateUi(master.trim() ? 'rule.trackingCodeFormat' : 'rule.required');
      else if (code === detail.trackingCode) found.masterTrackingCode = t('act.mergeSelf');
      body = { decision, masterTrackingCode: code ?? master, ...(note.trim() ? { note: note.trim() } : {}) };
    }
    setProblems(found);
    if (Object.keys(found).length) {
      sender.refuse();
      return;
    }
    const ok = await sender.send(body);
    if (!ok) sender.focusProblem();
  }

  const tierError = error('tier');
  const cohandlerError = error('cohandlerDepartmentIds');
  return (
    <FormFrame sender={sender} known={screenFields} submitLabel={t(`act.screen.submit.${decision}`)} onSubmit={submit}>
      <RadioChoices
        idPrefix="a-screen"
        name="a-screen-decision"
        legend={t('act.screen.decision')}
        options={decisions}
        value={decision}
        label={(value) => t(`act.screen.${value}`)}
        onChange={(value) => {
          setDecision(value);
          setProblems({});
          sender.clear();
        }}
      />

      {decision === 'assign' && (
        <>
          <Field id="a-screen-category" label={t('queue.category')} error={error('category')}>
            {(control) => (
              <select {...control} value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
                <CategoryOptions none={t('submit.categoryPlaceholder')} />
              </select>
            )}
          </Field>
          <RadioChoices
            idPrefix="a-screen-tier"
            name="a-screen-tier"
            legend={t('detail.tier')}
            hint={t('act.screen.tierHint')}
            error={tierError}
            options={tiers}
            value={tier}
            label={(value) => t(`tier.${value}`)}
            onChange={setTier}
          />
          <Field id="a-screen-lead" label={t('detail.lead')} error={error('leadDepartmentId')}>
            {(control) => (
              <select
                {...control}
                value={lead}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setLead(value);
                  setCohandlers((current) => current.filter((id) => id !== value));
                }}
              >
                <option value="">{t('act.screen.leadPlaceholder')}</option>
                {/* A campaign's target departments first: its suggestions are meant for them. */}
                {targets.length > 0 && (
                  <optgroup label={t('act.screen.campaignTargets')}>
                    {targets.map((d) => (
                      <option key={d.id} value={d.id}>
                        {departmentLabel(d)}
                      </option>
                    ))}
                  </optgroup>
                )}
                {departments
                  .filter((d) => !targets.includes(d))
                  .map((d) => (
                    <option key={d.id} value={d.id}>
                      {departmentLabel(d)}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <fieldset class={cohandlerError ? 'choices field-invalid' : 'choices'}>
            <legend>
              {t('detail.cohandlers')} <span class="optional">({t('common.optional')})</span>
            </legend>
            {cohandlerError && <p class="field-error">{cohandlerError}</p>}
            <div class="check-grid">
              {departments
                .filter((d) => d.id !== lead)
                .map((d) => (
                  <div class="choice" key={d.id}>
                    <input
                      type="checkbox"
                      id={`a-screen-co-${d.id}`}
                      value={d.id}
                      checked={cohandlers.includes(d.id)}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setCohandlers((current) => (checked ? [...current, d.id] : current.filter((id) => id !== d.id)));
                      }}
                    />
                    <label for={`a-screen-co-${d.id}`}>{departmentLabel(d)}</label>
                  </div>
                ))}
            </div>
          </fieldset>
          <TextArea id="a-screen-note" label={t('act.note')} optional value={note} onInput={setNote} error={error('note')} rows={2} />
        </>
      )}

      {decision === 'reject' && (
        <TextArea
          id="a-screen-reason"
          label={t('act.screen.rejectReason')}
          hint={t('act.screen.rejectHint')}
          value={reason}
          onInput={setReason}
          error={error('reason')}
        />
      )}

      {decision === 'merge' && (
        <>
          <Field id="a-screen-master" label={t('act.screen.master')} hint={t('act.screen.masterHint')} error={error('masterTrackingCode')}>
            {(control) => (
              <input
                {...control}
                type="text"
                class="mono"
                autoComplete="off"
                autoCapitalize="characters"
                spellcheck={false}
                maxLength={12}
                value={master}
                onInput={(e) => setMaster(e.currentTarget.value)}
              />
            )}
          </Field>
          <TextArea id="a-screen-note" label={t('act.note')} optional value={note} onInput={setNote} error={error('note')} rows={2} />
        </>
      )}

    </FormFrame>
  );
}
