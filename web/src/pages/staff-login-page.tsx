/**
 * Staff sign-in: the local identity provider when running locally, Cognito in AWS (see api.signIn). The token
 * goes to sessionStorage and the person returns to the page they were sent away from.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteConfig } from '../../../shared/http/api-types';
import { getConfig, RequestError, signIn } from '../api';
import { Field } from '../components/field';
import { useI18n } from '../i18n';
import { navigate, parseHash, type Route } from '../router';
import { saveToken } from '../session';

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

  useEffect(() => {
    getConfig().then(setConfig, () => setConfigError(true));
  }, []);

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
      const { idToken, expiresIn } = await signIn(username.trim(), password);
      saveToken(idToken, expiresIn);
      const next = parseHash(`#${safeNext(route.query.get('next'))}`);
      navigate(next.path, Object.fromEntries(next.query));
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
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
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
