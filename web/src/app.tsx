/** Picks the page for the current hash route; staff pages need a token and otherwise show sign-in. */
import { Component, type ComponentChild, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Layout } from './components/layout';
import { t as text, useI18n, type UiKey } from './i18n';
// Until the staff console loads as a chunk of its own, its strings come with every page.
import './i18n/staff';
import { AnswerPage } from './pages/answer-page';
import { AuditPage } from './pages/audit-page';
import { CalendarPage } from './pages/calendar-page';
import { EscalationsPage } from './pages/escalations-page';
import { NotificationsPage } from './pages/notifications-page';
import { WorkflowsPage } from './pages/workflows-page';
import { OutboxPage } from './pages/outbox-page';
import { RatePage } from './pages/rate-page';
import { ReceiptPage } from './pages/receipt-page';
import { StaffDetailPage } from './pages/staff-detail-page';
import { StaffLoginPage } from './pages/staff-login-page';
import { StaffQueuePage } from './pages/staff-queue-page';
import { SubmitPage } from './pages/submit-page';
import { TrackPage } from './pages/track-page';
import { href, matchRoute, navigate, useRoute, type Route } from './router';
import { readToken } from './session';

/**
 * Admin pages load on first visit, not with every page: the directory brings the schemas (zod), the time limits
 * their own form. Citizens on phones never download them.
 */
function lazyPage<P extends object>(load: () => Promise<(props: P) => ComponentChild>) {
  return function LazyPage(props: P) {
    const [Page, setPage] = useState<(props: P) => ComponentChild>();
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      load().then((page) => setPage(() => page), () => setFailed(true));
    }, []);
    if (failed) return <p class="alert alert-error" role="alert">{text('common.crashed')}</p>;
    return Page ? <Page {...props} /> : <p>{text('common.loading')}</p>;
  };
}
const LazyPeoplePage = lazyPage<Record<string, never>>(() => import('./pages/people-page').then((m) => m.PeoplePage));
const LazyPasswordPage = lazyPage<Record<string, never>>(() => import('./pages/password-page').then((m) => m.PasswordPage));
const LazyTimeLimitsPage = lazyPage<{ route: Route }>(() => import('./pages/time-limits-page').then((m) => m.TimeLimitsPage));

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1 tabIndex={-1}>{t('common.notFoundPage')}</h1>
      <p>
        <a href={href('/')}>{t('common.home')}</a>
      </p>
    </section>
  );
}

/** A bug in one page shows a way out instead of a blank screen; the next route starts afresh. */
class PageBoundary extends Component<{ children: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown): void {
    console.error(error);
    this.setState({ failed: true });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section>
        <p class="alert alert-error" role="alert">
          {text('common.crashed')}
        </p>
        <button type="button" class="button" onClick={() => location.reload()}>
          {text('common.reload')}
        </button>
      </section>
    );
  }
}

function page(route: Route): { node: ComponentChild; title: UiKey } {
  const { path } = route;
  if (path === '/') return { node: <SubmitPage route={route} />, title: 'submit.heading' };
  if (path === '/receipt') return { node: <ReceiptPage route={route} />, title: 'receipt.heading' };
  if (path === '/track') return { node: <TrackPage key={route.query.get('code') ?? ''} route={route} />, title: 'track.heading' };
  if (path === '/answer') return { node: <AnswerPage key={route.query.get('code') ?? ''} route={route} />, title: 'answer.heading' };
  if (path === '/rate') return { node: <RatePage key={route.query.get('code') ?? ''} route={route} />, title: 'rate.heading' };
  if (path === '/outbox') return { node: <OutboxPage />, title: 'outbox.heading' };
  if (path === '/staff/login') return { node: <StaffLoginPage route={route} />, title: 'login.heading' };
  if (path === '/staff' || path.startsWith('/staff/')) {
    if (!readToken()) return { node: <StaffLoginPage route={route} />, title: 'login.heading' };
    if (path === '/staff') return { node: <StaffQueuePage route={route} />, title: 'queue.heading' };
    if (path === '/staff/escalations') return { node: <EscalationsPage />, title: 'esc.heading' };
    if (path === '/staff/notifications') return { node: <NotificationsPage />, title: 'notif.heading' };
    if (path === '/staff/workflows') return { node: <WorkflowsPage />, title: 'wf.heading' };
    if (path === '/staff/calendar') return { node: <CalendarPage />, title: 'cal.heading' };
    if (path === '/staff/password') return { node: <LazyPasswordPage />, title: 'pw.heading' };
    if (path === '/staff/audit') return { node: <AuditPage route={route} />, title: 'audit.heading' };
    if (path === '/staff/people') return { node: <LazyPeoplePage />, title: 'people.heading' };
    if (path === '/staff/time-limits') return { node: <LazyTimeLimitsPage route={route} />, title: 'tl.heading' };
    const detail = matchRoute('/staff/s/:id', path);
    if (detail) return { node: <StaffDetailPage key={detail.id} id={detail.id!} />, title: 'queue.heading' };
  }
  return { node: <NotFound />, title: 'common.notFoundPage' };
}

export function App() {
  const { t } = useI18n();
  const route = useRoute();

  // A staff page without a valid token shows sign-in; put that in the URL so the way back is kept.
  const needsSignIn = route.path.startsWith('/staff') && route.path !== '/staff/login' && !readToken();
  useEffect(() => {
    if (needsSignIn) {
      const qs = route.query.toString();
      const next = `${route.path}${qs ? `?${qs}` : ''}`;
      navigate('/staff/login', { next }, { replace: true });
    }
  }, [needsSignIn, route]);

  const { node, title } = page(route);
  useEffect(() => {
    document.title = `${t(title)} · ${t('app.name')}`;
  });

  return (
    <Layout route={route}>
      <PageBoundary key={route.path}>{node}</PageBoundary>
    </Layout>
  );
}
