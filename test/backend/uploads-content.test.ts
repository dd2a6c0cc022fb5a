/**
 * The content check on an upload's first bytes: a file whose bytes are not
 * of its declared type (an executable renamed .pdf, a PNG sent as a PDF) is
 * refused on its first chunk and removed, with the connection still usable.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { describe, test } from 'node:test';
import type * as tus from 'tus-js-client';
import { UPLOAD_SECRET_HEADER } from '../../src/api/contract/index.js';
import { limits, PDF, useUploadBackend, storedFileIds, uploadRow } from './uploads-backend.js';
import {
  encodeMetadata,
  head,
  idOf,
  KiB,
  metadataFor,
  MiB,
  newUploadSecret,
  samples,
  sha256,
  storedBytes,
  tusFailure,
  tusUpload,
} from './uploads-fixtures.js';

const backend = useUploadBackend();

describe('content check on the first bytes', () => {
  /** Uploads and expects the refusal; returns the upload's id, the error and the chunks stored before it. */
  async function refused(data: Buffer, name: string, type: string, options: Partial<tus.UploadOptions> = {}) {
    let url = '';
    let stored = 0;
    const metadata = metadataFor(name, type);
    const failure = await tusUpload(backend.endpoint, data, metadata, {
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
    assert.equal((await head(`${backend.endpoint}/${id}`, draft)).status, 404);
    assert.ok(!(await storedFileIds(backend.uploadDir)).includes(id), 'the bytes are deleted');
    assert.equal(await uploadRow(backend.db, id), undefined, 'the row is deleted');
  });

  test('sent with the creation request, as the widget sends its first chunk, it is refused by that request', async () => {
    const storedBefore = await readdir(backend.uploadDir);
    let created = '';
    const failure = await tusUpload(backend.endpoint, samples.exe(MiB), metadataFor('to-khai.pdf', PDF), {
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
    assert.deepEqual(await readdir(backend.uploadDir), storedBefore, 'nothing is left in the store, bytes or record');
  });

  test('a refusal arrives while the client is still sending, on a connection that stays usable', async () => {
    const exe = samples.exe(limits.maxFileBytes);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, headers: Record<string, string>, body?: Buffer) =>
      new Promise<{ status: number; text: string; reused: boolean }>((done, fail) => {
        const outgoing = request(
          backend.endpoint,
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
    const { url, chunks } = await tusUpload(backend.endpoint, pdf, metadataFor('nho.pdf', PDF), { chunkSize: KiB });
    assert.equal(chunks.length, 20);
    assert.equal(sha256(await storedBytes(backend.uploadDir, idOf(url))), sha256(pdf));
    // Chunks 1 to 3 lie inside the first 4 KiB and are kept; the 4th completes them, with the stored 3 KiB read back.
    const { id, draft, stored, status } = await refused(samples.exe(20 * KiB), 'nho.pdf', PDF, { chunkSize: KiB });
    assert.deepEqual({ stored, status }, { stored: 3, status: 415 });
    assert.equal((await head(`${backend.endpoint}/${id}`, draft)).status, 404);
    assert.equal(await uploadRow(backend.db, id), undefined);
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
