/**
 * The actions panel of the staff detail page. It shows exactly the actions the server lists in
 * `detail.availableActions` (the server decides by role, department and state); each is a small form that
 * checks its required fields here first, is disabled while sending, shows the server's per-field messages,
 * replaces the detail with the server's answer on success, and on 409 (the suggestion moved on) shows the
 * server's message with a button to load the current state.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { categories } from '../../../shared/domain/intake/categories';
import { normaliseTrackingCode } from '../../../shared/domain/suggestion/tracking-code';
import { tiers, type Tier } from '../../../shared/domain/suggestion/suggestion';
import type { Department, ReplyTemplate, StaffSuggestionDetail } from '../../../shared/http/api-types';
import { RequestError } from '../api';
import { getReplyTemplates, saveReplyTemplate, staffAction, type StaffAction, type StaffActionBodies } from '../staff-api';
import { Field, focusFirstInvalid } from '../components/field';
import { categoryName, formatDateTime } from '../format';
import { t as translateUi, useI18n, type UiKey } from '../i18n';

/** The order the actions are offered in; anything else the server lists is not known to this page. */
export const actionOrder: readonly StaffAction[] = [
  'sign',
  'screen',
  'reply',
  'info-request',
  'extension-request',
  'extension-decision',
  'cohandler-opinion',
  'progress-note',
  'send-back',
  'escalation-instruction',
  'resume-workflow',
];

const actionLabel: Record<StaffAction, UiKey> = {
  screen: 'act.screen',
  sign: 'act.sign',
  'send-back': 'act.sendBack',
  'info-request': 'act.infoRequest',
  'extension-request': 'act.extensionRequest',
  'extension-decision': 'act.extensionDecision',
  reply: 'act.reply',
  'cohandler-opinion': 'act.opinion',
  'progress-note': 'act.progressNote',
  'escalation-instruction': 'act.instruction',
  'resume-workflow': 'act.resume',
};

export function isKnownAction(name: string): name is StaffAction {
  return (actionOrder as readonly string[]).includes(name);
}

type Problems = Record<string, string | undefined>;

const required = () => translateUi('rule.required');

interface ActionContext {
  detail: StaffSuggestionDetail;
  departments: Department[];
  onDone: (detail: StaffSuggestionDetail, action: StaffAction) => void;
  onReload: () => Promise<void>;
}

interface Outcome {
  /** A general message (server error without a field, network). */
  message?: string;
  /** The suggestion moved on (409): the message says to what; offer to reload. */
  conflict?: string;
  /** The server's per-field messages. */
  fields: Record<string, string>;
}

/** Sends one action; keeps the sending flag and what the server said. */
function useActionSender<A extends StaffAction>(context: ActionContext, action: A) {
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ fields: {} });

  async function send(body: StaffActionBodies[A]): Promise<boolean> {
    setSending(true);
    setOutcome({ fields: {} });
    try {
      const updated = await staffAction(context.detail.id, action, body);
      context.onDone(updated, action);
      return true;
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.status === 401) return false;
      if (caught.status === 409) setOutcome({ fields: {}, conflict: caught.message });
      else setOutcome({ fields: caught.fields ?? {}, message: caught.message });
      return false;
    } finally {
      setSending(false);
    }
  }

  return { sending, outcome, send, clear: () => setOutcome({ fields: {} }) };
}

