/**
 * The tus upload endpoint of the reference backend, end to end: files sent
 * with tus-js-client (as the widget will) land byte for byte; limits, empty
 * files, wrong types and disguised executables are refused with a clear
 * contract error; names are sanitised; ids are unguessable; expired uploads
 * are swept; CORS lets a widget on another site use it all.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type * as tus from 'tus-js-client';
import { ApiError, UPLOAD_SECRET_HEADER, UploadId } from '../../src/api/contract/index.js';
import { readUploadConfig } from '../../demo/server/uploads/config.js';
import { createUploadStore, storedInFull, type UploadStore } from '../../demo/server/uploads/store.js';
import { sweepExpiredUploads } from '../../demo/server/uploads/sweep.js';
import { API, assertSchema, startTestBackend, type TestBackend } from './helpers.js';
import {
  create,
  createRequest,
  encodeMetadata,
  head,
  idOf,
  KiB,
  metadataFor,
  MiB,
  newDraftId,
  newUploadSecret,
  samples,
  secretHeader,
  sha256,
  storedBytes,
  tusFailure,
  tusRequest,
  tusUpload,
} from './uploads-fixtures.js';

const ALLOWED = 'https://xa-minh-hoa.example';
const OTHER = 'https://evil.example';
const PDF = 'application/pdf';

interface UploadRowView {
  file_name: string;
  file_type: string;
  size: number;
  procedure_code: string;
  slot: string;
  draft: string;
}

let backend: TestBackend;
let store: UploadStore;
let uploadDir: string;
let endpoint: string;
let root: string;

/** Small limits, so the limit tests send little: 2 MiB per file, 5 MiB per draft. */
const limits = { maxFileBytes: 2 * MiB, maxDraftBytes: 5 * MiB, ttlHours: 24 };

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'dvc-uploads-'));
  const config = readUploadConfig(
    {
      UPLOAD_MAX_FILE_BYTES: String(limits.maxFileBytes),
      UPLOAD_MAX_DRAFT_BYTES: String(limits.maxDraftBytes),
    },
    root,
  );
  uploadDir = join(root, 'uploads');
  store = await createUploadStore(config);
  backend = await startTestBackend({ corsOrigins: [ALLOWED], uploads: { store, limits: config.limits } });
  endpoint = `${backend.url}${API}/uploads`;
});
after(async () => {
  await backend.close();
  await rm(root, { recursive: true, force: true });
});

const rowOf = async (id: string): Promise<UploadRowView | undefined> =>
  (await backend.db.query<UploadRowView>('SELECT *, size::float8 AS size FROM uploads WHERE id = $1', [id]))[0];

const markedIds = async (): Promise<string[]> =>
  (await backend.db.query<{ id: string }>('SELECT id FROM uploads WHERE marked_for_removal_at IS NOT NULL')).map(
    (row) => row.id,
  );

