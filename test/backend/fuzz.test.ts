/**
 * Requests generated from the contract's schemas (fuzz-schemas.ts) against
 * a live backend, every endpoint of the `endpoints` table:
 * - requests valid for this backend's data (a known procedure, a filed
 *   dossier, a complete submission) must be accepted with the success status;
 * - requests the schemas accept but that name anything (a random code, a
 *   random officer action, a submission with one answer replaced) must get
 *   the success status or one of the refusals the OpenAPI document lists;
 * - requests the schemas refuse must get 400 `validation_failed`, and a body
 *   that is not JSON, too large or of another type, a missing idempotency
 *   key or officer token, the refusal the document lists for it;
 * - never a 500, and every answer has the documented shape: the endpoint's
 *   response schema, or an `ApiError` whose code the document lists for its status.
 *
 * Deterministic (one seed) and bounded: FUZZ_RUNS runs per property (a
 * larger FUZZ_RUNS and another FUZZ_SEED explore further).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { ApiError, type EndpointEntry, endpoints, OfficerAction } from '../../src/api/contract/index.js';
import { buildOpenApiDocument } from '../../src/api/openapi.js';
import * as catalogue from '../../demo/server/catalogue/seed/catalogue.js';
import { formDefinitions } from '../../demo/server/forms/index.js';
import { PROVINCES } from '../../demo/server/units/data.js';
import { DOSSIER_FIXTURES, FIXTURE_PROCEDURES, submissionFor } from './dossier-fixtures.js';
import { API, startTestBackend, type TestBackend } from './helpers.js';
import { insertDossier, OFFICER_TOKEN } from './lifecycle-fixtures.js';
import {
  agent,
  HTTP_FAULT,
  INVALID_JSON,
  NO_KEY,
  parses,
  pathOf,
  send,
  TOO_LARGE,
  UNAUTHORISED,
  UNSUPPORTED,
  VALIDATION_FAILED,
} from './fuzz-http.js';
import { arbitraryOf, brokenOf, inputSchema } from './fuzz-schemas.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

type EndpointId = keyof typeof endpoints;
type Endpoint = EndpointEntry;
const endpointOf = (id: EndpointId): Endpoint => endpoints[id] as Endpoint;

/** One generated request: the parts of the URL and, for a POST, what goes in the body. */
interface FuzzRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** JSON unless `raw` is given. */
  body?: unknown;
  raw?: { contentType: string; text: string };
  headers?: Record<string, string>;
}

/** What must come back: the success status, a refusal, or either (documented). */
type Expectation = 'accepted' | 'documented' | { status: number; code: string };

type Responses = Record<string, { content?: { 'application/json'?: { schema: { allOf?: unknown[] } } } }>;
const openApi = buildOpenApiDocument(API) as { paths: Record<string, Record<string, { responses: Responses }>> };

/** The `error.code`s the document lists for `status` of endpoint `id`; undefined when it lists no such status. */
function documentedCodes(id: EndpointId, status: number): string[] | undefined {
  const { path, method } = endpointOf(id);
  const response = openApi.paths[path]![method.toLowerCase()]!.responses[status];
  if (!response) return undefined;
  const schema = response.content?.['application/json']?.schema.allOf?.[1] as
    { properties: { error: { properties: { code: { enum: string[] } } } } } | undefined;
  return schema?.properties.error.properties.code.enum ?? [];
}

let backend: TestBackend;
/** Answers by status, for the closing line. */
const statuses = new Map<number, number>();

