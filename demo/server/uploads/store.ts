/**
 * Where upload bytes live: `@tus/file-store` in a folder (the default; one
 * disk, nothing to run) or `@tus/s3-store` in an S3-compatible bucket for a
 * deployment that outgrows one disk or runs several replicas.
 *
 * Both are told the expiry, so the tus answers carry `Upload-Expires` and a
 * stale upload is refused (410) even before the sweep removes it.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { type DataStore, ERRORS, Upload } from '@tus/utils';
import type { UploadConfig } from './config.js';

/** A tus store that can also hand back an upload's bytes (both stores can; the base class does not say so). */
export type UploadStore = DataStore & {
  /** The upload's bytes from its start, finished or not. */
  read(id: string): Readable | Promise<Readable>;
  /** Where the store can tell: whether the bytes of a finished upload of `size` bytes really are there. */
  confirmStored?(id: string, size: number): Promise<boolean>;
};

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
 * Writes `body` into the file at `path` from `offset` on (creating the file
 * when that is its start); returns the bytes written. The one way uploaded
 * bytes reach the disk (the file store below, and the benchmarks'
 * plain-PUT baseline, so that both write alike).
 */
export async function writeAt(body: Readable, path: string, offset: number): Promise<number> {
  const file = createWriteStream(path, {
    flags: offset === 0 ? 'w' : 'r+',
    start: offset,
    highWaterMark: WRITE_QUEUE_BYTES,
  });
  await pipeline(body, file);
  return file.bytesWritten;
}

interface UploadRecord extends Pick<Upload, 'size' | 'metadata' | 'creation_date'> {
  /** The offset the last write returned; unknown while a write runs or after one failed. */
  written?: number;
  /** tus's record of the upload on disk, being written. */
  saved?: Promise<void>;
}

const missing = (error: NodeJS.ErrnoException): boolean => error.code === 'ENOENT';

/**
 * `@tus/file-store`, with as few waits on the disk as an upload can have:
 * - creating an upload waits for nothing: tus's record of it (a JSON file)
 *   is written while the first bytes arrive, and the upload's own file is
 *   made by its first write; until then it is an upload with nothing
 *   stored (offset 0), and removing it removes whichever of the two exists;
 * - it writes through {@link writeAt};
 * - it keeps the records of the uploads it created until they complete or
 *   go: a record never changes once written (lengths are never deferred
 *   here), so finding an upload's offset takes one `stat`, not a read of
 *   the record as well, and none at all right after a write of its own,
 *   which returned the offset (tus asks for it again before answering the
 *   request that created the upload). Uploads it did not create (before a
 *   restart) are read from disk.
 */
class UploadFileStore extends FileStore {
  private readonly records = new Map<string, UploadRecord>();

  private path(id: string): string {
    // Ids are our own 22 base64url characters (see endpoint.ts): no folder can hide in one.
    return join(this.directory, id);
  }

  override async create(upload: Upload): Promise<Upload> {
    const saved = this.configstore.set(upload.id, upload);
    // Awaited by the first write; a creation without bytes is answered without it. Not saved, not known:
    // the client's next request gets a 404 and starts again, instead of failing on every write.
    saved.catch(() => this.records.delete(upload.id));
    this.records.set(upload.id, {
      size: upload.size,
      metadata: upload.metadata,
      creation_date: upload.creation_date,
      saved,
    });
    upload.storage = { type: 'file', path: this.path(upload.id) };
    return upload;
  }

  override async write(body: Readable, id: string, offset: number): Promise<number> {
    const record = this.records.get(id);
    if (record) record.written = undefined;
    try {
      const bytes = await writeAt(body, this.path(id), offset);
      await record?.saved;
      if (record) record.written = offset + bytes;
      return offset + bytes;
    } catch {
      throw ERRORS.FILE_WRITE_ERROR;
    }
  }

