/**
 * The strip above staff pages: who is signed in, the staff pages this role may use, and sign-out; for an admin, a
 * warning while a year that deadlines reach is not covered by the working calendar.
 */
import type { StaffMe, StaffRole } from '../../../shared/http/api-types';
import { useI18n, type UiKey } from '../i18n';
import { href, navigate, parseHash } from '../router';
import { clearSession } from '../session';

const staffPages: { path: string; label: UiKey; roles?: readonly StaffRole[] }[] = [
  { path: '/staff', label: 'staffNav.queue' },
  // Every role: a handler's shows their own department.
  { path: '/staff/dashboard', label: 'staffNav.dashboard' },
  { path: '/staff/escalations', label: 'staffNav.escalations', roles: ['supervisor', 'admin', 'dispatcher'] },
  { path: '/staff/topics', label: 'staffNav.topics', roles: ['supervisor', 'admin', 'dispatcher', 'viewer'] },
  { path: '/staff/notifications', label: 'staffNav.notifications', roles: ['admin'] },
  { path: '/staff/workflows', label: 'staffNav.workflows', roles: ['admin'] },
  { path: '/staff/calendar', label: 'staffNav.calendar', roles: ['admin'] },
  // Organizers run campaigns; admins oversee them (other staff may still open the pages, read-only).
  { path: '/staff/campaigns', label: 'staffNav.campaigns', roles: ['admin', 'organizer'] },
  { path: '/staff/time-limits', label: 'staffNav.timeLimits', roles: ['admin', 'organizer', 'dispatcher', 'supervisor'] },
  { path: '/staff/people', label: 'staffNav.people', roles: ['admin'] },
  { path: '/staff/audit', label: 'staffNav.audit', roles: ['admin', 'supervisor'] },
  { path: '/staff/bulletins', label: 'staffNav.bulletins' },
  { path: '/staff/password', label: 'staffNav.password' },
];

function CalendarWarning({ years }: { years: number[] }) {
  const { t, locale } = useI18n();
  return (
    <p class="alert alert-warning calendar-warning" data-testid="calendar-coverage-warning">
      {t('staff.calendarWarning', { years: years.join(locale === 'en' ? ', ' : '、') })}{' '}
      <a href={href('/staff/calendar')}>{t('staff.calendarWarningLink')}</a>
    </p>
  );
}

export function StaffBar({ me }: { me?: StaffMe }) {
  const { t } = useI18n();
  const current = parseHash(location.hash).path;
  const pages = me ? staffPages.filter((page) => !page.roles || page.roles.includes(me.role)) : [];
  return (
    <>
      <div class="staff-bar">
        <p data-testid="staff-user">{me ? t('staff.signedInAs', { name: me.name || me.username, role: t(`role.${me.role}`) }) : '\u00a0'}</p>
        {pages.length > 1 && (
          <nav aria-label={t('staffNav.label')} class="staff-nav">
            <ul>
              {pages.map((page) => (
                <li key={page.path}>
                  <a href={href(page.path)} aria-current={current === page.path || (page.path === '/staff/campaigns' && current.startsWith('/staff/campaigns/')) ? 'page' : undefined}>
                    {t(page.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
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
      {me?.role === 'admin' && me.calendarWarning && <CalendarWarning years={me.calendarWarning.uncoveredYears} />}
    </>
  );
}