/** Sends `fuzz` to endpoint `id` and checks the answer against the document and `expected`. */
async function check(id: EndpointId, fuzz: FuzzRequest, expected: Expectation): Promise<void> {
  const endpoint = endpointOf(id);
  const search = new URLSearchParams(fuzz.query ?? {}).toString();
  const path = `${API}${pathOf(endpoint.path, fuzz.params)}${search ? `?${search}` : ''}`;
  const headers: Record<string, string> = { ...fuzz.headers };
  let body: string | undefined;
  if (fuzz.raw) {
    body = fuzz.raw.text;
    if (fuzz.raw.contentType) headers['Content-Type'] = fuzz.raw.contentType;
  } else if (endpoint.method === 'POST') {
    body = JSON.stringify(fuzz.body) ?? '';
    headers['Content-Type'] = 'application/json';
  }
  const answer = await send(backend.url, endpoint.method, path, headers, body);
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  const what = `${endpoint.method} ${path.slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 400)}`;
  assert.equal(answer.contentType, 'application/json; charset=utf-8', what);
  const json: unknown = JSON.parse(answer.text);
  const success = endpoint.status ?? 200;
  if (answer.status === success) {
    assert.ok(endpoint.response.safeParse(json).success, `answer breaks ${id}'s response schema: ${what}`);
  } else {
    const error = ApiError.safeParse(json);
    assert.ok(error.success, `refusal is not an ApiError: ${what}`);
    const codes = documentedCodes(id, answer.status);
    assert.ok(codes?.includes(error.data.error.code), `status and code not documented for ${id}: ${what}`);
  }
  assert.notEqual(answer.status, 500, what);
  if (expected === 'accepted') assert.equal(answer.status, success, what);
  else if (expected !== 'documented') {
    assert.equal(answer.status, expected.status, what);
    assert.equal((json as ApiError).error.code, expected.code, what);
  }
}

/** Runs `property` with the fuzz test's seed and number of runs. */
const fuzz = <T>(arbitrary: fc.Arbitrary<T>, property: (value: T) => Promise<void>) =>
  fc.assert(fc.asyncProperty(arbitrary, property), { seed: SEED, numRuns: RUNS, includeErrorInReport: true });

/** A part of a request: valid candidates of `schema` and, broken, mostly invalid ones; zod says which is which. */
const candidates = (schema: z.ZodMiniType) => {
  const valid = arbitraryOf(inputSchema(schema));
  return fc.oneof(valid, brokenOf(valid));
};
const isValid = (schema: z.ZodMiniType | undefined, value: unknown) => !schema || schema.safeParse(value).success;
/** A body as the backend receives it: JSON has no undefined, NaN or Infinity. */
const onTheWire = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

const parameterNames = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

/** URL parameters are text: what a generated value becomes in an address. */
const asText = (value: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(value !== null && typeof value === 'object' ? value : { value }).flatMap(([key, item]) =>
      item === undefined ? [] : [[key, typeof item === 'string' ? item : JSON.stringify(item)]],
    ),
  );

const OFFICER = { Authorization: `Bearer ${OFFICER_TOKEN}` };
let keys = 0;
/** The headers a valid request carries; its idempotency key made unique (a key used again with another body is a 422). */
const headersOf = (endpoint: Endpoint, key: string): Record<string, string> => ({
  ...(endpoint.auth === 'officer' && OFFICER),
  ...(endpoint.idempotent && { 'Idempotency-Key': `${key.slice(0, 56)}-${String(++keys).padStart(7, '0')}` }),
});
const IDEMPOTENCY_KEY = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);

const AGENCY_CODES = catalogue.agencies.map((agency) => agency.code);
const FIELD_CODES = [...new Set(catalogue.procedures.map((procedure) => procedure.field.code))];
const PROCEDURE_CODES = catalogue.procedures.map((procedure) => procedure.code);
const FILED_ONLINE = formDefinitions.map((definition) => definition.procedure);
/** The procedures whose fixture needs no file: a submission of them is complete as it is. */
const WITHOUT_FILES = FIXTURE_PROCEDURES.filter((code) => (DOSSIER_FIXTURES[code]?.files ?? []).length === 0);

/** Dossiers filed before the run (code and lookup secret), and a fresh one for each officer action. */
const filed: { code: string; secret: string }[] = [];
let sequence = 0;
const freshDossier = () =>
  insertDossier(backend.db, {
    sequence: ++sequence,
    receivedAt: new Date('2026-11-02T02:00:00Z'),
    appointmentAt: new Date('2026-11-20T09:00:00Z'),
  });

const someOf = (codes: string[]) => fc.subarray(codes, { minLength: 1 }).map((picked) => picked.join(','));
/** A code or secret as a citizen may type it: spaces anywhere, lower case. */
const typedAs = (text: string) =>
  fc.tuple(fc.array(fc.nat(text.length), { maxLength: 4 }), fc.boolean()).map(([spaces, lower]) => {
    const chars = [...text];
    for (const at of spaces) chars.splice(at, 0, ' ');
    const typed = chars.join('');
    return lower ? typed.toLowerCase() : typed;
  });

