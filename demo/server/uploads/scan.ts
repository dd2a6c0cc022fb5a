/**
 * Virus scanning of finished uploads with ClamAV's daemon, clamd (Debian's
 * `clamav-daemon`), so that a citizen's file with a macro virus or other
 * malware never reaches an officer's desktop.
 *
 * When the last byte of an upload is stored, the request that stored it
 * streams the whole file from the upload store to clamd (its INSTREAM
 * command, over a local socket or TCP) before answering:
 * - clean: the row records it (migration 011) and the upload completes;
 * - infected: the upload is marked, then removed, file and row, and the
 *   request answers 422 `upload_infected`; the operator's log names the
 *   signature, never the file or the upload;
 * - no answer (clamd down, slow, or refusing the stream): the file stays,
 *   unscanned, the request answers 503 `scan_unavailable`, which tus
 *   clients retry, and the log says why. A tus client resumes with a HEAD,
 *   which finds the file complete: so a HEAD of a finished, unscanned
 *   upload scans it first and answers as the last PATCH would have.
 * A filing takes only uploads found clean (`scannedInFull`), so nothing
 * unscanned reaches a dossier however the requests went.
 *
 * The client is the few lines of clamd's documented protocol rather than a
 * package: the npm clients (`clamscan` 2.4, `clamdjs` 1.0, last released in
 * 2024) wrap the command-line scanners and modes we do not use.
 *
 * Configuration (`readScanConfig`):
 *   CLAMD_SOCKET            clamd's local socket (its `LocalSocket`), or
 *   CLAMD_HOST, CLAMD_PORT  clamd's `TCPSocket` (port default 3310)
 *   UPLOAD_SCAN=off         no scanner in production (otherwise a production start needs one)
 */
import { connect, type NetConnectOpts, type Socket } from 'node:net';
import type { Upload } from '@tus/utils';
import type { UploadMetadata } from '../../../src/api/contract/index.js';
import type { StoredInFull } from '../dossiers/attachments.js';
import type { Database } from '../db/index.js';
import type { Environment } from './config.js';
import { uploadRefusal } from './errors.js';
import { awaitsScan, forgetUploads, markForRemoval, recordScannedClean, scannedClean } from './repository.js';
import type { UploadStore } from './store.js';

/** Where clamd listens: a local socket or a TCP address. */
export type ClamdAddress = { path: string } | { host: string; port: number };

export type ScanVerdict = { infected: false } | { infected: true; signature: string };

/** Scans a stream of bytes; throws when the scan could not run. */
export type Scanner = (bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) => Promise<ScanVerdict>;

/** clamd's default port. */
const CLAMD_PORT = 3310;

/** How long clamd may stay silent (connecting, taking bytes, answering) before the scan counts as failed. */
const CLAMD_TIMEOUT_MS = 60_000;

/**
 * The scanner configured in `env`, or why there is none. Outside production
 * none means no scanning (the start-up log warns); in production a start
 * without one is refused unless UPLOAD_SCAN=off says so on purpose.
 */
export function readScanConfig(env: Environment, production: boolean): ClamdAddress | undefined {
  const path = env.CLAMD_SOCKET?.trim();
  const host = env.CLAMD_HOST?.trim();
  const portText = env.CLAMD_PORT?.trim();
  if (path && host) throw new Error('CLAMD_SOCKET and CLAMD_HOST: set one of them, not both');
  if (portText && !host) throw new Error('CLAMD_PORT needs CLAMD_HOST');
  if (path) return { path };
  if (host) {
    const port = portText ? Number(portText) : CLAMD_PORT;
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(`CLAMD_PORT must be a port number, got "${portText}"`);
    return { host, port };
  }
  if (production && env.UPLOAD_SCAN?.trim() !== 'off') {
    throw new Error(
      'NODE_ENV=production without a virus scanner for uploads: set CLAMD_SOCKET (or CLAMD_HOST and CLAMD_PORT) ' +
        "to clamd's address, or UPLOAD_SCAN=off to accept files unscanned.",
    );
  }
  return undefined;
}

/** One line for the start-up log. */
export const describeScanner = (address: ClamdAddress | undefined): string =>
  address
    ? `scanned by clamd at ${'path' in address ? address.path : `${address.host}:${address.port}`}`
    : 'not scanned for viruses';

/** The start-up log's warning when there is no scanner. */
export const SCAN_OFF_WARNING =
  "Warning: uploaded files are not scanned for viruses. Set CLAMD_SOCKET (or CLAMD_HOST and CLAMD_PORT) to clamd's address; see demo/server/README.md.";

/** clamd's answer to one command: the text up to its NUL. */
function clamdAnswer(socket: Socket): Promise<string> {
  return new Promise((answer, fail) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\0')) answer(text.slice(0, text.indexOf('\0')));
    });
    socket.on('error', fail);
    // After an answer this changes nothing; before one, clamd went away.
    socket.on('close', () => fail(new Error(`clamd closed the connection without an answer${text && `: ${text}`}`)));
  });
}

