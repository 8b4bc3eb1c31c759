/**
 * A page whose code is a chunk of its own, loaded on the page's first visit; every later visit renders it at once
 * (no "loading" flash between two staff pages). The layout focuses the new page's heading when the route changes;
 * a page still loading has none yet, so the layout focuses main instead — when the page arrives, its heading
 * takes the focus, as it would have without the wait.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

type Page<P> = (props: P) => ComponentChild;

export function lazyPage<P extends object>(load: () => Promise<Page<P>>) {
  let loaded: Page<P> | undefined;
  return function LazyPage(props: P) {
    const [Loaded, setLoaded] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Loaded) return;
      load().then(
        (page) => {
          loaded = page;
          setLoaded(() => page);
        },
        () => setFailed(true),
      );
    }, []);
    useEffect(() => {
      if (Loaded && document.activeElement?.id === 'main') document.querySelector<HTMLElement>('main h1')?.focus();
    }, [Loaded]);
    if (failed) return <p class="alert alert-error" role="alert">{t('common.crashed')}</p>;
    return Loaded ? <Loaded {...props} /> : <p>{t('common.loading')}</p>;
  };
}