/**
 * Requests valid for this backend's data, per endpoint: each must be
 * accepted. `code: FRESH` stands for a dossier made for the request.
 */
const FRESH = '(fresh dossier)';
const VALID: { [K in EndpointId]: fc.Arbitrary<FuzzRequest> } = {
  listAgencies: fc.constant({}),
  listFieldsOfActivity: fc
    .option(someOf(AGENCY_CODES), { nil: undefined })
    .map((agency) => ({ query: asText({ agency }) })),
  listLifeEvents: fc.option(someOf(AGENCY_CODES), { nil: undefined }).map((agency) => ({ query: asText({ agency }) })),
  searchProcedures: fc
    .record(
      {
        q: fc.string({ unit: 'binary', maxLength: 60 }),
        field: fc.constantFrom(...FIELD_CODES),
        level: fc.constantFrom('toan-trinh', 'mot-phan', 'thong-tin'),
        event: fc.constantFrom('co-con-nho', 'ket-hon', 'khong-co'),
        agency: someOf(AGENCY_CODES),
        page: fc.integer({ min: 1, max: 10_000 }),
        pageSize: fc.integer({ min: 1, max: 50 }),
      },
      { requiredKeys: [] },
    )
    .map((query) => ({ query: asText(query) })),
  getProcedure: fc.constantFrom(...PROCEDURE_CODES).map((code) => ({ params: { code } })),
  getService: fc.constant({}),
  listProvinces: fc.constant({}),
  listCommunes: fc.constantFrom(...PROVINCES.map(([code]) => code)).map((province) => ({ params: { province } })),
  getForm: fc.constantFrom(...FILED_ONLINE).map((code) => ({ params: { code } })),
  submitDossier: fc
    .tuple(fc.constantFrom(...WITHOUT_FILES), fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/))
    .map(([code, draft]) => ({ body: submissionFor(code, { draft }) })),
  lookupDossier: fc
    .nat()
    .chain((pick) => {
      const { code, secret } = filed[pick % filed.length]!;
      return fc.record({ code: typedAs(code), secret: typedAs(secret) });
    })
    .map((body) => ({ body })),
  officerAction: arbitraryOf(inputSchema(OfficerAction))
    .filter((action) => isValid(OfficerAction, action))
    .filter((action) => ['receive', 'refuse', 'withdraw'].includes((action as OfficerAction).action))
    // The citizen's note of a refusal, "Lý do: <reason> <note>", must fit in one Text (4000 characters).
    .filter((action) => {
      const { reason, note } = action as { reason?: string; note?: string };
      return reason === undefined || `Lý do: ${reason}${note ? ` ${note}` : ''}`.length <= 4000;
    })
    .map((body) => ({ params: { code: FRESH }, body })),
  listDossierAttachments: fc.nat().map((pick) => ({ params: { code: filed[pick % filed.length]!.code } })),
};

/** A body the database can store: no NUL character (refused with 400 validation_failed, http/json-body.ts). */
const storable = (request: FuzzRequest): boolean => !JSON.stringify(request.body ?? null).includes('\\u0000');

/** Fills in a fresh dossier where the request asks for one. */
async function prepared(request: FuzzRequest): Promise<FuzzRequest> {
  if (request.params?.code !== FRESH) return request;
  return { ...request, params: { ...request.params, code: (await freshDossier()).code } };
}

const ids = Object.keys(endpoints) as EndpointId[];
const withBody = ids.filter((id) => endpointOf(id).body);

before(async () => {
  backend = await startTestBackend({
    dossiers: {
      officerToken: OFFICER_TOKEN,
      lookupRateLimit: { perAddress: 1_000_000, perCode: 1_000_000, windowSeconds: 60 },
      // Generated requests send bad tokens by the hundred: the throttle is tested in officer-credentials.test.ts.
      officerFailureLimit: { limit: 1_000_000, windowSeconds: 60, maxKeys: 100_000 },
    },
  });
  for (let i = 0; i < 5; i++) filed.push(await freshDossier());
});
after(async () => {
  agent.destroy();
  await backend.close();
});