/** The message area of one action form: the server's words, and for a 409 the way to the current state. */
function Feedback({ outcome, known, onReload }: { outcome: Outcome; known: string[]; onReload: () => Promise<void> }) {
  const { t } = useI18n();
  const [reloading, setReloading] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome.conflict) conflictRef.current?.focus();
  }, [outcome.conflict]);

  const unplaced = Object.entries(outcome.fields).filter(([name]) => !known.includes(name));
  return (
    <>
      {outcome.conflict && (
        <div class="alert alert-warning" role="alert" tabIndex={-1} ref={conflictRef} data-testid="action-conflict">
          <p class="alert-title">{t('act.conflict')}</p>
          <p>{outcome.conflict}</p>
          <button
            type="button"
            class="button button-small"
            disabled={reloading}
            onClick={async () => {
              setReloading(true);
              try {
                await onReload();
              } finally {
                setReloading(false);
              }
            }}
          >
            {reloading ? t('common.loading') : t('act.reload')}
          </button>
        </div>
      )}
      {outcome.message && (
        <div class="alert alert-error" role="alert">
          <p>{outcome.message}</p>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map(([name, message]) => (
                <li key={name}>
                  {name}: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

/** One action as a disclosure: its name as the summary, its form inside. */
function ActionBox({ action, open, children }: { action: StaffAction; open: boolean; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <details class="action-box" open={open} data-action={action}>
      <summary>{t(actionLabel[action])}</summary>
      <div class="action-body">{children}</div>
    </details>
  );
}

function SubmitButton({ sending, label }: { sending: boolean; label: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" class="button button-primary" disabled={sending} aria-busy={sending ? 'true' : undefined}>
      {sending ? t('act.sending') : label}
    </button>
  );
}

function TextArea(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  optional?: boolean;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error} optional={props.optional} hint={props.hint}>
      {(control) => (
        <textarea
          {...control}
          rows={props.rows ?? 4}
          maxLength={props.maxLength}
          class="short"
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

// ---- The forms ------------------------------------------------------------------------------------------

type Decision = 'assign' | 'reject' | 'merge';

function ScreenForm({ context }: { context: ActionContext }) {
  const { t, locale } = useI18n();
  const { detail, departments } = context;
  const sender = useActionSender(context, 'screen');
  const formRef = useRef<HTMLFormElement>(null);
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

  async function submit(): Promise<void> {
    const found: Problems = {};
    let body: StaffActionBodies['screen'];
    if (decision === 'assign') {
      if (!category) found.category = required();
      if (!tier) found.tier = required();
      if (!lead) found.leadDepartmentId = required();
      body = {
        decision,
        category,
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
      sender.clear();
      setTimeout(() => focusFirstInvalid(formRef.current));
      return;
    }
    const ok = await sender.send(body);
    if (!ok) setTimeout(() => focusFirstInvalid(formRef.current));
  }

  const tierError = error('tier');
  const cohandlerError = error('cohandlerDepartmentIds');
  return (
    <form
      noValidate
      ref={formRef}
      class="form action-form"
      data-testid="action-screen"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset class="choices">
        <legend>{t('act.screen.decision')}</legend>
        {(['assign', 'reject', 'merge'] as const).map((value) => (
          <div class="choice" key={value}>
            <input
              type="radio"
              id={`a-screen-${value}`}
              name="a-screen-decision"
              value={value}
              checked={decision === value}
              onChange={() => {
                setDecision(value);
                setProblems({});
                sender.clear();
              }}
            />
            <label for={`a-screen-${value}`}>{t(`act.screen.${value}`)}</label>
          </div>
        ))}
      </fieldset>

      {decision === 'assign' && (
        <>
          <Field id="a-screen-category" label={t('queue.category')} error={error('category')}>
            {(control) => (
              <select {...control} value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
                <option value="">{t('submit.categoryPlaceholder')}</option>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {categoryName(c, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset class={tierError ? 'choices field-invalid' : 'choices'} aria-describedby={tierError ? 'a-screen-tier-error' : 'a-screen-tier-hint'}>
            <legend>{t('detail.tier')}</legend>
            <p class="hint" id="a-screen-tier-hint">
              {t('act.screen.tierHint')}
            </p>
            {tierError && (
              <p class="field-error" id="a-screen-tier-error">
                {tierError}
              </p>
            )}
            {tiers.map((value) => (
              <div class="choice" key={value}>
                <input
                  type="radio"
                  id={`a-screen-tier-${value}`}
                  name="a-screen-tier"
                  value={value}
                  checked={tier === value}
                  aria-invalid={tierError ? 'true' : undefined}
                  onChange={() => setTier(value)}
                />
                <label for={`a-screen-tier-${value}`}>{t(`tier.${value}`)}</label>
              </div>
            ))}
          </fieldset>
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
                {departments.map((d) => (
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

      <Feedback
        outcome={sender.outcome}
        known={['decision', 'category', 'tier', 'leadDepartmentId', 'cohandlerDepartmentIds', 'note', 'reason', 'masterTrackingCode']}
        onReload={context.onReload}
      />
      <SubmitButton sending={sender.sending} label={t(`act.screen.submit.${decision}`)} />
    </form>
  );
}

/** Actions without input: sign, and (admin) resume a workflow that parked after an unexpected error. */
function ConfirmForm({ context, action, hint }: { context: ActionContext; action: 'sign' | 'resume-workflow'; hint: string }) {
  const { t } = useI18n();
  const sender = useActionSender(context, action);
  return (
    <form
      noValidate
      class="form action-form"
      data-testid={`action-${action}`}
      onSubmit={(event) => {
        event.preventDefault();
        void sender.send({});
      }}
    >
      <p class="hint">{hint}</p>
      <Feedback outcome={sender.outcome} known={[]} onReload={context.onReload} />
      <SubmitButton sending={sender.sending} label={t(actionLabel[action])} />
    </form>
  );
}

/** The forms that are one required text: send back (reason), info request (question), opinion, progress note and
 * instruction (text). */
function TextActionForm({
  context,
  action,
  field,
  label,
  hint,
}: {
  context: ActionContext;
  action: 'send-back' | 'info-request' | 'cohandler-opinion' | 'progress-note' | 'escalation-instruction';
  field: 'reason' | 'question' | 'text';
  label: string;
  hint?: string;
}) {
  const { t } = useI18n();
  const sender = useActionSender(context, action);
  const formRef = useRef<HTMLFormElement>(null);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();
  const id = `a-${action}-${field}`;

  async function submit(): Promise<void> {
    const text = value.trim();
    if (!text) {
      setProblem(required());
      sender.clear();
      setTimeout(() => focusFirstInvalid(formRef.current));
      return;
    }
    setProblem(undefined);
    const body = { [field]: text } as unknown as StaffActionBodies[typeof action];
    if (await sender.send(body)) setValue('');
    else setTimeout(() => focusFirstInvalid(formRef.current));
  }

  return (
    <form
      noValidate
      ref={formRef}
      class="form action-form"
      data-testid={`action-${action}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <TextArea id={id} label={label} hint={hint} value={value} onInput={setValue} error={problem ?? sender.outcome.fields[field]} />
      <Feedback outcome={sender.outcome} known={[field]} onReload={context.onReload} />
      <SubmitButton sending={sender.sending} label={t(actionLabel[action])} />
    </form>
  );
}

function ExtensionRequestForm({ context }: { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, 'extension-request');
  const formRef = useRef<HTMLFormElement>(null);
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const error = (name: string) => problems[name] ?? sender.outcome.fields[name];

  async function submit(): Promise<void> {
    const found: Problems = {};
    const trimmed = days.trim();
    const workingDays = Number(trimmed);
    if (!trimmed) found.workingDays = required();
    else if (!/^\d+$/.test(trimmed) || workingDays < 1 || workingDays > 30) {
      found.workingDays = translateUi('rule.range', { min: 1, max: 30 });
    }
    if (!reason.trim()) found.reason = required();
    setProblems(found);
    if (Object.keys(found).length) {
      sender.clear();
      setTimeout(() => focusFirstInvalid(formRef.current));
      return;
    }
    if (await sender.send({ workingDays, reason: reason.trim() })) {
      setDays('');
      setReason('');
    } else setTimeout(() => focusFirstInvalid(formRef.current));
  }

  return (
    <form
      noValidate
      ref={formRef}
      class="form action-form"
      data-testid="action-extension-request"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field id="a-ext-days" label={t('act.ext.days')} hint={t('act.ext.daysHint')} error={error('workingDays')}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            class="narrow-input"
            maxLength={2}
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
          />
        )}
      </Field>
      <TextArea id="a-ext-reason" label={t('act.ext.reason')} value={reason} onInput={setReason} error={error('reason')} />
      <Feedback outcome={sender.outcome} known={['workingDays', 'reason']} onReload={context.onReload} />
      <SubmitButton sending={sender.sending} label={t('act.extensionRequest')} />
    </form>
  );
}

function PendingExtension({ pending }: { pending: NonNullable<StaffSuggestionDetail['pendingExtension']> }) {
  const { t, locale } = useI18n();
  return (
    <dl class="facts" data-testid="pending-extension">
      <div>
        <dt>{t('act.ext.days')}</dt>
        <dd>{t('act.ext.daysValue', { days: pending.workingDays })}</dd>
      </div>
      <div>
        <dt>{t('act.ext.requested')}</dt>
        <dd>
          {pending.requestedBy} · {formatDateTime(pending.requestedAt, locale)}
        </dd>
      </div>
      <div class="span-all">
        <dt>{t('act.ext.reason')}</dt>
        <dd class="prewrap">{pending.reason}</dd>
      </div>
    </dl>
  );
}

function ExtensionDecisionForm({ context }: { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, 'extension-decision');
  const formRef = useRef<HTMLFormElement>(null);
  const [choice, setChoice] = useState<'approve' | 'deny' | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const pending = context.detail.pendingExtension;
  const choiceError = problem ?? sender.outcome.fields.approve;

  async function submit(): Promise<void> {
    if (!choice) {
      setProblem(required());
      sender.clear();
      setTimeout(() => focusFirstInvalid(formRef.current));
      return;
    }
    setProblem(undefined);
    await sender.send({ approve: choice === 'approve', ...(note.trim() ? { note: note.trim() } : {}) });
  }

  return (
    <form
      noValidate
      ref={formRef}
      class="form action-form"
      data-testid="action-extension-decision"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {pending ? <PendingExtension pending={pending} /> : <p class="hint">{t('act.ext.nonePending')}</p>}
      <fieldset class={choiceError ? 'choices field-invalid' : 'choices'} aria-describedby={choiceError ? 'a-extd-error' : undefined}>
        <legend>{t('act.ext.decision')}</legend>
        {choiceError && (
          <p class="field-error" id="a-extd-error">
            {choiceError}
          </p>
        )}
        {(['approve', 'deny'] as const).map((value) => (
          <div class="choice" key={value}>
            <input
              type="radio"
              id={`a-extd-${value}`}
              name="a-extd"
              value={value}
              checked={choice === value}
              aria-invalid={choiceError ? 'true' : undefined}
              onChange={() => setChoice(value)}
            />
            <label for={`a-extd-${value}`}>{t(`act.ext.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextArea id="a-extd-note" label={t('act.note')} optional value={note} onInput={setNote} error={sender.outcome.fields.note} rows={2} />
      <Feedback outcome={sender.outcome} known={['approve', 'note']} onReload={context.onReload} />
      <SubmitButton sending={sender.sending} label={t('act.extensionDecision')} />
    </form>
  );
}

function ReplyForm({ context }: { context: ActionContext }) {
  const { t } = useI18n();
  const sender = useActionSender(context, 'reply');
  const formRef = useRef<HTMLFormElement>(null);
  const [text, setText] = useState('');
  const [adopted, setAdopted] = useState(false);
  const [templates, setTemplates] = useState<ReplyTemplate[]>();
  const [templatesError, setTemplatesError] = useState<string>();
  const [templateId, setTemplateId] = useState('');
  const [problem, setProblem] = useState<string>();
  const [saveTitle, setSaveTitle] = useState('');
  const [saveProblem, setSaveProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [saveStatus, setSaveStatus] = useState('');
  const [saveError, setSaveError] = useState<string>();

  useEffect(() => {
    let live = true;
    getReplyTemplates().then(
      (loaded) => live && setTemplates(loaded),
      (caught: unknown) => live && caught instanceof RequestError && caught.status !== 401 && setTemplatesError(caught.message),
    );
    return () => {
      live = false;
    };
  }, []);

  async function submit(): Promise<void> {
    if (!text.trim()) {
      setProblem(required());
      sender.clear();
      setTimeout(() => focusFirstInvalid(formRef.current));
      return;
    }
    setProblem(undefined);
    const ok = await sender.send({ text: text.trim(), adopted, ...(templateId ? { templateId } : {}) });
    if (!ok) setTimeout(() => focusFirstInvalid(formRef.current));
  }

  async function saveTemplate(): Promise<void> {
    setSaveStatus('');
    setSaveError(undefined);
    if (!text.trim()) {
      setProblem(required());
      setTimeout(() => document.getElementById('a-reply-text')?.focus());
      return;
    }
    if (!saveTitle.trim()) {
      setSaveProblem(required());
      setTimeout(() => document.getElementById('a-reply-template-title')?.focus());
      return;
    }
    setSaveProblem(undefined);
    setSaving(true);
    try {
      const saved = await saveReplyTemplate(saveTitle.trim(), text.trim());
      const refreshed = saved ? undefined : await getReplyTemplates().catch(() => undefined);
      setTemplates((current) => refreshed ?? (saved ? [...(current ?? []).filter((x) => x.id !== saved.id), saved] : current));
      if (saved) setTemplateId(saved.id);
      setSaveStatus(t('act.reply.templateSaved', { title: saveTitle.trim() }));
      setSaveTitle('');
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.status !== 401) {
        const fieldMessage = caught.fields?.title;
        if (fieldMessage) setSaveProblem(fieldMessage);
        else setSaveError(caught.message);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      noValidate
      ref={formRef}
      class="form action-form"
      data-testid="action-reply"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field id="a-reply-template" label={t('act.reply.template')} optional hint={templatesError ?? t('act.reply.templateHint')}>
        {(control) => (
          <select
            {...control}
            value={templateId}
            disabled={!templates}
            onChange={(e) => {
              const id = e.currentTarget.value;
              setTemplateId(id);
              const chosen = templates?.find((x) => x.id === id);
              if (chosen) {
                setText(chosen.text);
                setProblem(undefined);
              }
            }}
          >
            <option value="">{templates ? t('act.reply.noTemplate') : t('common.loading')}</option>
            {templates?.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextArea
        id="a-reply-text"
        label={t('act.reply.text')}
        hint={t('act.reply.textHint')}
        value={text}
        onInput={setText}
        error={problem ?? sender.outcome.fields.text}
        rows={8}
      />
      <div class="check field">
        <input type="checkbox" id="a-reply-adopted" checked={adopted} onChange={(e) => setAdopted(e.currentTarget.checked)} />
        <label for="a-reply-adopted">{t('act.reply.adopted')}</label>
      </div>

      <div class="save-template">
        <Field id="a-reply-template-title" label={t('act.reply.templateTitle')} error={saveProblem} hint={t('act.reply.saveHint')}>
          {(control) => (
            <input {...control} type="text" maxLength={60} value={saveTitle} onInput={(e) => setSaveTitle(e.currentTarget.value)} />
          )}
        </Field>
        <button type="button" class="button button-small" disabled={saving} onClick={() => void saveTemplate()}>
          {saving ? t('act.sending') : t('act.reply.saveTemplate')}
        </button>
        <p role="status" class="hint">
          {saveStatus}
        </p>
        {saveError && (
          <p class="alert alert-error" role="alert">
            {saveError}
          </p>
        )}
      </div>

      <Feedback outcome={sender.outcome} known={['text', 'adopted', 'templateId']} onReload={context.onReload} />
      <SubmitButton sending={sender.sending} label={t('act.reply.submit')} />
    </form>
  );
}

// ---- The panel -----------------------------------------------------------------------------------------

export function ActionsPanel({
  detail,
  departments,
  onUpdated,
  onReload,
}: {
  detail: StaffSuggestionDetail;
  departments: Department[];
  onUpdated: (detail: StaffSuggestionDetail) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [done, setDone] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const available = actionOrder.filter((action) => detail.availableActions?.includes(action));

  const context: ActionContext = {
    detail,
    departments,
    onDone: (updated, action) => {
      onUpdated(updated);
      setDone(t('act.done', { action: t(actionLabel[action]) }));
      // The form that was used may be gone now (the actions changed): keep focus in the panel.
      setTimeout(() => statusRef.current?.focus());
    },
    onReload: async () => {
      setDone('');
      await onReload();
    },
  };

  // One form open at a time is the common case; with a single action it opens by itself.
  const openFirst = available.length === 1;
  return (
    <section class="card actions-panel" aria-labelledby="actions-heading" data-testid="actions-panel">
      <h2 id="actions-heading">{t('act.heading')}</h2>
      <p role="status" class={done ? 'alert alert-info' : 'visually-hidden'} tabIndex={-1} ref={statusRef} data-testid="action-done">
        {done}
      </p>
      {available.length === 0 && <p class="hint">{t('act.none')}</p>}
      {/* Keyed by the detail's state: after an action, the forms start afresh for what is possible now. */}
      <div key={`${detail.status}|${detail.timeline.length}`}>
        {available.map((action) => (
          <ActionBox key={action} action={action} open={openFirst}>
            {action === 'screen' && <ScreenForm context={context} />}
            {action === 'sign' && <ConfirmForm context={context} action="sign" hint={t('act.sign.hint')} />}
            {action === 'resume-workflow' && <ConfirmForm context={context} action="resume-workflow" hint={t('act.resume.hint')} />}
            {action === 'send-back' && (
              <TextActionForm context={context} action="send-back" field="reason" label={t('act.sendBack.reason')} hint={t('act.sendBack.hint')} />
            )}
            {action === 'info-request' && (
              <TextActionForm
                context={context}
                action="info-request"
                field="question"
                label={t('act.infoRequest.question')}
                hint={t('act.infoRequest.hint')}
              />
            )}
            {action === 'extension-request' && <ExtensionRequestForm context={context} />}
            {action === 'extension-decision' && <ExtensionDecisionForm context={context} />}
            {action === 'reply' && <ReplyForm context={context} />}
            {action === 'cohandler-opinion' && (
              <TextActionForm context={context} action="cohandler-opinion" field="text" label={t('act.opinion.text')} hint={t('act.opinion.hint')} />
            )}
            {action === 'progress-note' && (
              <TextActionForm context={context} action="progress-note" field="text" label={t('act.progressNote.text')} hint={t('act.progressNote.hint')} />
            )}
            {action === 'escalation-instruction' && (
              <TextActionForm context={context} action="escalation-instruction" field="text" label={t('act.instruction.text')} />
            )}
          </ActionBox>
        ))}
      </div>
    </section>
  );
}
