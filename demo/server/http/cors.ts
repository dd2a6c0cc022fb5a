/**
 * CORS: the widgets run on commune websites (other origins) and call this
 * backend from the browser, so it must answer cross-origin requests from
 * the sites it serves, and only those when an operator lists them.
 *
 * Deliberately minimal: no credentials (the catalog is public); the one
 * exposed response header of the JSON API is `Retry-After`, so a widget can
 * tell a citizen how long to wait after a 429. One origin list for every
 * route; a route with other needs (the tus upload endpoint: its methods,
 * request headers and answer headers) brings its own {@link CorsPolicy}.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `'*'`: any origin; otherwise the exact origins allowed, e.g. `https://xa-minh-hoa.gov.vn`. */
export type CorsOrigins = '*' | string[];

/** What cross-origin callers of a group of routes may send and read. */
export interface CorsPolicy {
  /** Methods a preflight may ask for. */
  methods: string;
  /** Request headers a preflight may ask for. */
  allowHeaders: string;
  /** Response headers a page may read. */
  exposeHeaders: string;
  /** Plain `OPTIONS` (not a preflight) goes on to the route instead of a bare 204. */
  routeAnswersOptions?: boolean;
}

/** The JSON API and the static files. */
const DEFAULT_POLICY: CorsPolicy = {
  methods: 'GET, HEAD, OPTIONS',
  allowHeaders: 'Content-Type, Idempotency-Key',
  exposeHeaders: 'Retry-After',
};
/** How long browsers may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = '600';

/**
 * Reads `CORS_ORIGINS`: empty or `*` allows any origin, otherwise a
 * comma-separated list of origins (scheme, host and port, no path).
 * A malformed entry stops the start-up rather than silently never matching.
 */
export function parseCorsOrigins(text: string | undefined): CorsOrigins {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0 || entries.includes('*')) return '*';
  for (const entry of entries) {
    if (!/^https?:\/\/[^/\s]+$/.test(entry)) {
      throw new Error(
        `CORS_ORIGINS: "${entry}" is not an origin such as https://example.gov.vn (no path, no trailing slash)`,
      );
    }
  }
  return entries;
}

/**
 * Returns a function that adds the CORS headers a request deserves and
 * answers it outright (returning true) when it is an `OPTIONS` request the
 * route does not answer itself. `policies` maps a path prefix (the path
 * itself and everything under it) to its policy; other paths get the default.
 * `methodsAt` tells what a path takes where the router knows (`Allow` and
 * the methods a preflight may ask for: a POST-only resource lists POST);
 * elsewhere the policy's methods stand.
 */
export type CorsHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;

export function corsHandler(
  origins: CorsOrigins,
  policies: Record<string, CorsPolicy> = {},
  methodsAt: (pathname: string) => string | undefined = () => undefined,
): CorsHandler {
  const allowedOrigin = (origin: string | undefined): string | undefined => {
    if (origin === undefined) return undefined;
    if (origins === '*') return '*';
    return origins.includes(origin) ? origin : undefined;
  };
  const policyFor = (pathname: string): CorsPolicy =>
    Object.entries(policies).find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.[1] ??
    DEFAULT_POLICY;

  return (req, res, pathname) => {
    const policy = policyFor(pathname);
    // Caches must not hand one origin's answer to another.
    res.setHeader('Vary', 'Origin');
    const allowed = allowedOrigin(req.headers.origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', allowed);
      res.setHeader('Access-Control-Expose-Headers', policy.exposeHeaders);
    }
    if (req.method !== 'OPTIONS') return false;
    const preflight = Boolean(req.headers['access-control-request-method']);
    if (!preflight && policy.routeAnswersOptions) return false;
    // A preflight from a disallowed origin gets a bare 204: the browser then blocks the request.
    const methods = methodsAt(pathname) ?? policy.methods;
    if (allowed && preflight) {
      res.setHeader('Access-Control-Allow-Methods', methods);
      res.setHeader('Access-Control-Allow-Headers', policy.allowHeaders);
      res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
    }
    res.writeHead(204, { Allow: methods });
    res.end();
    return true;
  };
}
