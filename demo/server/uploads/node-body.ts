/**
 * Upload bodies on their way from the socket to the store, as one Node
 * stream per request ({@link UploadBody}) that does three things.
 *
 * It reads ahead. tus stores nothing before the upload is ready: a POST
 * waits for its database row (1 to 2 ms on PGlite), a PATCH for the
 * upload's offset. Meanwhile the body is read into memory (up to
 * {@link READ_AHEAD_BYTES}) instead of leaving the client stalled on full
 * socket buffers (on loopback, the upload benchmark's median ratio to a
 * plain PUT went from 0.89 to 0.90 with it).
 *
 * It checks the head. No byte past the first {@link SNIFF_BYTES} of the
 * upload reaches the store before those bytes were found to be of the
 * declared type, so a disguised file is refused after its first kilobytes
 * rather than after its last, and a file stored in full has passed the
 * check: completion needs neither a check nor a record of its own.
 *
 * It stays a Node stream. @tus/server 2 is written for web `Request`s; in
 * Node, srvx hands it the body as `Readable.toWeb(req)`, and the handlers
 * that store bytes (POST with data, PATCH) turn that straight back with
 * `Readable.fromWeb`. Each conversion settles a promise for every 64 KiB:
 * about 8 ms of CPU on a 20 MB upload. So the request tus sees carries an
 * `UploadBody` as its body, and those two handlers pipe it with the same
 * steps as tus's own `writeToStore`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Server } from '@tus/server';
import { type CancellationContext, type DataStore, ERRORS, StreamLimiter, type Upload } from '@tus/utils';
import { NodeRequest } from 'srvx/node';
import { SNIFF_BYTES } from '../../../src/api/file-types.js';

/**
 * How much of a body is read ahead while the upload is not ready: 2 MiB
 * covers a wait of 3 ms at loopback speed and bounds what each request can
 * hold. Once the store writes, bytes pass on a socket read (64 KiB) at a time.
 */
const READ_AHEAD_BYTES = 2 * 2 ** 20;
const PASSING_BYTES = 64 * 2 ** 10;

/** The content policy an {@link UploadBody} applies (see hooks.ts). */
export interface HeadPolicy {
  /** Throws the refusal to answer when `head` (the upload's first bytes) is not of the upload's declared type. */
  check(upload: Upload, head: Uint8Array): void;
  /** The upload's first bytes as stored, for a body that resumes inside the head. */
  storedHead(upload: Upload): Promise<Uint8Array>;
  /** Removes an upload whose head was refused: its bytes and its row. */
  discard(upload: Upload): Promise<void>;
  /** Throws the refusal to answer when storing the rest of `upload` would pass its address's quota (asked before a PATCH's bytes). */
  admit(upload: Upload): Promise<void>;
  /** Records that `upload` now holds `offset` bytes. */
  received(upload: Upload, offset: number): Promise<void>;
}

/** The head, as a check of it needs it: the bytes before the body, and where the head ends. */
interface Gate {
  before: Uint8Array;
  headEnd: number;
  check(head: Uint8Array): void;
}

/**
 * A request body between the socket and the store. Until {@link guard} it
 * reads ahead and lets nothing through; then, while the head is incomplete,
 * it holds chunks back, and once the head has been checked it passes them on.
 */
export class UploadBody extends Transform {
  /** The body's own bytes that fall inside the head, copied as they pass. */
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  /** How many of the body's first bytes lie inside the head. */
  private readonly headRoom: number;
  /** Chunks not yet passed on: read ahead, or held while the head is incomplete. */
  private readonly held: Buffer[] = [];
  private heldBytes = 0;
  /** The last chunk's callback, kept back while the read-ahead is full. */
  private waiting?: TransformCallback;
  /** The end of the body, kept back until {@link guard}. */
  private ending?: TransformCallback;
  private gate?: Gate;
  private checked = false;
  /** The check's refusal, once it has refused. */
  refusal?: unknown;

