/** The strip above staff pages: who is signed in, and sign-out. */
import type { StaffMe } from '../../../shared/http/api-types';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { clearSession } from '../session';

export function StaffBar({ me }: { me?: StaffMe }) {
  const { t } = useI18n();
  return (
    <div class="staff-bar">
      <p data-testid="staff-user">{me ? t('staff.signedInAs', { name: me.name || me.username, role: t(`role.${me.role}`) }) : '\u00a0'}</p>
      <button
        type="button"
        class="button button-small"
        onClick={() => {
          clearSession();
          navigate('/staff/login');
        }}
      >
        {t('staff.logout')}
      </button>
    </div>
  );
}
