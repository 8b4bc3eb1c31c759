/**
 * The staff console: every staff page and the staff strings, one chunk that the router (app.tsx) loads on the
 * first visit to a /staff route, so a citizen's phone never downloads it. Staff pages need a token and otherwise
 * show sign-in. The pages that bring more load on their own first visit: the directory brings the schemas (zod), the
 * time limits their own form, the dashboard its chart library (uPlot).
 */
import type { ComponentChild } from 'preact';
// First: the staff strings are registered before any staff page renders.
import './i18n/staff';
import { lazyPage } from './components/lazy-page';
import { NotFound } from './components/not-found';
import { useDocumentTitle } from './document-title';
import type { UiKey } from './i18n';
import { AuditPage } from './pages/audit-page';
import { BulletinsPage } from './pages/bulletins-page';
import { CalendarPage } from './pages/calendar-page';
import { EscalationsPage } from './pages/escalations-page';
import { NotificationsPage } from './pages/notifications-page';
import { StaffDetailPage } from './pages/staff-detail-page';
import { StaffLoginPage } from './pages/staff-login-page';
import { StaffQueuePage } from './pages/staff-queue-page';
import { TopicsPage } from './pages/topics-page';
import { WorkflowsPage } from './pages/workflows-page';
import { matchRoute, type Route } from './router';
import { readToken } from './session';

const LazyPeoplePage = lazyPage<Record<string, never>>(() => import('./pages/people-page').then((m) => m.PeoplePage));
const LazyPasswordPage = lazyPage<Record<string, never>>(() => import('./pages/password-page').then((m) => m.PasswordPage));
const LazyDashboardPage = lazyPage<{ route: Route }>(() => import('./pages/dashboard/dashboard-page').then((m) => m.DashboardPage));
const LazyTimeLimitsPage = lazyPage<{ route: Route }>(() => import('./pages/time-limits-page').then((m) => m.TimeLimitsPage));
// Campaigns: the list, the editor (with the schemas and the questionnaire builder) and the live results (uPlot).
const LazyCampaignsPage = lazyPage<Record<string, never>>(() => import('./pages/campaigns/campaigns-page').then((m) => m.CampaignsPage));
const LazyCampaignEditorPage = lazyPage<{ id?: string }>(() => import('./pages/campaigns/campaign-editor-page').then((m) => m.CampaignEditorPage));
const LazyCampaignResultsPage = lazyPage<{ id: string }>(() => import('./pages/campaigns/campaign-results-page').then((m) => m.CampaignResultsPage));
// Campaigns (issue 11): media
const LazyPosterPage = lazyPage<{ id: string; route: Route }>(() => import('./pages/campaign-media/poster-page').then((m) => m.PosterPage));
const LazyReportPage = lazyPage<{ id: string }>(() => import('./pages/campaign-media/report-page').then((m) => m.ReportPage));

function staffPage(route: Route): { node: ComponentChild; title: UiKey } {
  const { path } = route;
  if (path === '/staff/login' || !readToken()) return { node: <StaffLoginPage route={route} />, title: 'login.heading' };
  if (path === '/staff') return { node: <StaffQueuePage route={route} />, title: 'queue.heading' };
  if (path === '/staff/dashboard') return { node: <LazyDashboardPage route={route} />, title: 'dash.heading' };
  if (path === '/staff/escalations') return { node: <EscalationsPage />, title: 'esc.heading' };
  if (path === '/staff/topics') return { node: <TopicsPage route={route} />, title: 'topics.heading' };
  if (path === '/staff/notifications') return { node: <NotificationsPage />, title: 'notif.heading' };
  if (path === '/staff/workflows') return { node: <WorkflowsPage />, title: 'wf.heading' };
  if (path === '/staff/calendar') return { node: <CalendarPage />, title: 'cal.heading' };
  if (path === '/staff/password') return { node: <LazyPasswordPage />, title: 'pw.heading' };
  if (path === '/staff/audit') return { node: <AuditPage route={route} />, title: 'audit.heading' };
  if (path === '/staff/people') return { node: <LazyPeoplePage />, title: 'people.heading' };
  if (path === '/staff/time-limits') return { node: <LazyTimeLimitsPage route={route} />, title: 'tl.heading' };
  if (path === '/staff/bulletins') return { node: <BulletinsPage />, title: 'bul.heading' };
  if (path === '/staff/campaigns') return { node: <LazyCampaignsPage />, title: 'camp.heading' };
  if (path === '/staff/campaigns/new') return { node: <LazyCampaignEditorPage key="new" />, title: 'camp.newHeading' };
  const campaignResults = matchRoute('/staff/campaigns/:id/results', path);
  if (campaignResults) return { node: <LazyCampaignResultsPage key={campaignResults.id} id={campaignResults.id!} />, title: 'camp.resultsHeading' };
  const campaign = matchRoute('/staff/campaigns/:id', path);
  if (campaign) return { node: <LazyCampaignEditorPage key={campaign.id} id={campaign.id!} />, title: 'camp.heading' };
  // Campaigns (issue 11): media
  const poster = matchRoute('/staff/campaigns/:id/poster', path);
  if (poster) return { node: <LazyPosterPage key={poster.id} id={poster.id!} route={route} />, title: 'poster.heading' };
  const report = matchRoute('/staff/campaigns/:id/report', path);
  if (report) return { node: <LazyReportPage key={report.id} id={report.id!} />, title: 'creport.heading' };
  const detail = matchRoute('/staff/s/:id', path);
  if (detail) return { node: <StaffDetailPage key={detail.id} id={detail.id!} />, title: 'queue.heading' };
  return { node: <NotFound />, title: 'common.notFoundPage' };
}

export function StaffConsole({ route }: { route: Route }) {
  const { node, title } = staffPage(route);
  useDocumentTitle(title);
  return <>{node}</>;
}