  constructor(
    readonly request: IncomingMessage,
    startOffset: number,
  ) {
    super({ highWaterMark: PASSING_BYTES });
    this.headRoom = Math.max(0, SNIFF_BYTES - startOffset);
    // `pipe`, not `pipeline`: a failing store must not destroy the socket tus still answers on.
    request.pipe(this);
    // Errors reach writeBody through its pipeline; one of a body tus never reads must not end the process.
    this.on('error', () => {});
  }

  /**
   * Sets the check for `upload` (known only now, for a PATCH), runs it if
   * the head is here, and lets through what may pass; throws the refusal.
   */
  async guard(upload: Upload, policy: HeadPolicy): Promise<void> {
    const before =
      this.headRoom > 0 && upload.offset > 0
        ? (await policy.storedHead(upload)).subarray(0, upload.offset)
        : new Uint8Array(0);
    this.gate = { before, headEnd: Math.min(SNIFF_BYTES, upload.size!), check: (head) => policy.check(upload, head) };
    if (this.headRoom === 0) this.checked = true;
    else if (this.headIsComplete()) this.runCheck();
    if (this.checked) this.release();
    const { waiting, ending } = this;
    this.waiting = this.ending = undefined;
    waiting?.();
    if (ending) this._flush(ending);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.refusal) {
      done();
      return;
    }
    if (this.checked) {
      done(null, chunk);
      return;
    }
    this.copyHead(chunk);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.gate && this.headIsComplete()) {
      try {
        this.runCheck();
      } catch (refusal) {
        done(refusal as Error);
        return;
      }
      this.release();
    }
    if (this.heldBytes < READ_AHEAD_BYTES) done();
    else this.waiting = done;
  }

  /** The end: after `guard` with the head still incomplete, what was held lies inside the head, so the store may have it. */
  override _flush(done: TransformCallback): void {
    if (!this.gate) {
      this.ending = done;
      return;
    }
    if (!this.refusal) this.release();
    done();
  }

  private copyHead(chunk: Buffer): void {
    if (this.headBytes >= this.headRoom) return;
    const part = chunk.subarray(0, this.headRoom - this.headBytes);
    this.head.push(part);
    this.headBytes += part.length;
  }

  private headIsComplete(): boolean {
    return this.gate!.before.length + this.headBytes >= this.gate!.headEnd;
  }

  /** Runs the check; a refusal also stops the body (nothing more is read or passed on). */
  private runCheck(): void {
    const { before, headEnd, check } = this.gate!;
    try {
      check(Buffer.concat([before, ...this.head]).subarray(0, headEnd));
    } catch (refusal) {
      this.refusal = refusal;
      this.request.unpipe(this);
      throw refusal;
    }
    this.checked = true;
  }

  private release(): void {
    for (const chunk of this.held.splice(0)) this.push(chunk);
    this.heldBytes = 0;
  }

  /**
   * After the answer: reads and drops whatever of the request is still to
   * come (a refused upload, or one tus refused before storing anything), at
   * most `limit` bytes, so that the connection stays usable and the client,
   * which is still sending, gets to read the answer: closing on it with
   * bytes unread makes the kernel reset the connection, and a browser then
   * reports a network error instead of the refusal. Past `limit`, it closes.
   * Returns whether the connection can carry another request.
   */
  drainRequest(limit: number): boolean {
    const { request } = this;
    request.unpipe(this);
    // (A request read to its end is also `destroyed`: streams close themselves after their end.)
    if (request.complete) return true;
    if (request.destroyed) return false;
    let dropped = 0;
    request.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > limit) request.destroy();
    });
    request.resume();
    return true;
  }
}

/** Whether `req` carries upload bytes: a PATCH, or a POST creating an upload with its first bytes. */
const carriesBytes = (req: IncomingMessage): boolean =>
  (req.method === 'PATCH' || req.method === 'POST') &&
  req.headers['content-type'] === 'application/offset+octet-stream';

