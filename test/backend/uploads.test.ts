/**
 * The tus upload endpoint of the reference backend, end to end: files sent
 * with tus-js-client (as the widget will) land byte for byte, in one request
 * or in chunks, with unguessable ids; cancelling removes them; names are
 * stored sanitised. The other themes have files of their own: privacy,
 * limits, the content check, expiry, and the protocol (tus conformance, CORS).
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { UploadId } from '../../src/api/contract/index.js';
import { PDF, useUploadBackend, storedFileIds, uploadRow } from './uploads-backend.js';
import {
  create,
  head,
  idOf,
  KiB,
  metadataFor,
  MiB,
  newDraftId,
  samples,
  sha256,
  storedBytes,
  tusRequest,
  tusUpload,
} from './uploads-fixtures.js';

const backend = useUploadBackend();

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
      const { url } = await tusUpload(backend.endpoint, data, metadata);
      const id = idOf(url);
      assert.equal(sha256(await storedBytes(backend.uploadDir, id)), sha256(data));
      const answer = await head(url, metadata.draft);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('upload-offset'), String(data.length));
      assert.equal(answer.headers.get('upload-length'), String(data.length));
      assert.equal(
        answer.headers.get('upload-metadata'),
        null,
        'the name and draft id the client sent are not repeated',
      );
      const row = await uploadRow(backend.db, id);
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
    const { url, chunks } = await tusUpload(backend.endpoint, data, metadataFor('scan.pdf', PDF), {
      chunkSize: 256 * KiB,
    });
    assert.deepEqual(chunks, [...Array(6).fill(256 * KiB), 1000]);
    assert.equal(sha256(await storedBytes(backend.uploadDir, idOf(url))), sha256(data));
  });

  test('the same file twice makes two uploads', async () => {
    const data = samples.pdf();
    const metadata = metadataFor('giay-chung-sinh.pdf', PDF);
    const first = idOf((await tusUpload(backend.endpoint, data, metadata)).url);
    const second = idOf((await tusUpload(backend.endpoint, data, metadata)).url);
    assert.notEqual(first, second);
    assert.deepEqual(await storedBytes(backend.uploadDir, first), await storedBytes(backend.uploadDir, second));
    assert.ok((await uploadRow(backend.db, first)) && (await uploadRow(backend.db, second)));
  });

  test('ids are 22 base64url characters (128 random bits), all different; Location is a path', async () => {
    const draft = newDraftId();
    const locations: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { status, location } = await create(backend.endpoint, 100, metadataFor(`f${i}.pdf`, PDF, { draft }));
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
    const { url } = await tusUpload(backend.endpoint, samples.pdf(300 * KiB), metadataFor('huy.pdf', PDF, { draft }));
    const id = idOf(url);
    assert.ok((await storedFileIds(backend.uploadDir)).includes(id));
    const response = await tusRequest(url, 'DELETE', draft);
    assert.equal(response.status, 204);
    assert.equal((await head(url, draft)).status, 404);
    assert.ok(
      !(await readdir(backend.uploadDir)).some((name) => name.startsWith(id)),
      "neither the bytes nor tus's record are left",
    );
    // The event that forgets the row runs just after the answer.
    await new Promise((settled) => setTimeout(settled, 50));
    assert.equal(await uploadRow(backend.db, id), undefined);
  });

  test('an upload created without bytes has no file yet but is an upload at offset 0, and can be cancelled', async () => {
    const metadata = metadataFor('trong.pdf', PDF);
    const { location } = await create(backend.endpoint, 1000, metadata);
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
      const { url } = await tusUpload(backend.endpoint, samples.pdf(), metadataFor(sent, PDF));
      const name = (await uploadRow(backend.db, idOf(url)))?.file_name;
      assert.equal(name, stored, JSON.stringify(sent));
      // Never a path on disk: the file is named by the id alone.
      assert.ok((await storedFileIds(backend.uploadDir)).includes(idOf(url)));
    }
  });

  test('a 300-character name keeps its extension within 255 bytes, in ASCII and in Vietnamese NFD', async () => {
    const stored = async (sent: string) => {
      const { url } = await tusUpload(backend.endpoint, samples.png(), metadataFor(sent, 'image/png'));
      return (await uploadRow(backend.db, idOf(url)))!.file_name;
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
