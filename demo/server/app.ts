/**
 * The reference backend as a `node:http` server: the contract under
 * `/api/v1`, the tus upload endpoint at `/api/v1/uploads` (when given a
 * store), the demo site and the CDN build as static files, CORS, and one
 * log line per request. Here the features are put together; how a request
 * travels through them is `http/listener.ts`. `startServer()` is what
 * `main.ts`, the tests and the benchmark call; they bring their own
 * (already migrated and seeded) database and the form templates to serve.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OFFICER_ATTACHMENT_PATH, UPLOADS_PATH } from '../../src/api/contract/index.js';
import { buildOpenApiDocument } from '../../src/api/openapi.js';
import { catalogueHandlers } from './catalogue/routes.js';
import type { Database } from './db/index.js';
import { dossierHandlers } from './dossiers/routes.js';
import type { DossierOptions } from './dossiers/options.js';
import type { FormTemplateSource } from './forms/rtf.js';
import { FORM_PATH, formDownload, formHandlers } from './forms/routes.js';
import { addContractRoutes } from './http/contract.js';
import type { TrustedProxies } from './http/client-address.js';
import { corsHandler, type CorsOrigins, type CorsPolicy } from './http/cors.js';
import { type Health, healthChecks } from './http/health.js';
import { applyServerLimits, DEFAULT_SERVER_LIMITS, type ServerLimits, serverOptions } from './http/limits.js';
import { requestListener } from './http/listener.js';
import { redactingLog } from './http/log.js';
import { errorReply, HttpError, jsonReply, send } from './http/replies.js';
import { Router } from './http/router.js';
import { type StaticDirs, staticFiles } from './http/static.js';
import { lookupHandlers } from './lookup/routes.js';
import { attachmentDownload, officerHandlers } from './officer/routes.js';
import { officerAuthoriser } from './officer/credentials.js';
import { unitsHandlers } from './units/index.js';
import { createUploadHandler, UPLOAD_CORS_POLICY, type UploadOptions } from './uploads/endpoint.js';
import { scannedInFull } from './uploads/scan.js';
import { storedInFull } from './uploads/store.js';

export const API_BASE = '/api/v1';
const UPLOADS_BASE = `${API_BASE}${UPLOADS_PATH}`;
const OFFICER_BASE = `${API_BASE}/officer`;

/** The tus endpoint's paths: the collection (POST) and one upload (HEAD, PATCH, DELETE). */
const isUploadPath = (pathname: string): boolean =>
  pathname === UPLOADS_BASE ||
  (pathname.startsWith(`${UPLOADS_BASE}/`) && !pathname.slice(UPLOADS_BASE.length + 1).includes('/'));

/** Officer routes carry their token in `Authorization`, so a browser-based officer tool may send it. */
const OFFICER_CORS_POLICY: CorsPolicy = {
  methods: 'POST, OPTIONS',
  allowHeaders: 'Content-Type, Authorization',
  exposeHeaders: 'Retry-After',
};

export interface AppOptions {
  db: Database;
  /** Origins allowed to call from a browser; default `'*'` (any). */
  corsOrigins?: CorsOrigins;
  /** Static folders by URL prefix, e.g. `{ '/': 'demo/site', '/cdn/': 'dist/cdn' }`; default none. */
  staticDirs?: StaticDirs;
  /** Form templates served as RTF (those the seeded procedures link to); default none. */
  formTemplates?: readonly FormTemplateSource[];
  /** Where uploads go and their limits; without it there is no upload endpoint. */
  uploads?: UploadOptions;
  /** Dossiers: clock, lookup secret, officer token, calendars, rate limit. */
  dossiers?: DossierOptions;
  /** Check every answer against the contract (development, tests); a breach becomes a 500. */
  validateResponses?: boolean;
  /** Proxies whose `X-Forwarded-For` names the client (`TRUST_PROXY`, http/client-address.ts); default none. */
  trustedProxies?: TrustedProxies;
  /**
   * Which routes this listener answers: `all` (the default), `public` (all
   * but the officer routes, which answer 404: they have a listener of their
   * own, `OFFICER_PORT`) or `officer` (only those).
   */
  routes?: 'all' | 'public' | 'officer';
  /** Where log lines go, without upload ids (http/log.ts); default `console.log`. Pass `() => {}` for silence. */
  log?: (line: string) => void;
}

