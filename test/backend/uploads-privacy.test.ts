/**
 * Uploads are private: an upload id alone opens nothing. No file is ever
 * sent back by the public endpoint, each upload answers only the secret it
 * was made with, no answer may be cached, and no log line names an upload.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError, UPLOAD_SECRET_HEADER } from '../../src/api/contract/index.js';
import { assertSchema } from './helpers.js';
import { PDF, useUploadBackend, storedFileIds } from './uploads-backend.js';
import {
  createRequest,
  encodeMetadata,
  head,
  idOf,
  KiB,
  metadataFor,
  newUploadSecret,
  samples,
  secretHeader,
  tusRequest,
  tusUpload,
} from './uploads-fixtures.js';

const backend = useUploadBackend();

describe('privacy: an upload id alone opens nothing', () => {
  const PATCH_INIT = {
    headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
    body: new Uint8Array(samples.pdf(10)),
  };

  test('the endpoint never sends a file back: 1,000 GETs of a finished upload are refused with 405, and the server goes on', async () => {
    const metadata = metadataFor('giay-chung-sinh.pdf', PDF);
    const { url } = await tusUpload(backend.endpoint, samples.pdf(), metadata);
    for (let round = 0; round < 20; round++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(url, { headers: { 'Tus-Resumable': '1.0.0', ...secretHeader(metadata.draft) } }),
        ),
      );
      for (const answer of answers) {
        assert.equal(answer.status, 405);
        assert.equal(answer.headers.get('allow'), 'POST, HEAD, PATCH, DELETE, OPTIONS');
        assert.equal(assertSchema(ApiError, await answer.json()).error.code, 'method_not_allowed');
      }
    }
    assert.equal((await head(url, metadata.draft)).status, 200, 'the server is still up, the upload intact');
  });

  test('an upload answers only the secret it was made with: none is a 400 naming the header, another a 404 like no upload at all', async () => {
    const metadata = metadataFor('cccd.pdf', PDF);
    const { url } = await tusUpload(backend.endpoint, samples.pdf(), metadata);
    const unknown = await (
      await tusRequest(`${backend.endpoint}/AAAAAAAAAAAAAAAAAAAAAA`, 'DELETE', metadata.draft)
    ).text();
    for (const [method, init] of [
      ['HEAD', {}],
      ['PATCH', PATCH_INIT],
      ['DELETE', {}],
    ] as const) {
      const bare = await fetch(url, {
        method,
        headers: { 'Tus-Resumable': '1.0.0', ...init.headers },
        ...('body' in init && { body: init.body }),
      });
      assert.equal(bare.status, 400, `${method} without the secret`);
      if (method !== 'HEAD')
        assert.deepEqual(
          assertSchema(ApiError, await bare.json()).error.details?.map((detail) => detail.path),
          [UPLOAD_SECRET_HEADER],
        );
      const stranger = await fetch(url, {
        method,
        headers: { 'Tus-Resumable': '1.0.0', [UPLOAD_SECRET_HEADER]: newUploadSecret(), ...init.headers },
        ...('body' in init && { body: init.body }),
      });
      assert.equal(stranger.status, 404, `${method} with another secret`);
      if (method !== 'HEAD')
        assert.equal(await stranger.text(), unknown, 'the same answer as for an id that never existed');
    }
    const own = await head(url, metadata.draft);
    assert.deepEqual(
      [own.status, own.headers.get('upload-offset')],
      [200, String(samples.pdf().length)],
      'nothing was changed or removed',
    );
  });

  test('a creation without an upload secret, or with a malformed one, is refused with 400 before anything is stored', async () => {
    const before = await storedFileIds(backend.uploadDir);
    for (const secret of [undefined, 'short', `${newUploadSecret()}!`]) {
      const response = await fetch(backend.endpoint, {
        method: 'POST',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Length': '100',
          'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
          ...(secret !== undefined && { [UPLOAD_SECRET_HEADER]: secret }),
        },
      });
      assert.equal(response.status, 400, String(secret));
      const { error } = assertSchema(ApiError, await response.json());
      assert.deepEqual([error.code, error.details?.[0]?.path], ['validation_failed', UPLOAD_SECRET_HEADER]);
    }
    assert.deepEqual(await storedFileIds(backend.uploadDir), before);
  });

  test('no answer of the endpoint may be cached: creation, HEAD, PATCH, refusals and the 405', async () => {
    const metadata = metadataFor('a.pdf', PDF);
    const created = await createRequest(backend.endpoint, {
      'Upload-Length': '100',
      'Upload-Metadata': encodeMetadata({ ...metadata }),
      ...secretHeader(metadata.draft),
    });
    const url = `${backend.url}${created.headers.get('location')}`;
    const answers = [
      created,
      await head(url, metadata.draft),
      await tusRequest(url, 'PATCH', metadata.draft, PATCH_INIT),
      await head(`${backend.endpoint}/AAAAAAAAAAAAAAAAAAAAAA`, metadata.draft),
      await createRequest(backend.endpoint, { 'Upload-Length': '0' }),
      await fetch(url),
    ];
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [201, 200, 204, 404, 400, 405],
    );
    for (const answer of answers) assert.equal(answer.headers.get('cache-control'), 'no-store', String(answer.status));
  });

  test('Upload-Concat, which this endpoint does not take, is a plain refusal, not a server failure', async () => {
    backend.logs.length = 0;
    const response = await createRequest(backend.endpoint, {
      'Upload-Concat': 'partial',
      'Upload-Length': '100',
      'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
    });
    assert.equal(response.status, 501);
    assert.equal(assertSchema(ApiError, await response.json()).error.code, 'invalid_upload_request');
    assert.ok(!backend.logs.some((line) => line.startsWith('Upload failed')), backend.logs.join('\n'));
  });

  test('no log line names an upload, whatever happened to it', async () => {
    backend.logs.length = 0;
    const metadata = metadataFor('nhat-ky.pdf', PDF);
    const { url } = await tusUpload(backend.endpoint, samples.pdf(300 * KiB), metadata, { chunkSize: 100 * KiB });
    const id = idOf(url);
    await head(url, metadata.draft);
    await fetch(url);
    await fetch(url.replace(/\/([^/]+)$/, '%2F$1'));
    await fetch(url.replace(/\/([^/]+)$/, (_match, id: string) => `/%${id.charCodeAt(0).toString(16)}${id.slice(1)}`));
    await tusRequest(url, 'DELETE', metadata.draft);
    await refusedUpload();
    const text = backend.logs.join('\n');
    assert.match(text, /PATCH \/api\/v1\/uploads\/\[upload\] 204/, 'requests are still logged, without the id');
    assert.ok(!text.includes(id), text);
    assert.doesNotMatch(text, /(?<![\w-])[\w-]{22}(?![\w-])/, 'no upload-id-shaped word at all');
  });

  /** An executable sent as a PDF, refused on its first bytes. */
  const refusedUpload = () =>
    tusUpload(backend.endpoint, samples.exe(), metadataFor('x.pdf', PDF)).catch(() => undefined);
});
