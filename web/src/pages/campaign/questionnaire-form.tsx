/**
 * A campaign's questionnaire on its public page.
 * Primary course:
 * 1. The person answers; questions with a display condition appear and disappear as they answer (the shared
 *    visibleQuestionIds, which the server applies too), and a hidden question's answer is not sent.
 * 2. The page says the campaign's policy: one response per phone (an SMS code is asked for before sending), one
 *    per browser, or none.
 * 3. On send the answers are checked as the server will; problems are listed in a summary linking to each question.
 * 4. The response goes out with a responseId made once for this filled form and kept until it is received, so a
 *    retry (a dropped connection, a busy server, a double tap) is the same response and counted once. While the
 *    system is busy the page sends it again by itself and says the answers are safe.
 * 5. On 201 (or 200 for a retry that had landed) it thanks them; the server's field errors and its 409s (outside
 *    the window, already answered) are shown in the person's language.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeField, ruleText } from '../../../../shared/domain/i18n/messages';
import { mobilePattern } from '../../../../shared/domain/intake/submission';
import { localText } from '../../../../shared/domain/questionnaire/questionnaire';
import type { PublicCampaign, Questionnaire } from '../../../../shared/http/api-types';
import { RequestError, requestPhoneCode, submitResponse } from '../../api';
import { assembleAnswers, shownQuestions, type AnswerDrafts } from '../../campaigns/answers';
import type { ResponseReceipt, ResponseRequest } from '../../campaign-types';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary';
import { Field } from '../../components/field';
import { formatDateTime } from '../../format';
import { newIdempotencyKey } from '../../idempotency';
import { tDynamic, useI18n } from '../../i18n';
import { isRetryable, sendWithRetry } from '../../submit-retry';
import { QuestionInput } from './question-input';

/** A filled form survives leaving the page until it is received, and with it its responseId. */
const keptForms = new Map<string, { drafts: AnswerDrafts; responseId: string }>();

const receiptKey = (campaignId: string) => `jianyi.response.${campaignId}`;
const browserKey = 'jianyi.browserId';

function readReceipt(campaignId: string): ResponseReceipt | undefined {
  try {
    const stored = localStorage.getItem(receiptKey(campaignId));
    return stored ? (JSON.parse(stored) as ResponseReceipt) : undefined;
  } catch {
    return undefined;
  }
}

function keepReceipt(campaignId: string, receipt: ResponseReceipt): void {
  try {
    localStorage.setItem(receiptKey(campaignId), JSON.stringify(receipt));
  } catch {
    // Not remembered: the thanks still shows now.
  }
}

/** This browser's id for the one-per-browser policy: made once, kept in localStorage. */
export function browserId(): string {
  try {
    const known = localStorage.getItem(browserKey);
    if (known) return known;
    const made = newIdempotencyKey();
    localStorage.setItem(browserKey, made);
    return made;
  } catch {
    return newIdempotencyKey();
  }
}

type Problem = { rule: string; params?: Record<string, string | number> };

const sharedRules = new Set(['required', 'range', 'tooLong', 'phone']);

