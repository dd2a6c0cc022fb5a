/**
 * Mounts the contract's `endpoints` table on a router: each endpoint gets
 * its method and path from the table, its query and path parameters checked
 * with the table's schemas before the handler runs, and, when asked (in
 * development and in the tests), its answer checked with the response
 * schema, so the backend cannot drift from the contract unnoticed.
 */
import type * as z from 'zod/mini';
import { endpoints } from '../../../src/api/contract/index.js';
import { jsonReply, type Router } from '../http.js';
import { validationError } from '../validation.js';

type Endpoints = typeof endpoints;
type ParsedOrEmpty<S> = S extends z.ZodMiniType ? z.output<S> : Record<string, never>;

/** What the handler of endpoint `K` receives: its parameters, already validated. */
export interface ContractInput<K extends keyof Endpoints> {
  query: ParsedOrEmpty<Endpoints[K] extends { query: infer Q } ? Q : undefined>;
  params: ParsedOrEmpty<Endpoints[K] extends { params: infer P } ? P : undefined>;
}

/** One handler per endpoint of the contract, returning the response body. */
export type ContractHandlers = {
  [K in keyof Endpoints]: (input: ContractInput<K>) => Promise<z.output<Endpoints[K]['response']>>;
};

/** The parts of an endpoint this module reads, without the per-endpoint precision. */
interface EndpointShape {
  method: string;
  path: string;
  query?: z.ZodMiniType;
  params?: z.ZodMiniType;
  response: z.ZodMiniType;
}

function parseOrThrow(schema: z.ZodMiniType | undefined, input: Record<string, string>): unknown {
  if (!schema) return {};
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
}

export function addContractRoutes(router: Router, handlers: ContractHandlers, options: { validateResponses: boolean }): void {
  for (const [id, endpoint] of Object.entries(endpoints) as [keyof Endpoints, EndpointShape][]) {
    const handler = handlers[id] as (input: { query: unknown; params: unknown }) => Promise<unknown>;
    router.add(endpoint.method, endpoint.path, async ({ query, params }) => {
      // A repeated query parameter keeps its first value.
      const queryObject: Record<string, string> = {};
      for (const [name, value] of query) queryObject[name] ??= value;
      const body = await handler({ query: parseOrThrow(endpoint.query, queryObject), params: parseOrThrow(endpoint.params, params) });
      if (options.validateResponses) {
        const check = endpoint.response.safeParse(body);
        if (!check.success) {
          throw new Error(`Response of ${id} breaks the contract: ${JSON.stringify(check.error.issues)}`);
        }
      }
      return jsonReply(200, body);
    });
  }
}
