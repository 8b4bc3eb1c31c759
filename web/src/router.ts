/**
 * A tiny hash router: routes live after '#', so S3 + CloudFront serve index.html for every page without
 * rewrite rules. `#/track?code=AB12CD34` is path "/track" with query code=AB12CD34.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  path: string;
  query: URLSearchParams;
}

export type Query = Record<string, string | undefined>;

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)) };
}

/** The href of a route, dropping empty query values. */
export function href(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

export function navigate(path: string, query: Query = {}, options: { replace?: boolean } = {}): void {
  const target = href(path, query);
  if (options.replace) {
    history.replaceState(history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Matches "/staff/s/:id" against a path; returns the named segments, or undefined. */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const names = pattern.split('/');
  const parts = path.split('/');
  if (names.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const part = parts[i]!;
    if (name.startsWith(':')) {
      if (!part) return undefined;
      params[name.slice(1)] = decodeURIComponent(part);
    } else if (name !== part) return undefined;
  }
  return params;
}

/** Reads a parameter from the hash query first, then the page's own query (posters link `/?channel=qr`). */
export function pageParam(route: Route, name: string): string | undefined {
  return route.query.get(name) ?? new URLSearchParams(location.search).get(name) ?? undefined;
}
