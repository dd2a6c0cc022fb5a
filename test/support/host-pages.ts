/**
 * The host pages of test/hosts/: commune websites as the widgets meet them
 * (a legacy CMS theme, a strict Content-Security-Policy with Trusted Types,
 * the script pasted twice, iframes), served with the CDN build, for
 * test/components/hosts.test.ts.
 *
 * Everything is under `/hosts/`:
 * - `/hosts/<page>.html` and its css/js: test/hosts/, with per-page headers
 *   (the strict pages' CSP);
 * - `/hosts/cdn/`: dist/cdn/ (`npm run build` first), as a commune hosts it;
 * - `/hosts/api/v1/`: a reverse proxy to the seeded test backend. Pages say
 *   `api="api/v1"` (relative), so a policy of `connect-src 'self'` covers the
 *   API, as on a real site that proxies the backend under its own name.
 *
 * The same handler is mounted twice: on the test runner's own origin (koa
 * middleware), so a test can reach into a page it frames, and on a server of
 * its own (`origin`, a different origin), for cross-origin iframes.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const PREFIX = '/hosts/';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The strictest policy a commune site could send, and the one the README
 * gives webmasters: no inline script or style, no eval, the API on the
 * site's own origin, and Trusted Types required, with the one policy the
 * widgets create (`lit-html`, by Lit).
 */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Headers by page; pages not listed get none beyond the content type. */
const PAGE_HEADERS: Record<string, Record<string, string>> = {
  'strict-csp.html': { 'Content-Security-Policy': STRICT_CSP },
  'double-load.html': { 'Content-Security-Policy': STRICT_CSP },
};

const HOSTS_DIR = resolve('test/hosts');
const CDN_DIR = resolve('dist/cdn');

/** A file inside `root`, or undefined for anything that would leave it. */
function inside(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (/[\0\\]/.test(decoded) || decoded.split('/').some((segment) => segment === '..' || segment.startsWith('.')))
    return undefined;
  const file = resolve(root, decoded);
  return file.startsWith(root + sep) ? file : undefined;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}

async function serveFile(
  res: ServerResponse,
  file: string | undefined,
  headers: Record<string, string>,
): Promise<void> {
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) return notFound(res);
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // Others rebuild dist/ while tests run: never reuse a stale chunk.
    'Cache-Control': 'no-store',
    ...headers,
  });
  await pipeline(createReadStream(file), res);
}

/** Forwards `/hosts/api/…` to the backend's `/api/…`, keeping tus's upload addresses under the proxy. */
function proxy(req: IncomingMessage, res: ServerResponse, backendOrigin: string, path: string): Promise<void> {
  return new Promise((done) => {
    const upstream = httpRequest(`${backendOrigin}/${path}`, { method: req.method, headers: req.headers }, (answer) => {
      const location = answer.headers.location?.replace(/^\/api\//, `${PREFIX}api/`);
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...(location && { location }) });
      answer.pipe(res);
      answer.on('end', () => done());
      answer.on('error', () => done());
    });
    upstream.on('error', () => {
      res.destroy();
      done();
    });
    req.on('close', () => {
      if (!req.complete) upstream.destroy();
    });
    req.pipe(upstream);
  });
}

export type HostHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The handler for `/hosts/…`; `api` is the seeded backend's base (`http://127.0.0.1:1234/api/v1`). */
export function hostPagesHandler(api: string): HostHandler {
  const backendOrigin = new URL(api).origin;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (!url.pathname.startsWith(PREFIX)) return notFound(res);
    const rest = url.pathname.slice(PREFIX.length);
    if (rest.startsWith('api/')) return proxy(req, res, backendOrigin, `${rest}${url.search}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return void res.end();
    }
    if (rest.startsWith('cdn/')) return serveFile(res, inside(CDN_DIR, rest.slice('cdn/'.length)), {});
    return serveFile(res, inside(HOSTS_DIR, rest), PAGE_HEADERS[rest] ?? {});
  };
}

export interface HostPages {
  /** Origin of the pages' own server, e.g. `http://127.0.0.1:1234` (pages at `${origin}/hosts/…`). */
  origin: string;
  /** Koa middleware for the test runner: the same pages at `/hosts/` on the tests' own origin. */
  middleware: (
    ctx: { path: string; req: IncomingMessage; res: ServerResponse; respond?: boolean },
    next: () => Promise<unknown>,
  ) => Promise<unknown>;
  close(): Promise<void>;
}

export async function startHostPages(api: string): Promise<HostPages> {
  const handle = hostPagesHandler(api);
  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async middleware(ctx, next) {
      if (!ctx.path.startsWith(PREFIX)) return next();
      // The answer is written on the raw response; koa must not write one of its own.
      ctx.respond = false;
      await handle(ctx.req, ctx.res).catch(() => ctx.res.destroy());
    },
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
