/**
 * The tracking code + PIN form of the citizen's answer and rating pages, and the look-up behind it. The code
 * comes from the link (`#/rate?code=…`); the PIN is typed, or handed over in memory from the track page (never
 * in a URL), in which case the suggestion is looked up at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeField } from '../../../shared/domain/i18n/messages';
import { normaliseTrackingCode } from '../../../shared/domain/suggestion/tracking-code';
import type { CitizenView } from '../../../shared/http/api-types';
import { RequestError, trackSuggestion } from '../api';
import { t as translateUi, useI18n } from '../i18n';
import { takePin } from '../receipt-store';
import type { Route } from '../router';
import { ErrorSummary, type SummaryItem } from './error-summary';
import { Field } from './field';

type Problems = Partial<Record<'trackingCode' | 'pin', string>>;

export interface CodePinState {
  code: string;
  setCode: (value: string) => void;
  pin: string;
  setPin: (value: string) => void;
  problems: Problems;
  attempt: number;
  loading: boolean;
  error?: string;
  view?: CitizenView;
  setView: (view: CitizenView) => void;
  /** The code and PIN of the view shown, as the server accepted them. */
  credentials?: { trackingCode: string; pin: string };
  lookUp: () => Promise<void>;
}

export function useCodePin(route: Route): CodePinState {
  const initialCode = route.query.get('code') ?? '';
  const handedPin = useRef(takePin(normaliseTrackingCode(initialCode) ?? initialCode));
  const [code, setCode] = useState(initialCode);
  const [pin, setPin] = useState(handedPin.current ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [view, setView] = useState<CitizenView>();
  const [credentials, setCredentials] = useState<{ trackingCode: string; pin: string }>();

  async function lookUp(): Promise<void> {
    const trackingCode = normaliseTrackingCode(code);
    const trimmedPin = pin.replace(/\s/g, '');
    const found: Problems = {};
    if (!trackingCode) found.trackingCode = translateUi(code.trim() ? 'rule.trackingCodeFormat' : 'rule.required');
    if (!/^\d{6}$/.test(trimmedPin)) found.pin = translateUi(trimmedPin ? 'rule.pinFormat' : 'rule.required');
    setProblems(found);
    setError(undefined);
    if (!trackingCode || Object.keys(found).length) {
      setAttempt((n) => n + 1);
      return;
    }
    setLoading(true);
    setView(undefined);
    try {
      setView(await trackSuggestion(trackingCode, trimmedPin));
      setCredentials({ trackingCode, pin: trimmedPin });
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      setError(caught.status === 404 && !caught.message ? translateUi('error.suggestionNotFound') : caught.message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    if (handedPin.current) void lookUp();
    // Only once, for a PIN handed over by the track page.
  }, []);

  return { code, setCode, pin, setPin, problems, attempt, loading, error, view, setView, credentials, lookUp };
}

export function CodePinForm({ state, idPrefix }: { state: CodePinState; idPrefix: string }) {
  const { t, locale } = useI18n();
  const codeId = `${idPrefix}-code`;
  const pinId = `${idPrefix}-pin`;
  const summary: SummaryItem[] = (['trackingCode', 'pin'] as const)
    .filter((field) => state.problems[field])
    .map((field) => ({
      key: field,
      label: describeField(locale, field),
      message: state.problems[field]!,
      targetId: field === 'pin' ? pinId : codeId,
    }));
  return (
    <>
      <ErrorSummary items={summary} attempt={state.attempt} />
      <form
        noValidate
        class="form form-inline"
        onSubmit={(event) => {
          event.preventDefault();
          void state.lookUp();
        }}
      >
        <Field id={codeId} label={describeField(locale, 'trackingCode')} error={state.problems.trackingCode}>
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
              value={state.code}
              onInput={(e) => state.setCode(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={pinId} label={describeField(locale, 'pin')} error={state.problems.pin}>
          {(control) => (
            <input
              {...control}
              type="text"
              name="pin"
              class="mono"
              inputMode="numeric"
              autoComplete="off"
              maxLength={6}
              value={state.pin}
              onInput={(e) => state.setPin(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="button button-primary" disabled={state.loading}>
          {state.loading ? t('track.loading') : t('track.button')}
        </button>
      </form>
      {state.error && (
        <p class="alert alert-error" role="alert">
          {state.error}
        </p>
      )}
    </>
  );
}