/** What a filing asks of an upload: stored in full, and found clean when files are scanned. */
const filingCheck = (db: Database, { store, scan }: UploadOptions) =>
  scan ? scannedInFull(db, storedInFull(store)) : storedInFull(store);

/** The request listener: usable with any `node:http` server; `health` answers `/healthz` and `/readyz`. */
export function createApp(options: AppOptions, health: Health = healthChecks(options.db)): RequestListener {
  const log = redactingLog(options.log ?? console.log);
  const { db } = options;
  const api = new Router();
  const dossierOptions = {
    ...(options.uploads && { uploadStoredInFull: filingCheck(db, options.uploads) }),
    ...options.dossiers,
  };
  const authoriseOfficer = officerAuthoriser(db, {
    devToken: dossierOptions.officerToken,
    ...(dossierOptions.officerFailureLimit && { failureLimit: dossierOptions.officerFailureLimit }),
    ...(dossierOptions.now && { now: dossierOptions.now }),
  });
  const handlers = {
    ...catalogueHandlers(db),
    ...formHandlers(db),
    ...unitsHandlers(),
    ...dossierHandlers(db, dossierOptions),
    ...lookupHandlers(db, dossierOptions),
    ...officerHandlers(db, dossierOptions),
  };
  addContractRoutes(api, handlers, { validateResponses: options.validateResponses ?? false, authoriseOfficer });
  const openApiDocument = buildOpenApiDocument(API_BASE);
  api.add('GET', '/openapi.json', async () => jsonReply(200, openApiDocument));
  api.add('GET', FORM_PATH, formDownload(options.formTemplates ?? []));
  if (options.uploads) {
    const { store } = options.uploads;
    api.add('GET', OFFICER_ATTACHMENT_PATH, attachmentDownload({ db, store, authorise: authoriseOfficer }));
  }
  const uploads = options.uploads && createUploadHandler({ ...options.uploads, db, path: UPLOADS_BASE, log });
  const listener = requestListener({
    apiBase: API_BASE,
    api,
    cors: corsHandler(
      options.corsOrigins ?? '*',
      {
        ...(uploads && { [UPLOADS_BASE]: UPLOAD_CORS_POLICY }),
        [OFFICER_BASE]: OFFICER_CORS_POLICY,
      },
      (pathname) => (pathname.startsWith(`${API_BASE}/`) ? api.allow(pathname.slice(API_BASE.length)) : undefined),
    ),
    ...(uploads && { uploads: { owns: isUploadPath, handle: uploads } }),
    serveStatic: staticFiles(options.staticDirs ?? {}),
    health,
    log,
    trustedProxies: options.trustedProxies ?? [],
  });
  return servingOnly(options.routes ?? 'all', listener);
}

const isOfficerPath = (pathname: string): boolean =>
  pathname === OFFICER_BASE || pathname.startsWith(`${OFFICER_BASE}/`);

/** The listener restricted to the public or the officer routes: the others answer 404, as if they did not exist. */
function servingOnly(routes: 'all' | 'public' | 'officer', listener: RequestListener): RequestListener {
  if (routes === 'all') return listener;
  return (req, res) => {
    const pathname = (req.url ?? '/').split('?', 1)[0]!;
    if (isOfficerPath(pathname) === (routes === 'officer')) return listener(req, res);
    void send(res, errorReply(new HttpError(404, 'not_found', 'No such API route.')));
  };
}

export interface ServerOptions extends AppOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; default all of them. */
  host?: string;
  /** Timeouts and the connection cap (http/limits.ts); default {@link DEFAULT_SERVER_LIMITS}. */
  limits?: Partial<ServerLimits>;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://localhost:8080`. */
  url: string;
  /** Readiness answers 503 from now on, so a balancer stops sending traffic before {@link close}. */
  drain(): void;
  /** Stops accepting connections and closes the open ones (the database stays open). */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const health = healthChecks(options.db);
  const server = createServer(serverOptions(limits), createApp(options, health));
  applyServerLimits(server, limits);
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host, () => ready());
  });
  const { port } = server.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    drain: health.drain,
    close: () =>
      new Promise<void>((closed, fail) => {
        server.close((error) => (error ? fail(error) : closed()));
        // Idle keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
