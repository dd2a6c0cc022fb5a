/**
 * What one client may hold of the server, so a slow or stalled one cannot
 * take it from the others (slowloris). Node's defaults let a client take a
 * minute to send its headers and five minutes for its body, and accept
 * connections without end; here the headers must arrive within seconds, a
 * whole request (a tus chunk included: the widget's take a few seconds, and
 * a cut chunk is resumed from what arrived) within two minutes, an idle
 * keep-alive connection is closed after a few seconds, and the number of
 * open connections is capped. Node checks the timeouts every
 * `connectionsCheckingInterval`, so a late client is cut within a second.
 *
 * A request cut for being too slow gets a clear 408 (an `ApiError`, so a
 * widget shows its message), and any other malformed request a 400 or 431,
 * instead of Node's bare status line.
 */
import { type Server, type ServerOptions, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorReply, HttpError } from './replies.js';

export interface ServerLimits {
  /** Time to receive a request's headers. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; more are closed as they arrive. */
  maxConnections: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 2_000,
};

/** Reads `HEADERS_TIMEOUT_SECONDS`, `REQUEST_TIMEOUT_SECONDS`, `KEEP_ALIVE_TIMEOUT_SECONDS` and `MAX_CONNECTIONS`. */
export function readServerLimits(env: Record<string, string | undefined>): ServerLimits {
  const read = (name: string, fallback: number, scale: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
    return Math.round(value * scale);
  };
  const defaults = DEFAULT_SERVER_LIMITS;
  return {
    headersTimeoutMs: read('HEADERS_TIMEOUT_SECONDS', defaults.headersTimeoutMs, 1000),
    requestTimeoutMs: read('REQUEST_TIMEOUT_SECONDS', defaults.requestTimeoutMs, 1000),
    keepAliveTimeoutMs: read('KEEP_ALIVE_TIMEOUT_SECONDS', defaults.keepAliveTimeoutMs, 1000),
    maxConnections: read('MAX_CONNECTIONS', defaults.maxConnections, 1),
  };
}

/** The options `createServer` takes for `limits` (the timeouts can only be set there). */
export function serverOptions(limits: ServerLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    // Node requires the whole-request timeout to be at least the headers' one.
    requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  };
}

const REQUEST_TIMEOUT = new HttpError(
  408,
  'request_timeout',
  'The request arrived too slowly and was stopped. Please try again. (Yêu cầu gửi đến quá chậm nên đã bị dừng, vui lòng thử lại.)',
);
const HEADERS_TOO_LARGE = new HttpError(431, 'headers_too_large', 'The request headers are too large.');
const BAD_REQUEST = new HttpError(400, 'bad_request', 'The request is malformed.');

function refusalFor(error: NodeJS.ErrnoException): HttpError {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return REQUEST_TIMEOUT;
  if (error.code === 'HPE_HEADER_OVERFLOW') return HEADERS_TOO_LARGE;
  return BAD_REQUEST;
}

/** Answers a request Node refused before (or while) our listener saw it, then closes its connection. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const answered = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  // A reset or a connection already answered has nothing left to say.
  if (error.code === 'ECONNRESET' || answered || !socket.writable) {
    socket.destroy();
    return;
  }
  const reply = errorReply(refusalFor(error));
  const head = [
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status]}`,
    ...Object.entries({ ...reply.headers, 'Content-Length': Buffer.byteLength(reply.body), Connection: 'close' }).map(
      ([name, value]) => `${name}: ${value}`,
    ),
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${reply.body}`);
}

/** Caps `server`'s connections and answers the requests Node refuses. */
export function applyServerLimits(server: Server, limits: ServerLimits): void {
  server.maxConnections = limits.maxConnections;
  server.on('clientError', answerClientError);
}
