/**
 * Citizens follow a suggestion with its tracking code and PIN: status, the public timeline, and the reply.
 * Coming from the receipt, the code (in the URL) and the PIN (handed over in memory) are filled in and looked
 * up at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeField } from '../../../shared/domain/i18n/messages';
import { normaliseTrackingCode } from '../../../shared/domain/suggestion/tracking-code';
import type { CitizenView } from '../../../shared/http/api-types';
import { RequestError, trackSuggestion } from '../api';
import { ErrorSummary, type SummaryItem } from '../components/error-summary';
import { Field } from '../components/field';
import { StatusBadge } from '../components/status-badge';
import { categoryName, formatDateTime } from '../format';
import { t as translateUi, tDynamic, useI18n } from '../i18n';
import { handOverPin, takePin } from '../receipt-store';
import { href, type Route } from '../router';

const pinPattern = /^\d{6}$/;

type Problems = Partial<Record<'trackingCode' | 'pin', string>>;

function checkInputs(code: string | undefined, rawCode: string, pin: string): Problems {
  const problems: Problems = {};
  if (!code) problems.trackingCode = translateUi(rawCode.trim() ? 'rule.trackingCodeFormat' : 'rule.required');
  if (!pinPattern.test(pin)) problems.pin = translateUi(pin ? 'rule.pinFormat' : 'rule.required');
  return problems;
}

export function TrackPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const initialCode = route.query.get('code') ?? '';
  const handedPin = useRef(takePin(initialCode));
  const [code, setCode] = useState(initialCode);
  const [pin, setPin] = useState(handedPin.current ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [view, setView] = useState<CitizenView>();
  /** The PIN the shown view was found with, handed (in memory) to the answer and rating pages. */
  const [viewPin, setViewPin] = useState('');

  async function lookUp(): Promise<void> {
    // Codes are read aloud and typed from SMS: case, spaces and hyphens do not matter (same rule as the server).
    const trimmedCode = normaliseTrackingCode(code);
    const trimmedPin = pin.replace(/\s/g, '');
    const found = checkInputs(trimmedCode, code, trimmedPin);
    setProblems(found);
    setError(undefined);
    if (!trimmedCode || Object.keys(found).length) {
      setAttempt((n) => n + 1);
      return;
    }
    setLoading(true);
    setView(undefined);
    try {
      setView(await trackSuggestion(trimmedCode, trimmedPin));
      setViewPin(trimmedPin);
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      // 404 and 429 come with the server's message in the page's language ("check code and PIN", "try again in
      // N seconds"); the fallback covers a server that sent none.
      setError(caught.status === 404 && !caught.message ? t('error.suggestionNotFound') : caught.message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    if (handedPin.current) void lookUp();
    // Only once, for a PIN handed over by the receipt page.
  }, []);

  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The result appears below the form: take the reader there.
    if (view) resultHeading.current?.focus();
  }, [view]);

  const summary: SummaryItem[] = (['trackingCode', 'pin'] as const)
    .filter((field) => problems[field])
    .map((field) => ({
      key: field,
      label: describeField(locale, field),
      message: problems[field]!,
      targetId: field === 'pin' ? 't-pin' : 't-code',
    }));

  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        {t('track.heading')}
      </h1>
      <p class="lead">{t('track.intro')}</p>
      <ErrorSummary items={summary} attempt={attempt} />
      <form
        noValidate
        class="form form-inline"
        onSubmit={(event) => {
          event.preventDefault();
          void lookUp();
        }}
      >
        <Field id="t-code" label={describeField(locale, 'trackingCode')} error={problems.trackingCode}>
          {(control) => (
            <input
              {...control}
              type="text"
              name="code"
              class="mono"
              autoComplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              maxLength={12}
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="t-pin" label={describeField(locale, 'pin')} error={problems.pin}>
          {(control) => (
            <input
              {...control}
              type="text"
              name="pin"
              class="mono"
              inputMode="numeric"
              autoComplete="off"
              maxLength={6}
              value={pin}
              onInput={(e) => setPin(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="button button-primary" disabled={loading}>
          {loading ? t('track.loading') : t('track.button')}
        </button>
      </form>

      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}

      <div>
        {view && (
          <article class="card result" aria-labelledby="result-heading">
            <h2 id="result-heading" tabIndex={-1} ref={resultHeading}>
              {view.title}
            </h2>
            <dl class="facts">
              <div>
                <dt>{t('track.status')}</dt>
                <dd data-testid="track-status">
                  <StatusBadge status={view.status} />
                </dd>
              </div>
              <div>
                <dt>{describeField(locale, 'trackingCode')}</dt>
                <dd class="mono">{view.trackingCode}</dd>
              </div>
              <div>
                <dt>{describeField(locale, 'category')}</dt>
                <dd>{categoryName(view.category, locale)}</dd>
              </div>
              <div>
                <dt>{t('track.submittedAt')}</dt>
                <dd>{formatDateTime(view.submittedAt, locale)}</dd>
              </div>
              <div>
                <dt>{t('track.dueAt')}</dt>
                <dd>{formatDateTime(view.dueAt, locale)}</dd>
              </div>
            </dl>
            {view.infoRequest && (
              <div class="alert alert-warning" data-testid="track-info-request">
                <p class="alert-title">{t('track.infoRequested')}</p>
                <p class="prewrap">{view.infoRequest.question}</p>
                <a
                  class="button button-primary"
                  href={href('/answer', { code: view.trackingCode })}
                  onClick={() => handOverPin(view.trackingCode, viewPin)}
                >
                  {t('track.answerLink')}
                </a>
              </div>
            )}
            {view.reply && (
              <section class="reply" aria-labelledby="reply-heading">
                <h3 id="reply-heading">{t('track.reply')}</h3>
                <p class="prewrap">{view.reply.text}</p>
                <p class="hint">{formatDateTime(view.reply.at, locale)}</p>
                {view.canRate && (
                  <a
                    class="button button-primary"
                    href={href('/rate', { code: view.trackingCode })}
                    onClick={() => handOverPin(view.trackingCode, viewPin)}
                    data-testid="track-rate-link"
                  >
                    {t('track.rateLink')}
                  </a>
                )}
              </section>
            )}
            <h3>{t('track.timeline')}</h3>
            <ol class="timeline">
              {view.timeline.map((entry, index) => (
                <li key={`${entry.at}-${index}`}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                  <span class="timeline-action">{tDynamic(`action.${entry.action}`, entry.action)}</span>
                  <StatusBadge status={entry.status} />
                  {entry.note && <p class="prewrap">{entry.note}</p>}
                </li>
              ))}
            </ol>
          </article>
        )}
      </div>
    </section>
  );
}