/** Waits until `condition` holds (checked every 10 ms, for at most 5 s). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    if (await condition()) return;
    await new Promise((settled) => setTimeout(settled, 10));
  }
  assert.fail('the condition never held');
}

const storedIds = async (): Promise<string[]> => (await readdir(uploadDir)).filter((name) => !name.endsWith('.json'));

describe('uploading with tus-js-client', () => {
  const kinds: [string, string, Buffer][] = [
    ['giay-chung-sinh.pdf', PDF, samples.pdf(300 * KiB)],
    ['anh-chup.png', 'image/png', samples.png(200, 200)],
    ['anh-chup.jpg', 'image/jpeg', samples.jpeg()],
    ['IMG_0001.HEIC', 'image/heic', samples.heic()],
    ['to-khai.doc', 'application/msword', samples.doc()],
    ['to-khai.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', samples.docx()],
    ['to-khai.odt', 'application/vnd.oasis.opendocument.text', samples.odt()],
  ];
  for (const [name, type, data] of kinds) {
    test(`${name} (${type}) is stored byte for byte and recorded`, async () => {
      const metadata = metadataFor(name, type);
      const { url } = await tusUpload(endpoint, data, metadata);
      const id = idOf(url);
      assert.equal(sha256(await storedBytes(uploadDir, id)), sha256(data));
      const answer = await head(url, metadata.draft);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('upload-offset'), String(data.length));
      assert.equal(answer.headers.get('upload-length'), String(data.length));
      assert.equal(
        answer.headers.get('upload-metadata'),
        null,
        'the name and draft id the client sent are not repeated',
      );
      const row = await rowOf(id);
      assert.ok(row, 'a row is recorded');
      assert.deepEqual(
        {
          name: row.file_name,
          type: row.file_type,
          size: row.size,
          procedure: row.procedure_code,
          slot: row.slot,
          draft: row.draft,
        },
        { name, type, size: data.length, procedure: metadata.procedure, slot: metadata.slot, draft: metadata.draft },
      );
    });
  }

  test('in 256 KiB chunks: one PATCH per chunk, the same bytes', async () => {
    const data = samples.pdf(1.5 * MiB + 1000);
    const { url, chunks } = await tusUpload(endpoint, data, metadataFor('scan.pdf', PDF), { chunkSize: 256 * KiB });
    assert.deepEqual(chunks, [...Array(6).fill(256 * KiB), 1000]);
    assert.equal(sha256(await storedBytes(uploadDir, idOf(url))), sha256(data));
  });

  test('the same file twice makes two uploads', async () => {
    const data = samples.pdf();
    const metadata = metadataFor('giay-chung-sinh.pdf', PDF);
    const first = idOf((await tusUpload(endpoint, data, metadata)).url);
    const second = idOf((await tusUpload(endpoint, data, metadata)).url);
    assert.notEqual(first, second);
    assert.deepEqual(await storedBytes(uploadDir, first), await storedBytes(uploadDir, second));
    assert.ok((await rowOf(first)) && (await rowOf(second)));
  });

  test('ids are 22 base64url characters (128 random bits), all different; Location is a path', async () => {
    const draft = newDraftId();
    const locations: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { status, location } = await create(endpoint, 100, metadataFor(`f${i}.pdf`, PDF, { draft }));
      assert.equal(status, 201);
      locations.push(location!);
    }
    for (const location of locations) assert.match(location, /^\/api\/v1\/uploads\/[A-Za-z0-9_-]{22}$/);
    const ids = locations.map((location) => location.split('/').at(-1)!);
    assert.ok(ids.every((id) => UploadId.safeParse(id).success));
    assert.equal(new Set(ids).size, ids.length);
  });

  test('a cancelled upload (DELETE) is removed, row and file', async () => {
    const { draft } = metadataFor('huy.pdf', PDF);
    const { url } = await tusUpload(endpoint, samples.pdf(300 * KiB), metadataFor('huy.pdf', PDF, { draft }));
    const id = idOf(url);
    assert.ok((await storedIds()).includes(id));
    const response = await tusRequest(url, 'DELETE', draft);
    assert.equal(response.status, 204);
    assert.equal((await head(url, draft)).status, 404);
    assert.ok(
      !(await readdir(uploadDir)).some((name) => name.startsWith(id)),
      "neither the bytes nor tus's record are left",
    );
    // The event that forgets the row runs just after the answer.
    await new Promise((settled) => setTimeout(settled, 50));
    assert.equal(await rowOf(id), undefined);
  });

  test('an upload created without bytes has no file yet but is an upload at offset 0, and can be cancelled', async () => {
    const metadata = metadataFor('trong.pdf', PDF);
    const { location } = await create(endpoint, 1000, metadata);
    const url = `${backend.url}${location}`;
    const created = await head(url, metadata.draft);
    assert.deepEqual(
      [created.status, created.headers.get('upload-offset'), created.headers.get('upload-length')],
      [200, '0', '1000'],
    );
    assert.equal((await tusRequest(url, 'DELETE', metadata.draft)).status, 204);
    assert.equal((await head(url, metadata.draft)).status, 404);
  });
});

describe('privacy: an upload id alone opens nothing', () => {
  const PATCH_INIT = {
    headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
    body: new Uint8Array(samples.pdf(10)),
  };

  test('the endpoint never sends a file back: 1,000 GETs of a finished upload are refused with 405, and the server goes on', async () => {
    const metadata = metadataFor('giay-chung-sinh.pdf', PDF);
    const { url } = await tusUpload(endpoint, samples.pdf(), metadata);
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
    const { url } = await tusUpload(endpoint, samples.pdf(), metadata);
    const unknown = await (await tusRequest(`${endpoint}/AAAAAAAAAAAAAAAAAAAAAA`, 'DELETE', metadata.draft)).text();
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
    const before = await storedIds();
    for (const secret of [undefined, 'short', `${newUploadSecret()}!`]) {
      const response = await fetch(endpoint, {
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
    assert.deepEqual(await storedIds(), before);
  });

  test('no answer of the endpoint may be cached: creation, HEAD, PATCH, refusals and the 405', async () => {
    const metadata = metadataFor('a.pdf', PDF);
    const created = await createRequest(endpoint, {
      'Upload-Length': '100',
      'Upload-Metadata': encodeMetadata({ ...metadata }),
      ...secretHeader(metadata.draft),
    });
    const url = `${backend.url}${created.headers.get('location')}`;
    const answers = [
      created,
      await head(url, metadata.draft),
      await tusRequest(url, 'PATCH', metadata.draft, PATCH_INIT),
      await head(`${endpoint}/AAAAAAAAAAAAAAAAAAAAAA`, metadata.draft),
      await createRequest(endpoint, { 'Upload-Length': '0' }),
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
    const response = await createRequest(endpoint, {
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
    const { url } = await tusUpload(endpoint, samples.pdf(300 * KiB), metadata, { chunkSize: 100 * KiB });
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
  const refusedUpload = () => tusUpload(endpoint, samples.exe(), metadataFor('x.pdf', PDF)).catch(() => undefined);
});

describe('limits', () => {
  test('a file over the per-file limit is refused at creation with 413, naming the limit', async () => {
    const over = await create(endpoint, limits.maxFileBytes + 1, metadataFor('lon.pdf', PDF));
    assert.equal(over.status, 413);
    assert.equal(over.error?.code, 'file_too_large');
    assert.match(over.error!.message, /2 MiB/);
    const exactly = await create(endpoint, limits.maxFileBytes, metadataFor('vua.pdf', PDF));
    assert.equal(exactly.status, 201);
  });

  test('tus-js-client sees the 413 and the contract error', async () => {
    const error = await tusUpload(endpoint, samples.pdf(limits.maxFileBytes + 10), metadataFor('lon.pdf', PDF)).then(
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
    const first = await create(endpoint, file, metadataFor('1.pdf', PDF, { draft }));
    const second = await create(endpoint, file, metadataFor('2.pdf', PDF, { draft }));
    assert.deepEqual([first.status, second.status], [201, 201]);
    const third = await create(endpoint, file, metadataFor('3.pdf', PDF, { draft }));
    assert.equal(third.status, 413);
    assert.equal(third.error?.code, 'draft_too_large');
    assert.match(third.error!.message, /4 MiB of the 5 MiB/);
    // What still fits, fits.
    assert.equal((await create(endpoint, 1 * MiB, metadataFor('nho.pdf', PDF, { draft }))).status, 201);
    assert.equal(
      (await create(endpoint, file, metadataFor('khac.pdf', PDF))).status,
      201,
      'another draft has its own total',
    );
    await tusRequest(`${backend.url}${first.location}`, 'DELETE', draft);
    await new Promise((settled) => setTimeout(settled, 50));
    assert.equal((await create(endpoint, file, metadataFor('3.pdf', PDF, { draft }))).status, 201);
  });

  test('a stranger who knows the draft id can neither fill its total nor learn what it holds', async () => {
    const draft = newDraftId();
    const own = await create(endpoint, 2 * MiB, metadataFor('cua-toi.pdf', PDF, { draft }));
    assert.equal(own.status, 201);
    const stranger = { [UPLOAD_SECRET_HEADER]: newUploadSecret() };
    const headers = (length: number) => ({
      'Upload-Length': String(length),
      'Upload-Metadata': encodeMetadata({ ...metadataFor('la.pdf', PDF, { draft }) }),
      ...stranger,
    });
    const strangers = [
      await createRequest(endpoint, headers(2 * MiB)),
      await createRequest(endpoint, headers(2 * MiB)),
    ];
    assert.deepEqual(
      strangers.map((answer) => answer.status),
      [201, 201],
      'counted against their own secret',
    );
    const refused = await createRequest(endpoint, headers(2 * MiB));
    assert.equal(refused.status, 413);
    assert.match(
      assertSchema(ApiError, await refused.json()).error.message,
      /already take 4 MiB/,
      "their own total, not the citizen's",
    );
    assert.equal(
      (await create(endpoint, 2 * MiB, metadataFor('van-vua.pdf', PDF, { draft }))).status,
      201,
      "the citizen's room is intact",
    );
  });

  test('creations of one draft at the same moment cannot pass its total together', async () => {
    const draft = newDraftId();
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        create(endpoint, 2 * MiB, metadataFor(`${i}.pdf`, PDF, { draft })).then((answer) => answer.status),
      ),
    );
    assert.deepEqual(statuses.sort(), [201, 201, 413, 413, 413, 413]);
  });

  test('an empty file is refused with 400 empty_file; a deferred length with 400 length_required', async () => {
    const empty = await create(endpoint, 0, metadataFor('rong.pdf', PDF));
    assert.equal(empty.status, 400);
    assert.equal(empty.error?.code, 'empty_file');
    assert.match(empty.error!.message, /empty/);
    const deferred = await createRequest(endpoint, {
      'Upload-Defer-Length': '1',
      'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
    });
    assert.equal(deferred.status, 400);
    assert.equal(assertSchema(ApiError, await deferred.json()).error.code, 'length_required');
  });

  test('a type that is not accepted is refused with 415 before anything is stored', async () => {
    const before = (await storedIds()).length;
    for (const type of ['image/gif', 'application/x-msdownload', 'text/html', 'application/zip']) {
      const answer = await create(endpoint, 1000, metadataFor('tep.bin', type));
      assert.equal(answer.status, 415, type);
      assert.equal(answer.error?.code, 'type_not_accepted');
      assert.match(answer.error!.message, new RegExp(`${type.replace('/', '\\/')}.*PDF, JPEG, PNG`));
    }
    assert.equal((await storedIds()).length, before);
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
      const answer = await create(endpoint, 1000, metadata);
      assert.equal(answer.status, 400);
      assert.equal(answer.error?.code, 'validation_failed');
      assert.deepEqual(answer.error?.details?.map((detail) => detail.path).sort(), keys);
      assert.ok(answer.error?.details?.every((detail) => /^must be /.test(detail.message)));
    }
  });

  test('an upload outside a dossier form (no procedure, no slot) is accepted', async () => {
    const { procedure: _procedure, slot: _slot, ...standalone } = metadataFor('don.pdf', PDF);
    const answer = await create(endpoint, 1000, standalone);
    assert.equal(answer.status, 201);
  });
});

describe('content check on the first bytes', () => {
  /** Uploads and expects the refusal; returns the upload's id, the error and the chunks stored before it. */
  async function refused(data: Buffer, name: string, type: string, options: Partial<tus.UploadOptions> = {}) {
    let url = '';
    let stored = 0;
    const metadata = metadataFor(name, type);
    const failure = await tusUpload(endpoint, data, metadata, {
      chunkSize: 16 * KiB,
      onAfterResponse: (request) => {
        url ||= request.getURL().includes('/uploads/') ? request.getURL() : '';
      },
      onChunkComplete: () => (stored += 1),
      ...options,
    }).then(
      () => assert.fail(`${name} was accepted`),
      (error: unknown) => error,
    );
    return { id: idOf(url), draft: metadata.draft, stored, ...tusFailure(failure) };
  }

  test('an executable renamed .pdf is refused with 415 on its first chunk, and removed', async () => {
    const { id, draft, stored, status, error } = await refused(samples.exe(MiB), 'giay-chung-sinh.pdf', PDF, {
      chunkSize: 256 * KiB,
    });
    assert.equal(status, 415);
    assert.equal(stored, 0, 'refused on the first chunk: the other three were never sent');
    assert.equal(error.code, 'content_mismatch');
    assert.match(
      error.message,
      /"giay-chung-sinh\.pdf" was declared as PDF but its content is not a file type we accept/,
    );
    assert.equal((await head(`${endpoint}/${id}`, draft)).status, 404);
    assert.ok(!(await storedIds()).includes(id), 'the bytes are deleted');
    assert.equal(await rowOf(id), undefined, 'the row is deleted');
  });

  test('sent with the creation request, as the widget sends its first chunk, it is refused by that request', async () => {
    const storedBefore = await readdir(uploadDir);
    let created = '';
    const failure = await tusUpload(endpoint, samples.exe(MiB), metadataFor('to-khai.pdf', PDF), {
      uploadDataDuringCreation: true,
      chunkSize: 512 * KiB,
      onAfterResponse: (_request, response) => {
        created ||= response.getHeader('Location') ?? '';
      },
    }).then(
      () => assert.fail('accepted'),
      (error: unknown) => error,
    );
    const { status, error } = tusFailure(failure);
    assert.equal(status, 415);
    assert.equal(error.code, 'content_mismatch');
    assert.equal(created, '', 'no upload address was given');
    assert.deepEqual(await readdir(uploadDir), storedBefore, 'nothing is left in the store, bytes or record');
  });

  test('a refusal arrives while the client is still sending, on a connection that stays usable', async () => {
    const exe = samples.exe(limits.maxFileBytes);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, headers: Record<string, string>, body?: Buffer) =>
      new Promise<{ status: number; text: string; reused: boolean }>((done, fail) => {
        const outgoing = request(
          endpoint,
          { method, agent, headers: { 'Tus-Resumable': '1.0.0', ...headers } },
          (answer) => {
            let text = '';
            answer.on('data', (piece: Buffer) => (text += piece));
            answer.on('end', () => done({ status: answer.statusCode!, text, reused: outgoing.reusedSocket }));
          },
        );
        outgoing.on('error', fail);
        outgoing.end(body);
      });
    const refused = await send(
      'POST',
      {
        'Upload-Length': String(exe.length),
        'Upload-Metadata': encodeMetadata(metadataFor('lon.pdf', PDF)),
        [UPLOAD_SECRET_HEADER]: newUploadSecret(),
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(exe.length),
      },
      exe,
    );
    assert.equal(refused.status, 415);
    assert.equal(JSON.parse(refused.text).error.code, 'content_mismatch');
    // The server read the rest of the body instead of closing on it: the next request goes on the same connection.
    const next = await send('OPTIONS', {});
    assert.deepEqual([next.status, next.reused], [204, true]);
    agent.destroy();
  });

  test('in chunks smaller than the head, the check waits for the head: a PDF goes through, an executable stops there', async () => {
    const pdf = samples.pdf(20 * KiB);
    const { url, chunks } = await tusUpload(endpoint, pdf, metadataFor('nho.pdf', PDF), { chunkSize: KiB });
    assert.equal(chunks.length, 20);
    assert.equal(sha256(await storedBytes(uploadDir, idOf(url))), sha256(pdf));
    // Chunks 1 to 3 lie inside the first 4 KiB and are kept; the 4th completes them, with the stored 3 KiB read back.
    const { id, draft, stored, status } = await refused(samples.exe(20 * KiB), 'nho.pdf', PDF, { chunkSize: KiB });
    assert.deepEqual({ stored, status }, { stored: 3, status: 415 });
    assert.equal((await head(`${endpoint}/${id}`, draft)).status, 404);
    assert.equal(await rowOf(id), undefined);
  });

  test('a PNG declared as a PDF is refused, saying what it is', async () => {
    const { status, error } = await refused(samples.png(), 'scan.pdf', PDF);
    assert.equal(status, 415);
    assert.match(error.message, /declared as PDF but its content is a PNG file/);
  });

  test('a DOCX declared as ODT and a PDF declared as JPEG are refused too', async () => {
    assert.equal((await refused(samples.docx(), 'a.odt', 'application/vnd.oasis.opendocument.text')).status, 415);
    assert.equal((await refused(samples.pdf(), 'a.jpg', 'image/jpeg')).status, 415);
  });
});