/**
 * srvx's request for tus, except that a body of upload bytes is an
 * {@link UploadBody}, reading from now on (returned too, for draining after
 * the answer); tus reads it only through {@link storeNodeBodies}' handlers.
 */
export function tusRequest(req: IncomingMessage, res: ServerResponse): { request: Request; body?: UploadBody } {
  const request = new NodeRequest({ req, res });
  if (!carriesBytes(req)) return { request };
  // A PATCH says where its bytes go; a POST's go first. tus answers 409 if a PATCH's offset is wrong.
  const startOffset = req.method === 'PATCH' ? Number(req.headers['upload-offset']) || 0 : 0;
  const body = new UploadBody(req, startOffset);
  Object.defineProperty(request, 'body', { value: body });
  return { request, body };
}

type BodyWriter = {
  writeToStore(body: unknown, upload: Upload, maxBytes: number, context: CancellationContext): Promise<number>;
};

/**
 * Writes `body` to the store at the upload's offset, at most `maxBytes`.
 * As in tus: a failing or aborted request ends the store's write cleanly
 * (the bytes that arrived are kept, the offset says how many) without
 * destroying the socket tus still answers on; a request error becomes
 * tus's `ABORTED`. A refused head removes the upload and is the answer.
 */
async function writeBody(
  store: DataStore,
  policy: HeadPolicy,
  body: UploadBody,
  upload: Upload,
  maxBytes: number,
  context: CancellationContext,
): Promise<number> {
  if (context.signal.aborted) throw ERRORS.ABORTED;
  const { request } = body;
  let requestError: unknown;
  const onRequestError = (error: Error) => {
    requestError = error;
    request.unpipe(body);
    // tus aborts the context on a request error first; then the body just ends.
    if (!context.signal.aborted) body.destroy(error);
  };
  const onAbort = () => {
    request.unpipe(body);
    if (!body.destroyed) body.end();
  };
  request.on('error', onRequestError);
  context.signal.addEventListener('abort', onAbort, { once: true });
  try {
    // Before a byte is stored: the address's quota, then the head's check, which may read the store
    // (a body resuming inside the head); either may refuse. A creation's bytes are not admitted
    // again: `onUploadCreate` (record_upload) admitted this upload by the same rule, under the
    // address's lock, moments ago in this same request; asking the database once more delayed the
    // first bytes to the store while the client's were held in memory. PATCHes are admitted.
    if (request.method !== 'POST') await policy.admit(upload);
    await body.guard(upload, policy);
    // With a Content-Length, Node's HTTP parser ends the body there, and tus has checked that
    // it fits the upload: only a body without one (chunked) needs cutting at the limit, in a
    // pipeline, so that a cut fails with the limiter's 413, not the write error it causes.
    const offset =
      request.headers['content-length'] !== undefined
        ? await store.write(body, upload.id, upload.offset)
        : await pipeline(body, new StreamLimiter(maxBytes), (limited) =>
            store.write(limited as Readable, upload.id, upload.offset),
          );
    await policy.received(upload, offset);
    return offset;
  } catch (error) {
    request.unpipe(body);
    if (body.refusal) {
      await policy.discard(upload);
      throw body.refusal;
    }
    throw requestError || (error instanceof Error && error.name === 'AbortError') ? ERRORS.ABORTED : error;
  } finally {
    request.off('error', onRequestError);
    context.signal.removeEventListener('abort', onAbort);
  }
}

/** Makes tus's POST and PATCH handlers store the {@link UploadBody} that {@link tusRequest} carries, checked by `policy`. */
export function storeNodeBodies(tus: Server, policy: HeadPolicy): void {
  // `writeToStore` is a protected method of both handlers; replacing it is the one change they need.
  for (const handler of [tus.handlers.POST, tus.handlers.PATCH] as unknown as BodyWriter[]) {
    handler.writeToStore = (body, upload, maxBytes, context) =>
      writeBody(tus.datastore, policy, body as UploadBody, upload, maxBytes, context);
  }
}
