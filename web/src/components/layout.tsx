/**
 * The frame of every page: skip link, product name, navigation, language switch. After a route change the
 * page heading takes focus, so screen-reader and keyboard users start at the new content.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteConfig } from '../../../shared/http/api-types';
import { getConfig } from '../api';
import { useI18n, type UiKey } from '../i18n';
import { href, type Route } from '../router';

const navItems: { path: string; label: UiKey; localOnly?: boolean }[] = [
  { path: '/', label: 'nav.submit' },
  { path: '/track', label: 'nav.track' },
  // Campaigns (issue 11): media — the public case library.
  { path: '/cases', label: 'nav.cases' },
  { path: '/staff', label: 'nav.staff' },
  { path: '/outbox', label: 'nav.outbox', localOnly: true },
];

function isCurrent(itemPath: string, path: string): boolean {
  if (itemPath === '/') return path === '/' || path === '/receipt';
  // Answering a question and rating a reply are part of following one's suggestion.
  if (itemPath === '/track') return path === '/track' || path === '/answer' || path === '/rate';
  return path === itemPath || path.startsWith(`${itemPath}/`);
}

/** Staff tables and the outbox use the screen's width; citizen pages keep a readable measure. */
function isWide(path: string): boolean {
  if (path === '/outbox') return true;
  return (path === '/staff' || path.startsWith('/staff/')) && path !== '/staff/login';
}

export function Layout({ route, children }: { route: Route; children: ComponentChildren }) {
  const { t, locale, setLocale } = useI18n();
  const [config, setConfig] = useState<SiteConfig>();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    getConfig().then(setConfig, () => undefined);
  }, []);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
    window.scrollTo(0, 0);
  }, [route.path]);

  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <div class={isWide(route.path) ? 'shell wide' : 'shell'}>
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <header class="site-header">
        <div class="bar">
          <a class="brand" href="#/">
            <span class="brand-name" lang="zh-CN">
              建议
            </span>
            <span class="brand-sub">Jianyi · {t('app.tagline')}</span>
          </a>
          {/* The accessible name starts with the visible word, then says what it does in the current language. */}
          <button type="button" class="lang-switch" onClick={() => setLocale(other)}>
            <span lang={other}>{t('lang.switch')}</span>
            <span class="visually-hidden"> · {t('lang.switchLabel')}</span>
          </button>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {navItems
              .filter((item) => !item.localOnly || config?.mode === 'local')
              .map((item) => (
                <li key={item.path}>
                  <a href={href(item.path)} aria-current={isCurrent(item.path, route.path) ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        {children}
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