describe('file names', () => {
  test('are stored sanitised: no path, no control characters, NFC, at most 255 bytes, the right extension', async () => {
    const cases: [sent: string, stored: string][] = [
      ['../../../etc/passwd.pdf', 'passwd.pdf'],
      ['..\\..\\boot.ini\\giay.pdf', 'giay.pdf'],
      ['giay\u0000chung\u001bsinh\n.pdf', 'giaychungsinh.pdf'],
      ['Giấy khai sinh của bé Ngọc Ánh.pdf'.normalize('NFD'), 'Giấy khai sinh của bé Ngọc Ánh.pdf'],
      ['virus.exe', 'virus.exe.pdf'],
    ];
    for (const [sent, stored] of cases) {
      const { url } = await tusUpload(endpoint, samples.pdf(), metadataFor(sent, PDF));
      const name = (await rowOf(idOf(url)))?.file_name;
      assert.equal(name, stored, JSON.stringify(sent));
      // Never a path on disk: the file is named by the id alone.
      assert.ok((await storedIds()).includes(idOf(url)));
    }
  });

  test('a 300-character name keeps its extension within 255 bytes, in ASCII and in Vietnamese NFD', async () => {
    const stored = async (sent: string) => {
      const { url } = await tusUpload(endpoint, samples.png(), metadataFor(sent, 'image/png'));
      return (await rowOf(idOf(url)))!.file_name;
    };
    const ascii = await stored(`${'a'.repeat(296)}.png`);
    assert.equal(Buffer.byteLength(ascii), 255);
    assert.ok(ascii.endsWith('a.png'));
    const long = 'Đăng ký '.repeat(37);
    const vietnamese = await stored(`${long}.png`.normalize('NFD'));
    assert.ok(
      Buffer.byteLength(vietnamese) <= 255 && Buffer.byteLength(vietnamese) > 240,
      `${Buffer.byteLength(vietnamese)} bytes`,
    );
    assert.ok(vietnamese.endsWith('.png'));
    assert.ok(long.startsWith(vietnamese.slice(0, -'.png'.length)), 'an NFC prefix of the name, whole letters only');
  });
});

