/**
 * Staff sign-in: the local identity provider when running locally, Cognito in AWS (see api.signIn). The token
 * goes to sessionStorage and the person returns to the page they were sent away from. At the first sign-in with
 * the one-time password an admin handed over, the page asks for a password of the person's own before the token
 * is issued (Cognito's NEW_PASSWORD_REQUIRED, mirrored locally).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { translate } from '../../../shared/domain/i18n/messages';
import { passwordMinLength, passwordProblem } from '../../../shared/domain/staff/password-policy';
import type { SiteConfig } from '../../../shared/http/api-types';
import { getConfig, RequestError } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { Field, focusFirstInvalid } from '../components/field';
import { useI18n } from '../i18n';
import { navigate, parseHash, type Route } from '../router';
import { saveToken } from '../session';
import { completeNewPassword, signIn } from '../sign-in';

/** Only in-app staff routes are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && /^\/staff(\/|$|\?)/.test(next) && !next.startsWith('/staff/login') ? next : '/staff';
}

export function StaffLoginPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const [config, setConfig] = useState<SiteConfig>();
  const [configError, setConfigError] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const usernameRef = useRef<HTMLInputElement>(null);

  const [challenge, setChallenge] = useState<{ username: string; session: string }>();

  useEffect(() => {
    getConfig().then(setConfig, () => setConfigError(true));
  }, []);

  function enter(idToken: string, expiresIn: number): void {
    saveToken(idToken, expiresIn);
    const next = parseHash(`#${safeNext(route.query.get('next'))}`);
    navigate(next.path, Object.fromEntries(next.query));
  }

  if (challenge) {
    return (
      <NewPasswordStep
        challenge={challenge}
        onDone={enter}
        onRestart={() => {
          setChallenge(undefined);
          setError(t('error.loginFailed'));
        }}
      />
    );
  }

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (sending) return;
    setError(undefined);
    if (!username.trim() || !password) {
      setError(t('error.loginFailed'));
      usernameRef.current?.focus();
      return;
    }
    setSending(true);
    try {
      const outcome = await signIn(username.trim(), password);
      if ('challenge' in outcome) {
        setChallenge({ username: username.trim(), session: outcome.session });
        setPassword('');
        return;
      }
      enter(outcome.idToken, outcome.expiresIn);
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      setError(caught.message);
      setPassword('');
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="page-heading" class="narrow">
      <h1 id="page-heading" tabIndex={-1}>
        {t('login.heading')}
      </h1>
      {route.query.get('expired') && (
        <p class="alert alert-warning" role="status">
          {t('login.expired')}
        </p>
      )}
      {configError && (
        <p class="alert alert-error" role="alert">
          {t('login.notConfigured')}
        </p>
      )}
      <ErrorAlert message={error} />
      <form noValidate class="form" onSubmit={submit}>
        <Field id="l-username" label={t('login.username')}>
          {(control) => (
            <input
              {...control}
              ref={usernameRef}
              type="text"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellcheck={false}
              value={username}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="l-password" label={t('login.password')}>
          {(control) => (
            <input
              {...control}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="button button-primary" disabled={sending || configError}>
          {sending ? t('login.sending') : t('login.button')}
        </button>
      </form>
      {config?.mode === 'local' && <p class="hint demo-hint">{t('login.demoHint')}</p>}
    </section>
  );
}

/** The first sign-in's second step: a password of the person's own, checked against the pool's policy here first. */
function NewPasswordStep({
  challenge,
  onDone,
  onRestart,
}: {
  challenge: { username: string; session: string };
  onDone: (idToken: string, expiresIn: number) => void;
  onRestart: () => void;
}) {
  const { t, locale } = useI18n();
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<{ newPassword?: string; confirm?: string }>({});
  const [sending, setSending] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const weak = passwordProblem(newPassword);
    const found = {
      ...(weak ? { newPassword: translate(locale, `rule.${weak}`, { min: passwordMinLength }) } : {}),
      ...(confirm !== newPassword ? { confirm: t('rule.passwordMismatch') } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length) {
      setTimeout(() => focusFirstInvalid(document));
      return;
    }
    setSending(true);
    try {
      const { idToken, expiresIn } = await completeNewPassword(challenge.username, challenge.session, newPassword);
      onDone(idToken, expiresIn);
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.fields?.newPassword) setProblems({ newPassword: caught.fields.newPassword });
      else onRestart();
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="np-heading" class="narrow">
      <h1 id="np-heading" tabIndex={-1} ref={headingRef}>
        {t('login.newPassword.heading')}
      </h1>
      <p class="lead">{t('login.newPassword.intro', { min: passwordMinLength })}</p>
      <form noValidate class="form" onSubmit={submit} data-testid="new-password-form">
        <Field id="np-new" label={t('pw.new')} hint={t('pw.newHint', { min: passwordMinLength })} error={problems.newPassword}>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={newPassword} onInput={(e) => setNewPassword(e.currentTarget.value)} />}
        </Field>
        <Field id="np-confirm" label={t('pw.confirm')} error={problems.confirm}>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={confirm} onInput={(e) => setConfirm(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button button-primary" disabled={sending}>
          {sending ? t('login.sending') : t('login.newPassword.submit')}
        </button>
      </form>
    </section>
  );
}
