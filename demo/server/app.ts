/**
 * The reference backend as a `node:http` server: the contract under
 * `/api/v1`, the tus upload endpoint at `/api/v1/uploads` (when given a
 * store), the demo site and the CDN build as static files, CORS, and one
 * log line per request. `startServer()` is what `main.ts`, the tests and the
 * benchmark call; they bring their own (already migrated and seeded) database.
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OFFICER_ATTACHMENT_PATH, UPLOADS_PATH } from '../../src/api/contract/index.js';
import { buildOpenApiDocument } from '../../src/api/openapi.js';
import { corsHandler, type CorsOrigins, type CorsPolicy } from './cors.js';
import type { Database } from './db/index.js';
import { errorReply, HttpError, jsonReply, readJsonBody, Router, send } from './http.js';
import { loggedPath, redactingLog } from './log.js';
import { catalogHandlers } from './routes/catalog.js';
import { addContractRoutes, checkOfficer } from './routes/contract.js';
import { attachmentDownload, attachmentHandlers } from './officer/attachments.js';
import { dossierHandlers } from './routes/dossiers.js';
import { lookupHandlers } from './routes/lookup.js';
import { serviceHandlers } from './routes/service.js';
import type { DossierOptions } from './dossiers/options.js';
import { unitsHandlers } from './units/index.js';
import { FORM_PATH, formDownload } from './routes/forms.js';
import { formTemplates as catalogFormTemplates, type FormTemplateSource } from './seed/catalog.js';
import { type StaticDirs, staticFiles } from './static.js';
import { createUploadHandler, UPLOAD_CORS_POLICY, type UploadOptions } from './uploads/endpoint.js';
import { storedInFull } from './uploads/store.js';

export const API_BASE = '/api/v1';
const UPLOADS_BASE = `${API_BASE}${UPLOADS_PATH}`;

/** The tus endpoint's paths: the collection (POST) and one upload (HEAD, PATCH, DELETE). */
const isUploadPath = (pathname: string): boolean =>
  pathname === UPLOADS_BASE ||
  (pathname.startsWith(`${UPLOADS_BASE}/`) && !pathname.slice(UPLOADS_BASE.length + 1).includes('/'));

/** Officer actions carry their token in `Authorization`, so a browser-based officer tool may send it. */
const OFFICER_CORS_POLICY: CorsPolicy = {
  methods: 'POST, OPTIONS',
  allowHeaders: 'Content-Type, Authorization',
  exposeHeaders: 'Retry-After',
};

/** Everything under /api answers in JSON, even for versions and routes that do not exist. */
const isApiPath = (pathname: string): boolean => pathname === '/api' || pathname.startsWith('/api/');

export interface AppOptions {
  db: Database;
  /** Origins allowed to call from a browser; default `'*'` (any). */
  corsOrigins?: CorsOrigins;
  /** Static folders by URL prefix, e.g. `{ '/': 'demo/site', '/cdn/': 'dist/cdn' }`; default none. */
  staticDirs?: StaticDirs;
  /** Form templates served as RTF; default those of the seed catalog. */
  formTemplates?: FormTemplateSource[];
  /** Where uploads go and their limits; without it there is no upload endpoint. */
  uploads?: UploadOptions;
  /** Dossiers: clock, lookup secret, officer token, calendars, rate limit. */
  dossiers?: DossierOptions;
  /** Check every answer against the contract (development, tests); a breach becomes a 500. */
  validateResponses?: boolean;
  /** Where log lines go, without upload ids (log.ts); default `console.log`. Pass `() => {}` for silence. */
  log?: (line: string) => void;
}

/** The request listener: usable with any `node:http` server. */
export function createApp(options: AppOptions): RequestListener {
  const log = redactingLog(options.log ?? console.log);
  const api = new Router();
  const dossierOptions = {
    ...(options.uploads && { uploadStoredInFull: storedInFull(options.uploads.store) }),
    ...options.dossiers,
  };
  const handlers = {
    ...catalogHandlers(options.db),
    ...serviceHandlers(dossierOptions),
    ...unitsHandlers(),
    ...dossierHandlers(options.db, dossierOptions),
    ...lookupHandlers(options.db, dossierOptions),
    ...attachmentHandlers(options.db),
  };
  addContractRoutes(api, handlers, {
    validateResponses: options.validateResponses ?? false,
    officerToken: dossierOptions.officerToken,
  });
  const openApiDocument = buildOpenApiDocument(API_BASE);
  api.add('GET', '/openapi.json', async () => jsonReply(200, openApiDocument));
  api.add('GET', FORM_PATH, formDownload(options.formTemplates ?? catalogFormTemplates));
  if (options.uploads) {
    const { store } = options.uploads;
    api.add(
      'GET',
      OFFICER_ATTACHMENT_PATH,
      attachmentDownload({
        db: options.db,
        store,
        authorise: (request) => checkOfficer(request, dossierOptions.officerToken),
      }),
    );
  }
  const uploads =
    options.uploads && createUploadHandler({ ...options.uploads, db: options.db, path: UPLOADS_BASE, log });
  const cors = corsHandler(options.corsOrigins ?? '*', {
    ...(uploads && { [UPLOADS_BASE]: UPLOAD_CORS_POLICY }),
    [`${API_BASE}/officer`]: OFFICER_CORS_POLICY,
  });
  const serveStatic = staticFiles(options.staticDirs ?? {});

  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (cors(req, res, pathname)) return;
    if (uploads && isUploadPath(pathname)) return uploads(req, res);
    if (pathname !== API_BASE && !pathname.startsWith(`${API_BASE}/`)) {
      if (isApiPath(pathname)) throw new HttpError(404, 'not_found', 'No such API route.');
      return serveStatic(req, res, pathname, search);
    }
    const route = api.match(req.method ?? 'GET', pathname.slice(API_BASE.length));
    if (!route) throw new HttpError(404, 'not_found', 'No such API route.');
    if ('allowedMethods' in route) {
      const allow = [...new Set(route.allowedMethods)].join(', ');
      throw new HttpError(405, 'method_not_allowed', `Use ${allow} here.`, undefined, { Allow: allow });
    }
    const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
    const clientAddress = req.socket.remoteAddress ?? 'unknown';
    await send(
      res,
      await route.handler({
        params: route.params,
        query: new URLSearchParams(search),
        body,
        headers: req.headers,
        clientAddress,
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
    res.on('finish', () =>
      log(`${req.method} ${loggedPath(pathname)} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`),
    );

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

/** Logs the real error and returns the bare 500 the client sees: no stack, no SQL. */
function internalError(error: unknown, log: (line: string) => void): HttpError {
  log(`Internal error: ${error instanceof Error ? error.stack : String(error)}`);
  return new HttpError(
    500,
    'internal_error',
    'The server failed to answer. Please try again later. (Máy chủ gặp lỗi, vui lòng thử lại sau.)',
  );
}

export interface ServerOptions extends AppOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; default all of them. */
  host?: string;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://localhost:8080`. */
  url: string;
  /** Stops accepting connections and closes the open ones (the database stays open). */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = createServer(createApp(options));
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host, () => ready());
  });
  const { port } = server.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((closed, fail) => {
        server.close((error) => (error ? fail(error) : closed()));
        // Idle keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
