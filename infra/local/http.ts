/**
 * The one local origin, on 127.0.0.1, standing in for CloudFront in front of S3 and the HTTP API:
 *   /api/local/outbox  the developer's outbox (local only)
 *   /api/*             API Gateway HTTP API: v2.0 events to the routes' functions, JWT authorizer emulated
 *   /idp/*             the dev identity provider (stands in for Cognito)
 *   /files/*           kept exports and bulletins at signed, expiring links (stands in for presigned S3 GETs)
 *   /config.json       tells the web app it runs locally
 *   anything else      the built web app (web/dist), SPA fallback
 * Clients never see a stack trace: failures are logged here and answered with a generic JSON error.
 * Every response carries the security headers CloudFront adds on AWS (shared/http/security-headers.ts), set
 * before anything else runs and, as CloudFront's policy overrides the origin's, winning over a function's own.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { SiteConfig } from '../../shared/http/api-types';
import { securityHeaders } from '../../shared/http/security-headers';
import {
  createRouter,
  fromHttpApiResult,
  internalServerError,
  toHttpApiEvent,
  type HttpResponse,
} from './api-gateway-event';
import type { LocalRoute } from './cdk-template';
import { createJwtAuthorizer } from './jwt-authorizer';
import type { InvokeOutcome } from './lambda-runtime';
import { createStaticFiles } from './static-files';
import { createConcurrencyLimiter, defaultConcurrencyLimits, type ConcurrencyLimits } from './concurrency';
import { negotiateLocale, translate } from '../../shared/domain/i18n/messages';
import { viewerAddressHeader } from '../../shared/http/client-address';
import { originHeader } from '../../shared/http/origin-guard';

/** What /config.json tells the web app: it runs locally, signing in at the same-origin dev identity provider. */
const localSiteConfig: SiteConfig = { mode: 'local', idp: '/idp' };
const localSecurityHeaders = Object.entries(securityHeaders(localSiteConfig));

/** API Gateway's request payload limit. */
export const maxRequestBodyBytes = 10 * 1024 * 1024;

export interface IdentityProviderHandler {
  /** Handles `/idp/...` (the full path is passed); false means "not mine" (404). */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

export interface LocalHttpOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly routes: readonly LocalRoute[];
  readonly invoke: (functionId: string, event: APIGatewayProxyEventV2) => Promise<InvokeOutcome>;
  readonly staticDir: string;
  /** May be set after start (the IdP needs the issuer URL, which needs the port). */
  identityProvider?: IdentityProviderHandler;
  readonly outbox?: () => Promise<unknown[]>;
  /** Added to every API request as CloudFront adds it (shared/http/origin-guard.ts). */
  readonly originSecret?: string;
  /** The in-flight limit per function (infra/local/concurrency.ts). @default defaultConcurrencyLimits */
  readonly concurrency?: ConcurrencyLimits;
  readonly maxBodyBytes?: number;
  readonly log?: (message: string) => void;
  /** Logs one line per API request. */
  readonly logRequests?: boolean;
  /** Serves /files/ (signed download links to kept files: infra/local/file-downloads.ts). */
  readonly files?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;
}

