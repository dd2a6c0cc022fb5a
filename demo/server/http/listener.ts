/**
 * How a request travels through the reference backend: the health checks
 * first (health.ts), then CORS (a preflight is answered there), then the tus upload endpoint for its
 * paths, the API router under the API base, the static files elsewhere;
 * every refusal under `/api` as a contract `ApiError`, an unexpected error
 * as a bare 500 whose cause goes only to the log, and one log line per
 * request, without its query string (searches may contain personal data)
 * and without upload ids (log.ts). An error in one request, thrown or
 * emitted by one of its streams (a client that hangs up mid-body), ends that
 * request only, never the process.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { clientAddress, type TrustedProxies } from './client-address.js';
import type { CorsHandler } from './cors.js';
import { type Health, isHealthPath } from './health.js';
import { readJsonBody } from './json-body.js';
import { type Log, loggedPath } from './log.js';
import { errorReply, HttpError, send } from './replies.js';
import type { Router } from './router.js';
import type { StaticHandler } from './static.js';

export interface ListenerParts {
  /** Where the API is mounted, e.g. `/api/v1`. */
  apiBase: string;
  api: Router;
  cors: CorsHandler;
  /** The upload endpoint and the paths it answers, when there is one. */
  uploads?: {
    owns(pathname: string): boolean;
    /** `clientAddress`: whom the upload quota counts against (client-address.ts). */
    handle(req: IncomingMessage, res: ServerResponse, clientAddress: string): Promise<void>;
  };
  serveStatic: StaticHandler;
  health: Health;
  log: Log;
  /** Proxies whose `X-Forwarded-For` names the client (client-address.ts); default none. */
  trustedProxies?: TrustedProxies;
}

/** Everything under /api answers in JSON, even for versions and routes that do not exist. */
const isApiPath = (pathname: string): boolean => pathname === '/api' || pathname.startsWith('/api/');

/** Logs the real error and returns the bare 500 the client sees: no stack, no SQL. */
function internalError(error: unknown, log: Log): HttpError {
  log(`Internal error: ${error instanceof Error ? error.stack : String(error)}`);
  return new HttpError(
    500,
    'internal_error',
    'The server failed to answer. Please try again later. (Máy chủ gặp lỗi, vui lòng thử lại sau.)',
  );
}

export function requestListener(parts: ListenerParts): RequestListener {
  const { apiBase, api, cors, uploads, serveStatic, health, log, trustedProxies = [] } = parts;
  const clientOf = (req: IncomingMessage): string =>
    clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const healthAnswer = health.answer(pathname);
    if (healthAnswer) return send(res, await healthAnswer);
    if (cors(req, res, pathname)) return;
    if (uploads?.owns(pathname)) return uploads.handle(req, res, clientOf(req));
    if (pathname !== apiBase && !pathname.startsWith(`${apiBase}/`)) {
      if (isApiPath(pathname)) throw new HttpError(404, 'not_found', 'No such API route.');
      return serveStatic(req, res, pathname, search);
    }
    const route = api.match(req.method ?? 'GET', pathname.slice(apiBase.length));
    if (!route) throw new HttpError(404, 'not_found', 'No such API route.');
    if ('allowedMethods' in route) {
      const allow = [...new Set(route.allowedMethods)].join(', ');
      throw new HttpError(405, 'method_not_allowed', `Use ${allow} here.`, undefined, { Allow: allow });
    }
    await send(
      res,
      await route.handler({
        params: route.params,
        query: new URLSearchParams(search),
        readBody: () => readJsonBody(req),
        headers: req.headers,
        clientAddress: clientOf(req),
      }),
    );
  }

  return (req, res) => {
    const started = performance.now();
    // Never the query string: searches may contain personal data.
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const search = queryAt === -1 ? '' : rawUrl.slice(queryAt);
    res.on('finish', () => {
      // A balancer asks every few seconds: only a failed check is worth a line.
      if (isHealthPath(pathname) && res.statusCode === 200) return;
      log(`${req.method} ${loggedPath(pathname)} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`);
    });
    // A stream error nobody listens for would end the process; the request's own handling sees it anyway.
    const streamFailed = (error: Error) => log(`${req.method} ${loggedPath(pathname)} stream failed: ${String(error)}`);
    req.on('error', streamFailed);
    res.on('error', streamFailed);

    handle(req, res, pathname, search).catch((error: unknown) => {
      if (res.headersSent) {
        // Too late for an error answer (a file failed mid-way): cut the connection.
        log(`${req.method} ${loggedPath(pathname)} failed after the headers: ${String(error)}`);
        res.destroy();
        return;
      }
      const httpError = error instanceof HttpError ? error : internalError(error, log);
      void send(
        res,
        isApiPath(pathname)
          ? errorReply(httpError)
          : {
              status: httpError.status,
              headers: { 'Content-Type': 'text/plain; charset=utf-8', ...httpError.headers },
              body: httpError.message,
            },
      );
    });
  };
}