describe('fuzz: every endpoint against its schemas', () => {
  let started = 0;
  before(() => {
    started = performance.now();
  });
  after(() => {
    const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz: ${total} requests (${byStatus.join(', ')}) in ${seconds} s, seed ${SEED}, ${RUNS} runs a property`,
    );
  });

  for (const id of ids) {
    const endpoint = endpointOf(id);

    test(`${id}: a request valid for this backend's data is accepted`, () =>
      fuzz(fc.tuple(VALID[id].filter(storable), IDEMPOTENCY_KEY), async ([request, key]) =>
        check(id, { ...(await prepared(request)), headers: headersOf(endpoint, key) }, 'accepted'),
      ));

    test(`${id}: generated from its schemas, it gets a documented answer; refused by them, 400 validation_failed`, () =>
      fuzz(
        fc.record({
          params: endpoint.params ? candidates(endpoint.params) : fc.constant(undefined),
          query: endpoint.query ? candidates(endpoint.query) : fc.constant(undefined),
          body: endpoint.body ? candidates(endpoint.body) : fc.constant(undefined),
          key: IDEMPOTENCY_KEY,
        }),
        async ({ params, query, body, key }) => {
          const request = {
            params: params === undefined ? undefined : asText(params),
            query: query === undefined ? undefined : asText(query),
            body: endpoint.body && onTheWire(body),
          };
          // A missing or empty path parameter is another path (a 404 of the router), not a value of this one.
          fc.pre(parameterNames(endpoint.path).every((name) => Boolean(request.params?.[name])));
          const valid =
            isValid(endpoint.params, request.params) &&
            isValid(endpoint.query, request.query ?? {}) &&
            isValid(endpoint.body, request.body);
          await check(id, { ...request, headers: headersOf(endpoint, key) }, valid ? 'documented' : VALIDATION_FAILED);
        },
      ));
  }

  for (const id of withBody) {
    const endpoint = endpointOf(id);

    test(`${id}: a valid body with one part replaced gets a documented answer, or 400 validation_failed`, () =>
      fuzz(
        fc.tuple(
          VALID[id].chain((request) => brokenOf(fc.constant(request.body)).map((body) => ({ ...request, body }))),
          IDEMPOTENCY_KEY,
        ),
        async ([request, key]) => {
          const body = onTheWire(request.body);
          const expected = isValid(endpoint.body, body) ? 'documented' : VALIDATION_FAILED;
          await check(id, { ...(await prepared(request)), body, headers: headersOf(endpoint, key) }, expected);
        },
      ));

    test(`${id}: a body that is not JSON, too large or of another type; no key, no token`, () =>
      fuzz(fc.tuple(VALID[id], IDEMPOTENCY_KEY, HTTP_FAULT), async ([request, key, fault]) => {
        const ready = await prepared(request);
        const headers = headersOf(endpoint, key);
        const text = JSON.stringify(ready.body);
        if (fault.kind === 'type') {
          await check(id, { ...ready, headers, raw: { contentType: fault.value, text } }, UNSUPPORTED);
        } else if (fault.kind === 'json') {
          fc.pre(!parses(fault.value));
          await check(
            id,
            { ...ready, headers, raw: { contentType: 'application/json', text: fault.value } },
            INVALID_JSON,
          );
        } else if (fault.kind === 'size') {
          const padded = JSON.stringify({ ...(ready.body as object), padding: 'x'.repeat(fault.value) });
          await check(id, { ...ready, headers, raw: { contentType: 'text/plain', text: padded } }, TOO_LARGE);
        } else if (fault.kind === 'key' && endpoint.idempotent) {
          const { 'Idempotency-Key': _key, ...rest } = headers;
          await check(
            id,
            { ...ready, headers: { ...rest, ...(fault.value && { 'Idempotency-Key': fault.value }) } },
            NO_KEY,
          );
        } else if (fault.kind === 'token' && endpoint.auth === 'officer') {
          const { Authorization: _token, ...rest } = headers;
          await check(
            id,
            { ...ready, headers: { ...rest, ...(fault.value && { Authorization: fault.value }) } },
            UNAUTHORISED,
          );
        }
      }));
  }
});