/** Writes `bytes` and resolves once the socket took them; fails if it is destroyed first. */
const send = (socket: Socket, bytes: Uint8Array): Promise<void> =>
  new Promise((sent, fail) => socket.write(bytes, (error) => (error ? fail(error) : sent())));

/** A length-prefixed chunk of clamd's INSTREAM; a chunk of length 0 ends the stream. */
function frame(chunk: Uint8Array): Buffer {
  const framed = Buffer.allocUnsafe(4 + chunk.length);
  framed.writeUInt32BE(chunk.length, 0);
  framed.set(chunk, 4);
  return framed;
}

/** The verdict in clamd's answer to INSTREAM: `stream: OK`, `stream: <signature> FOUND`, or an error. */
function verdictOf(answer: string): ScanVerdict {
  if (answer === 'stream: OK') return { infected: false };
  const found = /^stream: (.+) FOUND$/.exec(answer);
  if (found) return { infected: true, signature: found[1]! };
  throw new Error(`clamd answered "${answer}"`);
}

/** A {@link Scanner} that streams the bytes to clamd at `address` (INSTREAM). */
export function clamdScanner(address: ClamdAddress, timeoutMs = CLAMD_TIMEOUT_MS): Scanner {
  return async (bytes) => {
    const socket = connect(address as NetConnectOpts);
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`clamd did not answer within ${timeoutMs / 1000} s`)));
    const answer = clamdAnswer(socket);
    // clamd may answer before taking every byte (a stream over its StreamMaxLength): its answer wins.
    void (async () => {
      await send(socket, Buffer.from('zINSTREAM\0'));
      for await (const chunk of bytes) if (chunk.length > 0) await send(socket, frame(chunk));
      await send(socket, frame(new Uint8Array(0)));
    })().catch((error: unknown) => socket.destroy(error instanceof Error ? error : new Error(String(error))));
    try {
      return verdictOf(await answer);
    } finally {
      socket.destroy();
    }
  };
}

export interface UploadScanOptions {
  db: Database;
  store: UploadStore;
  scan: Scanner;
  log: (line: string) => void;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Scans finished upload `upload` and records it clean, or removes it and
 * throws `upload_infected`, or throws `scan_unavailable` (file kept).
 */
async function scanFinished({ db, store, scan, log }: UploadScanOptions, upload: Upload): Promise<void> {
  let verdict: ScanVerdict;
  try {
    verdict = await scan(await store.read(upload.id));
  } catch (error) {
    log(`Upload scan could not run, the file waits unscanned for the client's retry: ${errorText(error)}`);
    throw uploadRefusal(
      503,
      'scan_unavailable',
      'The file was received but could not be checked for viruses yet. Please try again in a few minutes. (Đã nhận tệp nhưng chưa kiểm tra vi-rút được, vui lòng thử lại sau ít phút.)',
    );
  }
  if (!verdict.infected) {
    await recordScannedClean(db, upload.id);
    return;
  }
  // Never the file's name or id in the log: the signature says what the operator needs.
  log(`Upload scan: refused a file infected with ${verdict.signature}; it is removed`);
  if (await markForRemoval(db, upload.id)) {
    try {
      await store.remove(upload.id);
      await forgetUploads(db, [upload.id]);
    } catch (error) {
      log(`Could not remove an infected upload, the sweep will (it is marked): ${errorText(error)}`);
    }
  }
  const { filename } = upload.metadata as UploadMetadata;
  throw uploadRefusal(
    422,
    'upload_infected',
    `"${filename}" contains a virus or other malware (${verdict.signature}) and was removed. ` +
      `(Tệp "${filename}" có chứa vi-rút hoặc mã độc nên đã bị xoá.)`,
  );
}

/** tus's hooks, as `uploadHooks` (hooks.ts) gives them. */
interface TusHooks {
  onIncomingRequest(req: Request, id: string): Promise<void>;
}

/**
 * `hooks` with the scan added: on the completion of an upload (tus's
 * `onUploadFinish`), and on a HEAD of a finished upload whose scan could
 * not run before. Without `options`, `hooks` as they are.
 */
export function withUploadScan<H extends TusHooks>(hooks: H, options: UploadScanOptions | undefined) {
  if (!options) return hooks;
  return {
    ...hooks,
    async onIncomingRequest(req: Request, id: string): Promise<void> {
      await hooks.onIncomingRequest(req, id);
      if (req.method !== 'HEAD' || !(await awaitsScan(options.db, id))) return;
      const upload = await options.store.getUpload(id);
      if (upload.offset === upload.size) await scanFinished(options, upload);
    },
    async onUploadFinish(_req: Request, upload: Upload): Promise<Record<string, never>> {
      await scanFinished(options, upload);
      return {};
    },
  };
}

/** For filing: stored in full, as `storedInFull` says, and found clean by the scan. */
export const scannedInFull =
  (db: Database, storedInFull: StoredInFull): StoredInFull =>
  async (id) =>
    (await scannedClean(db, id)) && storedInFull(id);
