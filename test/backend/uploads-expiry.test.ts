/**
 * Expiry of uploads: unattached ones older than the TTL are swept, files
 * and rows; a file a dossier took stays and is the agency's; a filing takes
 * only uploads stored in full and not being removed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../src/api/contract/index.js';
import { storedInFull, type UploadStore } from '../../demo/server/uploads/store.js';
import { sweepExpiredUploads } from '../../demo/server/uploads/sweep.js';
import { assertSchema } from './helpers.js';
import { markedUploadIds, PDF, useUploadBackend, storedFileIds, until, uploadRow } from './uploads-backend.js';
import {
  create,
  createRequest,
  encodeMetadata,
  head,
  idOf,
  metadataFor,
  newDraftId,
  samples,
  tusRequest,
  tusUpload,
} from './uploads-fixtures.js';

const backend = useUploadBackend();

describe('expiry', () => {
  test('unattached uploads older than the TTL are removed by the sweep, files and rows; attached ones stay', async () => {
    const draft = newDraftId();
    const complete = idOf(
      (await tusUpload(backend.endpoint, samples.pdf(), metadataFor('xong.pdf', PDF, { draft }))).url,
    );
    const partial = (await create(backend.endpoint, 5000, metadataFor('do-dang.pdf', PDF, { draft })))
      .location!.split('/')
      .at(-1)!;
    const attached = idOf(
      (await tusUpload(backend.endpoint, samples.pdf(), metadataFor('da-nop.pdf', PDF, { draft }))).url,
    );
    await backend.db.query("UPDATE uploads SET dossier_code = 'H99.01-261122-0001' WHERE id = $1", [attached]);
    const ids = [complete, partial, attached];
    const options = { db: backend.db, store: backend.store, ttlHours: 24, log: () => {} };
    const hours = (count: number) => new Date(Date.now() + count * 3_600_000);

    assert.equal(await sweepExpiredUploads(options, hours(23)), 0);
    for (const id of ids) assert.ok(await uploadRow(backend.db, id), 'nothing expires before its time');

    await sweepExpiredUploads(options, hours(25));
    for (const id of [complete, partial]) {
      assert.equal(await uploadRow(backend.db, id), undefined);
      assert.ok(!(await storedFileIds(backend.uploadDir)).includes(id));
      assert.equal((await head(`${backend.endpoint}/${id}`, draft)).status, 404);
    }
    assert.ok(await uploadRow(backend.db, attached), 'a file a dossier took stays');
    assert.ok((await storedFileIds(backend.uploadDir)).includes(attached));
  });

  test("a file a dossier took is the agency's: its own browser can no longer follow, extend or cancel it, and it stays", async () => {
    const metadata = metadataFor('da-nop.pdf', PDF);
    const { url } = await tusUpload(backend.endpoint, samples.pdf(), metadata);
    const id = idOf(url);
    await backend.db.query("UPDATE uploads SET dossier_code = 'H99.01-261122-0002' WHERE id = $1", [id]);
    const patch = {
      headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(10),
    };
    for (const [method, init] of [
      ['HEAD', {}],
      ['PATCH', patch],
      ['DELETE', {}],
    ] as const) {
      const response = await tusRequest(url, method, metadata.draft, init);
      assert.equal(response.status, 404, method);
      if (method !== 'HEAD')
        assert.equal(assertSchema(ApiError, await response.json(), 'refusal').error.code, 'upload_not_found');
    }
    assert.ok(await uploadRow(backend.db, id));
    assert.ok((await storedFileIds(backend.uploadDir)).includes(id));
  });

  test('for filing, an upload is stored in full only while complete and not expired', async () => {
    const { url } = await tusUpload(backend.endpoint, samples.pdf(), metadataFor('het-han.pdf', PDF));
    const partial = (await create(backend.endpoint, 5000, metadataFor('do-dang.pdf', PDF)))
      .location!.split('/')
      .at(-1)!;
    assert.equal(await storedInFull(backend.store)(idOf(url)), true);
    assert.equal(await storedInFull(backend.store)(partial), false);
    assert.equal(await storedInFull(backend.store)('AAAAAAAAAAAAAAAAAAAAAA'), false);
    const expiringAtOnce = Object.assign(Object.create(backend.store) as UploadStore, { getExpiration: () => 1 });
    await new Promise((settled) => setTimeout(settled, 5));
    assert.equal(await storedInFull(expiringAtOnce)(idOf(url)), false, 'past its expiry, the sweep may be removing it');
  });

  test('an upload the sweep is removing cannot be filed: it is marked before its file goes', async () => {
    const draft = newDraftId();
    const id = idOf(
      (await tusUpload(backend.endpoint, samples.pdf(), metadataFor('sap-het-han.pdf', PDF, { draft }))).url,
    );
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = Object.assign(Object.create(backend.store) as UploadStore, {
      remove: async (target: string) => {
        await held;
        return backend.store.remove(target);
      },
    });
    const later = new Date(Date.now() + 25 * 3_600_000);
    const sweeping = sweepExpiredUploads({ db: backend.db, store: slow, ttlHours: 24, log: () => {} }, later);
    await until(async () => (await markedUploadIds(backend.db)).includes(id));
    assert.ok(
      (await storedFileIds(backend.uploadDir)).includes(id),
      'the file is still there while the sweep is under way',
    );
    const claimed = await backend.db.query<{ id: string }>(
      "UPDATE uploads SET dossier_code = 'H99.01-261122-0003' WHERE id = $1 AND marked_for_removal_at IS NULL RETURNING id",
      [id],
    );
    assert.deepEqual(claimed, [], 'a filing, which takes only unmarked rows, finds nothing to take');
    assert.equal((await head(`${backend.endpoint}/${id}`, draft)).status, 404, 'nor can its browser resume it');
    release();
    await sweeping;
    assert.equal(await uploadRow(backend.db, id), undefined);
  });

  test('a cancellation whose file could not be removed is finished by a later sweep', async () => {
    const draft = newDraftId();
    const id = idOf(
      (await tusUpload(backend.endpoint, samples.pdf(), metadataFor('huy-do-dang.pdf', PDF, { draft }))).url,
    );
    // The state a crash between the mark and the removal leaves behind.
    await backend.db.query("UPDATE uploads SET marked_for_removal_at = now() - interval '1 hour' WHERE id = $1", [id]);
    assert.equal((await head(`${backend.endpoint}/${id}`, draft)).status, 404);
    await sweepExpiredUploads({ db: backend.db, store: backend.store, ttlHours: 24, log: () => {} });
    assert.equal(await uploadRow(backend.db, id), undefined);
    assert.ok(!(await storedFileIds(backend.uploadDir)).includes(id));
  });

  test('a file the store cannot remove keeps its row for the next sweep', async () => {
    const id = idOf((await tusUpload(backend.endpoint, samples.pdf(), metadataFor('ket.pdf', PDF))).url);
    const logs: string[] = [];
    const failing = Object.assign(Object.create(backend.store) as UploadStore, {
      remove: async (target: string) => {
        if (target === id) throw new Error('S3 is down');
        return backend.store.remove(target);
      },
    });
    const later = new Date(Date.now() + 25 * 3_600_000);
    await sweepExpiredUploads({ db: backend.db, store: failing, ttlHours: 24, log: (line) => logs.push(line) }, later);
    assert.ok(await uploadRow(backend.db, id));
    assert.match(logs.join('\n'), /could not remove an upload.*S3 is down/);
    assert.ok(!logs.join('\n').includes(id), 'the log never names the upload');
    await sweepExpiredUploads({ db: backend.db, store: backend.store, ttlHours: 24, log: () => {} }, later);
    assert.equal(await uploadRow(backend.db, id), undefined);
  });

  test('creation announces the expiry (Upload-Expires, 24 h on)', async () => {
    const response = await createRequest(backend.endpoint, {
      'Upload-Length': '100',
      'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
    });
    const expires = Date.parse(response.headers.get('upload-expires') ?? '');
    assert.ok(
      Math.abs(expires - (Date.now() + 24 * 3_600_000)) < 5000,
      response.headers.get('upload-expires') ?? 'no Upload-Expires',
    );
  });
});
