/**
 * Compressed answers, since what a citizen's phone downloads is what counts:
 * the CDN build's scripts shrink about four times with brotli. The encoding
 * is negotiated from `Accept-Encoding` (brotli when the client takes it,
 * else gzip, else none; `Vary: Accept-Encoding` tells caches so), and only
 * text worth it is compressed: small answers and images gain nothing.
 *
 * Static files are compressed once at the highest effort and kept in
 * memory (the build is a few hundred kilobytes; a file changed on disk has
 * a new ETag and is compressed again); API answers at a fast setting, as
 * they are made. Upload bodies never pass here: tus answers with its own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import Negotiator from 'negotiator';

export type Encoding = 'br' | 'gzip';

/** Below this, the headers weigh more than what compression saves. */
const MIN_COMPRESSED_BYTES = 1024;
/** A static file larger than this is sent as it is rather than held compressed in memory. */
const MAX_CACHED_BYTES = 8 * 2 ** 20;
const COMPRESSIBLE_TYPE = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg\+xml|image\/x-icon)/;

/** The encoding to answer `req` in; equal preferences go to brotli, which is smaller. */
export function negotiateEncoding(req: IncomingMessage): Encoding | undefined {
  // @types/negotiator predates the `preferred` option of negotiator 1.
  const choose = Negotiator.prototype.encoding as (
    this: Negotiator,
    available: string[],
    options: { preferred: string[] },
  ) => string | undefined;
  const chosen = choose.call(new Negotiator(req), ['br', 'gzip', 'identity'], { preferred: ['br', 'gzip'] });
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}

/** Whether an answer of `type` and `bytes` is worth compressing (and so varies with `Accept-Encoding`). */
export const worthCompressing = (type: string, bytes: number): boolean =>
  bytes >= MIN_COMPRESSED_BYTES && COMPRESSIBLE_TYPE.test(type);

/** Adds `Accept-Encoding` to the answer's `Vary`, keeping what is there (CORS's `Origin`). */
export function varyOnEncoding(res: ServerResponse): void {
  const vary = res.getHeader('Vary');
  res.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** `data` compressed: `best` for files compressed once and kept, `fast` for answers made per request. */
export function compress(data: Buffer | string, encoding: Encoding, effort: 'best' | 'fast'): Promise<Buffer> {
  if (encoding === 'gzip') return gzipped(data, { level: effort === 'best' ? 9 : 6 });
  return brotli(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: effort === 'best' ? constants.BROTLI_MAX_QUALITY : 4,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(data),
    },
  });
}

/** Compressed copies of static files, by file and encoding; a copy of an older version (other ETag) is replaced. */
export function compressedFiles(read: (file: string) => Promise<Buffer>) {
  const copies = new Map<string, { etag: string; body: Promise<Buffer> }>();
  return {
    /** The compressed bytes of `file` (at version `etag`, of `bytes`), or undefined when it is sent as it is. */
    get(file: string, etag: string, bytes: number, encoding: Encoding): Promise<Buffer> | undefined {
      if (bytes > MAX_CACHED_BYTES) return undefined;
      const key = `${encoding}:${file}`;
      const copy = copies.get(key);
      if (copy?.etag === etag) return copy.body;
      const body = read(file).then((data) => compress(data, encoding, 'best'));
      // A failed read is not kept: the next request tries again.
      body.catch(() => copies.delete(key));
      copies.set(key, { etag, body });
      return body;
    },
  };
}
