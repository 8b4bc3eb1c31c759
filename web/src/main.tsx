import { render } from 'preact';
import { setUnauthorizedHandler } from './api';
import { App } from './app';
import { navigate, parseHash } from './router';
import './styles.css';

// A 401 from a staff call: the token is gone or expired; sign in again and come back here.
setUnauthorizedHandler(() => {
  const { path, query } = parseHash(location.hash);
  if (path === '/staff/login') return;
  const qs = query.toString();
  const next = `${path}${qs ? `?${qs}` : ''}`;
  navigate('/staff/login', { next, expired: '1' }, { replace: true });
});

render(<App />, document.getElementById('app')!);
