/**
 * The OpenAPI document: GET /openapi.json serves the document generated from
 * the contract, and that document says everything the contract knows (request
 * bodies, responses, error codes, security, uploads and attachments).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import { endpoints, OFFICER_ATTACHMENT_PATH, UPLOADS_PATH } from '../../src/api/contract/index.js';
import { buildOpenApiDocument } from '../../src/api/openapi.js';
import { useApiBackend } from './api-backend.js';

const backend = useApiBackend();

describe('GET /openapi.json', () => {
  test('is the document generated from the contract, with every endpoint', async () => {
    const response = await fetch(`${backend.api}/openapi.json`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(document.openapi, '3.1.0');
    for (const endpoint of Object.values(endpoints)) {
      assert.ok(document.paths[endpoint.path]?.[endpoint.method.toLowerCase()], `${endpoint.method} ${endpoint.path}`);
    }
    assert.deepEqual(document, buildOpenApiDocument('/api/v1'));
  });
});

describe('the OpenAPI document says everything the contract knows', () => {
  type Operation = {
    parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
    requestBody?: { required: boolean; content: Record<string, { schema: unknown }> };
    responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
    security?: Record<string, string[]>[];
  };
  const document = buildOpenApiDocument('/api/v1') as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, Record<string, string>> };
  };
  const operationOf = (id: keyof typeof endpoints): Operation => {
    const { path, method } = endpoints[id];
    return document.paths[path]![method.toLowerCase()]!;
  };
  /** The `error.code`s documented for one status of an operation. */
  const codesAt = (operation: Operation, status: number): unknown => {
    const schema = operation.responses[status]?.content?.['application/json']?.schema as {
      allOf: [{ $ref: string }, { properties: { error: { properties: { code: { enum: string[] } } } } }];
    };
    assert.equal(schema.allOf[0].$ref, '#/components/schemas/ApiError');
    return schema.allOf[1].properties.error.properties.code.enum;
  };

  test('a POST declares its JSON body, the input schema of the contract', () => {
    for (const [id, endpoint] of Object.entries(endpoints)) {
      const operation = operationOf(id as keyof typeof endpoints);
      if (!('body' in endpoint)) {
        assert.equal(operation.requestBody, undefined, id);
        continue;
      }
      assert.equal(operation.requestBody?.required, true, id);
      assert.deepEqual(
        operation.requestBody.content['application/json']?.schema,
        z.toJSONSchema(endpoint.body, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
        id,
      );
    }
  });

  test('the success status is 201 for a filing, 200 elsewhere', () => {
    const filing = operationOf('submitDossier');
    assert.ok(filing.responses[201]?.content?.['application/json'], '201 with the receipt');
    assert.equal(filing.responses[200], undefined);
    for (const id of Object.keys(endpoints).filter((id) => id !== 'submitDossier')) {
      assert.ok(operationOf(id as keyof typeof endpoints).responses[200], id);
    }
  });

  test('each endpoint lists the refusals it can answer, with their codes, as ApiError', () => {
    const statuses = (id: keyof typeof endpoints) =>
      Object.keys(operationOf(id).responses).filter((status) => Number(status) >= 400);
    assert.deepEqual(statuses('listAgencies'), ['500']);
    assert.deepEqual(statuses('getProcedure'), ['400', '404', '500']);
    assert.deepEqual(statuses('submitDossier'), ['400', '404', '409', '413', '415', '422', '500']);
    assert.deepEqual(statuses('lookupDossier'), ['400', '404', '413', '415', '429', '500']);
    assert.deepEqual(statuses('officerAction'), ['400', '401', '403', '404', '409', '413', '415', '429', '500']);
    assert.deepEqual(statuses('listDossierAttachments'), ['400', '401', '403', '404', '429', '500']);
    assert.deepEqual(codesAt(operationOf('submitDossier'), 400), [
      'validation_failed',
      'invalid_json',
      'idempotency_key_required',
    ]);
    assert.deepEqual(codesAt(operationOf('submitDossier'), 409), ['form_version_changed']);
    assert.deepEqual(codesAt(operationOf('officerAction'), 401), ['unauthorised']);
    assert.deepEqual(codesAt(operationOf('officerAction'), 409), [
      'transition_not_allowed',
      'supplement_already_requested',
      'not_late',
    ]);
    assert.deepEqual(codesAt(operationOf('lookupDossier'), 415), ['unsupported_media_type']);
    assert.deepEqual(codesAt(operationOf('getForm'), 404), ['procedure_not_found', 'form_not_found']);
  });

  test('the Idempotency-Key header where it is required, and nowhere else', () => {
    for (const id of Object.keys(endpoints) as (keyof typeof endpoints)[]) {
      const header = operationOf(id).parameters?.find((parameter) => parameter.in === 'header');
      if (id !== 'submitDossier') {
        assert.equal(header, undefined, id);
        continue;
      }
      assert.equal(header?.name, 'Idempotency-Key');
      assert.equal(header.required, true);
      assert.equal(header.schema.pattern, '^[A-Za-z0-9_-]{16,64}$');
    }
  });

  test("the officer's bearer token on the officer's operations, and only there", () => {
    assert.deepEqual(document.components.securitySchemes.officerToken, {
      type: 'http',
      scheme: 'bearer',
      description: "The officer's own token (issued by `npm run officer -- issue` on the reference backend).",
    });
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (method === 'parameters') continue;
        const expected = path.startsWith('/officer/') ? [{ officerToken: [] }] : undefined;
        assert.deepEqual(operation.security, expected, `${method} ${path}`);
      }
    }
  });

  test("the officer's file download: its path parameters and a binary answer", () => {
    const download = document.paths[OFFICER_ATTACHMENT_PATH]?.get;
    assert.ok(download);
    assert.deepEqual(
      download.parameters?.map((parameter) => [parameter.name, parameter.in, parameter.required]),
      [
        ['code', 'path', true],
        ['upload', 'path', true],
      ],
    );
    const content = download.responses[200]?.content ?? {};
    assert.ok(content['application/pdf'] && content['image/jpeg'], Object.keys(content).join(', '));
    assert.equal(content['application/json'], undefined);
    assert.deepEqual(codesAt(download, 404), ['dossier_not_found', 'attachment_not_found']);
  });

  test('the tus endpoint: creation, offset, bytes and cancellation, each with the upload secret', () => {
    const uploads = document.paths[UPLOADS_PATH]!;
    const one = document.paths[`${UPLOADS_PATH}/{id}`]!;
    const operations = [uploads.post, one.head, one.patch, one.delete];
    for (const operation of operations) {
      assert.ok(operation);
      const headers = operation.parameters?.map((parameter) => parameter.name);
      assert.ok(headers?.includes('Tus-Resumable') && headers.includes('Dvc-Upload-Secret'), String(headers));
    }
    assert.ok(uploads.post?.responses[201]);
    assert.deepEqual(codesAt(uploads.post!, 413), ['file_too_large', 'draft_too_large', 'address_quota_exceeded']);
    assert.deepEqual(codesAt(one.patch!, 409), ['upload_offset_conflict']);
  });

  test('every reference resolves inside the document', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]*"/g) ?? [];
    assert.ok(refs.length > 0);
    for (const ref of new Set(refs)) {
      const name = /^"\$ref":"#\/components\/schemas\/([^"]+)"$/.exec(ref)?.[1];
      assert.ok(name && document.components.schemas[name], ref);
    }
  });
});
