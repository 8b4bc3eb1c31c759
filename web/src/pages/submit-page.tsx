/**
 * The citizen's suggestion form (often opened from a QR poster on a phone).
 * Primary course:
 * 1. The citizen fills in title, content, category, optional address and contact; each field is checked on
 *    blur with the same zod schema the API uses, and a shown error clears as soon as it is fixed.
 * 2. On submit the whole form is checked; problems are listed in a summary that links to the fields.
 * 3. The submission is sent with one Idempotency-Key per form fill, reused on retry, so a double tap or a
 *    network retry never files two suggestions; the server's field errors are shown like the local ones. When the
 *    system is busy (503/429, or no answer) the page sends it again by itself, after the wait the server asks,
 *    and says meanwhile that the suggestion is safe and will not be filed twice.
 * 4. On 201 the receipt is kept for the receipt page and the citizen is taken there.
 * The same form is a campaign page's "add a suggestion" (pages/campaign): limited to the campaign's categories,
 * carrying its id and the poster's station (channel `qr`). The home page lists the open campaigns above it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { categories, categoryNames, type Category } from '../../../shared/domain/intake/categories';
import { describeField, ruleText } from '../../../shared/domain/i18n/messages';
import type { FieldProblem } from '../../../shared/domain/errors';
import type { Channel } from '../../../shared/domain/suggestion/suggestion';
import { RequestError, submitSuggestion } from '../api';
import { ErrorSummary, type SummaryItem } from '../components/error-summary';
import { Field } from '../components/field';
import { formatNumber } from '../format';
import { newIdempotencyKey } from '../idempotency';
import { useI18n } from '../i18n';
import { saveReceipt } from '../receipt-store';
import { isRetryable, sendWithRetry } from '../submit-retry';
import { navigate, pageParam, type Route } from '../router';

interface Draft {
  title: string;
  content: string;
  category: string;
  address: string;
  name: string;
  phone: string;
  email: string;
  consent: boolean;
  /** 在案例库中署名 (issue 11): the citizen may be named if the idea is featured in the case library. */
  creditConsent: boolean;
  /** The honeypot (shared/domain/intake/submission.ts): people never see it, bots fill it. */
  website: string;
}

const emptyDraft: Draft = { title: '', content: '', category: '', address: '', name: '', phone: '', email: '', consent: false, creditConsent: false, website: '' };

/** Schema field path → the control that shows it, in the order the form shows them. */
const controls: [string, string][] = [
  ['title', 'f-title'],
  ['content', 'f-content'],
  ['category', 'f-category'],
  ['location.address', 'f-address'],
  ['location', 'f-address'],
  ['contact.name', 'f-name'],
  ['contact.phone', 'f-phone'],
  ['contact.email', 'f-email'],
  ['contact.consent', 'f-consent'],
  ['contact.creditConsent', 'f-credit-consent'],
  ['contact', 'f-phone'],
  ['website', 'f-website'],
];
const controlFor = new Map(controls);
const fieldOrder = controls.map(([field]) => field);

/** Which schema fields a control's edits can fix; contact fields depend on each other. */
const draftFields: Record<keyof Draft, string> = {
  title: 'title',
  content: 'content',
  category: 'category',
  address: 'location.address',
  name: 'contact.name',
  phone: 'contact.phone',
  email: 'contact.email',
  consent: 'contact.consent',
  creditConsent: 'contact.creditConsent',
  website: 'website',
};

/**
 * The form survives leaving the page (e.g. to track another suggestion) until it is submitted, and with it the
 * Idempotency-Key of this fill: one per place the form is filled in (the home page, each campaign's page).
 */
const keptForms = new Map<string, { draft: Draft; idempotencyKey: string }>();

