/**
 * Where upload bytes live: `@tus/file-store` in a folder (the default; one
 * disk, nothing to run) or `@tus/s3-store` in an S3-compatible bucket for a
 * deployment that outgrows one disk or runs several replicas.
 *
 * Both are told the expiry, so the tus answers carry `Upload-Expires` and a
 * stale upload is refused (410) even before the sweep removes it.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { type DataStore, ERRORS, Upload } from '@tus/utils';
import type { UploadConfig } from './config.js';

/** A tus store that can also hand back an upload's bytes (both stores can; the base class does not say so). */
export type UploadStore = DataStore & { read(id: string): Readable | Promise<Readable> };

/**
 * S3 multipart parts: S3's minimum is 5 MiB. 8 MiB keeps a 20 MiB file to
 * three parts; smaller tus chunks wait in an "incomplete part" object.
 */
const S3_PART_BYTES = 8 * 2 ** 20;

/**
 * How much of a request body may wait in memory while the disk takes the
 * previous write. With Node's default (16 KiB) every 64 KiB the socket
 * delivers is one `write` call and a pause of the socket, 300 of each for a
 * 20 MB file; with room to queue, what arrives during a write goes down in
 * one `writev`. Measured on loopback: a quarter less CPU per upload. The
 * queue only grows while the disk is slower than the network, and 1 MiB
 * bounds what each upload can hold in memory then.
 */
const WRITE_QUEUE_BYTES = 2 ** 20;

/**
 * Appends `body` to the file at `path` from `offset` on; returns the bytes written.
 * The one way uploaded bytes reach the disk (the file store below, and the
 * benchmarks' plain-PUT baseline, so that both write alike).
 */
export async function writeAt(body: Readable, path: string, offset: number): Promise<number> {
  const file = createWriteStream(path, { flags: 'r+', start: offset, highWaterMark: WRITE_QUEUE_BYTES });
  await pipeline(body, file);
  return file.bytesWritten;
}

/**
 * `@tus/file-store`, with fewer waits on the disk per request:
 * - it writes through {@link writeAt};
 * - it creates an upload's empty file and tus's record of it side by side
 *   (the folder is made once, at start-up, not before every file);
 * - it keeps the records of the uploads it created until they complete or
 *   go: a record never changes once written (lengths are never deferred
 *   here), so finding an upload's offset takes one `stat`, not a read of
 *   the record as well. Uploads it did not create (before a restart) are
 *   read from disk as always.
 */
class UploadFileStore extends FileStore {
  private readonly records = new Map<string, Pick<Upload, 'size' | 'metadata' | 'creation_date'>>();

  private path(id: string): string {
    // Ids are our own 22 base64url characters (see endpoint.ts): no folder can hide in one.
    return join(this.directory, id);
  }

  override async create(upload: Upload): Promise<Upload> {
    const path = this.path(upload.id);
    await Promise.all([writeFile(path, ''), this.configstore.set(upload.id, upload)]);
    this.records.set(upload.id, { size: upload.size, metadata: upload.metadata, creation_date: upload.creation_date });
    upload.storage = { type: 'file', path };
    return upload;
  }

  override async write(body: Readable, id: string, offset: number): Promise<number> {
    try {
      return offset + (await writeAt(body, this.path(id), offset));
    } catch {
      throw ERRORS.FILE_WRITE_ERROR;
    }
  }

  override async getUpload(id: string): Promise<Upload> {
    const record = this.records.get(id);
    if (!record) return super.getUpload(id);
    const path = this.path(id);
    const { size: offset } = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? ERRORS.FILE_NO_LONGER_EXISTS : error;
    });
    if (offset === record.size) this.records.delete(id);
    return new Upload({ id, ...record, offset, storage: { type: 'file', path } });
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    this.records.delete(id);
    await super.declareUploadLength(id, length);
  }

  override async remove(id: string): Promise<void> {
    this.records.delete(id);
    await super.remove(id);
  }
}

/**
 * `@tus/s3-store` with a `remove` that works on finished uploads and on
 * S3-compatible services. Its own aborts the upload's multipart upload
 * first; once the upload is complete there is none (S3 answers
 * NoSuchUpload), and it gives up with "not found", leaving the object and
 * its record in the bucket: a file refused by the content check, a
 * finished file the citizen removes and an expired one the sweep removes
 * would all stay. It then deletes with one DeleteObjects, which the AWS SDK
 * now sends without the Content-MD5 that several S3-compatible services
 * (OpenStack Swift's S3 API among them) require. Found by
 * test/backend/uploads-s3.test.ts against Swift.
 */
async function s3Store(options: ConstructorParameters<typeof import('@tus/s3-store').S3Store>[0]): Promise<UploadStore> {
  const { S3Store } = await import('@tus/s3-store');
  class UploadS3Store extends S3Store {
    override async remove(id: string): Promise<void> {
      // No record: not an upload of ours, which tus answers with 404.
      const metadata = await this.getMetadata(id).catch(() => {
        throw ERRORS.FILE_NOT_FOUND;
      });
      const uploadId = metadata['upload-id'];
      const missing = (error: { name?: string }) => {
        if (error.name !== 'NoSuchUpload' && error.name !== 'NoSuchKey' && error.name !== 'NotFound') throw error;
      };
      // Still running: its parts go. Finished: there is nothing to abort.
      if (uploadId) await this.client.abortMultipartUpload({ Bucket: this.bucket, Key: id, UploadId: uploadId }).catch(missing);
      for (const key of [id, this.partKey(id, true), this.infoKey(id)]) {
        await this.client.deleteObject({ Bucket: this.bucket, Key: key }).catch(missing);
      }
      await this.clearCache(id);
    }
  }
  return new UploadS3Store(options);
}

export async function createUploadStore(config: UploadConfig): Promise<UploadStore> {
  const expirationPeriodInMilliseconds = config.limits.ttlHours * 3_600_000;
  const { store } = config;
  if (store.kind === 'file') {
    await mkdir(store.directory, { recursive: true });
    return new UploadFileStore({ directory: store.directory, expirationPeriodInMilliseconds });
  }
  // Loaded only when chosen: the AWS SDK is large and slow to import.
  return s3Store({
    partSize: S3_PART_BYTES,
    expirationPeriodInMilliseconds,
    // No object tags: the store would tag every upload for a bucket lifecycle rule to expire,
    // but our own sweep removes expired uploads (it reads the uploads table), and many
    // S3-compatible services (OpenStack Swift's S3 API among them) refuse tags with 501.
    useTags: false,
    s3ClientConfig: {
      bucket: store.bucket,
      region: store.region,
      // Checksums only where S3 requires them: by default the AWS SDK streams each part with a
      // CRC32 trailer (`aws-chunked`), which S3-compatible services that predate it answer with 501.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(store.endpoint && { endpoint: store.endpoint, forcePathStyle: true }),
      ...(store.credentials && { credentials: store.credentials }),
    },
  });
}
