/**
 * Mounts the contract's `endpoints` table on a router: each endpoint gets
 * its method and path from the table, its query, path parameters and body
 * checked with the table's schemas before the handler runs, its officer
 * token and idempotency key checked where the table asks, and, when asked
 * (in development and in the tests), its answer checked with the response
 * schema, so the backend cannot drift from the contract unnoticed.
 */
import type * as z from 'zod/mini';
import { type EndpointEntry, endpoints, IdempotencyKey } from '../../../src/api/contract/index.js';
import type { Officer } from '../officer/credentials.js';
import { HttpError, jsonReply } from './replies.js';
import type { RouteRequest, Router } from './router.js';
import { validationError } from './validation.js';

type Endpoints = typeof endpoints;
type ParsedOrEmpty<S> = S extends z.ZodMiniType ? z.output<S> : Record<string, never>;
type Part<K extends keyof Endpoints, P extends string> = ParsedOrEmpty<
  Endpoints[K] extends { [key in P]: infer S } ? S : undefined
>;

/** What the handler of endpoint `K` receives: its parameters and body, already validated. */
export interface ContractInput<K extends keyof Endpoints> {
  query: Part<K, 'query'>;
  params: Part<K, 'params'>;
  body: Part<K, 'body'>;
  /** The `Idempotency-Key` header, checked, on endpoints marked `idempotent`. */
  idempotencyKey: string;
  /** The client's address, for rate limits. */
  clientAddress: string;
  /** The acting officer, on endpoints marked `auth: 'officer'`. */
  officer: Officer;
}

/** One handler per endpoint of the contract, returning the response body. */
export type ContractHandlers = {
  [K in keyof Endpoints]: (input: ContractInput<K>) => Promise<z.output<Endpoints[K]['response']>>;
};

export interface ContractOptions {
  validateResponses: boolean;
  /** The officer the request's credential names, or the 401/403/429 (officer/credentials.ts). */
  authoriseOfficer(request: RouteRequest): Promise<Officer>;
}

/** What a public endpoint's handler is given as its officer: nobody, in scope of nothing. */
const NO_OFFICER: Officer = { name: undefined, agencies: [] };

function parseOrThrow(schema: z.ZodMiniType | undefined, input: unknown, where: 'parameters' | 'body'): unknown {
  if (!schema) return {};
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error.issues, where);
  return result.data;
}

function idempotencyKeyOf(request: RouteRequest): string {
  const key = request.headers['idempotency-key'];
  if (typeof key === 'string' && IdempotencyKey.safeParse(key).success) return key;
  throw new HttpError(
    400,
    'idempotency_key_required',
    'Send an Idempotency-Key header of 16–64 letters, digits, - or _, the same on every retry.',
  );
}

export function addContractRoutes(router: Router, handlers: ContractHandlers, options: ContractOptions): void {
  for (const [id, endpoint] of Object.entries(endpoints) as [keyof Endpoints, EndpointEntry][]) {
    const handler = handlers[id] as unknown as (input: Record<string, unknown>) => Promise<unknown>;
    router.add(endpoint.method, endpoint.path, async (request) => {
      // The caller first (401, 403), then what it sent (415, 413, 400).
      const officer = endpoint.auth === 'officer' ? await options.authoriseOfficer(request) : NO_OFFICER;
      const requestBody = endpoint.body ? await request.readBody() : undefined;
      // A repeated query parameter keeps its first value.
      const queryObject: Record<string, string> = {};
      for (const [name, value] of request.query) queryObject[name] ??= value;
      const body = await handler({
        query: parseOrThrow(endpoint.query, queryObject, 'parameters'),
        params: parseOrThrow(endpoint.params, request.params, 'parameters'),
        body: parseOrThrow(endpoint.body, requestBody, 'body'),
        idempotencyKey: endpoint.idempotent ? idempotencyKeyOf(request) : '',
        clientAddress: request.clientAddress,
        officer,
      });
      if (options.validateResponses) {
        const check = endpoint.response.safeParse(body);
        if (!check.success) {
          throw new Error(`Response of ${id} breaks the contract: ${JSON.stringify(check.error.issues)}`);
        }
      }
      return jsonReply(endpoint.status ?? 200, body);
    });
  }
}
