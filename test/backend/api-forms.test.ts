/**
 * Form downloads and internal errors: GET /forms/{id}.rtf, the RTF renderer,
 * and what a failing database or a contract-breaking answer turns into.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../src/api/contract/index.js';
import { startServer } from '../../demo/server/app.js';
import type { Database } from '../../demo/server/db/index.js';
import { escapeRtf, renderFormRtf } from '../../demo/server/forms/rtf.js';
import * as catalog from '../../demo/server/catalogue/seed/catalogue.js';
import { API, assertSchema, getError } from './helpers.js';
import { useApiBackend } from './api-backend.js';

const backend = useApiBackend();

describe('GET /forms/{id}.rtf', () => {
  test('downloads an RTF form with Vietnamese letters escaped', async () => {
    const [form] = catalog.formTemplates;
    assert.ok(form, 'the seed catalog has form templates');
    const response = await fetch(`${backend.api}/forms/${form.id}.rtf`);
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
      ...procedure.cases.flatMap((item) => item.documents.flatMap(({ template }) => (template ? [template] : []))),
    ]);
    for (const { url } of links.filter((link) => !/^https?:/.test(link.url))) {
      const response = await fetch(new URL(url, `${backend.api}/`));
      assert.equal(response.status, 200, url);
      assert.equal(response.headers.get('content-type'), 'application/rtf', url);
      await response.arrayBuffer();
    }
  });

  test('an unknown form is a 404 ApiError', async () => {
    await getError(`${backend.api}/forms/no-such-form.rtf`, 404, 'form_not_found');
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
