/**
 * The tus 1.0.0 rules (https://tus.io/protocols/resumable-upload) that
 * @tus/server 2 bends, kept here so that any tus client, not only ours,
 * meets the protocol as written. Tried with a foreign client, tus answered
 * a wrong `Tus-Resumable` with 400 (the protocol says 412, with the
 * versions the server speaks in `Tus-Version`), a PATCH of another content
 * type with 400 or 403 (the protocol: 415, the body must be
 * `application/offset+octet-stream`), and advertised `creation-defer-length`
 * while the limits need the length at creation (refused as
 * `length_required`): so it is no longer advertised. Every answer names the
 * version in `Tus-Version`, so a client can tell what it talks to.
 */
import { errorReply } from '../http/replies.js';
import { uploadRefusal } from './errors.js';

export const TUS_VERSION = '1.0.0';
const PATCH_CONTENT_TYPE = 'application/offset+octet-stream';
/** Needs `Upload-Length` later than creation; the per-file and per-draft limits need it at once. */
const UNSUPPORTED_EXTENSIONS = new Set(['creation-defer-length']);

const refusal = (status: number, message: string): Response => {
  const reply = errorReply(uploadRefusal(status, 'invalid_upload_request', message));
  return new Response(reply.body, { status, headers: { ...reply.headers, 'Tus-Resumable': TUS_VERSION } });
};

/** The refusal tus should have sent `request`, when it breaks one of these rules; else undefined. */
export function protocolRefusal(request: Request): Response | undefined {
  if (request.method === 'OPTIONS') return undefined;
  if (request.headers.get('tus-resumable') !== TUS_VERSION) {
    return refusal(
      412,
      `This endpoint speaks tus ${TUS_VERSION}: send Tus-Resumable: ${TUS_VERSION}. (Máy chủ chỉ nhận giao thức tus ${TUS_VERSION}.)`,
    );
  }
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (request.method === 'PATCH' && contentType !== PATCH_CONTENT_TYPE) {
    return refusal(
      415,
      `The bytes of an upload are sent as Content-Type: ${PATCH_CONTENT_TYPE}. (Dữ liệu tệp phải gửi với Content-Type: ${PATCH_CONTENT_TYPE}.)`,
    );
  }
  return undefined;
}

/** Sets the protocol's headers on any answer of the endpoint: the version, and only the extensions that work. */
export function conformingHeaders(headers: Headers): void {
  headers.set('Tus-Version', TUS_VERSION);
  const extensions = headers.get('tus-extension');
  if (extensions) {
    const working = extensions.split(',').filter((extension) => !UNSUPPORTED_EXTENSIONS.has(extension.trim()));
    headers.set('Tus-Extension', working.join(','));
  }
}
