/**
 * The fuzz test's requests on the wire (fuzz.test.ts): sent with
 * `node:http` exactly as built (fetch would normalise a `..` in a path),
 * and what goes wrong with a request besides its values, with the refusal
 * each must get.
 */
import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { OFFICER_TOKEN } from './lifecycle-fixtures.js';

interface Answer {
  status: number;
  contentType: string | undefined;
  text: string;
}

export const agent = new Agent({ keepAlive: true, maxSockets: 4 });

export function send(base: string, method: string, path: string, headers: Record<string, string>, body?: string) {
  const { hostname, port } = new URL(base);
  return new Promise<Answer>((done, fail) => {
    const req = request({ hostname, port, path, method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        done({
          status: res.statusCode!,
          contentType: res.headers['content-type'],
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** The path with its parameters percent-encoded (dots too, so that `..` stays a parameter, not a step up). */
export const pathOf = (template: string, params: Record<string, string> = {}): string =>
  template.replace(/\{(\w+)\}/g, (_match, name: string) =>
    encodeURIComponent(params[name] ?? '').replace(/\./g, '%2E'),
  );

export const VALIDATION_FAILED = { status: 400, code: 'validation_failed' };
export const UNSUPPORTED = { status: 415, code: 'unsupported_media_type' };
export const INVALID_JSON = { status: 400, code: 'invalid_json' };
export const TOO_LARGE = { status: 413, code: 'body_too_large' };
export const NO_KEY = { status: 400, code: 'idempotency_key_required' };
export const UNAUTHORISED = { status: 401, code: 'unauthorised' };

export const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** What goes wrong with a request besides its values. */
export const HTTP_FAULT = fc.oneof(
  fc.record({
    kind: fc.constant('type' as const),
    value: fc.constantFrom(
      'application/xml',
      'text/html',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'application/jsonx',
      'json',
    ),
  }),
  fc.record({
    kind: fc.constant('json' as const),
    value: fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', '{', '{"a":}', "{'a':1}", '[1,]', 'NaN', '\u0000'),
    ),
  }),
  fc.record({ kind: fc.constant('size' as const), value: fc.integer({ min: 256 * 1024, max: 300 * 1024 }) }),
  fc.record({
    kind: fc.constant('key' as const),
    value: fc.constantFrom('', 'short', 'has spaces in it here', 'x'.repeat(65)),
  }),
  fc.record({
    kind: fc.constant('token' as const),
    value: fc.constantFrom('', 'Bearer', 'Bearer wrong', OFFICER_TOKEN, `Basic ${OFFICER_TOKEN}`),
  }),
);
