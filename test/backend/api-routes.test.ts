/**
 * The contract routes other than search and the OpenAPI document: agencies,
 * procedure detail, request validation, routing errors, and the one-line
 * request log.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AgencyList, ApiError, ProcedureDetail } from '../../src/api/contract/index.js';
import * as catalog from '../../demo/server/catalogue/seed/catalogue.js';
import { API, assertSchema, getError, getJson, rawRequest } from './helpers.js';
import { useApiBackend } from './api-backend.js';

const backend = useApiBackend();

describe('GET /agencies', () => {
  test('lists the catalog agencies', async () => {
    const { items } = await getJson(`${backend.api}/agencies`, AgencyList);
    assert.deepEqual(
      items,
      [...catalog.agencies].sort((a, b) => (a.code < b.code ? -1 : 1)),
    );
  });
});

describe('GET /procedures/{code}', () => {
  test('every catalog procedure comes back exactly as seeded', async () => {
    assert.ok(catalog.shownProcedures.length >= 20, 'the seed catalog holds the commune procedures');
    for (const procedure of catalog.shownProcedures) {
      const detail = await getJson(`${backend.api}/procedures/${procedure.code}`, ProcedureDetail);
      assert.deepEqual(detail, procedure);
    }
  });

  test('Đăng ký khai sinh has its documents, agency and fee', async () => {
    const detail = await getJson(`${backend.api}/procedures/1.001193`, ProcedureDetail);
    assert.equal(detail.name, 'Đăng ký khai sinh');
    assert.equal(detail.field.name, 'Hộ tịch');
    assert.ok(detail.cases[0]!.documents.length > 0);
    assert.ok(detail.agency.sample, 'seed agencies are marked as samples');
  });

  test('an unknown code is 404 procedure_not_found, naming the code', async () => {
    const error = await getError(`${backend.api}/procedures/9.999999`, 404, 'procedure_not_found');
    assert.match(error.message, /9\.999999/);
    await getError(`${backend.api}/procedures/1.001193.000.00.00.H37`, 404, 'procedure_not_found');
  });

  test('a malformed code is 400 validation_failed on `code`', async () => {
    for (const code of ['abc', '1.00119', '1001193', '1.001193x', '%27%20OR%201%3D1']) {
      const error = await getError(`${backend.api}/procedures/${code}`, 400, 'validation_failed');
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
      const error = await getError(`${backend.api}/procedures?${query}`, 400, 'validation_failed');
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
    const error = await getError(`${backend.api}/procedures?page=0&pageSize=51&level=x`, 400, 'validation_failed');
    assert.deepEqual(error.details?.map((detail) => detail.path).sort(), ['level', 'page', 'pageSize']);
  });

  test('/fields validates its agency parameter too', async () => {
    const error = await getError(`${backend.api}/fields?agency=%3Cscript%3E`, 400, 'validation_failed');
    assert.deepEqual(
      error.details?.map((detail) => detail.path),
      ['agency'],
    );
  });

  test('a query of exactly 1000 characters is accepted', async () => {
    const response = await fetch(`${backend.api}/procedures?q=${'a'.repeat(1000)}`);
    assert.equal(response.status, 200);
  });

  test('unknown parameters are ignored, a repeated one keeps its first value', async () => {
    const response = await fetch(`${backend.api}/procedures?pageSize=2&pageSize=99&utm_source=x`);
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

describe('request log', () => {
  test('one line per request: method, path without the query, status, time', async () => {
    backend.logs.length = 0;
    await fetch(`${backend.api}/procedures?q=Nguy%E1%BB%85n%20V%C4%83n%20A%200912345678`);
    await fetch(`${backend.api}/procedures/9.999999`);
    assert.equal(backend.logs.length, 2);
    assert.match(backend.logs[0]!, /^GET \/api\/v1\/procedures 200 \d+\.\dms$/);
    assert.match(backend.logs[1]!, /^GET \/api\/v1\/procedures\/9\.999999 404 \d+\.\dms$/);
    assert.doesNotMatch(backend.logs.join('\n'), /0912345678|Nguy/);
  });
});
