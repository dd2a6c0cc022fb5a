/**
 * The upload endpoint on the S3 store (`UPLOAD_STORE=s3`, `@tus/s3-store`)
 * against a real S3-compatible server: resumable uploads in several
 * multipart parts, a resume from a new client, the content check, a cancel
 * and the expiry sweep, each read back from the bucket.
 *
 * Runs when `S3_TEST_ENDPOINT` names a server whose bucket `S3_TEST_BUCKET`
 * (default `dvc-uploads-test`) the keys `S3_TEST_ACCESS_KEY_ID` and
 * `S3_TEST_SECRET_ACCESS_KEY` (default: `.ci/s3-server`'s) may create and
 * write; skipped otherwise. CI starts OpenStack Swift with its S3 API for it;
 * by hand: `.ci/s3-server start && S3_TEST_ENDPOINT=http://127.0.0.1:18089
 * node --import tsx --test test/backend/uploads-s3.test.ts`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as tus from 'tus-js-client';
import { readUploadConfig, type UploadConfig } from '../../demo/server/uploads/config.js';
import { createUploadStore, storedInFull, type UploadStore } from '../../demo/server/uploads/store.js';
import { sweepExpiredUploads } from '../../demo/server/uploads/sweep.js';
import { API, startTestBackend, type TestBackend } from './helpers.js';
import {
  idOf,
  KiB,
  metadataFor,
  MiB,
  samples,
  secretHeader,
  sha256,
  tusFailure,
  tusRequest,
  tusUpload,
} from './uploads-fixtures.js';

const ENDPOINT = process.env.S3_TEST_ENDPOINT?.trim();
const BUCKET = process.env.S3_TEST_BUCKET?.trim() || 'dvc-uploads-test';
const PDF = 'application/pdf';

let backend: TestBackend;
let store: UploadStore;
let config: UploadConfig;
let endpoint: string;
let s3: S3Client;

async function bucketBytes(id: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.read(id)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const exists = (key: string): Promise<boolean> =>
  s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
    () => true,
    () => false,
  );

describe(
  'uploads on the S3 store',
  { skip: ENDPOINT ? false : 'S3_TEST_ENDPOINT is not set (see the header of this file)' },
  () => {
    before(async () => {
      const env = {
        UPLOAD_STORE: 's3',
        S3_BUCKET: BUCKET,
        S3_REGION: process.env.S3_TEST_REGION ?? 'us-east-1',
        S3_ENDPOINT: ENDPOINT!,
        S3_ACCESS_KEY_ID: process.env.S3_TEST_ACCESS_KEY_ID ?? 'test:tester',
        S3_SECRET_ACCESS_KEY: process.env.S3_TEST_SECRET_ACCESS_KEY ?? 'testing',
        UPLOAD_MAX_FILE_BYTES: String(20 * MiB),
      };
      config = readUploadConfig(env, '/nonexistent');
      assert.equal(config.store.kind, 's3');
      s3 = new S3Client({
        endpoint: ENDPOINT,
        region: env.S3_REGION,
        forcePathStyle: true,
        credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
      });
      await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch((error: Error) => {
        if (!/BucketAlready(Exists|OwnedByYou)/.test(error.name)) throw error;
      });
      store = await createUploadStore(config);
      backend = await startTestBackend({ uploads: { store, limits: config.limits } });
      endpoint = `${backend.url}${API}/uploads`;
    });
    after(async () => {
      s3?.destroy();
      await backend?.close();
    });

    test('a 12 MiB file in 1 MiB chunks becomes two multipart parts and an object identical to the file', async () => {
      const data = samples.pdf(12 * MiB);
      const { url, chunks } = await tusUpload(endpoint, data, metadataFor('giay-chung-sinh.pdf', PDF), {
        chunkSize: MiB,
      });
      assert.equal(chunks.length, 12);
      const id = idOf(url);
      assert.equal(sha256(await bucketBytes(id)), sha256(data));
      assert.equal(await storedInFull(store)(id), true, 'the store says it is complete');
    });

    test('an upload stopped after 3 MiB resumes from a new client where the bucket says, and completes', async () => {
      const data = samples.pdf(9 * MiB + 123);
      const metadata = metadataFor('anh-chup.pdf', PDF);
      // The first client stops after three chunks (a closed tab): only the upload's address survives.
      const uploadUrl = await new Promise<string>((done, fail) => {
        const upload: tus.Upload = new tus.Upload(data, {
          endpoint,
          metadata: { ...metadata },
          headers: secretHeader(metadata.draft),
          chunkSize: MiB,
          retryDelays: [],
          storeFingerprintForResuming: false,
          onChunkComplete: (_size, accepted) => {
            if (accepted < 3 * MiB) return;
            void upload.abort();
            done(upload.url!);
          },
          onSuccess: () => fail(new Error('finished before it was stopped')),
          onError: fail,
        });
        upload.start();
      });
      const { chunks } = await tusUpload(endpoint, data, metadata, { chunkSize: MiB, uploadUrl });
      assert.equal(chunks.length, 7, 'the resumed client did not start at 3 MiB');
      assert.equal(sha256(await bucketBytes(idOf(uploadUrl))), sha256(data));
    });

    test('an executable named .pdf is refused on its first chunk and leaves nothing in the bucket', async () => {
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200 * KiB, 7)]);
      let id = '';
      const failure = await tusUpload(endpoint, exe, metadataFor('giay-to.pdf', PDF), {
        onBeforeRequest: (request) => {
          if (request.getURL().includes('/uploads/')) id = idOf(request.getURL());
        },
      }).then(() => assert.fail('accepted'), tusFailure);
      assert.equal(failure.status, 415);
      assert.equal(failure.error.code, 'content_mismatch');
      assert.ok(id);
      assert.equal(await exists(id), false, 'the object is still in the bucket');
      assert.equal(await exists(`${id}.info`), false, 'the upload record is still in the bucket');
    });

    test('in chunks smaller than the first 4 KiB, the check reads them back from the incomplete part', async () => {
      const pdf = samples.pdf(20 * KiB);
      const { url, chunks } = await tusUpload(endpoint, pdf, metadataFor('nho.pdf', PDF), { chunkSize: KiB });
      assert.equal(chunks.length, 20);
      assert.equal(sha256(await bucketBytes(idOf(url))), sha256(pdf));
      let stored = 0;
      const failure = await tusUpload(endpoint, samples.exe(20 * KiB), metadataFor('nho.pdf', PDF), {
        chunkSize: KiB,
        onChunkComplete: () => (stored += 1),
      }).then(() => assert.fail('accepted'), tusFailure);
      assert.deepEqual(
        { stored, status: failure.status, code: failure.error.code },
        { stored: 3, status: 415, code: 'content_mismatch' },
      );
    });

    test('a cancelled upload and an expired one are removed from the bucket', async () => {
      const metadata = metadataFor('a.pdf', PDF);
      const cancelled = await tusUpload(endpoint, samples.pdf(300 * KiB), metadata);
      const response = await tusRequest(cancelled.url, 'DELETE', metadata.draft);
      assert.equal(response.status, 204);
      assert.equal(await exists(idOf(cancelled.url)), false);

      const expired = idOf((await tusUpload(endpoint, samples.pdf(300 * KiB), metadataFor('b.pdf', PDF))).url);
      assert.equal(await exists(expired), true);
      const later = new Date(Date.now() + (config.limits.ttlHours + 1) * 3_600_000);
      const removed = await sweepExpiredUploads(
        { db: backend.db, store, ttlHours: config.limits.ttlHours, log: () => {} },
        later,
      );
      assert.ok((removed ?? 0) >= 1, 'this sweeper removed it');
      assert.equal(await exists(expired), false);
    });
  },
);
