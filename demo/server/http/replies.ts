/**
 * Answers, on plain `node:http`: an error type that becomes a contract
 * `ApiError` body, the reply a handler returns and the helpers that build
 * and write one (a GET's answer compressed when the client takes it and it
 * is worth it: a page of search results shrinks several times).
 */
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ApiError } from '../../../src/api/contract/index.js';
import { compress, negotiateEncoding, varyOnEncoding, worthCompressing } from './compression.js';

type ErrorDetail = NonNullable<ApiError['error']['details']>[number];

/** Thrown by handlers for an answer other than 200; turned into an `ApiError` body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Stable machine code, e.g. `procedure_not_found`. */
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra response headers, e.g. `Allow` on a 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A finished answer: handlers return one and `send()` writes it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Text, or a file streamed from where it is kept (its length, when known, in the headers). */
  body: string | Readable;
}

/** An answer whose body is text (JSON, an error). */
export type TextReply = Reply & { body: string };

export const jsonReply = (status: number, value: unknown): TextReply => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  body: JSON.stringify(value),
});

export function errorReply(error: HttpError): TextReply {
  const body: ApiError = {
    error: { code: error.code, message: error.message, ...(error.details && { details: error.details }) },
  };
  const reply = jsonReply(error.status, body);
  return { ...reply, headers: { ...reply.headers, ...error.headers } };
}

/** Writes `reply`; a streamed body that fails midway rejects, after the headers (the caller cuts the connection). */
export async function send(res: ServerResponse, reply: Reply): Promise<void> {
  const { body } = reply;
  if (typeof body !== 'string') {
    res.writeHead(reply.status, reply.headers);
    await pipeline(body, res);
    return;
  }
  const bytes = Buffer.byteLength(body);
  // Only what a GET reads (the catalogue, public): an answer about a dossier, compressed over TLS next to
  // what its request sent, could leak through its length (BREACH).
  if (res.req.method !== 'GET' || !worthCompressing(reply.headers['Content-Type'] ?? '', bytes)) {
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': bytes });
    res.end(body);
    return;
  }
  const encoding = negotiateEncoding(res.req);
  const sent = encoding ? await compress(body, encoding, 'fast') : body;
  varyOnEncoding(res);
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Length': Buffer.byteLength(sent),
    ...(encoding && { 'Content-Encoding': encoding }),
  });
  res.end(sent);
}

/**
 * `Content-Disposition: attachment` for a file called `name`, which may be
 * Vietnamese: a header value must be Latin-1 (Node throws on anything else),
 * so the name goes as RFC 8187 UTF-8 in `filename*`, which every current
 * browser reads, with an ASCII `filename` (diacritics folded) for the rest.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (letter) => (letter === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name.normalize('NFC')).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
