/**
 * Upload bodies stay Node streams from the socket to the store.
 *
 * @tus/server 2 is written for web `Request`s. In Node, srvx gives it the
 * body as `Readable.toWeb(req)`, and the two handlers that store bytes
 * (POST with data, PATCH) turn that straight back into a Node stream with
 * `Readable.fromWeb` before the store writes it. Each conversion settles a
 * promise for every 64 KiB the socket delivers: about 8 ms of CPU on a
 * 20 MB upload, a fifth of all the upload costs the server. So the request
 * tus sees carries the Node request itself as its body, and those two
 * handlers pipe it with the same steps as tus's own `writeToStore`.
 *
 * On the way, a body that starts at offset 0 leaves its first bytes here,
 * so that when the same request completes the upload, the content check
 * reads them from memory instead of from the store.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Server } from '@tus/server';
import { type CancellationContext, type DataStore, ERRORS, StreamLimiter, type Upload } from '@tus/utils';
import type { ServerRequest } from 'srvx';
import { NodeRequest } from 'srvx/node';
import { SNIFF_BYTES } from '../../../src/api/file-types.js';

/** srvx's request for tus, except that its body is the Node request (read only by {@link storeNodeBodies}' handlers). */
export function tusRequest(req: IncomingMessage, res: ServerResponse): Request {
  const request = new NodeRequest({ req, res });
  Object.defineProperty(request, 'body', { value: req });
  return request;
}

/** The first {@link SNIFF_BYTES} (or all, if fewer) of the bodies that started at offset 0, by request. */
const heads = new WeakMap<IncomingMessage, Buffer>();

/** The first bytes of the upload if `request` carried them, else undefined (fewer than asked when the file is shorter). */
export function receivedHead(request: Request): Buffer | undefined {
  const req = (request as ServerRequest).runtime?.node?.req;
  return req && heads.get(req as IncomingMessage);
}

function keepHead(body: IncomingMessage): void {
  const pieces: Buffer[] = [];
  let length = 0;
  const done = () => {
    body.off('data', onData).off('end', done);
    heads.set(body, Buffer.concat(pieces).subarray(0, SNIFF_BYTES));
  };
  const onData = (piece: Buffer) => {
    pieces.push(piece);
    length += piece.length;
    if (length >= SNIFF_BYTES) done();
  };
  body.on('data', onData).on('end', done);
}

type BodyWriter = { writeToStore(body: unknown, upload: Upload, maxBytes: number, context: CancellationContext): Promise<number> };

/**
 * Writes `body` to the store at the upload's offset, at most `maxBytes`.
 * As in tus: a proxy stands between request and store, so a failing or
 * aborted request ends the store's write cleanly (the bytes that arrived are
 * kept, the offset says how many) without destroying the socket tus still
 * answers on; a request error becomes tus's `ABORTED`.
 */
async function writeBody(store: DataStore, body: IncomingMessage, upload: Upload, maxBytes: number, context: CancellationContext): Promise<number> {
  if (context.signal.aborted) throw ERRORS.ABORTED;
  // With a Content-Length, Node's HTTP parser ends the body there, and tus has checked that
  // it fits the upload: only a body without one (chunked) needs cutting at the limit.
  const proxy = body.headers['content-length'] === undefined ? new StreamLimiter(maxBytes) : new PassThrough();
  let sourceError: unknown;
  const onSourceError = (error: Error) => {
    sourceError = error;
    body.unpipe(proxy);
    // tus aborts the context on a request error first; then the proxy just ends.
    if (!context.signal.aborted) proxy.destroy(error);
  };
  const onAbort = () => {
    body.unpipe(proxy);
    if (!proxy.destroyed) proxy.end();
  };
  body.on('error', onSourceError);
  context.signal.addEventListener('abort', onAbort, { once: true });
  if (upload.offset === 0) keepHead(body);
  try {
    // Through a pipeline, a body cut at the limit fails with the limiter's 413, not the write error it causes.
    return await pipeline(body.pipe(proxy), () => store.write(proxy, upload.id, upload.offset));
  } catch (error) {
    body.unpipe(proxy);
    throw error === sourceError || (error instanceof Error && error.name === 'AbortError') ? ERRORS.ABORTED : error;
  } finally {
    body.off('error', onSourceError);
    context.signal.removeEventListener('abort', onAbort);
  }
}

/** Makes tus's POST and PATCH handlers store the Node body that {@link tusRequest} carries. */
export function storeNodeBodies(tus: Server): void {
  // `writeToStore` is a protected method of both handlers; replacing it is the one change they need.
  for (const handler of [tus.handlers.POST, tus.handlers.PATCH] as unknown as BodyWriter[]) {
    handler.writeToStore = (body, upload, maxBytes, context) => writeBody(tus.datastore, body as IncomingMessage, upload, maxBytes, context);
  }
}
