/**
 * Builds the OpenAPI 3.1 document of the contract from the zod schemas in
 * `contract/`. The reference backend serves it at `/api/v1/openapi.json`
 * and `npm run build` writes it to `dist/openapi.json`.
 *
 * Every JSON endpoint comes from the `endpoints` table: its parameters, its
 * request body, its success status, the refusals it may answer (its own
 * `errors` and those of its kind, {@link endpointErrors}) with the codes
 * each status carries, the `Idempotency-Key` header where it is required and
 * the officer's bearer token where it is asked. The two routes that do not
 * speak JSON are described from the contract's constants beside it
 * (`openapi-files.ts`): the officer's file download and the tus upload endpoint.
 */
import {
  ApiError,
  CONTRACT_VERSION,
  type EndpointEntry,
  endpoints,
  IDEMPOTENCY_HEADER,
  IdempotencyKey,
} from './contract/index.js';
import { fileRoutes } from './openapi-files.js';
import {
  type ErrorCodes,
  errorResponses,
  type JsonObject,
  jsonSchema,
  OFFICER_SECURITY,
  parameters,
  valueSchema,
} from './openapi-parts.js';

type Endpoint = EndpointEntry;

/**
 * Every refusal an endpoint may answer, by status: those of its kind (a
 * parameter or body that breaks its schema, a body that is not JSON, too
 * large or of another type, a missing idempotency key, the officer's token,
 * a failure of the backend) and its own (`errors` in the table).
 */
export function endpointErrors(endpoint: Endpoint): ErrorCodes {
  const errors: Record<number, string[]> = {};
  const add = (status: number, ...codes: readonly string[]) => {
    errors[status] = [...new Set([...(errors[status] ?? []), ...codes])];
  };
  if (endpoint.query || endpoint.params || endpoint.body) add(400, 'validation_failed');
  if (endpoint.body) {
    add(400, 'invalid_json');
    add(413, 'body_too_large');
    add(415, 'unsupported_media_type');
  }
  if (endpoint.idempotent) add(400, 'idempotency_key_required');
  if (endpoint.auth === 'officer') {
    add(401, 'unauthorised');
    add(403, 'officer_actions_disabled');
    add(429, 'rate_limited');
  }
  for (const [status, codes] of Object.entries(endpoint.errors ?? {})) add(Number(status), ...(codes ?? []));
  add(500, 'internal_error');
  return errors;
}

const idempotencyHeader: JsonObject = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required: true,
  description:
    'The same on every retry of one request, a new one for a new dossier: a retry answers with the first receipt, ' +
    'a key reused with another body is refused (422 `idempotency_key_reused`).',
  schema: valueSchema(IdempotencyKey),
};

function operation(id: string, endpoint: Endpoint): JsonObject {
  const success = endpoint.status ?? 200;
  return {
    operationId: id,
    summary: endpoint.summary,
    parameters: [
      ...parameters(endpoint.params, 'path'),
      ...parameters(endpoint.query, 'query'),
      ...(endpoint.idempotent ? [idempotencyHeader] : []),
    ],
    ...(endpoint.body && {
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } } },
    }),
    ...(endpoint.auth === 'officer' && { security: [{ [OFFICER_SECURITY]: [] }] }),
    responses: {
      [success]: {
        description: success === 201 ? 'Created' : 'OK',
        content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } },
      },
      ...errorResponses(endpointErrors(endpoint)),
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
    paths: { ...paths, ...fileRoutes() },
    components: {
      schemas: { ApiError: jsonSchema(ApiError, 'output') },
      securitySchemes: {
        [OFFICER_SECURITY]: {
          type: 'http',
          scheme: 'bearer',
          description: "The officer's own token (issued by `npm run officer -- issue` on the reference backend).",
        },
      },
    },
  };
}