describe('expiry', () => {
  test('unattached uploads older than the TTL are removed by the sweep, files and rows; attached ones stay', async () => {
    const draft = newDraftId();
    const complete = idOf((await tusUpload(endpoint, samples.pdf(), metadataFor('xong.pdf', PDF, { draft }))).url);
    const partial = (await create(endpoint, 5000, metadataFor('do-dang.pdf', PDF, { draft })))
      .location!.split('/')
      .at(-1)!;
    const attached = idOf((await tusUpload(endpoint, samples.pdf(), metadataFor('da-nop.pdf', PDF, { draft }))).url);
    await backend.db.query("UPDATE uploads SET dossier_code = 'H99.01-261122-0001' WHERE id = $1", [attached]);
    const ids = [complete, partial, attached];
    const options = { db: backend.db, store, ttlHours: 24, log: () => {} };
    const hours = (count: number) => new Date(Date.now() + count * 3_600_000);

    assert.equal(await sweepExpiredUploads(options, hours(23)), 0);
    for (const id of ids) assert.ok(await rowOf(id), 'nothing expires before its time');

    await sweepExpiredUploads(options, hours(25));
    for (const id of [complete, partial]) {
      assert.equal(await rowOf(id), undefined);
      assert.ok(!(await storedIds()).includes(id));
      assert.equal((await head(`${endpoint}/${id}`, draft)).status, 404);
    }
    assert.ok(await rowOf(attached), 'a file a dossier took stays');
    assert.ok((await storedIds()).includes(attached));
  });

  test("a file a dossier took is the agency's: its own browser can no longer follow, extend or cancel it, and it stays", async () => {
    const metadata = metadataFor('da-nop.pdf', PDF);
    const { url } = await tusUpload(endpoint, samples.pdf(), metadata);
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
    assert.ok(await rowOf(id));
    assert.ok((await storedIds()).includes(id));
  });

  test('for filing, an upload is stored in full only while complete and not expired', async () => {
    const { url } = await tusUpload(endpoint, samples.pdf(), metadataFor('het-han.pdf', PDF));
    const partial = (await create(endpoint, 5000, metadataFor('do-dang.pdf', PDF))).location!.split('/').at(-1)!;
    assert.equal(await storedInFull(store)(idOf(url)), true);
    assert.equal(await storedInFull(store)(partial), false);
    assert.equal(await storedInFull(store)('AAAAAAAAAAAAAAAAAAAAAA'), false);
    const expiringAtOnce = Object.assign(Object.create(store) as UploadStore, { getExpiration: () => 1 });
    await new Promise((settled) => setTimeout(settled, 5));
    assert.equal(await storedInFull(expiringAtOnce)(idOf(url)), false, 'past its expiry, the sweep may be removing it');
  });

  test('an upload the sweep is removing cannot be filed: it is marked before its file goes', async () => {
    const draft = newDraftId();
    const id = idOf((await tusUpload(endpoint, samples.pdf(), metadataFor('sap-het-han.pdf', PDF, { draft }))).url);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = Object.assign(Object.create(store) as UploadStore, {
      remove: async (target: string) => {
        await held;
        return store.remove(target);
      },
    });
    const later = new Date(Date.now() + 25 * 3_600_000);
    const sweeping = sweepExpiredUploads({ db: backend.db, store: slow, ttlHours: 24, log: () => {} }, later);
    await until(async () => (await markedIds()).includes(id));
    assert.ok((await storedIds()).includes(id), 'the file is still there while the sweep is under way');
    const claimed = await backend.db.query<{ id: string }>(
      "UPDATE uploads SET dossier_code = 'H99.01-261122-0003' WHERE id = $1 AND marked_for_removal_at IS NULL RETURNING id",
      [id],
    );
    assert.deepEqual(claimed, [], 'a filing, which takes only unmarked rows, finds nothing to take');
    assert.equal((await head(`${endpoint}/${id}`, draft)).status, 404, 'nor can its browser resume it');
    release();
    await sweeping;
    assert.equal(await rowOf(id), undefined);
  });

  test('a cancellation whose file could not be removed is finished by a later sweep', async () => {
    const draft = newDraftId();
    const id = idOf((await tusUpload(endpoint, samples.pdf(), metadataFor('huy-do-dang.pdf', PDF, { draft }))).url);
    // The state a crash between the mark and the removal leaves behind.
    await backend.db.query("UPDATE uploads SET marked_for_removal_at = now() - interval '1 hour' WHERE id = $1", [id]);
    assert.equal((await head(`${endpoint}/${id}`, draft)).status, 404);
    await sweepExpiredUploads({ db: backend.db, store, ttlHours: 24, log: () => {} });
    assert.equal(await rowOf(id), undefined);
    assert.ok(!(await storedIds()).includes(id));
  });

  test('a file the store cannot remove keeps its row for the next sweep', async () => {
    const id = idOf((await tusUpload(endpoint, samples.pdf(), metadataFor('ket.pdf', PDF))).url);
    const logs: string[] = [];
    const failing = Object.assign(Object.create(store) as UploadStore, {
      remove: async (target: string) => {
        if (target === id) throw new Error('S3 is down');
        return store.remove(target);
      },
    });
    const later = new Date(Date.now() + 25 * 3_600_000);
    await sweepExpiredUploads({ db: backend.db, store: failing, ttlHours: 24, log: (line) => logs.push(line) }, later);
    assert.ok(await rowOf(id));
    assert.match(logs.join('\n'), /could not remove an upload.*S3 is down/);
    assert.ok(!logs.join('\n').includes(id), 'the log never names the upload');
    await sweepExpiredUploads({ db: backend.db, store, ttlHours: 24, log: () => {} }, later);
    assert.equal(await rowOf(id), undefined);
  });

  test('creation announces the expiry (Upload-Expires, 24 h on)', async () => {
    const response = await createRequest(endpoint, {
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
    for (const url of [endpoint, `${endpoint}/AAAAAAAAAAAAAAAAAAAAAA`]) {
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
    const response = await createRequest(endpoint, {
      Origin: ALLOWED,
      'Upload-Length': '100',
      'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
    });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(response.headers.get('access-control-expose-headers'), EXPOSED);
    assert.equal(response.headers.get('vary'), 'Origin');
    const refused = await createRequest(endpoint, {
      Origin: ALLOWED,
      'Upload-Length': '0',
      'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.headers.get('access-control-allow-origin'), ALLOWED, 'a widget can read why it was refused');
  });

  test('a disallowed origin, and a request without Origin, get no CORS header at all', async () => {
    for (const headers of [{ Origin: OTHER }, {}] as Record<string, string>[]) {
      const response = await createRequest(endpoint, {
        ...headers,
        'Upload-Length': '100',
        'Upload-Metadata': encodeMetadata({ ...metadataFor('a.pdf', PDF) }),
      });
      assert.equal(response.status, 201);
      assert.deepEqual(corsHeaders(response), []);
    }
    const preflight = await fetch(endpoint, {
      method: 'OPTIONS',
      headers: { Origin: OTHER, 'Access-Control-Request-Method': 'POST' },
    });
    assert.deepEqual(corsHeaders(preflight), []);
  });

  test('a plain OPTIONS reaches tus: version, extensions and the maximum size', async () => {
    const response = await fetch(endpoint, { method: 'OPTIONS', headers: { Origin: ALLOWED } });
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
      await fetch(endpoint, { method: 'POST', headers: { 'Upload-Length': '10' } }),
      412,
      'invalid_upload_request',
    );
  });

  test('unknown and malformed ids: 404 upload_not_found', async () => {
    const draft = newDraftId();
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '..%2F..%2Fpglite', '..%5C..%5Cpglite', 'short']) {
      // HEAD, as a resuming client asks; DELETE, to read the body too.
      assert.equal((await head(`${endpoint}/${id}`, draft)).status, 404, id);
      await expectError(await tusRequest(`${endpoint}/${id}`, 'DELETE', draft), 404, 'upload_not_found');
    }
  });

  test('PATCH at the wrong offset: 409 upload_offset_conflict', async () => {
    const metadata = metadataFor('a.pdf', PDF);
    const { location } = await create(endpoint, 100, metadata);
    const response = await tusRequest(`${backend.url}${location}`, 'PATCH', metadata.draft, {
      headers: { 'Upload-Offset': '50', 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(10),
    });
    await expectError(response, 409, 'upload_offset_conflict');
  });

  test('malformed Upload-Metadata: 400 invalid_upload_request', async () => {
    await expectError(
      await createRequest(endpoint, { 'Upload-Length': '10', 'Upload-Metadata': 'filename' + ' x'.repeat(3) }),
      400,
      'invalid_upload_request',
    );
  });

  test('deeper paths are not the upload endpoint: 404 not_found', async () => {
    await expectError(await fetch(`${endpoint}/AAAAAAAAAAAAAAAAAAAAAA/extra`), 404, 'not_found');
  });
});
