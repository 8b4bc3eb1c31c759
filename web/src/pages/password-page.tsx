/**
 * Staff change their own password — first of all the one-time initial password an admin handed over. The
 * current password proves it is them; the new one must meet the pool's policy (checked here first with the
 * same rule) and be typed twice.
 */
import { useRef, useState } from 'preact/hooks';
import { translate } from '../../../shared/domain/i18n/messages';
import { passwordMinLength, passwordProblem } from '../../../shared/domain/staff/password-policy';
import { RequestError } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { Field, focusFirstInvalid, type ControlProps } from '../components/field';
import { StaffPage } from '../components/staff-page';
import { useI18n } from '../i18n';
import { changePassword } from '../sign-in';
import { useStaffBasics } from '../staff-data';

type Problems = Partial<Record<'password' | 'newPassword' | 'confirm', string>>;

export function PasswordPage() {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = () => setTimeout(() => focusFirstInvalid(formRef.current));

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (!me) return;
    const found: Problems = {};
    if (!password) found.password = t('rule.required');
    const weak = passwordProblem(newPassword);
    if (weak) found.newPassword = translate(locale, `rule.${weak}`, { min: passwordMinLength });
    else if (newPassword === password) found.newPassword = t('pw.same');
    if (confirm !== newPassword) found.confirm = t('rule.passwordMismatch');
    setProblems(found);
    setMessage(undefined);
    setDone(false);
    if (Object.keys(found).length) {
      focusFirstProblem();
      return;
    }
    setBusy(true);
    try {
      await changePassword(me.username, password, newPassword);
      setDone(true);
      setPassword('');
      setNewPassword('');
      setConfirm('');
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      setProblems(caught.fields ?? {});
      if (caught.fields && Object.keys(caught.fields).length) focusFirstProblem();
      else setMessage(caught.message);
    } finally {
      setBusy(false);
    }
  }

  const passwordInput = (value: string, onInput: (value: string) => void, autoComplete: string) =>
    function PasswordControl(control: ControlProps) {
      return <input {...control} type="password" value={value} autoComplete={autoComplete} onInput={(e) => onInput(e.currentTarget.value)} />;
    };

  return (
    <StaffPage me={me} heading={t('pw.heading')} class="narrow">
      <p class="lead">{t('pw.intro', { min: passwordMinLength })}</p>
      {done && (
        <p class="alert alert-info" role="status" data-testid="password-changed">
          {t('pw.done')}
        </p>
      )}
      <ErrorAlert message={message} />
      <form noValidate ref={formRef} class="form" onSubmit={submit}>
        <Field id="pw-current" label={t('pw.current')} error={problems.password}>
          {passwordInput(password, setPassword, 'current-password')}
        </Field>
        <Field id="pw-new" label={t('pw.new')} hint={t('pw.newHint', { min: passwordMinLength })} error={problems.newPassword}>
          {passwordInput(newPassword, setNewPassword, 'new-password')}
        </Field>
        <Field id="pw-confirm" label={t('pw.confirm')} error={problems.confirm}>
          {passwordInput(confirm, setConfirm, 'new-password')}
        </Field>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy || !me}>
            {busy ? t('act.sending') : t('pw.submit')}
          </button>
        </div>
      </form>
    </StaffPage>
  );
}
