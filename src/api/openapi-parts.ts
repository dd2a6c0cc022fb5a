/**
 * The pieces the OpenAPI document is made of (`openapi.ts`,
 * `openapi-files.ts`): JSON Schemas from the contract's zod schemas,
 * parameters, and refusals as `ApiError`s with the codes of each status.
 */
import * as z from 'zod/mini';

type Schema = z.ZodMiniType;
export type JsonObject = Record<string, unknown>;

/** `error.code`s by HTTP status. */
export type ErrorCodes = Record<number, readonly string[]>;

/** The name of the officer's bearer token among the document's security schemes. */
export const OFFICER_SECURITY = 'officerToken';

/**
 * JSON Schema of one zod schema. Answers may gain fields in later minor
 * versions (the widgets ignore fields they do not know), so answer schemas
 * do not forbid additional properties.
 */
export const jsonSchema = (schema: Schema, io: 'input' | 'output'): JsonObject =>
  z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      if (io === 'output') delete jsonSchema.additionalProperties;
    },
  }) as JsonObject;

/** The schema of one value inside the document (parameters, headers): without its own `$schema`. */
export const valueSchema = (schema: Schema): JsonObject => {
  const { $schema: _ignored, ...rest } = jsonSchema(schema, 'input');
  return rest;
};

/** One OpenAPI parameter per property of a query or path object schema. */
export function parameters(schema: z.ZodMiniType | undefined, location: 'query' | 'path'): JsonObject[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => {
    const { $schema: _ignored, ...rest } = property;
    return { name, in: location, required: location === 'path' || required.has(name), schema: rest };
  });
}

const STATUS_MEANINGS: Record<number, string> = {
  400: 'The request does not follow the contract; `details` names each wrong value.',
  401: 'No valid officer token (the answer carries `WWW-Authenticate: Bearer`).',
  403: 'Officer routes are switched off on this backend (no officer token configured).',
  404: 'Not found.',
  409: 'Not possible in the current state.',
  410: 'Gone.',
  412: 'A protocol header is missing.',
  413: 'Too large.',
  415: 'Not of an accepted type: a JSON body is sent as `application/json` (or `text/plain` that parses as JSON).',
  422: 'Well-formed but refused.',
  423: 'Locked by another request.',
  429: 'Too many requests; retry after the `Retry-After` header.',
  500: 'The backend failed.',
  501: 'Not implemented here.',
};

/** The refusals of one status: an `ApiError` whose `error.code` is one of `codes`. */
function errorResponse(status: number, codes: readonly string[]): JsonObject {
  return {
    description: `${STATUS_MEANINGS[status] ?? 'Refused.'} \`error.code\`: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/ApiError' },
            { properties: { error: { properties: { code: { enum: [...codes] } } } } },
          ],
        },
      },
    },
  };
}

export const errorResponses = (errors: ErrorCodes): JsonObject =>
  Object.fromEntries(Object.entries(errors).map(([status, codes]) => [status, errorResponse(Number(status), codes)]));
