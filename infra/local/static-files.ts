/**
 * The built web app (web/dist) served as S3 + CloudFront would: files with their content types, unknown
 * extension-less paths answered with index.html (the SPA rewrite), hashed assets cached for a year and
 * index.html never cached (a rebuild shows at once). The security headers (nosniff among them) are set for every
 * response of the origin by http.ts, as CloudFront's policy does on AWS.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** Vite names built assets `name-<hash>.ext` under assets/: safe to cache forever. */
function cacheControl(relative: string): string {
  if (/^assets\//.test(relative) && /-[\w-]{8,}\.\w+$/.test(relative)) return 'public, max-age=31536000, immutable';
  if (relative.endsWith('.html')) return 'no-cache';
  return 'public, max-age=300';
}

const notBuiltPage = `<!doctype html><meta charset="utf-8"><title>Jianyi</title>
<p>The web app is not built yet (<code>web/dist</code> is missing). Run <code>npx vite build</code> or restart
<code>npm start</code>. The API is up at <a href="/api/health">/api/health</a>.</p>`;

export function createStaticFiles(rootDir: string): (req: IncomingMessage, res: ServerResponse, pathname: string) => void {
  const root = path.resolve(rootDir);

  function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status = 200): void {
    const stat = statSync(file);
    const relative = path.relative(root, file).split(path.sep).join('/');
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers = {
      'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': cacheControl(relative),
      'last-modified': stat.mtime.toUTCString(),
      etag,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(status, { ...headers, 'content-length': stat.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  return (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'application/json', allow: 'GET, HEAD' });
      res.end(JSON.stringify({ error: { code: 'method_not_allowed', message: 'Static files are read-only' } }));
      return;
    }
    const index = path.join(root, 'index.html');
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(notBuiltPage);
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      decoded = '/';
    }
    // Resolve inside the root only: `..` and absolute tricks fall back to the app, never outside web/dist.
    const candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
    const inside = candidate === root || candidate.startsWith(root + path.sep);
    if (inside && existsSync(candidate) && statSync(candidate).isFile()) {
      sendFile(req, res, candidate);
      return;
    }
    if (inside && existsSync(path.join(candidate, 'index.html'))) {
      sendFile(req, res, path.join(candidate, 'index.html'));
      return;
    }
    // A missing file with an extension is a real 404; an app route (no extension) gets the app.
    if (path.extname(decoded)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    sendFile(req, res, index);
  };
}
