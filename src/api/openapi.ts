/**
 * Builds the OpenAPI 3.1 document of the contract from the zod schemas in
 * `contract/`. The reference backend serves it at `/api/v1/openapi.json`
 * and `npm run build` writes it to `dist/openapi.json`.
 */
import * as z from 'zod/mini';
import { ApiError, CONTRACT_VERSION, endpoints } from './contract/index.js';

type Schema = z.ZodMiniType;
type JsonObject = Record<string, unknown>;

interface Endpoint {
  method: string;
  path: string;
  summary: string;
  query?: z.ZodMiniObject;
  params?: z.ZodMiniObject;
  response: Schema;
}

/**
 * JSON Schema of one zod schema. Answers may gain fields in later minor
 * versions (the widgets ignore fields they do not know), so answer schemas
 * do not forbid additional properties.
 */
const jsonSchema = (schema: Schema, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      if (io === 'output') delete jsonSchema.additionalProperties;
    },
  }) as JsonObject;

/** One OpenAPI parameter per property of a query or path object schema. */
function parameters(schema: z.ZodMiniObject | undefined, location: 'query' | 'path'): JsonObject[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => {
    const { $schema: _ignored, ...rest } = property;
    return { name, in: location, required: location === 'path' || required.has(name), schema: rest };
  });
}

const errorResponse = (description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

function operation(id: string, endpoint: Endpoint): JsonObject {
  return {
    operationId: id,
    summary: endpoint.summary,
    parameters: [...parameters(endpoint.params, 'path'), ...parameters(endpoint.query, 'query')],
    responses: {
      200: { description: 'OK', content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } } },
      400: errorResponse('The request does not follow the contract; `details` names each wrong parameter.'),
      404: errorResponse('No such procedure or agency.'),
      429: errorResponse('Too many requests; retry after the `Retry-After` header.'),
      500: errorResponse('The backend failed.'),
    },
  };
}

export function buildOpenApiDocument(serverUrl = '/api/v1'): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const [id, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method.toLowerCase()]: operation(id, endpoint) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'dvc-widgets backend contract',
      version: CONTRACT_VERSION,
      description:
        'The REST contract that dvc-widgets speak. Text is plain Vietnamese (NFC), never HTML; money is in đồng. ' +
        'Clients ignore properties they do not know, so answers may gain properties in minor versions.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: { schemas: { ApiError: jsonSchema(ApiError, 'output') } },
  };
}
