/**
 * CORS: the widgets run on commune websites (other origins) and call this
 * backend from the browser, so it must answer cross-origin requests from
 * the sites it serves, and only those when an operator lists them.
 *
 * Deliberately minimal: no credentials (the catalog is public); the one
 * exposed response header is `Retry-After`, so a widget can tell a citizen
 * how long to wait after a 429.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `'*'`: any origin; otherwise the exact origins allowed, e.g. `https://xa-minh-hoa.gov.vn`. */
export type CorsOrigins = '*' | string[];

/** Methods and request headers a preflight may ask for. */
const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key';
/** How long browsers may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = '600';

/**
 * Reads `CORS_ORIGINS`: empty or `*` allows any origin, otherwise a
 * comma-separated list of origins (scheme, host and port, no path).
 * A malformed entry stops the start-up rather than silently never matching.
 */
export function parseCorsOrigins(text: string | undefined): CorsOrigins {
  const entries = (text ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0 || entries.includes('*')) return '*';
  for (const entry of entries) {
    if (!/^https?:\/\/[^/\s]+$/.test(entry)) {
      throw new Error(`CORS_ORIGINS: "${entry}" is not an origin such as https://example.gov.vn (no path, no trailing slash)`);
    }
  }
  return entries;
}

/**
 * Returns a function that adds the CORS headers a request deserves and
 * answers it outright (returning true) when it is an `OPTIONS` request.
 */
export function corsHandler(origins: CorsOrigins): (req: IncomingMessage, res: ServerResponse) => boolean {
  const allowedOrigin = (origin: string | undefined): string | undefined => {
    if (origin === undefined) return undefined;
    if (origins === '*') return '*';
    return origins.includes(origin) ? origin : undefined;
  };

  return (req, res) => {
    // Caches must not hand one origin's answer to another.
    res.setHeader('Vary', 'Origin');
    const allowed = allowedOrigin(req.headers.origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', allowed);
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (req.method !== 'OPTIONS') return false;
    // A preflight from a disallowed origin gets a bare 204: the browser then blocks the request.
    if (allowed && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
    }
    res.writeHead(204, { Allow: ALLOWED_METHODS });
    res.end();
    return true;
  };
}
