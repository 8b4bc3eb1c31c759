/**
 * The citizen answers the handler's question (补充材料): tracking code + PIN, then the question and a text box.
 * The handling clock is paused until the answer is in. Linked from the info-request notification and from the
 * track page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { answerInfoRequest, RequestError, trackSuggestion } from '../api';
import { CitizenResult, TrackLink } from '../components/citizen-result';
import { CodePinForm, useCodePin } from '../components/code-pin';
import { Field } from '../components/field';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import type { Route } from '../router';

const maxAnswer = 2000;

export function AnswerPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const lookup = useCodePin(route);
  const { view, credentials } = lookup;
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (view && !sent) headingRef.current?.focus();
  }, [view]);

  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  async function submit(): Promise<void> {
    if (!credentials) return;
    const text = answer.trim();
    if (!text) {
      setProblem(t('rule.required'));
      document.getElementById('ans-text')?.focus();
      return;
    }
    if (text.length > maxAnswer) {
      setProblem(t('rule.tooLong', { max: maxAnswer }));
      document.getElementById('ans-text')?.focus();
      return;
    }
    setProblem(undefined);
    setError(undefined);
    setSending(true);
    try {
      const updated = await answerInfoRequest(credentials.trackingCode, credentials.pin, { answer: text });
      setSent(true);
      lookup.setView(updated ?? (await trackSuggestion(credentials.trackingCode, credentials.pin).catch(() => view!)));
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.fields?.answer) {
        setProblem(caught.fields.answer);
        document.getElementById('ans-text')?.focus();
      } else setError(caught.message);
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        {t('answer.heading')}
      </h1>
      <p class="lead">{t('answer.intro')}</p>
      {!view && <CodePinForm state={lookup} idPrefix="ans" />}

      {view && (
        <CitizenResult idPrefix="ans" view={view} headingRef={headingRef}>

          <div aria-live="polite">
            {sent && (
              <div class="alert alert-info" tabIndex={-1} ref={doneRef} data-testid="answer-done">
                <p>{t('answer.done')}</p>
                <TrackLink view={view} credentials={credentials} />
              </div>
            )}
          </div>

          {!sent && !view.infoRequest && (
            <div class="notice">
              <p>{t('answer.none')}</p>
              <TrackLink view={view} credentials={credentials} />
            </div>
          )}

          {!sent && view.infoRequest && (
            <>
              <section class="question" aria-labelledby="ans-question-heading">
                <h3 id="ans-question-heading">{t('answer.question')}</h3>
                <p class="prewrap content" data-testid="info-question">
                  {view.infoRequest.question}
                </p>
                <p class="hint">{t('answer.askedAt', { time: formatDateTime(view.infoRequest.askedAt, locale) })}</p>
              </section>
              <form
                noValidate
                class="form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void submit();
                }}
              >
                <Field
                  id="ans-text"
                  label={t('answer.label')}
                  hint={t('answer.hint')}
                  error={problem}
                  after={{ id: 'ans-count', node: <span class="counter">{t('submit.count', { count: answer.length, max: maxAnswer })}</span> }}
                >
                  {(control) => <textarea {...control} rows={6} value={answer} onInput={(e) => { setAnswer(e.currentTarget.value); setProblem(undefined); }} />}
                </Field>
                {error && (
                  <p class="alert alert-error" role="alert">
                    {error}
                  </p>
                )}
                <button type="submit" class="button button-primary" disabled={sending}>
                  {sending ? t('submit.sending') : t('answer.submit')}
                </button>
              </form>
            </>
          )}
        </CitizenResult>
      )}
    </section>
  );
}
