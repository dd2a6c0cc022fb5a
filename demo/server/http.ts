/**
 * The small HTTP toolkit of the reference backend, on plain `node:http`:
 * an error type that becomes a contract `ApiError` body, reply helpers and
 * a router for path templates such as `/procedures/{code}` (the syntax of
 * the contract's `endpoints` table and of OpenAPI).
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ApiError } from '../../src/api/contract/index.js';

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
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
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

/** What a route handler receives. */
export interface RouteRequest {
  /** Path parameters, already percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body of a POST; undefined for GET. */
  body?: unknown;
  /** Request headers, names in lower case. */
  headers: IncomingHttpHeaders;
  /** The client's address, for rate limits (the socket's; see `trustProxy` in app.ts). */
  clientAddress: string;
}

export type RouteHandler = (request: RouteRequest) => Promise<Reply>;

interface Route {
  method: string;
  pattern: RegExp;
  paramNames: string[];
  handler: RouteHandler;
}

export type RouteMatch =
  | { handler: RouteHandler; params: Record<string, string> }
  /** The path exists but not for this method: answer 405 with `Allow`. */
  | { allowedMethods: string[] };

/** Turns `/forms/{id}.rtf` into a regular expression with one group per `{param}`. */
function compileTemplate(template: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = template
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      const param = /^\{([a-zA-Z]+)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      paramNames.push(param[1]!);
      return '([^/]+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), paramNames };
}

const decode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: RouteHandler): void {
    this.routes.push({ method, handler, ...compileTemplate(template) });
  }

  /** Finds the route for `pathname` (relative to the router's base); undefined for an unknown path. */
  match(method: string, pathname: string): RouteMatch | undefined {
    const allowedMethods: string[] = [];
    for (const route of this.routes) {
      const groups = route.pattern.exec(pathname);
      if (!groups) continue;
      // HEAD is GET without the body; node:http drops the body by itself.
      if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) {
        allowedMethods.push(route.method);
        continue;
      }
      const values = groups.slice(1).map((value) => decode(value));
      // Undecodable percent-escapes cannot name anything we have.
      if (values.some((value) => value === undefined)) return undefined;
      return {
        handler: route.handler,
        params: Object.fromEntries(route.paramNames.map((name, i) => [name, values[i]!])),
      };
    }
    return allowedMethods.length > 0 ? { allowedMethods } : undefined;
  }
}

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
