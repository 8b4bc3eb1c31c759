/**
 * Picks the page for the current hash route. The citizen pages come with the first page load; every /staff route
 * is the staff console (staff-console.tsx), a chunk of its own that loads on the first visit to one.
 */
import { Component, type ComponentChild, type ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Layout } from './components/layout';
import { lazyPage } from './components/lazy-page';
import { NotFound } from './components/not-found';
import { useDocumentTitle } from './document-title';
import { t as text, type UiKey } from './i18n';
import { AnswerPage } from './pages/answer-page';
import { OutboxPage } from './pages/outbox-page';
import { RatePage } from './pages/rate-page';
import { ReceiptPage } from './pages/receipt-page';
import { SubmitPage } from './pages/submit-page';
import { TrackPage } from './pages/track-page';
import { matchRoute, navigate, useRoute, type Route } from './router';
import { readToken } from './session';

const StaffConsole = lazyPage<{ route: Route }>(() => import('./staff-console').then((m) => m.StaffConsole));
/** A campaign's public page: its questionnaire and strings come with it, not with the home page. */
const CampaignPage = lazyPage<{ id: string; route: Route }>(() => import('./pages/campaign/campaign-page').then((m) => m.CampaignPage));
// Campaigns (issue 11): media
const CasesPage = lazyPage<{ route: Route }>(() => import('./pages/campaign-media/cases-page').then((m) => m.CasesPage));

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

/** The page and the name of the tab; the staff console names its own pages (its strings come with it). */
function page(route: Route): { node: ComponentChild; title?: UiKey } {
  const { path } = route;
  if (path === '/') return { node: <SubmitPage route={route} />, title: 'submit.heading' };
  if (path === '/receipt') return { node: <ReceiptPage route={route} />, title: 'receipt.heading' };
  if (path === '/track') return { node: <TrackPage key={route.query.get('code') ?? ''} route={route} />, title: 'track.heading' };
  if (path === '/answer') return { node: <AnswerPage key={route.query.get('code') ?? ''} route={route} />, title: 'answer.heading' };
  if (path === '/rate') return { node: <RatePage key={route.query.get('code') ?? ''} route={route} />, title: 'rate.heading' };
  if (path === '/outbox') return { node: <OutboxPage />, title: 'outbox.heading' };
  // Campaigns (issue 11): media
  if (path === '/cases') return { node: <CasesPage route={route} />, title: 'cases.heading' };
  if (path === '/staff' || path.startsWith('/staff/')) return { node: <StaffConsole route={route} /> };
  // The campaign page names the tab after the campaign itself.
  const campaign = matchRoute('/c/:id', path);
  if (campaign) return { node: <CampaignPage key={campaign.id} id={campaign.id!} route={route} /> };
  return { node: <NotFound />, title: 'common.notFoundPage' };
}

export function App() {
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
  useDocumentTitle(title);

  return (
    <Layout route={route}>
      <PageBoundary key={route.path}>{node}</PageBoundary>
    </Layout>
  );
}