function PhoneStep(props: { campaignId: string; phone: string; code: string; onPhone: (v: string) => void; onCode: (v: string) => void; errorFor: (field: string) => string | undefined }) {
  const { t, locale } = useI18n();
  const [sent, setSent] = useState<string>();
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const phone = props.phone.replace(/[\s-]/g, '');
  async function send(): Promise<void> {
    setError(undefined);
    if (!mobilePattern.test(phone)) {
      setError(ruleText(locale, { rule: 'phone' }));
      return;
    }
    setBusy(true);
    try {
      await requestPhoneCode(props.campaignId, phone);
      setSent(phone);
      setWait(60);
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      setError(caught.fields?.phone ?? caught.message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <fieldset class="cq-phone">
      <legend>{t('cp.phone.legend')}</legend>
      <p class="hint">{t('cp.phone.hint')}</p>
      <Field id="cq-phone" label={t('cp.phone.number')} error={error ?? props.errorFor('phone')}>
        {(control) => <input {...control} type="tel" inputMode="tel" autoComplete="tel-national" value={props.phone} onInput={(e) => props.onPhone(e.currentTarget.value)} />}
      </Field>
      <button type="button" class="button" disabled={busy || wait > 0} onClick={() => void send()}>
        {wait > 0 ? t('cp.phone.resendIn', { seconds: wait }) : sent ? t('cp.phone.resend') : t('cp.phone.send')}
      </button>
      <p role="status" class="hint">
        {sent ? t('cp.phone.sent', { phone: sent }) : ''}
      </p>
      <Field id="cq-code" label={t('cp.phone.code')} error={props.errorFor('phoneCode')}>
        {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="one-time-code" class="narrow-input" value={props.code} onInput={(e) => props.onCode(e.currentTarget.value)} />}
      </Field>
    </fieldset>
  );
}

export function QuestionnaireForm({ campaign, questionnaire, stationId, onSuggest }: { campaign: PublicCampaign; questionnaire: Questionnaire; stationId?: string; onSuggest: () => void }) {
  const { t, locale } = useI18n();
  const id = campaign.id;
  const kept = keptForms.get(id) ?? { drafts: {}, responseId: newIdempotencyKey() };
  keptForms.set(id, kept);
  const [drafts, setDraftsState] = useState<AnswerDrafts>(kept.drafts);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<Record<string, Problem>>({});
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const [retrying, setRetrying] = useState<{ attempt: number; seconds: number }>();
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState<ResponseReceipt | undefined>(() => (campaign.responsePolicy === 'any' ? undefined : readReceipt(id)));
  const [justSent, setJustSent] = useState(false);
  const sendingRef = useRef(false);
  const thanksRef = useRef<HTMLHeadingElement>(null);
  const questions = shownQuestions(questionnaire, drafts);

  useEffect(() => {
    if (justSent) thanksRef.current?.focus();
  }, [justSent]);

  function setDrafts(next: AnswerDrafts): void {
    keptForms.set(id, { drafts: next, responseId: keptForms.get(id)?.responseId ?? newIdempotencyKey() });
    setDraftsState(next);
    if (attempt) {
      // What is shown follows the edits: a fixed answer's error goes at once.
      const { problems } = assembleAnswers(questionnaire, next);
      setShown((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !field.startsWith('answers.') || problems[field]).map(([field, p]) => [field, problems[field] ?? p])));
    }
  }

  function edit(questionId: string, value: AnswerDrafts[string]): void {
    setDrafts({ ...drafts, [questionId]: value });
    if (serverFields[`answers.${questionId}`]) setServerFields(({ [`answers.${questionId}`]: _fixed, ...rest }) => rest);
  }

  function problemText(problem: Problem): string {
    return sharedRules.has(problem.rule) ? ruleText(locale, problem) : tDynamic(`cp.rule.${problem.rule}`, problem.rule, problem.params);
  }

  function errorFor(field: string): string | undefined {
    const problem = shown[field];
    return problem ? problemText(problem) : serverFields[field];
  }

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (sendingRef.current) return;
    setFormError(undefined);
    const { answers, problems } = assembleAnswers(questionnaire, drafts);
    const all: Record<string, Problem> = { ...problems };
    const number = phone.replace(/[\s-]/g, '');
    if (campaign.responsePolicy === 'phone') {
      if (!mobilePattern.test(number)) all.phone = { rule: 'phone' };
      if (!code.trim()) all.phoneCode = { rule: 'required' };
    }
    setShown(all);
    setServerFields({});
    if (Object.keys(all).length) {
      setAttempt((n) => n + 1);
      return;
    }
    sendingRef.current = true;
    setSending(true);
    const responseId = keptForms.get(id)?.responseId ?? kept.responseId;
    const body: ResponseRequest = {
      responseId,
      answers,
      locale,
      ...(stationId ? { stationId } : {}),
      ...(campaign.responsePolicy === 'phone' ? { phone: number, phoneCode: code.trim() } : {}),
      ...(campaign.responsePolicy === 'browser' ? { browserId: browserId() } : {}),
    };
    try {
      const receipt = await sendWithRetry(() => submitResponse(id, body), { onWaiting: ({ attempt: next, seconds }) => setRetrying({ attempt: next, seconds }) });
      keepReceipt(id, receipt);
      keptForms.delete(id);
      setDone(receipt);
      setJustSent(true);
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      // A 4xx other than 429 stored nothing: the corrected form is a new response. On no answer or a 5xx the id
      // is kept, so sending again is recognised if the first one did land.
      if (caught.status >= 400 && caught.status < 500 && caught.status !== 429) keptForms.set(id, { drafts, responseId: newIdempotencyKey() });
      if (caught.fields) {
        setServerFields(caught.fields);
        setAttempt((n) => n + 1);
      }
      setFormError(isRetryable(caught) ? t('cp.stillBusy') : caught.fields ? undefined : caught.message);
    } finally {
      sendingRef.current = false;
      setSending(false);
      setRetrying(undefined);
    }
  }

  if (done) {
    return (
      <section class="cq-thanks card" aria-labelledby="cq-thanks-heading" data-testid="response-thanks">
        <h2 id="cq-thanks-heading" tabIndex={-1} ref={thanksRef}>
          {t('cp.thanks.heading')}
        </h2>
        <p>{t('cp.thanks.received', { at: formatDateTime(done.receivedAt, locale) })}</p>
        <p>{t('cp.thanks.suggest')}</p>
        <div class="actions">
          <button type="button" class="button button-primary" onClick={onSuggest}>
            {t('cp.thanks.suggestButton')}
          </button>
          {campaign.responsePolicy === 'any' && (
            <button
              type="button"
              class="button"
              onClick={() => {
                keptForms.delete(id);
                setDraftsState({});
                setDone(undefined);
                setJustSent(false);
                setAttempt(0);
                setShown({});
              }}
            >
              {t('cp.thanks.again')}
            </button>
          )}
        </div>
      </section>
    );
  }

  const order = [...questionnaire.questions.map((q) => `answers.${q.id}`), 'phone', 'phoneCode'];
  const fields = [...new Set([...Object.keys(shown), ...Object.keys(serverFields)])].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  const labelOf = (field: string): string => {
    if (field === 'phone') return t('cp.phone.number');
    if (field === 'phoneCode') return t('cp.phone.code');
    const question = questionnaire.questions.find((q) => `answers.${q.id}` === field);
    return question ? localText(question.label, locale) : describeField(locale, field);
  };
  const targetOf = (field: string): string | undefined => {
    if (field === 'phone') return 'cq-phone';
    if (field === 'phoneCode') return 'cq-code';
    return field.startsWith('answers.') ? `cq-${field.slice('answers.'.length)}` : undefined;
  };
  const summary: SummaryItem[] = attempt ? fields.map((field) => ({ key: field, label: labelOf(field), message: errorFor(field) ?? '', targetId: targetOf(field) })) : [];

  return (
    <section class="questionnaire" aria-labelledby="cq-heading">
      <h2 id="cq-heading">{t('cp.q.heading')}</h2>
      {questionnaire.intro && <p class="prewrap">{localText(questionnaire.intro, locale)}</p>}
      <p class="notice" data-testid="response-policy">
        {t(`cp.policy.${campaign.responsePolicy}` as 'cp.policy.any')}
      </p>
      <ErrorSummary items={summary} attempt={attempt} />
      {formError && (
        <p class="alert alert-error" role="alert">
          {formError}
        </p>
      )}
      <form noValidate onSubmit={submit} class="form cq-form">
        {questions.map((question) => (
          <QuestionInput
            key={question.id}
            question={question}
            number={questionnaire.questions.indexOf(question) + 1}
            value={drafts[question.id]}
            error={errorFor(`answers.${question.id}`)}
            onChange={(value) => edit(question.id, value)}
          />
        ))}
        {campaign.responsePolicy === 'phone' && <PhoneStep campaignId={id} phone={phone} code={code} onPhone={setPhone} onCode={setCode} errorFor={errorFor} />}
        <button type="submit" class="button button-primary" disabled={sending} aria-busy={sending}>
          {sending ? t('cp.q.sending') : t('cp.q.send')}
        </button>
        <p role="status" class={retrying ? 'alert alert-info' : 'visually-hidden'} data-testid="response-retrying">
          {retrying ? t('cp.retrying', { seconds: retrying.seconds, attempt: retrying.attempt }) : ''}
        </p>
      </form>
    </section>
  );
}