function blank(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

function toInput(draft: Draft, channel: Channel, campaignId: string | undefined, stationId?: string): Record<string, unknown> {
  const contactGiven = Boolean(draft.name.trim() || draft.phone.trim() || draft.email.trim() || draft.consent);
  return {
    title: draft.title,
    content: draft.content,
    category: blank(draft.category),
    channel,
    location: blank(draft.address) ? { address: draft.address } : undefined,
    contact: contactGiven
      ? {
          name: blank(draft.name),
          // People type "138 0013 8000" or "138-0013-8000"; the number is the same.
          phone: blank(draft.phone.replace(/[\s-]/g, '')),
          email: blank(draft.email),
          consent: draft.consent,
          ...(draft.creditConsent ? { creditConsent: true } : {}),
        }
      : undefined,
    campaignId: campaignId ? campaignId : undefined,
    stationId: campaignId && stationId ? stationId : undefined,
    website: draft.website === '' ? undefined : draft.website,
  };
}

type Checker = typeof import('../submission-check');
let checker: Checker | undefined;
let checkerLoading: Promise<Checker> | undefined;

/** The schema chunk, requested as soon as this module runs; a failed load (offline) is retried on submit. */
function loadChecker(): Promise<Checker> {
  checkerLoading ??= import('../submission-check').then(
    (module) => (checker = module),
    (error: unknown) => {
      checkerLoading = undefined;
      throw error;
    },
  );
  return checkerLoading;
}
loadChecker().catch(() => undefined);

/** The schema's problems, and a category the campaign does not offer (the server refuses it too). */
function problemsOf(check: Checker, input: Record<string, unknown>, offered?: readonly Category[]): Record<string, FieldProblem> {
  const result = check.check(input);
  const problems = result.ok ? {} : result.problems;
  return { ...problems, ...offeredProblem(input, offered) };
}

function offeredProblem(input: Record<string, unknown>, offered: readonly Category[] | undefined): Record<string, FieldProblem> {
  const category = input.category as Category | undefined;
  if (!offered || !category || offered.includes(category)) return {};
  return { category: { rule: 'oneOf', params: { options: offered.map((c) => categoryNames[c]['zh-CN']).join('、') } } };
}

type CampaignList = typeof import('../components/open-campaigns').OpenCampaigns;
let openCampaigns: CampaignList | undefined;

/** The open campaigns above the form: its own small chunk, after the form has painted (nothing if it fails). */
function LaterOpenCampaigns() {
  const [List, setList] = useState(() => openCampaigns);
  useEffect(() => {
    if (List) return;
    import('../components/open-campaigns').then(
      (module) => {
        openCampaigns = module.OpenCampaigns;
        setList(() => module.OpenCampaigns);
      },
      () => undefined,
    );
  }, []);
  return List ? <List /> : null;
}

export function SubmitPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const campaignId = pageParam(route, 'campaign');
  const channel: Channel = pageParam(route, 'channel') === 'qr' ? 'qr' : 'web';
  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        {t('submit.heading')}
      </h1>
      <p class="lead">{t('submit.intro')}</p>
      {campaignId ? <p class="notice">{t('submit.campaign', { id: campaignId })}</p> : <LaterOpenCampaigns />}
      <SuggestionForm campaignId={campaignId} channel={channel} receiptQuery={{ campaign: campaignId, channel: route.query.get('channel') ?? undefined }} />
    </section>
  );
}

export interface SuggestionFormProps {
  campaignId?: string;
  /** The categories the campaign offers; every category when absent. */
  categories?: readonly Category[];
  /** The station whose poster's QR code opened the page (only with a campaign). */
  stationId?: string;
  channel: Channel;
  /** The query the receipt page is opened with (its "make another" goes back with it). */
  receiptQuery?: Record<string, string | undefined>;
}

