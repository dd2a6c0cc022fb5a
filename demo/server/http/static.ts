/**
 * Static files: the demo site at `/` and the CDN build at `/cdn/`.
 *
 * The URL path is checked before it touches the file system: it must
 * decode, contain no NUL or backslash, no `..` segment and no dotfile
 * (`.env`, `.git`); and the resolved file must still lie inside its folder.
 * Anything else is refused, so no request can read outside the folders.
 *
 * Caching follows the build: files whose name carries their content's hash
 * (the CDN build's `chunks/`, named by the mount's `immutable` pattern)
 * never change, so a browser keeps them a year without asking; pages are
 * revalidated every time; other files (the entry script `dvc-widgets.js`
 * among them) for five minutes, then revalidated with their ETag. Text is
 * sent compressed when the client takes it (compression.ts).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { compressedFiles, negotiateEncoding, varyOnEncoding, worthCompressing } from './compression.js';
import { HttpError } from './replies.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Headers for documents a browser renders as a page. SVG counts: opened on
 * its own it may run scripts. The policy is as strict as a commune site's
 * could be: no inline script or style at all (the widgets style themselves
 * with constructable stylesheets, which CSP does not block), and `blob:`
 * images for the thumbnails of files being attached.
 */
const DOCUMENT_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
  'Referrer-Policy': 'no-referrer',
};

/** A folder served under a URL prefix; `immutable` matches (from the prefix on) the files named by their hash. */
export interface StaticMount {
  dir: string;
  immutable?: RegExp;
}

/** URL prefix (ending in `/`) → folder, e.g. `{ '/': 'demo/site', '/cdn/': { dir: 'dist/cdn', immutable: /^chunks\// } }`. */
export type StaticDirs = Record<string, string | StaticMount>;

const CACHE_CONTROL = {
  immutable: 'public, max-age=31536000, immutable',
  document: 'no-cache',
  asset: 'public, max-age=300',
};

/** Maps the part of the path after its mount to a file inside `root`, or refuses. */
function resolveInside(root: string, urlPath: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw new HttpError(400, 'bad_path', 'Bad request path');
  }
  const segments = decoded.split('/');
  if (/[\0\\]/.test(decoded) || segments.some((segment) => segment === '..')) {
    throw new HttpError(400, 'bad_path', 'Bad request path');
  }
  if (segments.some((segment) => segment.startsWith('.'))) throw new HttpError(404, 'not_found', 'Not found');
  const file = resolve(root, `.${sep}${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) throw new HttpError(400, 'bad_path', 'Bad request path');
  return file;
}

/** Returns the handler for static paths; it throws `HttpError` for 4xx answers. */
export type StaticHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  search: string,
) => Promise<void>;

export function staticFiles(dirs: StaticDirs): StaticHandler {
  // Longest prefix first, so `/cdn/` wins over `/`.
  const mounts = Object.entries(dirs)
    .map(([prefix, mount]) => {
      const { dir, immutable } = typeof mount === 'string' ? { dir: mount, immutable: undefined } : mount;
      return { prefix, root: resolve(dir), immutable };
    })
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const compressed = compressedFiles((file) => readFile(file));

  return async (req, res, pathname, search) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'method_not_allowed', 'Method not allowed', undefined, { Allow: 'GET, HEAD' });
    }
    const mount = mounts.find(({ prefix }) => pathname.startsWith(prefix));
    if (!mount) throw new HttpError(404, 'not_found', 'Not found');
    const inMount = pathname.slice(mount.prefix.length);
    let file = resolveInside(mount.root, inMount);
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      // Relative links in index.html need the trailing slash. One leading slash only:
      // `//evil.example/` as a Location would send the browser to another site.
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname.replace(/\/{2,}/g, '/')}/${search}` });
        res.end();
        return;
      }
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) throw new HttpError(404, 'not_found', 'Not found');

    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const isDocument = type.startsWith('text/html') || type === 'image/svg+xml';
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    res.setHeader('ETag', etag);
    const cache = mount.immutable?.test(inMount) ? 'immutable' : isDocument ? 'document' : 'asset';
    res.setHeader('Cache-Control', CACHE_CONTROL[cache]);
    if (isDocument) for (const [name, value] of Object.entries(DOCUMENT_HEADERS)) res.setHeader(name, value);
    const compressible = worthCompressing(type, info.size);
    if (compressible) varyOnEncoding(res);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    const encoding = compressible ? negotiateEncoding(req) : undefined;
    const body = encoding && (await compressed.get(file, etag, info.size, encoding));
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body ? body.length : info.size,
      ...(body && { 'Content-Encoding': encoding }),
    });
    if (req.method === 'HEAD') res.end();
    else if (body) res.end(body);
    else await pipeline(createReadStream(file), res);
  };
}
