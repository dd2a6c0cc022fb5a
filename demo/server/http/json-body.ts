/** The JSON body of a request: its media type, its size and its syntax checked. */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './replies.js';
import { validationFailed } from './validation.js';

/** Largest JSON body accepted: a dossier with every field filled is a few tens of kilobytes. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/**
 * Reads a JSON request body. `text/plain` is accepted as well as
 * `application/json`, so a browser may send a body without a CORS preflight
 * (a round trip saved on 3G); either way it must parse as JSON.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/plain') {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json. (Gửi nội dung dạng JSON.)');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BODY_BYTES)
      throw new HttpError(
        413,
        'body_too_large',
        `The body is larger than ${MAX_JSON_BODY_BYTES} bytes. (Nội dung quá lớn.)`,
      );
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON. (Nội dung không phải JSON hợp lệ.)');
  }
}

/**
 * Refuses a body that is to be stored (a dossier, an officer action) when
 * a text or key of it holds a NUL character: PostgreSQL's text and jsonb
 * cannot hold one, and no text a citizen or an officer writes has one. A
 * body that is only compared (a lookup) needs no such care.
 */
export function assertStorable(body: unknown): void {
  const path = nulAt(body);
  if (path !== undefined)
    throw validationFailed([{ path, message: 'must not contain the NUL character (U+0000)' }], 'body');
}

/** The dotted path of the first text (or key) in `value` that holds a NUL character, or undefined. */
function nulAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\0')) return at;
    const found = nulAt(item, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
