/**
 * The upload endpoint's limits: per file, per draft (which a stranger
 * knowing the draft id can neither fill nor read), empty files, deferred
 * lengths, types that are not accepted and malformed metadata, each refused
 * with a clear contract error before anything is stored.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError, UPLOAD_SECRET_HEADER } from '../../src/api/contract/index.js';
import { assertSchema } from './helpers.js';
import { limits, PDF, useUploadBackend, storedFileIds } from './uploads-backend.js';
import {
  create,
  createRequest,
  encodeMetadata,
  metadataFor,
  MiB,
  newDraftId,
  newUploadSecret,
  samples,
  tusFailure,
  tusRequest,
  tusUpload,
} from './uploads-fixtures.js';

const backend = useUploadBackend();

describe('limits', () => {
  test('a file over the per-file limit is refused at creation with 413, naming the limit', async () => {
    const over = await create(backend.endpoint, limits.maxFileBytes + 1, metadataFor('lon.pdf', PDF));
    assert.equal(over.status, 413);
    assert.equal(over.error?.code, 'file_too_large');
    assert.match(over.error!.message, /2 MiB/);
    const exactly = await create(backend.endpoint, limits.maxFileBytes, metadataFor('vua.pdf', PDF));
    assert.equal(exactly.status, 201);
  });

  test('tus-js-client sees the 413 and the contract error', async () => {
    const error = await tusUpload(
      backend.endpoint,
      samples.pdf(limits.maxFileBytes + 10),
      metadataFor('lon.pdf', PDF),
    ).then(
      () => assert.fail('a file over the limit was accepted'),
      (failure: unknown) => failure,
    );
    const { status, error: body } = tusFailure(error);
    assert.equal(status, 413);
    assert.equal(body.code, 'file_too_large');
  });

  test('a dossier draft over its total is refused with 413; other drafts are not affected; cancelling frees room', async () => {
    const draft = newDraftId();
    const file = 2 * MiB;
    const first = await create(backend.endpoint, file, metadataFor('1.pdf', PDF, { draft }));
    const second = await create(backend.endpoint, file, metadataFor('2.pdf', PDF, { draft }));
    assert.deepEqual([first.status, second.status], [201, 201]);
    const third = await create(backend.endpoint, file, metadataFor('3.pdf', PDF, { draft }));
    assert.equal(third.status, 413);
    assert.equal(third.error?.code, 'draft_too_large');
    assert.match(third.error!.message, /4 MiB of the 5 MiB/);
    // What still fits, fits.
    assert.equal((await create(backend.endpoint, 1 * MiB, metadataFor('nho.pdf', PDF, { draft }))).status, 201);
    assert.equal(
      (await create(backend.endpoint, file, metadataFor('khac.pdf', PDF))).status,
      201,
      'another draft has its own total',
    );
    await tusRequest(`${backend.url}${first.location}`, 'DELETE', draft);
    await new Promise((settled) => setTimeout(settled, 50));
    assert.equal((await create(backend.endpoint, file, metadataFor('3.pdf', PDF, { draft }))).status, 201);
  });

  test('a stranger who knows the draft id can neither fill its total nor learn what it holds', async () => {
    const draft = newDraftId();
    const own = await create(backend.endpoint, 2 * MiB, metadataFor('cua-toi.pdf', PDF, { draft }));
    assert.equal(own.status, 201);
    const stranger = { [UPLOAD_SECRET_HEADER]: newUploadSecret() };
    const headers = (length: number) => ({
      'Upload-Length': String(length),
      'Upload-Metadata': encodeMetadata({ ...metadataFor('la.pdf', PDF, { draft }) }),
      ...stranger,
    });
    const strangers = [
      await createRequest(backend.endpoint, headers(2 * MiB)),
      await createRequest(backend.endpoint, headers(2 * MiB)),
    ];
    assert.deepEqual(
      strangers.map((answer) => answer.status),
      [201, 201],
      'counted against their own secret',
    );
    const refused = await createRequest(backend.endpoint, headers(2 * MiB));
    assert.equal(refused.status, 413);
    assert.match(
      assertSchema(ApiError, await refused.json()).error.message,
      /already take 4 MiB/,
      "their own total, not the citizen's",
    );
    assert.equal(
      (await create(backend.endpoint, 2 * MiB, metadataFor('van-vua.pdf', PDF, { draft }))).status,
      201,
      "the citizen's room is intact",
    );
  });

  test('creations of one draft at the same moment cannot pass its total together', async () => {
    const draft = newDraftId();
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        create(backend.endpoint, 2 * MiB, metadataFor(`${i}.pdf`, PDF, { draft })).then((answer) => answer.status),
      ),
    );
    assert.deepEqual(statuses.sort(), [201, 201, 413, 413, 413, 413]);
  });

  test('an empty file is refused with 400 empty_file; a deferred length with 400 length_required', async () => {
    const empty = await create(backend.endpoint, 0, metadataFor('rong.pdf', PDF));
    assert.equal(empty.status, 400);
    assert.equal(empty.error?.code, 'empty_file');
    assert.match(empty.error!.message, /empty/);
    const deferred = await createRequest(backend.endpoint, {
      'Upload-Defer-Length': '1',
      'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
    });
    assert.equal(deferred.status, 400);
    assert.equal(assertSchema(ApiError, await deferred.json()).error.code, 'length_required');
  });

  test('a type that is not accepted is refused with 415 before anything is stored', async () => {
    const before = (await storedFileIds(backend.uploadDir)).length;
    for (const type of ['image/gif', 'application/x-msdownload', 'text/html', 'application/zip']) {
      const answer = await create(backend.endpoint, 1000, metadataFor('tep.bin', type));
      assert.equal(answer.status, 415, type);
      assert.equal(answer.error?.code, 'type_not_accepted');
      assert.match(answer.error!.message, new RegExp(`${type.replace('/', '\\/')}.*PDF, JPEG, PNG`));
    }
    assert.equal((await storedFileIds(backend.uploadDir)).length, before);
  });

  test('metadata missing or malformed is refused with 400, naming each key', async () => {
    const { draft: _omitted, ...withoutDraft } = metadataFor('a.pdf', PDF);
    const cases: [Record<string, string>, string[]][] = [
      [withoutDraft, ['draft']],
      [{ ...metadataFor('a.pdf', PDF), slot: 'Giấy chứng sinh', procedure: 'abc' }, ['procedure', 'slot']],
      [{ ...metadataFor('a.pdf', PDF), draft: 'short' }, ['draft']],
      [{ ...metadataFor('', PDF) }, ['filename']],
    ];
    for (const [metadata, keys] of cases) {
      const answer = await create(backend.endpoint, 1000, metadata);
      assert.equal(answer.status, 400);
      assert.equal(answer.error?.code, 'validation_failed');
      assert.deepEqual(answer.error?.details?.map((detail) => detail.path).sort(), keys);
      assert.ok(answer.error?.details?.every((detail) => /^must be /.test(detail.message)));
    }
  });

  test('an upload outside a dossier form (no procedure, no slot) is accepted', async () => {
    const { procedure: _procedure, slot: _slot, ...standalone } = metadataFor('don.pdf', PDF);
    const answer = await create(backend.endpoint, 1000, standalone);
    assert.equal(answer.status, 201);
  });
});