/** The suggestion form itself, on the home page and on a campaign's page. */
export function SuggestionForm({ campaignId, categories: offered, stationId, channel, receiptQuery }: SuggestionFormProps) {
  const { t, locale } = useI18n();
  const place = campaignId ?? '';
  const kept = keptForms.get(place) ?? { draft: { ...emptyDraft, category: offered?.length === 1 ? offered[0]! : '' }, idempotencyKey: newIdempotencyKey() };
  keptForms.set(place, kept);
  const keep = (next: { draft: Draft; idempotencyKey: string }) => keptForms.set(place, next);
  const [check, setCheck] = useState(checker);
  useEffect(() => {
    if (!check) loadChecker().then(setCheck, () => undefined);
  }, []);
  const limits = check?.limits;
  const [draft, setDraftState] = useState<Draft>(kept.draft);
  /** Local problems currently shown (a field shows its problem after blur or a submit attempt). */
  const [shown, setShown] = useState<Record<string, FieldProblem>>({});
  /** The server's field messages from the last 400, cleared field by field as the citizen edits. */
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  /** Set while the page waits to send again (the system was busy or the connection dropped). */
  const [retrying, setRetrying] = useState<{ attempt: number; seconds: number }>();
  const sendingRef = useRef(false);

  const input = toInput(draft, channel, campaignId, stationId);

  function setDraft(next: Draft): void {
    keep({ draft: next, idempotencyKey: keptForms.get(place)?.idempotencyKey ?? newIdempotencyKey() });
    setDraftState(next);
  }

  function edit<K extends keyof Draft>(key: K, value: Draft[K]): void {
    const next = { ...draft, [key]: value };
    setDraft(next);
    // Re-check what is shown: fixing one contact field can clear another's error.
    const problems = check ? problemsOf(check, toInput(next, channel, campaignId, stationId), offered) : {};
    setShown((current) => {
      const updated: Record<string, FieldProblem> = {};
      for (const field of Object.keys(current)) if (problems[field]) updated[field] = problems[field];
      return updated;
    });
    const field = draftFields[key];
    if (serverFields[field] !== undefined || (field.startsWith('contact.') && serverFields.contact !== undefined)) {
      setServerFields(({ [field]: _fixed, contact: _contact, ...rest }) => rest);
    }
  }

  /**
   * Set when a pointer goes down on the submit button. The blur that follows must not show an error: the
   * message would push the button down between press and release and the tap would miss it. Submit checks all.
   */
  const submitIntent = useRef(false);

  function blur(key: keyof Draft, event: FocusEvent): void {
    const towards = event.relatedTarget as HTMLButtonElement | null;
    if (!check || submitIntent.current || towards?.type === 'submit') return;
    const field = draftFields[key];
    const problem = problemsOf(check, input, offered)[field];
    setShown((current) => {
      const { [field]: _old, ...rest } = current;
      return problem ? { ...rest, [field]: problem } : rest;
    });
  }

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (sendingRef.current) return;
    setFormError(undefined);
    sendingRef.current = true;
    setSending(true);
    try {
      const result = (check ?? (await loadChecker())).check(input);
      const notOffered = offeredProblem(input, offered);
      if (!result.ok || Object.keys(notOffered).length) {
        setShown({ ...(result.ok ? {} : result.problems), ...notOffered });
        setAttempt((n) => n + 1);
        return;
      }
      const key = keptForms.get(place)?.idempotencyKey ?? kept.idempotencyKey;
      const receipt = await sendWithRetry(() => submitSuggestion(result.submission, key), { onWaiting: ({ attempt, seconds }) => setRetrying({ attempt, seconds }) });
      saveReceipt(receipt);
      keptForms.delete(place);
      navigate('/receipt', receiptQuery ?? {});
    } catch (error) {
      if (!(error instanceof RequestError)) {
        // The schema chunk could not be loaded: the connection is down.
        setFormError(t('submit.networkError'));
        setAttempt((n) => n + 1);
        return;
      }
      // A 4xx other than 429 means nothing was filed: the corrected form is a new submission with a new key.
      // On a network error or 5xx the key is kept, so the retry is recognised if the first one did land.
      if (error.status >= 400 && error.status < 500 && error.status !== 429) {
        keep({ draft, idempotencyKey: newIdempotencyKey() });
      }
      setServerFields(error.fields ?? {});
      setFormError(isRetryable(error) ? t('submit.stillBusy') : error.fields ? undefined : error.message);
      setAttempt((n) => n + 1);
    } finally {
      sendingRef.current = false;
      setSending(false);
      setRetrying(undefined);
    }
  }

  function errorFor(field: string): string | undefined {
    const problem = shown[field];
    if (problem) return ruleText(locale, problem);
    return serverFields[field];
  }

  const summaryFields = [...new Set([...Object.keys(shown), ...Object.keys(serverFields)])].sort(
    (a, b) => (fieldOrder.indexOf(a) + 1 || 99) - (fieldOrder.indexOf(b) + 1 || 99),
  );
  const summary: SummaryItem[] = attempt
    ? summaryFields.map((field) => ({
        key: field,
        label: describeField(locale, field),
        message: errorFor(field) ?? '',
        targetId: controlFor.get(field),
      }))
    : [];

  const contentLength = draft.content.trim().length;
  const over = limits ? contentLength - limits.contentMax : 0;
  const contactError = errorFor('contact');

  return (
    <>
      <ErrorSummary items={summary} attempt={attempt} />
      {formError && (
        <p class="alert alert-error" role="alert">
          {formError}
        </p>
      )}

      <form noValidate onSubmit={submit} class="form">
        <Field
          id="f-title"
          label={describeField(locale, 'title')}
          hint={limits && t('submit.titleHint', { max: limits.titleMax })}
          error={errorFor('title')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              name="title"
              autoComplete="off"
              value={draft.title}
              onInput={(e) => edit('title', e.currentTarget.value)}
              onBlur={(e) => blur('title', e)}
            />
          )}
        </Field>

        <Field
          id="f-content"
          label={describeField(locale, 'content')}
          hint={t('submit.contentHint')}
          error={errorFor('content')}
          after={{
            id: 'f-content-count',
            node: (
              <span class={over > 0 ? 'counter counter-over' : 'counter'}>
                {over > 0
                  ? t('submit.countOver', { over: formatNumber(over, locale) })
                  : limits &&
                    t('submit.count', {
                      count: formatNumber(contentLength, locale),
                      max: formatNumber(limits.contentMax, locale),
                    })}
              </span>
            ),
          }}
        >
          {(control) => (
            <textarea
              {...control}
              name="content"
              rows={7}
              value={draft.content}
              onInput={(e) => edit('content', e.currentTarget.value)}
              onBlur={(e) => blur('content', e)}
            />
          )}
        </Field>

        <Field id="f-category" label={describeField(locale, 'category')} error={errorFor('category')}>
          {(control) => (
            <select
              {...control}
              name="category"
              value={draft.category}
              onChange={(e) => edit('category', e.currentTarget.value)}
              onBlur={(e) => blur('category', e)}
            >
              <option value="">{t('submit.categoryPlaceholder')}</option>
              {(offered ?? categories).map((category: Category) => (
                <option key={category} value={category}>
                  {categoryNames[category][locale]}
                </option>
              ))}
            </select>
          )}
        </Field>

        <Field
          id="f-address"
          label={describeField(locale, 'location.address')}
          hint={t('submit.addressHint')}
          optional
          error={errorFor('location.address') ?? errorFor('location')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              name="address"
              autoComplete="street-address"
              value={draft.address}
              onInput={(e) => edit('address', e.currentTarget.value)}
              onBlur={(e) => blur('address', e)}
            />
          )}
        </Field>

        <fieldset class="contact">
          <legend>{t('submit.contactLegend')}</legend>
          <p class="hint">{t('submit.contactHint')}</p>
          <Field id="f-name" label={describeField(locale, 'contact.name')} optional error={errorFor('contact.name')}>
            {(control) => (
              <input
                {...control}
                type="text"
                name="name"
                autoComplete="name"
                value={draft.name}
                onInput={(e) => edit('name', e.currentTarget.value)}
                onBlur={(e) => blur('name', e)}
              />
            )}
          </Field>
          <Field
            id="f-phone"
            label={describeField(locale, 'contact.phone')}
            error={errorFor('contact.phone') ?? contactError}
          >
            {(control) => (
              <input
                {...control}
                type="tel"
                name="phone"
                inputMode="tel"
                autoComplete="tel-national"
                value={draft.phone}
                onInput={(e) => edit('phone', e.currentTarget.value)}
                onBlur={(e) => blur('phone', e)}
              />
            )}
          </Field>
          <Field id="f-email" label={describeField(locale, 'contact.email')} error={errorFor('contact.email')}>
            {(control) => (
              <input
                {...control}
                type="email"
                name="email"
                inputMode="email"
                autoComplete="email"
                value={draft.email}
                onInput={(e) => edit('email', e.currentTarget.value)}
                onBlur={(e) => blur('email', e)}
              />
            )}
          </Field>
          <div class={errorFor('contact.consent') ? 'field check field-invalid' : 'field check'}>
            {errorFor('contact.consent') && (
              <p class="field-error" id="f-consent-error">
                {errorFor('contact.consent')}
              </p>
            )}
            <input
              id="f-consent"
              type="checkbox"
              name="consent"
              checked={draft.consent}
              aria-invalid={errorFor('contact.consent') ? 'true' : undefined}
              aria-describedby={['f-consent-note', errorFor('contact.consent') && 'f-consent-error'].filter(Boolean).join(' ')}
              onChange={(e) => edit('consent', e.currentTarget.checked)}
              onBlur={(e) => blur('consent', e)}
            />
            <label for="f-consent">{t('submit.consent')}</label>
          </div>
          <p class="hint" id="f-consent-note">
            {t('submit.privacy')}
          </p>
          {/* Campaigns (issue 11): media — credited by name in the case library only if the citizen says so. */}
          <div class="field check">
            <input
              id="f-credit-consent"
              type="checkbox"
              name="creditConsent"
              checked={draft.creditConsent}
              aria-describedby="f-credit-consent-note"
              onChange={(e) => edit('creditConsent', e.currentTarget.checked)}
            />
            <label for="f-credit-consent">{t('cases.creditConsent')}</label>
          </div>
          <p class="hint" id="f-credit-consent-note">
            {t('cases.creditConsentHint')}
          </p>
        </fieldset>

        {/* The honeypot: off screen and hidden from screen readers, unless something filled it in — then it is shown
            with its error so the person can clear it. */}
        <div class={draft.website ? undefined : 'honeypot'} aria-hidden={draft.website ? undefined : 'true'}>
          <Field id="f-website" label={describeField(locale, 'website')} error={errorFor('website')}>
            {(control) => (
              <input
                {...control}
                type="text"
                name="website"
                tabIndex={draft.website ? 0 : -1}
                autoComplete="off"
                value={draft.website}
                onInput={(e) => edit('website', e.currentTarget.value)}
              />
            )}
          </Field>
        </div>

        <button
          type="submit"
          class="button button-primary"
          disabled={sending}
          aria-busy={sending}
          onPointerDown={() => {
            submitIntent.current = true;
            setTimeout(() => (submitIntent.current = false), 1000);
          }}
        >
          {sending ? t('submit.sending') : t('submit.button')}
        </button>
        <p role="status" class={retrying ? 'alert alert-info' : 'visually-hidden'} data-testid="submit-retrying">
          {retrying ? t('submit.retrying', { seconds: retrying.seconds, attempt: retrying.attempt }) : ''}
        </p>
      </form>
    </>
  );
}
