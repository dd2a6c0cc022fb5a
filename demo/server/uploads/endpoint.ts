/**
 * The tus 1.0 endpoint (`@tus/server`) inside our own request listener.
 *
 * tus writes its own CORS headers (`Access-Control-Allow-Origin: *` unless
 * told otherwise, and its exposed-header list on every answer, even to
 * origins we refuse). We keep one CORS policy, `http/cors.ts`, which has already
 * set its headers on the response when tus runs: so tus's are removed from
 * its answer before it is written. Its few plain-text protocol errors
 * (a missing `Tus-Resumable`) become contract `ApiError`s like all others,
 * and the protocol rules tus bends are kept by protocol.ts.
 *
 * The endpoint takes files in and never gives one back: a GET is refused
 * before tus sees it (tus would serve the stored bytes to anyone holding the
 * id, and its web-stream answer could end the process), no answer is cached,
 * and no answer repeats the `Upload-Metadata` (file name and draft id),
 * which the client sent and still has. Officers read files through their
 * own authenticated route (officer/routes.ts).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server } from '@tus/server';
import { EVENTS, type Locker } from '@tus/utils';
import { sendNodeResponse } from 'srvx/node';
import { ApiError, UPLOAD_SECRET_HEADER, UploadId, type UploadLimits } from '../../../src/api/contract/index.js';
import type { CorsPolicy } from '../http/cors.js';
import type { Database } from '../db/index.js';
import { errorReply, HttpError, send } from '../http/replies.js';
import { tusErrorAnswer } from './errors.js';
import { bindClient, headPolicy, uploadHooks } from './hooks.js';
import { storeNodeBodies, tusRequest } from './node-body.js';
import { conformingHeaders, protocolRefusal, TUS_VERSION } from './protocol.js';
import { forgetUploads } from './repository.js';
import { type Scanner, withUploadScan } from './scan.js';
import type { UploadStore } from './store.js';

/** What the server needs to accept uploads; `main.ts` builds it from the environment. */
export interface UploadOptions {
  store: UploadStore;
  limits: UploadLimits;
  /**
   * The key the address quota's client keys are hashed with (`LOOKUP_KEY`; default the development
   * key), so the uploads table never holds a citizen's address in clear (hooks.ts).
   */
  clientKeySecret?: string;
  /**
   * The lock on an upload while a request writes it: shared by every instance
   * on PostgreSQL (pg-locker.ts); default tus's own, in memory, for one process.
   */
  locker?: Locker;
  /** The virus scan of finished uploads (scan.ts); without it files are not scanned. */
  scan?: Scanner;
}

export interface UploadEndpointOptions extends UploadOptions {
  db: Database;
  /** The endpoint's URL path, e.g. `/api/v1/uploads`. */
  path: string;
  log: (line: string) => void;
}

/**
 * Cross-origin rules of the endpoint: a widget on a commune's site sends
 * tus's headers and methods and must read tus's answers (offset, location,
 * expiry) and `Retry-After`. Plain `OPTIONS` (not a preflight) goes on to
 * tus, which lists its version, extensions and maximum size.
 */
export const UPLOAD_CORS_POLICY: CorsPolicy = {
  methods: 'POST, HEAD, PATCH, DELETE, OPTIONS',
  allowHeaders: `Tus-Resumable, Upload-Length, Upload-Metadata, Upload-Offset, Upload-Defer-Length, Upload-Concat, Content-Type, ${UPLOAD_SECRET_HEADER}`,
  exposeHeaders:
    'Location, Upload-Offset, Upload-Length, Tus-Resumable, Tus-Version, Tus-Max-Size, Tus-Extension, Upload-Expires, Retry-After',
  routeAnswersOptions: true,
};

/** An unguessable upload id: 128 random bits, 22 base64url characters. */
const newUploadId = (): string => randomBytes(16).toString('base64url');

const isApiErrorBody = (text: string): boolean => {
  try {
    return ApiError.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
};

/** Answers an upload request of the client at `clientAddress` (http/client-address.ts). */
export type UploadHandler = (req: IncomingMessage, res: ServerResponse, clientAddress: string) => Promise<void>;

export function createUploadHandler(options: UploadEndpointOptions): UploadHandler {
  const { db, store, limits, path, log } = options;
  const tus = new Server({
    path,
    datastore: store,
    ...(options.locker && { locker: options.locker }),
    maxSize: limits.maxFileBytes,
    // A path, not http://host/...: behind a TLS proxy the Host and scheme we see are not the citizen's.
    relativeLocation: true,
    namingFunction: newUploadId,
    // Anything but an id of ours is unknown before it reaches the store.
    getFileIdFromRequest: (_req, lastPath) => (UploadId.safeParse(lastPath).success ? lastPath : undefined),
    ...withUploadScan(uploadHooks({ db, limits }), options.scan && { db, store, scan: options.scan, log }),
    onResponseError: (_req, error) => tusErrorAnswer(error, limits.maxFileBytes, log),
  });
  storeNodeBodies(tus, headPolicy({ db, store, limits, log }));
  // A cancelled upload no longer counts against its draft's limit.
  tus.on(EVENTS.POST_TERMINATE, (_req: Request, _res: Response, id: string) => {
    forgetUploads(db, [id]).catch((error: unknown) => log(`Could not forget a cancelled upload: ${String(error)}`));
  });

  /** tus's own 412/400 answers, sent before any hook, are plain text; the contract wants `ApiError`. */
  async function asApiError(response: Response): Promise<Response> {
    const text = await response.text();
    const body = isApiErrorBody(text)
      ? text
      : tusErrorAnswer({ status_code: response.status, body: text }, limits.maxFileBytes, log).body;
    const headers = new Headers(response.headers);
    headers.set('Content-Type', 'application/json; charset=utf-8');
    headers.set('Content-Length', String(Buffer.byteLength(body)));
    return new Response(body, { status: response.status, headers });
  }

  return async (req, res, clientAddress) => {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'GET') {
      await send(
        res,
        errorReply(
          new HttpError(
            405,
            'method_not_allowed',
            'Uploaded files are not sent back here. (Không tải tệp về từ địa chỉ này.)',
            undefined,
            { Allow: UPLOAD_CORS_POLICY.methods, 'Tus-Resumable': TUS_VERSION, 'Tus-Version': TUS_VERSION },
          ),
        ),
      );
      return;
    }
    const { request, body } = tusRequest(req, res);
    bindClient(request, clientAddress, options.clientKeySecret);
    let response = protocolRefusal(request) ?? (await tus.handleWeb(request));
    if (response.status >= 400) response = await asApiError(response);
    conformingHeaders(response.headers);
    for (const name of [...response.headers.keys()]) {
      if (name.startsWith('access-control-') || name === 'upload-metadata') response.headers.delete(name);
    }
    response.headers.set('Cache-Control', 'no-store');
    // A body tus left unread (a refusal) is read to its end, so the connection stays open for the
    // answer and after it (tus asks to close it whenever it stopped reading a body).
    if (body?.drainRequest(limits.maxFileBytes)) response.headers.delete('connection');
    await sendNodeResponse(res, response);
  };
}
