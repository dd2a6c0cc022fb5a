/**
 * The contract routes other than search: agencies, procedure detail, errors
 * and validation, the OpenAPI document, form downloads, internal errors
 * and logging.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import {
  AgencyList,
  ApiError,
  endpoints,
  OFFICER_ATTACHMENT_PATH,
  ProcedureDetail,
  UPLOADS_PATH,
} from '../../src/api/contract/index.js';
import { buildOpenApiDocument } from '../../src/api/openapi.js';
import { startServer } from '../../demo/server/app.js';
import type { Database } from '../../demo/server/db/index.js';
import { escapeRtf, renderFormRtf } from '../../demo/server/forms/rtf.js';
import * as catalog from '../../demo/server/catalogue/seed/catalogue.js';
import { API, assertSchema, getError, getJson, rawRequest, startTestBackend, type TestBackend } from './helpers.js';

let backend: TestBackend;
let api: string;
before(async () => {
  backend = await startTestBackend();
  api = `${backend.url}${API}`;
});
after(() => backend.close());

describe('GET /agencies', () => {
  test('lists the catalog agencies', async () => {
    const { items } = await getJson(`${api}/agencies`, AgencyList);
    assert.deepEqual(
      items,
      [...catalog.agencies].sort((a, b) => (a.code < b.code ? -1 : 1)),
    );
  });
});

describe('GET /procedures/{code}', () => {
  test('every catalog procedure comes back exactly as seeded', async () => {
    assert.ok(catalog.procedures.length >= 20, 'the seed catalog holds the commune procedures');
    for (const procedure of catalog.procedures) {
      const detail = await getJson(`${api}/procedures/${procedure.code}`, ProcedureDetail);
      assert.deepEqual(detail, procedure);
    }
  });

  test('Đăng ký khai sinh has its documents, agency and fee', async () => {
    const detail = await getJson(`${api}/procedures/1.001193`, ProcedureDetail);
    assert.equal(detail.name, 'Đăng ký khai sinh');
    assert.equal(detail.field.name, 'Hộ tịch');
    assert.ok(detail.documents.length > 0);
    assert.ok(detail.agency.sample, 'seed agencies are marked as samples');
  });

  test('an unknown code is 404 procedure_not_found, naming the code', async () => {
    const error = await getError(`${api}/procedures/9.999999`, 404, 'procedure_not_found');
    assert.match(error.message, /9\.999999/);
    await getError(`${api}/procedures/1.001193.000.00.00.H37`, 404, 'procedure_not_found');
  });

  test('a malformed code is 400 validation_failed on `code`', async () => {
    for (const code of ['abc', '1.00119', '1001193', '1.001193x', '%27%20OR%201%3D1']) {
      const error = await getError(`${api}/procedures/${code}`, 400, 'validation_failed');
      assert.deepEqual(
        error.details?.map((detail) => detail.path),
        ['code'],
        code,
      );
      assert.match(error.details![0]!.message, /procedure code such as 1\.001193/);
    }
  });
});

describe('request validation', () => {
  const invalid: [query: string, path: string, message: RegExp][] = [
    ['page=0', 'page', /at least 1/],
    ['page=-3', 'page', /at least 1/],
    ['page=abc', 'page', /must be a number/],
    ['page=1.5', 'page', /whole number/],
    ['page=10001', 'page', /at most 10000/],
    ['pageSize=51', 'pageSize', /at most 50/],
    ['pageSize=0', 'pageSize', /at least 1/],
    ['level=muc-4', 'level', /one of: toan-trinh, mot-phan, thong-tin/],
    ['field=H%E1%BB%99%20t%E1%BB%8Bch', 'field', /field code such as ho-tich/],
    ['agency=a%20b', 'agency', /agency codes/],
    ['agency=', 'agency', /agency codes/],
    [`q=${'a'.repeat(1001)}`, 'q', /at most 1000 characters/],
  ];
  for (const [query, path, message] of invalid) {
    test(`${query.slice(0, 30)} → 400 with details on ${path}`, async () => {
      const error = await getError(`${api}/procedures?${query}`, 400, 'validation_failed');
      assert.deepEqual(
        error.details?.map((detail) => detail.path),
        [path],
      );
      assert.match(error.details![0]!.message, message);
      assert.match(error.message, new RegExp(`Invalid request parameters: ${path}\\b`));
      assert.match(error.message, /Tham số không hợp lệ/);
      assert.doesNotMatch(JSON.stringify(error), /\^|\$\/|regex/i, 'no regular expressions in messages');
    });
  }

  test('several bad parameters are all reported at once', async () => {
    const error = await getError(`${api}/procedures?page=0&pageSize=51&level=x`, 400, 'validation_failed');
    assert.deepEqual(error.details?.map((detail) => detail.path).sort(), ['level', 'page', 'pageSize']);
  });

  test('/fields validates its agency parameter too', async () => {
    const error = await getError(`${api}/fields?agency=%3Cscript%3E`, 400, 'validation_failed');
    assert.deepEqual(
      error.details?.map((detail) => detail.path),
      ['agency'],
    );
  });

  test('a query of exactly 1000 characters is accepted', async () => {
    const response = await fetch(`${api}/procedures?q=${'a'.repeat(1000)}`);
    assert.equal(response.status, 200);
  });

  test('unknown parameters are ignored, a repeated one keeps its first value', async () => {
    const response = await fetch(`${api}/procedures?pageSize=2&pageSize=99&utm_source=x`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { pageSize: number }).pageSize, 2);
  });
});

describe('routing errors', () => {
  test('an unknown path under /api is a 404 ApiError', async () => {
    for (const path of ['/api/v1/nope', '/api/v1', '/api/v2/procedures', '/api', '/api/v1/procedures/1.001193/extra']) {
      await getError(`${backend.url}${path}`, 404, 'not_found');
    }
  });

  test('a wrong method is 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await rawRequest(backend.url, `${API}/procedures`, { method });
      assert.equal(response.status, 405);
      assert.equal(response.headers.allow, 'GET');
      assert.equal(assertSchema(ApiError, JSON.parse(response.body)).error.code, 'method_not_allowed');
    }
  });

  test('HEAD works where GET does', async () => {
    const response = await rawRequest(backend.url, `${API}/agencies`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.body, '');
  });
});

describe('GET /openapi.json', () => {
  test('is the document generated from the contract, with every endpoint', async () => {
    const response = await fetch(`${api}/openapi.json`);
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
    assert.deepEqual(codesAt(uploads.post!, 413), ['file_too_large', 'draft_too_large']);
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

describe('GET /forms/{id}.rtf', () => {
  test('downloads an RTF form with Vietnamese letters escaped', async () => {
    const [form] = catalog.formTemplates;
    assert.ok(form, 'the seed catalog has form templates');
    const response = await fetch(`${api}/forms/${form.id}.rtf`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/rtf');
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="${form.id}.rtf"; filename*=UTF-8''${form.id}.rtf`,
    );
    const rtf = await response.text();
    assert.ok(rtf.startsWith('{\\rtf1'));
    assert.ok(rtf.trimEnd().endsWith('}'));
    // eslint-disable-next-line no-control-regex -- every byte from NUL to DEL is allowed: the test is that nothing above is
    assert.match(rtf, /^[\x00-\x7f]*$/, 'RTF is 7-bit');
    assert.ok(rtf.includes(`\\qc\\sa240\\b\\fs28 ${escapeRtf(form.title)}\\b0`), 'title centred and bold');
    assert.match(rtf, /\\u(7871|273|7843|7901|7853|259|432|417)\?/, 'a Vietnamese letter as \\uN?');
    assert.equal(rtf, renderFormRtf(form));
  });

  test('every form a procedure links to is downloadable', async () => {
    const links = catalog.procedures.flatMap((procedure) => [
      ...procedure.forms,
      ...procedure.documents.flatMap((document) => (document.template ? [document.template] : [])),
    ]);
    for (const { url } of links.filter((link) => !/^https?:/.test(link.url))) {
      const response = await fetch(new URL(url, `${api}/`));
      assert.equal(response.status, 200, url);
      assert.equal(response.headers.get('content-type'), 'application/rtf', url);
      await response.arrayBuffer();
    }
  });

  test('an unknown form is a 404 ApiError', async () => {
    await getError(`${api}/forms/no-such-form.rtf`, 404, 'form_not_found');
  });
});

describe('RTF rendering', () => {
  test('escapes RTF syntax and writes non-ASCII as signed UTF-16 \\uN?', () => {
    assert.equal(escapeRtf('Đăng ký'), '\\u272?\\u259?ng k\\u253?');
    assert.equal(escapeRtf('a{b}c\\d'), 'a\\{b\\}c\\\\d');
    assert.equal(escapeRtf('😀'), '\\u-10179?\\u-8704?');
    assert.equal(escapeRtf('x\ny'), 'x\\line y');
  });

  test('a line ending in ":" gets a dotted blank; other lines do not', () => {
    const rtf = renderFormRtf({ id: 't', title: 'Tờ khai', lines: ['Họ, chữ đệm, tên:', 'Tôi cam đoan.'] });
    assert.match(rtf, /\\tldot\\tx\d+ H\\u7885\?, ch\\u7919\? \\u273\?\\u7879\?m, t\\u234\?n:\\tab\\par/);
    assert.match(rtf, /\\pard\\sa120 T\\u244\?i cam \\u273\?oan\.\\par/);
  });
});

describe('failures', () => {
  /** A database that fails every query, as when PostgreSQL goes away. */
  const brokenDb: Database = {
    engine: 'postgres',
    query: () => Promise.reject(new Error('connection to 10.0.0.5 refused; SELECT secret FROM x')),
    exec: () => Promise.reject(new Error('unused')),
    transaction: () => Promise.reject(new Error('unused')),
    close: async () => {},
  };

  test('an internal error is a bare 500 internal_error; the cause goes only to the log', async () => {
    const logs: string[] = [];
    const server = await startServer({ host: '127.0.0.1', db: brokenDb, log: (line) => logs.push(line) });
    try {
      const response = await fetch(`${server.url}${API}/procedures?q=x`);
      assert.equal(response.status, 500);
      const text = await response.text();
      const body = assertSchema(ApiError, JSON.parse(text));
      assert.equal(body.error.code, 'internal_error');
      assert.equal(body.error.details, undefined);
      assert.doesNotMatch(text, /10\.0\.0\.5|SELECT|secret|at /);
      assert.ok(logs.some((line) => line.includes('connection to 10.0.0.5 refused')));
    } finally {
      await server.close();
    }
  });

  test('with validateResponses, an answer that breaks the contract becomes a 500', async () => {
    const wrongDb: Database = { ...brokenDb, query: async <T>() => [{ code: 'x', name: '' }] as T[] };
    const logs: string[] = [];
    const server = await startServer({
      host: '127.0.0.1',
      db: wrongDb,
      validateResponses: true,
      log: (line) => logs.push(line),
    });
    try {
      const response = await fetch(`${server.url}${API}/agencies`);
      assert.equal(response.status, 500);
      assert.ok(logs.some((line) => line.includes('Response of listAgencies breaks the contract')));
    } finally {
      await server.close();
    }
  });
});

describe('request log', () => {
  test('one line per request: method, path without the query, status, time', async () => {
    backend.logs.length = 0;
    await fetch(`${api}/procedures?q=Nguy%E1%BB%85n%20V%C4%83n%20A%200912345678`);
    await fetch(`${api}/procedures/9.999999`);
    assert.equal(backend.logs.length, 2);
    assert.match(backend.logs[0]!, /^GET \/api\/v1\/procedures 200 \d+\.\dms$/);
    assert.match(backend.logs[1]!, /^GET \/api\/v1\/procedures\/9\.999999 404 \d+\.\dms$/);
    assert.doesNotMatch(backend.logs.join('\n'), /0912345678|Nguy/);
  });
});
