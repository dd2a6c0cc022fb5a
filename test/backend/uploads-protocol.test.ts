/**
 * The upload endpoint as any tus 1.0 client and a browser on another site
 * see it: CORS for a widget elsewhere, and protocol errors as contract
 * errors with the statuses the tus protocol prescribes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../src/api/contract/index.js';
import { assertSchema } from './helpers.js';
import { ALLOWED, limits, OTHER, PDF, useUploadBackend } from './uploads-backend.js';
import {
  create,
  createRequest,
  encodeMetadata,
  head,
  metadataFor,
  newDraftId,
  samples,
  tusRequest,
} from './uploads-fixtures.js';

const backend = useUploadBackend();

describe('CORS for a widget on another site', () => {
  const TUS_REQUEST_HEADERS = [
    'tus-resumable',
    'upload-length',
    'upload-metadata',
    'upload-offset',
    'upload-defer-length',
    'upload-concat',
    'content-type',
    'dvc-upload-secret',
  ];
  const EXPOSED =
    'Location, Upload-Offset, Upload-Length, Tus-Resumable, Tus-Version, Tus-Max-Size, Tus-Extension, Upload-Expires, Retry-After';
  const corsHeaders = (response: Response) =>
    [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

  test('a preflight for PATCH with the tus headers is allowed', async () => {
    for (const url of [backend.endpoint, `${backend.endpoint}/AAAAAAAAAAAAAAAAAAAAAA`]) {
      const response = await fetch(url, {
        method: 'OPTIONS',
        headers: {
          Origin: ALLOWED,
          'Access-Control-Request-Method': 'PATCH',
          'Access-Control-Request-Headers': TUS_REQUEST_HEADERS.join(','),
        },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
      assert.equal(response.headers.get('access-control-allow-methods'), 'POST, HEAD, PATCH, DELETE, OPTIONS');
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);
      for (const header of TUS_REQUEST_HEADERS) assert.ok(allowed.includes(header), header);
      assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
    }
  });

  test('answers expose the tus headers to an allowed origin, with our origin rule, not tus\'s "*"', async () => {
    const response = await createRequest(backend.endpoint, {
      Origin: ALLOWED,
      'Upload-Length': '100',
      'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
    });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(response.headers.get('access-control-expose-headers'), EXPOSED);
    assert.equal(response.headers.get('vary'), 'Origin');
    const refused = await createRequest(backend.endpoint, {
      Origin: ALLOWED,
      'Upload-Length': '0',
      'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.headers.get('access-control-allow-origin'), ALLOWED, 'a widget can read why it was refused');
  });

  test('a disallowed origin, and a request without Origin, get no CORS header at all', async () => {
    for (const headers of [{ Origin: OTHER }, {}] as Record<string, string>[]) {
      const response = await createRequest(backend.endpoint, {
        ...headers,
        'Upload-Length': '100',
        'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
      });
      assert.equal(response.status, 201);
      assert.deepEqual(corsHeaders(response), []);
    }
    const preflight = await fetch(backend.endpoint, {
      method: 'OPTIONS',
      headers: { Origin: OTHER, 'Access-Control-Request-Method': 'POST' },
    });
    assert.deepEqual(corsHeaders(preflight), []);
  });

  test('a plain OPTIONS reaches tus: version, extensions and the maximum size', async () => {
    const response = await fetch(backend.endpoint, { method: 'OPTIONS', headers: { Origin: ALLOWED } });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('tus-version'), '1.0.0');
    assert.equal(response.headers.get('tus-max-size'), String(limits.maxFileBytes));
    assert.match(response.headers.get('tus-extension') ?? '', /creation.*termination.*expiration/);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(response.headers.get('access-control-allow-methods'), null, "tus's own CORS headers are removed");
  });
});

describe('protocol errors are contract errors', () => {
  const expectError = async (response: Response, status: number, code: string) => {
    assert.equal(response.status, status);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(assertSchema(ApiError, await response.json()).error.code, code);
  };

  test('without Tus-Resumable: 412', async () => {
    await expectError(
      await fetch(backend.endpoint, { method: 'POST', headers: { 'Upload-Length': '10' } }),
      412,
      'invalid_upload_request',
    );
  });

  test('unknown and malformed ids: 404 upload_not_found', async () => {
    const draft = newDraftId();
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '..%2F..%2Fpglite', '..%5C..%5Cpglite', 'short']) {
      // HEAD, as a resuming client asks; DELETE, to read the body too.
      assert.equal((await head(`${backend.endpoint}/${id}`, draft)).status, 404, id);
      await expectError(await tusRequest(`${backend.endpoint}/${id}`, 'DELETE', draft), 404, 'upload_not_found');
    }
  });

  test('PATCH at the wrong offset: 409 upload_offset_conflict', async () => {
    const metadata = metadataFor('a.pdf', PDF);
    const { location } = await create(backend.endpoint, 100, metadata);
    const response = await tusRequest(`${backend.url}${location}`, 'PATCH', metadata.draft, {
      headers: { 'Upload-Offset': '50', 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(10),
    });
    await expectError(response, 409, 'upload_offset_conflict');
  });

  test('malformed Upload-Metadata: 400 invalid_upload_request', async () => {
    await expectError(
      await createRequest(backend.endpoint, { 'Upload-Length': '10', 'Upload-Metadata': 'filename' + ' x'.repeat(3) }),
      400,
      'invalid_upload_request',
    );
  });

  test('deeper paths are not the upload endpoint: 404 not_found', async () => {
    await expectError(await fetch(`${backend.endpoint}/AAAAAAAAAAAAAAAAAAAAAA/extra`), 404, 'not_found');
  });
});

describe('tus 1.0.0 as written, for any tus client', () => {
  const created = async () => {
    const metadata = metadataFor('don.pdf', PDF);
    const { location } = await create(backend.endpoint, 100, metadata);
    return { url: `${backend.url}${location}`, draft: metadata.draft };
  };

  test('a Tus-Resumable other than 1.0.0 is 412, naming the version spoken in Tus-Version', async () => {
    const { url, draft } = await created();
    for (const version of ['0.2.2', '1.0', '2.0.0']) {
      const answers = [
        await createRequest(backend.endpoint, { 'Tus-Resumable': version, 'Upload-Length': '10' }),
        await tusRequest(url, 'HEAD', draft, { headers: { 'Tus-Resumable': version } }),
        await tusRequest(url, 'DELETE', draft, { headers: { 'Tus-Resumable': version } }),
      ];
      for (const answer of answers) {
        assert.equal(answer.status, 412, version);
        assert.equal(answer.headers.get('tus-version'), '1.0.0', version);
      }
      const error = assertSchema(ApiError, await answers[0]!.json()).error;
      assert.equal(error.code, 'invalid_upload_request');
      assert.match(error.message, /Tus-Resumable: 1\.0\.0/);
    }
    assert.equal((await head(url, draft)).status, 200, 'the upload is still there');
  });

  test('every answer names the version: OPTIONS, creation, HEAD, PATCH, DELETE, refusals', async () => {
    const { url, draft } = await created();
    const answers = [
      await fetch(backend.endpoint, { method: 'OPTIONS' }),
      await head(url, draft),
      await tusRequest(url, 'PATCH', draft, {
        headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
        body: new Uint8Array(samples.pdf(10)),
      }),
      await tusRequest(url, 'DELETE', draft),
      await head(url, draft),
      await fetch(url, { headers: { 'Tus-Resumable': '1.0.0' } }),
      await fetch(backend.endpoint, { method: 'POST', headers: { 'Upload-Length': '10' } }),
    ];
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [204, 200, 204, 204, 404, 405, 412],
    );
    for (const answer of answers) assert.equal(answer.headers.get('tus-version'), '1.0.0', String(answer.status));
  });

  test('a PATCH whose Content-Type is not application/offset+octet-stream, or missing, is 415 and stores nothing', async () => {
    const { url, draft } = await created();
    for (const type of ['application/octet-stream', 'text/plain', undefined]) {
      const answer = await tusRequest(url, 'PATCH', draft, {
        headers: { 'Upload-Offset': '0', ...(type && { 'Content-Type': type }) },
        body: new Uint8Array(samples.pdf(10)),
      });
      assert.equal(answer.status, 415, String(type));
      const error = assertSchema(ApiError, await answer.json()).error;
      assert.equal(error.code, 'invalid_upload_request');
      assert.match(error.message, /application\/offset\+octet-stream/);
    }
    assert.equal((await head(url, draft)).headers.get('upload-offset'), '0');
  });

  test('creation-defer-length, refused because the limits need the length, is not advertised', async () => {
    const response = await fetch(backend.endpoint, { method: 'OPTIONS' });
    const extensions = (response.headers.get('tus-extension') ?? '').split(',');
    assert.ok(extensions.includes('creation') && extensions.includes('termination'), extensions.join());
    assert.ok(!extensions.includes('creation-defer-length'), extensions.join());
  });
});