export interface LocalHttpServer {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  setIdentityProvider(idp: IdentityProviderHandler): void;
  stop(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function sendResponse(res: ServerResponse, response: HttpResponse): void {
  const headers = { ...response.headers };
  // CloudFront's policy overrides what the API answers; so does this origin.
  for (const [name] of localSecurityHeaders) delete headers[name];
  res.writeHead(response.statusCode, { ...headers, 'content-length': response.body.length });
  res.end(response.body);
}

class PayloadTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startLocalHttpServer(options: LocalHttpOptions): Promise<LocalHttpServer> {
  const route = createRouter(options.routes);
  const authorize = createJwtAuthorizer();
  const serveStatic = createStaticFiles(options.staticDir);
  const limit = options.maxBodyBytes ?? maxRequestBodyBytes;
  const log = options.log ?? (() => undefined);
  const concurrency = createConcurrencyLimiter(options.concurrency ?? defaultConcurrencyLimits);
  let identityProvider = options.identityProvider;

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: string, pathname: string): Promise<void> {
    const started = Date.now();
    let body: Buffer;
    try {
      body = await readBody(req, limit);
    } catch (error) {
      if (!(error instanceof PayloadTooLarge)) throw error;
      // Answer, then drop the connection: the rest of the upload is not worth reading.
      res.once('finish', () => req.destroy());
      sendJson(
        res,
        413,
        { error: { code: 'payload_too_large', message: `The request body exceeds ${Math.round(limit / 1024 / 1024)} MiB` } },
        { connection: 'close' },
      );
      return;
    }
    const match = route(req.method ?? 'GET', pathname);
    if (!match) {
      sendJson(res, 404, { message: 'Not Found' });
      return;
    }
    // As CloudFront does: the viewer's address and the origin secret are set here, whatever the client sent.
    const remote = req.socket.remoteAddress ?? '127.0.0.1';
    const edgeHeaders: Record<string, string> = { [viewerAddressHeader]: `${remote}:${req.socket.remotePort ?? 0}` };
    if (options.originSecret) edgeHeaders[originHeader] = options.originSecret;
    const viewerHeaders = Object.fromEntries(Object.entries(req.headers).filter(([name]) => ![viewerAddressHeader, originHeader].includes(name.toLowerCase())));
    const request = { method: req.method ?? 'GET', url, headers: { ...viewerHeaders, ...edgeHeaders }, body, sourceIp: remote };
    let authorizer: Record<string, unknown> | undefined;
    if (match.route.jwtAuthorizer) {
      const lowered = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : (v ?? '')]));
      const outcome = await authorize(match.route, lowered);
      if (!outcome.ok) {
        sendJson(res, outcome.statusCode, outcome.body, outcome.headers);
        if (options.logRequests) log(`${req.method} ${pathname} ${outcome.statusCode} (authorizer) ${Date.now() - started}ms`);
        return;
      }
      authorizer = outcome.context;
    }
    const event = toHttpApiEvent(request, match, { authorizer });
    // Over capacity: shed now, in the API's shape, rather than let it time out later.
    const slot = await concurrency.acquire(match.route.functionId);
    if (!slot) {
      const locale = negotiateLocale(req.headers['accept-language']);
      sendJson(res, 503, { error: { code: 'busy', message: translate(locale, 'error.busy', { seconds: 1 }) } }, { 'retry-after': '1', 'content-language': locale });
      if (options.logRequests) log(`${req.method} ${pathname} 503 (shed) ${Date.now() - started}ms`);
      return;
    }
    let outcome: InvokeOutcome;
    try {
      outcome = await options.invoke(match.route.functionId, event);
    } finally {
      slot.release();
    }
    const response = outcome.ok ? fromHttpApiResult(outcome.result) : internalServerError();
    if (!outcome.ok) log(`${req.method} ${pathname}: the function failed (${outcome.error.errorType}); answered 500`);
    sendResponse(res, response);
    if (options.logRequests) log(`${req.method} ${pathname} ${response.statusCode} ${Date.now() - started}ms`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const pathname = url.split('?')[0] ?? '/';
    if (pathname === '/api/local/outbox' && options.outbox) {
      if (req.method !== 'GET') {
        sendJson(res, 405, { error: { code: 'method_not_allowed', message: 'Only GET is allowed here' } }, { allow: 'GET' });
        return;
      }
      sendJson(res, 200, { messages: await options.outbox() });
      return;
    }
    // Issue 12: Open311 GeoReport v2 is routed like the API.
    if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/open311/')) {
      await handleApi(req, res, url, pathname);
      return;
    }
    if (pathname === '/idp' || pathname.startsWith('/idp/')) {
      if (identityProvider && (await identityProvider.handle(req, res, pathname))) return;
      if (!res.headersSent) sendJson(res, 404, { error: { code: 'not_found', message: 'Unknown identity provider path' } });
      return;
    }
    if (pathname.startsWith('/files/') && options.files) {
      await options.files(req, res, new URL(url, 'http://127.0.0.1'));
      return;
    }
    if (pathname === '/config.json') {
      sendJson(res, 200, localSiteConfig);
      return;
    }
    serveStatic(req, res, pathname);
  }

  const server = createServer((req, res) => {
    for (const [name, value] of localSecurityHeaders) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      log(`${req.method} ${req.url}: ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent) sendResponse(res, internalServerError());
      else res.destroy();
    });
  });
  // Keep-alive sockets would hold stop() open; close idle ones promptly.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    setIdentityProvider(idp) {
      identityProvider = idp;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