  override async getUpload(id: string): Promise<Upload> {
    const record: UploadRecord | undefined = this.records.get(id) ?? (await this.configstore.get(id));
    if (!record) throw ERRORS.FILE_NOT_FOUND;
    const path = this.path(id);
    const offset =
      record.written ??
      (await stat(path).then(
        (file) => file.size,
        (error: NodeJS.ErrnoException) => {
          if (missing(error)) return 0;
          throw error;
        },
      ));
    if (offset === record.size) this.records.delete(id);
    const { size, metadata, creation_date } = record;
    return new Upload({ id, size, metadata, creation_date, offset, storage: { type: 'file', path } });
  }

  override async declareUploadLength(id: string, length: number): Promise<void> {
    this.records.delete(id);
    await super.declareUploadLength(id, length);
  }

  override async remove(id: string): Promise<void> {
    const record = this.records.get(id);
    this.records.delete(id);
    await record?.saved?.catch(() => {});
    const gone = await Promise.all(
      [rm(this.path(id)), this.configstore.delete(id)].map((removal) =>
        removal.then(
          () => false,
          (error: NodeJS.ErrnoException) => {
            if (missing(error)) return true;
            throw error;
          },
        ),
      ),
    );
    if (gone.every(Boolean)) throw ERRORS.FILE_NOT_FOUND;
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
async function s3Store(
  options: ConstructorParameters<typeof import('@tus/s3-store').S3Store>[0],
): Promise<UploadStore> {
  const { S3Store } = await import('@tus/s3-store');
  const notFound = (error: { name?: string }): boolean =>
    error.name === 'NoSuchUpload' || error.name === 'NoSuchKey' || error.name === 'NotFound';
  class UploadS3Store extends S3Store {
    /**
     * Unfinished, the upload has no object yet: its first bytes (all of them,
     * below the 5 MiB of a part) wait in the "incomplete part" object. The
     * content check reads them there when a request resumes inside them.
     */
    override async read(id: string): Promise<Readable> {
      try {
        return await super.read(id);
      } catch (error) {
        if (!notFound(error as { name?: string })) throw error;
        return ((await this.getIncompletePart(id)) as Readable | undefined) ?? Readable.from([]);
      }
    }

    /** The object, not the record, says whether a finished upload is there: a multipart upload aborted by others also reads as finished. */
    async confirmStored(id: string, size: number): Promise<boolean> {
      try {
        return (await this.client.headObject({ Bucket: this.bucket, Key: id })).ContentLength === size;
      } catch (error) {
        if (notFound(error as { name?: string })) return false;
        throw error;
      }
    }

    override async remove(id: string): Promise<void> {
      // No record: not an upload of ours, which tus answers with 404.
      const metadata = await this.getMetadata(id).catch(() => {
        throw ERRORS.FILE_NOT_FOUND;
      });
      const uploadId = metadata['upload-id'];
      const missing = (error: { name?: string }) => {
        if (!notFound(error)) throw error;
      };
      // Still running: its parts go. Finished: there is nothing to abort.
      if (uploadId)
        await this.client.abortMultipartUpload({ Bucket: this.bucket, Key: id, UploadId: uploadId }).catch(missing);
      for (const key of [id, this.partKey(id, true), this.infoKey(id)]) {
        await this.client.deleteObject({ Bucket: this.bucket, Key: key }).catch(missing);
      }
      await this.clearCache(id);
    }
  }
  return new UploadS3Store(options);
}

/**
 * Whether `store` holds every byte of an upload, and the upload has not
 * expired (the sweep may be removing it). False for an upload the store
 * does not know; a store that fails throws.
 */
export const storedInFull =
  (store: UploadStore) =>
  async (id: string): Promise<boolean> => {
    let upload: Upload;
    try {
      upload = await store.getUpload(id);
    } catch (error) {
      if (error === ERRORS.FILE_NOT_FOUND || error === ERRORS.FILE_NO_LONGER_EXISTS) return false;
      throw error;
    }
    if (upload.size === undefined || upload.offset !== upload.size) return false;
    const expiration = store.getExpiration();
    if (expiration > 0 && upload.creation_date && Date.parse(upload.creation_date) + expiration <= Date.now())
      return false;
    return store.confirmStored ? store.confirmStored(id, upload.size) : true;
  };

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
